import { stringLiterals } from '../../templates/query';
import type { Evidence, Rule, RuleInput, Violation } from '../types';
import { sourceLines } from '../util/source';

/** Flags template resources/parameters and source lines that name a literal availability zone (`us-east-1a`, `use1-az1`). */
function check(input: RuleInput): Violation[] {
  const violations: Violation[] = [];
  const template = input.template;
  const owners: [string, string, unknown][] = [
    ...Object.entries(template?.Parameters ?? {}).map(([id, p]): [string, string, unknown] => [id, 'Default', p.Default]),
    ...Object.entries(template?.Resources ?? {}).map(([id, r]): [string, string, unknown] => [id, 'Properties', r.Properties]),
  ];
  for (const [id, base, value] of owners) {
    const evidence: Evidence[] = stringLiterals(value, base)
      .filter((s) => zonesIn(s.value).length > 0)
      .map((s) => ({ resource: id, path: s.path, value: s.value, note: `literal availability zone ${zonesIn(s.value).join(', ')}` }));
    if (evidence.length === 0) continue;
    const zones = [...new Set(evidence.flatMap((e) => zonesIn(e.value as string)))];
    violations.push({
      message: `${id} hardcodes the availability zone(s) ${zones.join(', ')} instead of deriving them from the region (Fn::GetAZs).`,
      resources: [id],
      evidence,
    });
  }
  for (const line of sourceLines(input.sources)) {
    const zones = stringLiteralsOfLine(line.text).flatMap(zonesIn);
    if (zones.length === 0) continue;
    violations.push({
      message: `${line.location.file}:${line.location.line} hardcodes the availability zone(s) ${zones.join(', ')} instead of deriving them from the region.`,
      location: line.location,
      evidence: [{ location: line.location, value: line.text.trim(), note: `literal availability zone ${zones.join(', ')}` }],
    });
  }
  return violations;
}

export const rule: Rule = { id: 'hardcoded-availability-zones', check };

/** A zone name (region + letter: us-east-1a, us-gov-west-1b, ap-southeast-2c) or a zone ID (use1-az1); a region alone does not match. */
const ZONE =
  /\b(?:[a-z]{2}(?:-gov|-iso[a-z]?)?-(?:north|south|east|west|central)(?:east|west)?-\d{1,2}[a-z]|[a-z]{2,5}\d{1,2}-az\d{1,2})\b/g;

/** The availability zones named in a string. */
function zonesIn(text: string): string[] {
  return text.match(ZONE) ?? [];
}

/** The contents of the quoted string literals of a source line (comments outside quotes are ignored). */
function stringLiteralsOfLine(line: string): string[] {
  return [...line.matchAll(/(["'`])((?:\\.|(?!\1).)*)\1/g)].map((m) => m[2]);
}
