import path from 'node:path';
import { listSourceFiles } from '../synth/sources';
import type { ArtifactSpec } from './types';
import type { ReviewDefinition } from './run';

/** Settings of the reference CDK app that the dashboard lets an admin change (infra/lib/config.ts). */
export interface ReferenceSettings {
  natGateways?: number;
}

/** Id of the review of the bundled model output against the `infra/` reference. */
export const BUNDLED_REVIEW_ID = 'bundled';

/** Root of the project (where `infra/` lives): INFRA_REVIEW_ROOT, or the working directory. */
export function projectRoot(): string {
  // Read at run time (`next start` serves from the checkout); traced, it pulls the whole project, .cache's venvs included, into the build.
  return path.resolve(/* turbopackIgnore: true */ process.env.INFRA_REVIEW_ROOT ?? process.cwd());
}

/** The reference: the CDK app in `infra/`, synthesized in-process, with its TypeScript sources for the source rules. */
export function referenceSpec(root = projectRoot(), config: ReferenceSettings = {}): ArtifactSpec {
  const appDir = path.join(root, 'infra');
  return {
    label: 'reference',
    cdk: {
      appDir,
      module: 'lib/reference-stack.ts',
      builder: 'buildReferenceApp',
      ...(Object.keys(config).length > 0 ? { config: { ...config } } : {}),
    },
    sources: listSourceFiles(appDir).filter((f) => /\.(ts|py)$/.test(f)),
  };
}

/** The bundled model output: its answer in markdown (sources) and the synthesized template of its port, with the port's construct paths. */
export function bundledModelSpec(root = projectRoot()): ArtifactSpec {
  return {
    label: 'model',
    file: path.join(root, 'infra/model/model.template.json'),
    constructPaths: path.join(root, 'infra/model/model.constructs.json'),
    markdown: path.join(root, 'infra/model/MODEL_RESPONSE.md'),
  };
}

/** The bundled review: the model's output in `infra/model/` against the reference in `infra/`. */
export function bundledReview(root = projectRoot(), config: ReferenceSettings = {}): ReviewDefinition {
  return {
    id: BUNDLED_REVIEW_ID,
    name: 'Bundled model output vs. infra/ reference',
    reference: referenceSpec(root, config),
    model: bundledModelSpec(root),
  };
}
