import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { fromObject, hashValue, parseTemplate } from './load';

const yaml = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub '\${AWS::StackName}-data'
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt Role.Arn
      Env: !Join ['', [!Ref Bucket, !Select [0, !GetAZs '']]]
      Flag: !If [IsProd, !Ref AWS::NoValue, !Base64 'x']
`;

describe('parseTemplate', () => {
  it('turns YAML short-form tags into long-form intrinsics', () => {
    const t = parseTemplate(yaml, 't.yaml').template;
    expect(t.Resources.Bucket.Properties?.BucketName).toEqual({ 'Fn::Sub': '${AWS::StackName}-data' });
    expect(t.Resources.Fn.Properties?.Role).toEqual({ 'Fn::GetAtt': ['Role', 'Arn'] });
    expect(t.Resources.Fn.Properties?.Env).toEqual({
      'Fn::Join': ['', [{ Ref: 'Bucket' }, { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }]],
    });
    expect(t.Resources.Fn.Properties?.Flag).toEqual({ 'Fn::If': ['IsProd', { Ref: 'AWS::NoValue' }, { 'Fn::Base64': 'x' }] });
  });

  it('records the line of each resource in YAML and JSON', () => {
    expect(parseTemplate(yaml, 't.yaml').resourceLines).toEqual({ Bucket: 3, Fn: 7 });
    const json = '{\n "Resources": {\n  "A": { "Type": "AWS::SNS::Topic" },\n  "B": { "Type": "AWS::SQS::Queue" }\n }\n}';
    expect(parseTemplate(json, 't.json').resourceLines).toEqual({ A: 3, B: 4 });
  });

  it('records the lines of a 3,000-resource JSON template, each at its own key, in the template order', () => {
    const resources = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`Queue${i}`, { Type: 'AWS::SQS::Queue' }]));
    const json = `{\n "Description": "Queue1 \\"Queue2\\"",\n "Resources": {\n${Object.keys(resources)
      .map((id) => `  "${id}": { "Type": "AWS::SQS::Queue" }`)
      .join(',\n')}\n }\n}`;
    const lines = parseTemplate(json, 't.json').resourceLines;
    expect(Object.keys(lines)).toEqual(Object.keys(resources));
    expect(Object.entries(lines).every(([id, line]) => line === Number(id.slice('Queue'.length)) + 4)).toBe(true);
  });

  it('gives JSON and YAML of the same template the same hash', () => {
    const json = JSON.stringify(parseTemplate(yaml, 't.yaml').template);
    expect(parseTemplate(json, 't.json').hash).toBe(parseTemplate(yaml, 't.yaml').hash);
  });

  it('freezes the template so nothing downstream can mutate it', () => {
    const t = parseTemplate(yaml, 't.yaml').template;
    expect(Object.isFrozen(t.Resources.Fn.Properties)).toBe(true);
    expect(() => {
      'use strict';
      (t.Resources as Record<string, unknown>).X = 1;
    }).toThrow(TypeError);
  });

  it('refuses text that does not parse, naming the line', () => {
    const bad = 'Resources:\n  A:\n    Type: [unclosed\n';
    expect(() => parseTemplate(bad, 'bad.yaml')).toThrow(AppError);
    expect(() => parseTemplate(bad, 'bad.yaml')).toThrow(/bad\.yaml: cannot parse YAML: line \d+/);
  });

  it('refuses a document without Resources', () => {
    expect(() => parseTemplate('{"Foo": 1}', 'x.json')).toThrow(/not a CloudFormation template/);
  });
});

describe('fromObject', () => {
  it("copies before freezing, leaving the caller's object writable", () => {
    const original = { Resources: { A: { Type: 'AWS::SNS::Topic' } } };
    const loaded = fromObject(original);
    expect(Object.isFrozen(original)).toBe(false);
    expect(loaded.hash).toBe(hashValue(original));
  });
});
