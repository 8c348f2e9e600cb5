/* Lambda functions of a template: which ones the app defines, their execution role, and what names them. */
import { referencedOfType, refersTo, resourcesOfType } from '../../templates/query';
import type { CfnResource, CfnTemplate, CfnValue } from '../../templates/types';

/**
 * `[logicalId, function]` of the `AWS::Lambda::Function`s the application defines, in template order.
 * CDK's own framework handlers (singleton functions such as LogRetention or AwsCustomResource, whose IDs
 * embed a 32-hex UUID, and `...CustomResourceProviderHandler`s) are left out: the app does not own them.
 */
export function applicationFunctions(template: CfnTemplate): [string, CfnResource][] {
  return resourcesOfType(template, 'AWS::Lambda::Function').filter(([id]) => !isFrameworkHandler(id));
}

/** Logical ID of the `AWS::IAM::Role` of the template that a function's `Role` references, if any. */
export function executionRoleId(template: CfnTemplate, fn: CfnResource): string | undefined {
  return referencedOfType(template, fn.Properties?.Role, 'AWS::IAM::Role')[0];
}

/** A function's literal `FunctionName`, when it has one (otherwise CloudFormation generates the name). */
export function literalFunctionName(fn: CfnResource | undefined): string | undefined {
  const name = fn?.Properties?.FunctionName;
  return typeof name === 'string' ? name : undefined;
}

/**
 * Whether `value` (a FunctionName property, an alarm dimension...) designates the function `fnId`: it
 * references it (or one of its `AWS::Lambda::Version`/`Alias`), or is its literal name or ARN.
 */
export function namesFunction(template: CfnTemplate, value: CfnValue | undefined, fnId: string): boolean {
  if (refersTo(value, fnId)) return true;
  const name = literalFunctionName(template.Resources[fnId]);
  if (name && typeof value === 'string' && (value === name || value.endsWith(`:function:${name}`) || value.includes(`:function:${name}:`)))
    return true;
  return [...referencedOfType(template, value, 'AWS::Lambda::Version'), ...referencedOfType(template, value, 'AWS::Lambda::Alias')].some(
    (id) => refersTo(template.Resources[id].Properties?.FunctionName, fnId),
  );
}

/** Whether a logical ID is one of CDK's framework handlers rather than an application function. */
function isFrameworkHandler(id: string): boolean {
  return /[0-9a-f]{32}/i.test(id) || /CustomResourceProviderHandler[0-9A-F]{8}$/.test(id);
}
