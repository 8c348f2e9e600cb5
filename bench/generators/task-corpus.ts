import fs from 'node:fs';
import path from 'node:path';

/** A small CloudFormation template (YAML, short-form tags) whose variant `i` differs in names and in what is wrong with it. */
export function templateVariant(i: number, { fixed = false }: { fixed?: boolean } = {}): string {
  const action = fixed ? 'dynamodb:GetItem' : ['dynamodb:*', 's3:*', '*'][i % 3];
  const resource = fixed ? '!GetAtt Table.Arn' : "'*'";
  return `AWSTemplateFormatVersion: '2010-09-09'
Description: Task ${i}
Resources:
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: table-${i}
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
      KeySchema: [{ AttributeName: pk, KeyType: HASH }]
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: 'sts:AssumeRole' }] }
      Policies:
        - PolicyName: data
          PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Action: '${action}', Resource: ${resource} }] }
  Fn${i % 7}:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: !GetAtt Role.Arn
      Environment: { Variables: { TABLE: !Ref Table } }
      Code: { ZipFile: "def handler(e, c): return ${i}" }
`;
}

/** The files of a CloudFormation task folder (variant `i`): ideal template, model answer in markdown, prompt, metadata, human review. */
export function cfnTaskFiles(i: number): Record<string, string> {
  return {
    'PROMPT.md': `# Task ${i}\n\nWrite a CloudFormation template with a table and a function that reads it.\n`,
    'metadata.json': JSON.stringify({ platform: 'cfn', language: 'yaml', po_id: `task-${i}` }),
    'lib/TapStack.yml': templateVariant(i, { fixed: true }),
    'IDEAL_RESPONSE.md': `# Ideal\n\n\`\`\`yaml\n${templateVariant(i, { fixed: true })}\`\`\`\n`,
    'MODEL_RESPONSE.md': `# Answer\n\nHere is the template:\n\n\`\`\`yaml\n${templateVariant(i)}\`\`\`\n`,
    'MODEL_FAILURES.md': `# Model failures\n\n## Security\n\n1. The role grants wildcard actions.\n`,
  };
}

/** Writes `files` (relative paths) under `dir`. */
export function writeTaskFolder(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

/** Writes `count` CloudFormation task folders `task-0000`... under `root`; returns their paths. */
export function writeCfnCorpus(root: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const dir = path.join(root, `task-${String(i).padStart(4, '0')}`);
    writeTaskFolder(dir, cfnTaskFiles(i));
    return dir;
  });
}
