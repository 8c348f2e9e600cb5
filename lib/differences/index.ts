/* Difference findings of a model against its reference: pure functions of both templates and their alignment. */
import type { Alignment } from '../align/types';
import type { Finding } from '../rules/finding';
import type { CfnTemplate } from '../templates/types';
import { parameterNamingFinding, tagConventionFinding } from './naming';
import { propertyFindings } from './properties';
import { extraResourceFindings, missingResourceFindings } from './resources';
import { templateSectionFindings } from './template-sections';

/** Every difference finding of `model` against `reference` under `alignment`: missing, changed, template-level, naming, extra. Inputs are never mutated. */
export function differenceFindings(reference: CfnTemplate, model: CfnTemplate, alignment: Alignment): Finding[] {
  return [
    ...missingResourceFindings(reference, model, alignment),
    ...propertyFindings(reference, model, alignment),
    ...templateSectionFindings(reference, model, alignment),
    ...parameterNamingFinding(reference, model, alignment),
    ...tagConventionFinding(reference, model, alignment),
    ...extraResourceFindings(model, alignment),
  ];
}
