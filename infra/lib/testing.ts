import { App, Stack, type StackProps } from 'aws-cdk-lib';

/**
 * A bare stack for unit tests of one construct. CDK's built-in template validator is off: it
 * costs seconds per synthesis, and reference-stack.test.ts runs it once on the whole stack.
 */
export function unitStack(props?: StackProps): Stack {
  return new Stack(new App({ builtinCloudFormationValidation: false }), 'Unit', props);
}
