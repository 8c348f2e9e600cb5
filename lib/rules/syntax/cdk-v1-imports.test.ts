import { describe, expect, it } from 'vitest';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { input, inputFromText, source, synth } from '../test-util';
import type { SourceFile } from '../../templates/types';
import { rule } from './cdk-v1-imports';

/** `file:line` of each violation. */
const lines = (...sources: SourceFile[]) => rule.check(input(undefined, sources)).map((v) => `${v.location?.file}:${v.location?.line}`);

describe('cdk-v1-imports', () => {
  it('non-compliant 1: Python `from aws_cdk import core` and `core as cdk` are reported on their lines', () => {
    const app = source(
      ['#!/usr/bin/env python3', 'from aws_cdk import core', 'from aws_cdk import core as cdk', 'from aws_cdk import aws_s3 as s3'].join(
        '\n',
      ),
    );
    const violations = rule.check(input(undefined, [app]));
    expect(violations.map((v) => v.location)).toEqual([
      { file: 'app.py', line: 2 },
      { file: 'app.py', line: 3 },
    ]);
    expect(violations[0].message).toContain('`core`');
    expect(violations[1].evidence?.[0]).toMatchObject({ location: { file: 'app.py', line: 3 }, value: 'from aws_cdk import core as cdk' });
  });

  it('non-compliant 2: Python module paths `aws_cdk.core` and a parenthesized multi-line import naming core', () => {
    const app = source(
      [
        'import aws_cdk.core as cdk',
        'from aws_cdk.core import App, Stack',
        'from aws_cdk import (',
        '    aws_s3 as s3,',
        '    core,',
        ')',
        'x = 1',
      ].join('\n'),
    );
    expect(lines(app)).toEqual(['app.py:1', 'app.py:2', 'app.py:3']);
  });

  it('non-compliant 3: TypeScript imports and requires of @aws-cdk/core and @aws-cdk/aws-* (lines offset by startLine)', () => {
    const ts: SourceFile = {
      path: 'MODEL_RESPONSE.md',
      language: 'typescript',
      startLine: 10,
      text: [
        "import * as cdk from '@aws-cdk/core';",
        'import {',
        '  Bucket,',
        "} from '@aws-cdk/aws-s3';",
        'const lambda = require("@aws-cdk/aws-lambda");',
        "import { Template } from '@aws-cdk/assertions';",
      ].join('\n'),
    };
    expect(lines(ts)).toEqual(['MODEL_RESPONSE.md:10', 'MODEL_RESPONSE.md:13', 'MODEL_RESPONSE.md:14', 'MODEL_RESPONSE.md:15']);
  });

  it('non-compliant 4: v1 packages in requirements.txt and package.json, Java core, Go v1 module', () => {
    const reqs = source('aws-cdk.core==1.204.0\naws-cdk.aws-s3>=1.0\naws-cdk-lib==2.100.0\nconstructs>=10', 'unknown', 'requirements.txt');
    const pkg = source(
      '{\n  "dependencies": {\n    "@aws-cdk/core": "^1.200.0",\n    "aws-cdk-lib": "^2.0.0"\n  }\n}',
      'unknown',
      'package.json',
    );
    const java = source('import software.amazon.awscdk.core.App;\nimport software.amazon.awscdk.services.s3.Bucket;', 'java', 'App.java');
    const go = source('import (\n\t"github.com/aws/aws-cdk-go/awscdk"\n\t"github.com/aws/aws-cdk-go/awscdk/v2/awss3"\n)', 'go', 'main.go');
    expect(lines(reqs, pkg, java, go)).toEqual(['requirements.txt:1', 'requirements.txt:2', 'package.json:3', 'App.java:1', 'main.go:2']);
  });

  it('compliant: CDK v2 imports in every language, alpha modules, comments, and templates (hand-written or synthesized)', () => {
    const py = source(
      [
        'import aws_cdk as cdk',
        'from aws_cdk import App, Stack, aws_s3 as s3',
        'from aws_cdk import (',
        '    aws_lambda as _lambda,',
        '    Duration,',
        ')',
        'import aws_cdk.aws_s3 as s3b',
        'from aws_cdk.aws_s3 import Bucket',
        'import aws_cdk.aws_apigatewayv2_alpha as apigw',
        '# from aws_cdk import core',
        'from constructs import Construct',
        'core_count = 2',
      ].join('\n'),
    );
    const ts = source(
      [
        "import * as cdk from 'aws-cdk-lib';",
        "import { Bucket } from 'aws-cdk-lib/aws-s3';",
        "import * as apigwv2 from '@aws-cdk/aws-apigatewayv2-alpha';",
        "import { diffTemplate } from '@aws-cdk/cloudformation-diff';",
        "// import * as cdk from '@aws-cdk/core';",
      ].join('\n'),
      'typescript',
      'app.ts',
    );
    const reqs = source('aws-cdk-lib==2.150.0\naws-cdk.aws-lambda-python-alpha==2.150.0a0\n', 'unknown', 'requirements.txt');
    const java = source('import software.amazon.awscdk.App;\nimport software.amazon.awscdk.services.s3.Bucket;', 'java', 'App.java');
    const go = source('import "github.com/aws/aws-cdk-go/awscdk/v2"', 'go', 'main.go');
    expect(lines(py, ts, reqs, java, go)).toEqual([]);
    const truncated = source('from aws_cdk import (\n    aws_s3,', 'python', 'block1.py');
    expect(lines(truncated, source('core = load()\nprint(core)', 'python', 'block2.py'))).toEqual([]);
    expect(rule.check(inputFromText('Resources:\n  B: { Type: AWS::S3::Bucket }\n'))).toEqual([]);
    expect(rule.check(input(synth((stack) => new s3.Bucket(stack, 'Bucket'))))).toEqual([]);
  });
});
