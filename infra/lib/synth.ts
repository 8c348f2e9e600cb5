import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, LegacyStackSynthesizer, type DockerImageAssetLocation, type FileAssetLocation, type Stack } from 'aws-cdk-lib';

/** An app that writes only into a fresh temp dir and adds no CDKMetadata resource, so templates are deterministic and synthesis is silent. */
export function createSynthApp(): App {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-review-cdk-'));
  // infra-review runs its own rules on the template; CDK's built-in validator would only add console output and seconds.
  return new App({ outdir, analyticsReporting: false, builtinCloudFormationValidation: false });
}

/**
 * A synthesizer whose stacks deploy to a plain CloudFormation endpoint with the caller's own
 * credentials: no bootstrap roles in the manifest, no BootstrapVersion parameter or rule, and
 * synthesis throws as soon as anything (inline code too large, autoDeleteObjects, a custom
 * resource provider) tries to add an asset.
 */
export class AssetFreeSynthesizer extends LegacyStackSynthesizer {
  public override addFileAsset(): FileAssetLocation {
    throw new Error('This stack must stay asset-free (no bootstrap bucket to upload to): remove the construct that adds a file asset');
  }

  public override addDockerImageAsset(): DockerImageAssetLocation {
    throw new Error('This stack must stay asset-free (no bootstrap repository): remove the construct that adds a Docker image asset');
  }
}

/** A fresh {@link AssetFreeSynthesizer}; synthesizers bind to one stack, so each stack needs its own. */
export function assetFreeSynthesizer(): AssetFreeSynthesizer {
  return new AssetFreeSynthesizer();
}

/** The synthesized template of `stack` as plain JSON; the app's temp outdir is removed afterwards. */
export function synthesizeTemplate(built: { app: App; stack: Stack }): Record<string, unknown> {
  const assembly = built.app.synth();
  try {
    const template: unknown = assembly.getStackArtifact(built.stack.artifactId).template;
    return JSON.parse(JSON.stringify(template)) as Record<string, unknown>;
  } finally {
    fs.rmSync(assembly.directory, { recursive: true, force: true });
  }
}
