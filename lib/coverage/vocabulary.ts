/**
 * How prose names AWS resources and properties. Human reviews rarely give logical IDs ("the Lambda function",
 * "a dead letter queue"); the same table reads the engine's messages, so both sides are named in the same terms.
 * General AWS wording only: nothing here refers to one review.
 */
export interface VocabularyEntry {
  pattern: RegExp;
  types?: string[];
  properties?: string[];
}

/** Phrases (case-insensitive, whole words) and the CloudFormation resource types and properties they name. */
export const VOCABULARY: readonly VocabularyEntry[] = [
  { pattern: /\blambda functions?\b|\blambda handlers?\b/, types: ['AWS::Lambda::Function'] },
  { pattern: /\broles?\b/, types: ['AWS::IAM::Role'] },
  { pattern: /\biam polic(?:y|ies)\b|\bpolicy statements?\b/, types: ['AWS::IAM::Policy'] },
  { pattern: /\b(?:s3 )?buckets?\b/, types: ['AWS::S3::Bucket'] },
  { pattern: /\bbucket polic(?:y|ies)\b/, types: ['AWS::S3::BucketPolicy'] },
  { pattern: /\bdynamodb(?: tables?)?\b/, types: ['AWS::DynamoDB::Table'] },
  { pattern: /\bsqs(?: queues?)?\b/, types: ['AWS::SQS::Queue'] },
  { pattern: /\bdead[- ]letter queues?\b|\bdlqs?\b/, types: ['AWS::SQS::Queue'], properties: ['DeadLetterConfig'] },
  { pattern: /\bon-?failure destinations?\b/, properties: ['DestinationConfig'] },
  { pattern: /\bsns(?: topics?)?\b/, types: ['AWS::SNS::Topic'] },
  { pattern: /\bvpcs?\b/, types: ['AWS::EC2::VPC'], properties: ['VpcConfig'] },
  { pattern: /\bsubnets?\b/, types: ['AWS::EC2::Subnet'], properties: ['SubnetIds'] },
  { pattern: /\bnat gateways?\b/, types: ['AWS::EC2::NatGateway'] },
  { pattern: /\binternet gateways?\b/, types: ['AWS::EC2::InternetGateway'] },
  { pattern: /\bsecurity groups?\b/, types: ['AWS::EC2::SecurityGroup'], properties: ['SecurityGroupIds'] },
  { pattern: /\bavailability zones?\b|\bazs?\b/, properties: ['AvailabilityZone'] },
  { pattern: /\bapi gateway\b|\brest apis?\b/, types: ['AWS::ApiGateway::RestApi'] },
  { pattern: /\b(?:api )?stages?\b/, types: ['AWS::ApiGateway::Stage'] },
  { pattern: /\bcloudfront(?: distributions?)?\b/, types: ['AWS::CloudFront::Distribution'] },
  { pattern: /\bcach(?:e|es|ing|ed)\b/, properties: ['Caching'] },
  { pattern: /\balarms?\b/, types: ['AWS::CloudWatch::Alarm'] },
  { pattern: /\bthrottl(?:e|es|ed|ing)\b/, properties: ['Throttles'] },
  { pattern: /\blog groups?\b|\bcloudwatch logs\b/, types: ['AWS::Logs::LogGroup'], properties: ['LoggingConfig'] },
  { pattern: /\bretention\b/, properties: ['RetentionInDays'] },
  { pattern: /\benvironment variables?\b|\benv vars?\b/, properties: ['Environment', 'Variables'] },
  { pattern: /\bprovisioned concurrency\b/, types: ['AWS::Lambda::Alias'], properties: ['ProvisionedConcurrencyConfig'] },
  { pattern: /\baliases\b|\balias\b/, types: ['AWS::Lambda::Alias'] },
  { pattern: /\breserved concurrency\b/, properties: ['ReservedConcurrentExecutions'] },
  { pattern: /\bserver-side encryption\b|\bencrypt(?:ion|ed)?\b/, properties: ['ServerSideEncryption'] },
  { pattern: /\bkms keys?\b/, types: ['AWS::KMS::Key'] },
  { pattern: /\bversioning\b/, properties: ['VersioningConfiguration'] },
  { pattern: /\bpublic access\b/, properties: ['PublicAccessBlockConfiguration'] },
  { pattern: /\bruntimes?\b/, properties: ['Runtime'] },
  { pattern: /\btimeouts?\b/, properties: ['Timeout'] },
  { pattern: /\bmemory size\b/, properties: ['MemorySize'] },
  { pattern: /\bpoint-in-time recovery\b/, properties: ['PointInTimeRecoverySpecification'] },
  { pattern: /\bdeletion polic(?:y|ies)\b|\bremoval polic(?:y|ies)\b/, properties: ['DeletionPolicy'] },
];

/** Resource types and properties that a piece of prose names, by the vocabulary. */
export function vocabularyTerms(text: string): { types: string[]; properties: string[] } {
  const lower = text.toLowerCase();
  const types = new Set<string>();
  const properties = new Set<string>();
  for (const entry of VOCABULARY) {
    if (!entry.pattern.test(lower)) continue;
    for (const t of entry.types ?? []) types.add(t);
    for (const p of entry.properties ?? []) properties.add(p);
  }
  return { types: [...types], properties: [...properties] };
}
