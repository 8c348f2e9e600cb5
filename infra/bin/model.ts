import { App } from 'aws-cdk-lib';
import { MODEL_STACK_ID, ModelStack } from '../model/model-stack';

/** The model's (flawed) stack as a CDK app: `cdk synth --app "npx tsx bin/model.ts"` from infra/. */
const app = new App({ analyticsReporting: false });
new ModelStack(app, MODEL_STACK_ID);
