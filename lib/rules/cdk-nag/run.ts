import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Finding } from '../finding';
import type { CfnTemplate } from '../../templates/types';
import { baseNagRuleId, nagCategory, nagRuleTopic, nagSeverity } from './mapping';
import { RULE_PACKS, type RulePackId } from './packs';

/** Rule id of the finding that says cdk-nag could not run on a template. */
export const NAG_UNAVAILABLE_RULE = 'cdk-nag/unavailable';

type NagModule = typeof import('cdk-nag');
type CdkModules = { core: typeof import('aws-cdk-lib'); include: typeof import('aws-cdk-lib/cloudformation-include'); nag: NagModule };

interface NagPackInstance {
  validateScope(scope: unknown): {
    violations: {
      ruleName: string;
      description: string;
      severity?: string;
      fix?: string;
      violatingResources: { constructPath?: string; resourceLogicalId?: string; locations: string[] }[];
    }[];
  };
}

let modules: Promise<CdkModules> | undefined;
const packInstances = new Map<RulePackId, NagPackInstance>();

/**
 * aws-cdk-lib and cdk-nag, loaded once per process on first use (the cold cost of the first run). Resolved from the
 * project root with require, like the validator's worker: a dynamic import() breaks under tsx's CommonJS transform.
 */
function loadModules(): Promise<CdkModules> {
  modules ??= new Promise<CdkModules>((resolve) => {
    const load = createRequire(path.join(process.cwd(), 'package.json'));
    resolve({ core: load('aws-cdk-lib'), include: load('aws-cdk-lib/cloudformation-include'), nag: load('cdk-nag') });
  });
  modules.catch(() => (modules = undefined));
  return modules;
}

/** One instance per pack, kept: a pack resets its violations at every `validateScope`, so instances are reusable. */
function packInstance(nag: NagModule, id: RulePackId): NagPackInstance {
  let pack = packInstances.get(id);
  if (!pack) {
    const Pack = nag[RULE_PACKS[id].className] as unknown as new () => NagPackInstance;
    pack = new Pack();
    packInstances.set(id, pack);
  }
  return pack;
}

/**
 * Runs the selected cdk-nag packs on any CloudFormation template: a deep copy is written to a private temporary file,
 * included into a fresh App/Stack with CfnInclude, and each pack validates the construct tree. One finding per rule
 * and resource (source `cdk-nag`); the input template is never mutated. When the template cannot be loaded into CDK,
 * the result is one `cdk-nag/unavailable` error finding instead of an exception. No packs → no work, [].
 */
export async function runNagPacks(template: CfnTemplate, packs: readonly RulePackId[]): Promise<Finding[]> {
  if (packs.length === 0) return [];
  let mods: CdkModules;
  try {
    mods = await loadModules();
  } catch (error) {
    return [unavailableFinding(packs, error)];
  }
  // The template goes through JSON into its own file: CfnInclude reads a path, and the caller's object stays untouched.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-review-nag-'));
  try {
    const file = path.join(dir, 'template.json');
    fs.writeFileSync(file, JSON.stringify(template));
    const app = new mods.core.App({ autoSynth: false });
    const stack = new mods.core.Stack(app, 'Nag');
    new mods.include.CfnInclude(stack, 'T', { templateFile: file });
    return packs.flatMap((id) => violationsToFindings(packInstance(mods.nag, id).validateScope(app).violations));
  } catch (error) {
    return [unavailableFinding(packs, error)];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Violation = ReturnType<NagPackInstance['validateScope']>['violations'][number];

/** One finding per violating resource; the logical id is the last segment of the construct path (`Nag/T/<LogicalId>`). */
function violationsToFindings(violations: readonly Violation[]): Finding[] {
  return violations.flatMap((v) =>
    v.violatingResources.map((r): Finding => {
      const logicalId = r.resourceLogicalId ?? r.constructPath?.split('/').at(-1);
      const base = baseNagRuleId(v.ruleName);
      const finding: Finding = {
        rule: v.ruleName,
        category: nagCategory(base),
        severity: nagSeverity(v.severity),
        title: `${base}: ${nagRuleTopic(base)}`,
        message: v.description,
        resources: logicalId ? [logicalId] : [],
        source: 'cdk-nag',
      };
      if (logicalId)
        finding.evidence = [{ resource: logicalId, note: v.ruleName === base ? base : `${base} ${v.ruleName.slice(base.length)}` }];
      return finding;
    }),
  );
}

function unavailableFinding(packs: readonly RulePackId[], error: unknown): Finding {
  return {
    rule: NAG_UNAVAILABLE_RULE,
    category: 'deployment',
    severity: 'error',
    title: 'cdk-nag packs could not run',
    message: `cdk-nag (${packs.join(', ')}) could not check this template: ${(error as Error)?.message ?? String(error)}`,
    resources: [],
    source: 'cdk-nag',
  };
}
