import { describe, expect, it } from 'vitest';
import { SecretValue } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { inlineFunction, input, inputFromText, logicalId, synthOnce } from '../test-util';
import { isSecretName } from '../util/secrets';
import { rule } from './hardcoded-secrets';

describe('hardcoded-secrets', () => {
  it('non-compliant 1: a password parameter default and a NoEcho default, masked in the evidence', () => {
    const text = `
Parameters:
  DBPassword: { Type: String, Default: Sup3rSecret! }
  Signing: { Type: String, NoEcho: true, Default: abcdef123456 }
Resources:
  Topic: { Type: AWS::SNS::Topic }`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => v.resources)).toEqual([['DBPassword'], ['Signing']]);
    expect(violations[0].evidence).toEqual([
      { resource: 'DBPassword', path: 'Default', value: 'Su… (12 characters)', note: 'parameter with a default secret' },
    ]);
    expect(violations[1].evidence?.[0].note).toBe('NoEcho parameter with a default secret');
  });

  it('non-compliant 2: a literal master password, auth token, secret string and SSM parameter value', () => {
    const text = `
Resources:
  DB: { Type: AWS::RDS::DBInstance, Properties: { Engine: mysql, MasterUsername: admin, MasterUserPassword: Password123! } }
  Cache: { Type: AWS::ElastiCache::ReplicationGroup, Properties: { AuthToken: !Sub 'abcdefghijklmnop1234' } }
  Secret: { Type: AWS::SecretsManager::Secret, Properties: { SecretString: '{"username":"app","password":"hunter2222"}' } }
  Param: { Type: AWS::SSM::Parameter, Properties: { Name: /app/db/password, Type: String, Value: hunter2222 } }`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => [v.resources, v.evidence?.map((e) => [e.path, e.note])])).toEqual([
      [['DB'], [['Properties.MasterUserPassword', 'literal MasterUserPassword']]],
      [['Cache'], [['Properties.AuthToken', 'literal AuthToken']]],
      [['Secret'], [['Properties.SecretString', 'secret string with a literal "password"']]],
      [['Param'], [['Properties.Value', 'SSM parameter /app/db/password stores a secret in plain text']]],
    ]);
  });

  it('non-compliant 3: secret environment variables of a function and a container, and a password in user data', () => {
    const text = `
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties: { Environment: { Variables: { API_KEY: sk-live-1234567890, TABLE_NAME: orders, DB_PASSWORD_SECRET_ARN: !Ref Secret } } }
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties: { ContainerDefinitions: [{ Name: app, Environment: [{ Name: JWT_SECRET, Value: my-jwt-secret }, { Name: PORT, Value: '8080' }] }] }
  Host:
    Type: AWS::EC2::Instance
    Properties:
      UserData:
        Fn::Base64: !Sub |
          #!/bin/bash
          TOKEN=$(curl -X PUT http://169.254.169.254/latest/api/token)
          echo "DB_PASSWORD=Hunter2222" >> /etc/app.env
          mysql -u admin -pHunter2222 -h \${DB.Endpoint.Address}`;
    const violations = rule.check(inputFromText(text));
    expect(violations.map((v) => [v.resources, v.evidence?.map((e) => [e.path, e.note])])).toEqual([
      [['Fn'], [['Properties.Environment.Variables.API_KEY', 'environment variable API_KEY']]],
      [['Task'], [['Properties.ContainerDefinitions.0.Environment.0.Value', 'environment variable JWT_SECRET']]],
      [
        ['Host'],
        [
          ['Properties.UserData', 'user data assigns a literal secret'],
          ['Properties.UserData', 'user data assigns a literal secret'],
        ],
      ],
    ]);
  });

  it('compliant: dynamic references, Refs to NoEcho parameters without default, generated secrets, SSM paths, pointers to secrets', () => {
    const text = `
Parameters:
  DBPassword: { Type: String, NoEcho: true }
  DBUsername: { Type: String, NoEcho: true, Default: dbadmin }
  AmiParameter: { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 }
  PasswordLength: { Type: Number, Default: 32 }
Resources:
  Secret:
    Type: AWS::SecretsManager::Secret
    Properties: { GenerateSecretString: { SecretStringTemplate: '{"username":"app"}', GenerateStringKey: password, PasswordLength: 32 } }
  Plain: { Type: AWS::SecretsManager::Secret, Properties: { SecretString: !Sub '{"username":"app","password":"\${DBPassword}"}' } }
  DB: { Type: AWS::RDS::DBInstance, Properties: { MasterUserPassword: !Sub '{{resolve:secretsmanager:\${Secret}:SecretString:password}}' } }
  DB2: { Type: AWS::RDS::DBInstance, Properties: { MasterUserPassword: !Ref DBPassword } }
  Param: { Type: AWS::SSM::Parameter, Properties: { Name: /app/db/password-secret-arn, Type: String, Value: !Ref Secret } }
  Fn:
    Type: AWS::Lambda::Function
    Properties: { Environment: { Variables: { SECRET_ARN: !Ref Secret, TOKEN_TABLE: tokens, TOKEN_EXPIRY_SECONDS: '3600', JWT_ISSUER: my-app, API_KEY_PARAMETER: /app/api-key, PASSWORD: '{{resolve:ssm-secure:/app/pw:1}}' } } }
  Pool: { Type: AWS::Cognito::UserPoolClient, Properties: { GenerateSecret: true, TokenValidityUnits: { AccessToken: hours } } }
  Host:
    Type: AWS::EC2::Instance
    Properties:
      UserData:
        Fn::Base64: !Sub |
          DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id \${Secret} --query SecretString --output text)
          sed -i 's/PasswordAuthentication yes/PasswordAuthentication no/' /etc/ssh/sshd_config`;
    expect(rule.check(inputFromText(text))).toEqual([]);
  });

  describe('on a CDK-synthesized template', () => {
    const synthesized = synthOnce((stack, ids) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0 });
      const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 });
      const vpcSubnets = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
      const generated = new rds.DatabaseInstance(stack, 'Generated', { engine, vpc, vpcSubnets });
      const literal = new rds.DatabaseInstance(stack, 'Literal', {
        engine,
        vpc,
        vpcSubnets,
        credentials: rds.Credentials.fromPassword('admin', SecretValue.unsafePlainText('Password123!')),
      });
      new secretsmanager.Secret(stack, 'Generated secret');
      inlineFunction(stack, 'Fn', { environment: { SECRET_NAME: 'app/secret' } });
      ids.generated = logicalId(generated);
      ids.literal = logicalId(literal);
    });

    it('reports the instance given a plain-text password, not the one with a generated secret', () => {
      const violations = rule.check(input(synthesized.template));
      expect(violations.map((v) => v.resources)).toEqual([[synthesized.ids.literal]]);
    });
  });

  it('isSecretName tells names holding secrets from names pointing at them', () => {
    expect(['DBPassword', 'API_KEY', 'ClientSecret', 'authToken', 'db-credentials', 'PRIVATE_KEY'].map(isSecretName)).toEqual(
      Array(6).fill(true),
    );
    expect(['SecretArn', 'PasswordLength', 'TOKEN_TABLE', 'KeyName', 'SECRET_NAME', 'api_key_parameter'].map(isSecretName)).toEqual(
      Array(6).fill(false),
    );
  });
});
