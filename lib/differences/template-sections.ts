/* Template-level differences: parameters, conditions, mappings, outputs and exports the reference has and the model lacks or renames. */
import type { Finding } from '../rules/finding';
import type { Evidence } from '../rules/types';
import type { CfnTemplate } from '../templates/types';
import type { Alignment } from '../align/types';
import { modelToReference, sameValue } from './equivalence';
import { differenceFinding, shown } from './finding';
import type { Judgement } from './knowledge';

type Section = 'Parameters' | 'Conditions' | 'Mappings' | 'Outputs';

const SECTION_JUDGEMENTS: Record<Section | 'Exports', Judgement> = {
  Parameters: { category: 'deployment', severity: 'warning', what: 'parameters' },
  Conditions: { category: 'deployment', severity: 'info', what: 'conditions' },
  Mappings: { category: 'deployment', severity: 'info', what: 'mappings' },
  Outputs: { category: 'deployment', severity: 'warning', what: 'outputs' },
  Exports: { category: 'deployment', severity: 'warning', what: 'exports' },
};

// CDK bookkeeping: bootstrap and asset parameters, the metadata condition, cross-stack outputs it names itself.
const CDK_NOISE = /^(BootstrapVersion|AssetParameters.*|CDKMetadataAvailable|ExportsOutput.*)$/;

/** One finding per section (and one for exports) listing every entry the reference has that the model lacks, renamed ones said as such. */
export function templateSectionFindings(reference: CfnTemplate, model: CfnTemplate, alignment: Alignment): Finding[] {
  const ids = modelToReference(alignment);
  const findings: Finding[] = [];
  for (const section of ['Parameters', 'Conditions', 'Mappings', 'Outputs'] as const) {
    const theirs = (model[section] ?? {}) as Record<string, unknown>;
    const lacking = Object.entries((reference[section] ?? {}) as Record<string, unknown>).filter(
      ([name]) => !CDK_NOISE.test(name) && !(name in theirs) && !(withoutHash(name) in byHashless(theirs)),
    );
    if (lacking.length === 0) continue;
    const said = lacking.map(([name, value]) => {
      const renamed = Object.entries(theirs).find(([other, v]) => !(other in (reference[section] ?? {})) && sameValue(value, v, ids));
      return { name, value, renamed: renamed?.[0] };
    });
    findings.push(sectionFinding(section, said));
  }
  const exports = lackingExports(reference, model);
  if (exports.length) findings.push(sectionFinding('Exports', exports));
  return findings;
}

function sectionFinding(section: Section | 'Exports', entries: { name: string; value: unknown; renamed?: string }[]): Finding {
  const judgement = SECTION_JUDGEMENTS[section];
  const names = entries.map((e) => `\`${e.name}\`${e.renamed ? ` (renamed \`${e.renamed}\`)` : ''}`);
  const evidence: Evidence[] = entries.map((e) => ({
    side: 'reference' as const,
    path: `${section}.${e.name}`,
    value: e.value,
    note: `reference: ${section} \`${e.name}\`; model: ${e.renamed ? `named \`${e.renamed}\`` : 'absent'}`,
  }));
  return differenceFinding('difference/template-section', judgement, {
    title: `${section} of the reference missing`,
    message: `The reference declares ${judgement.what} the model lacks or renames: ${names.join(', ')}.`,
    resources: [],
    evidence,
    fix: `The reference declares ${entries.map((e) => `${section === 'Exports' ? 'export' : section.slice(0, -1).toLowerCase()} \`${e.name}\` ${shown(e.value)}`).join('; ')}.`,
  });
}

/** Exports of reference outputs that no model output exports under an equal name. */
function lackingExports(reference: CfnTemplate, model: CfnTemplate): { name: string; value: unknown }[] {
  const exported = (template: CfnTemplate) =>
    Object.entries((template.Outputs ?? {}) as Record<string, { Export?: { Name?: unknown } }>)
      .filter(([name, output]) => !CDK_NOISE.test(name) && output?.Export?.Name !== undefined)
      .map(([name, output]) => ({ name, value: output.Export!.Name }));
  const theirs = exported(model);
  return exported(reference).filter(
    (ours) => (model.Outputs ?? {})[ours.name] !== undefined && !theirs.some((t) => sameValue(ours.value, t.value, new Map())),
  );
}

/** A CDK output or parameter name without its 8-character hash suffix (`ApiUrl4F160690` → `ApiUrl`). */
function withoutHash(name: string): string {
  return name.replace(/[0-9A-F]{8}$/, '');
}

function byHashless(entries: Record<string, unknown>): Record<string, true> {
  return Object.fromEntries(Object.keys(entries).map((name) => [withoutHash(name), true]));
}
