import { CATALOG, catalogEntry } from '../rules/catalog';
import type { Finding } from '../rules/finding';
import type { Severity } from '../rules/types';
import { placeOf, type TemplateFile } from './locate';

/** SARIF's name for each severity. */
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** The parts of a SARIF 2.1.0 log that infra-review writes (plain JSON). */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; rules: SarifRule[] } };
    results: SarifResult[];
  }[];
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: { category: string; tags: string[] };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: 'error' | 'warning' | 'note';
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } };
    logicalLocations?: { name: string; kind: string; fullyQualifiedName?: string }[];
  }[];
  suppressions?: { kind: 'inSource'; justification: string }[];
  properties: { category: string; source: string; resources: string[]; stack?: string; constructPath?: string };
}

/** What a SARIF export needs besides the findings: the templates they may point into and the artifact's file. */
export interface SarifInput {
  findings: readonly Finding[];
  templates: readonly TemplateFile[];
  /** File a finding points at when neither its location nor its resources place it (the analyzed artifact). */
  artifact: string;
}

/** A URI reference for a relative or absolute path (spaces and other reserved characters escaped). */
function uriOf(file: string): string {
  return file.startsWith('/') ? `file://${encodeURI(file)}` : encodeURI(file);
}

/** A resource as a logical location; in a multi-stack app its fully qualified name is `<stack>/<logical id>`. */
function logicalLocation(name: string, stack: string | undefined): { name: string; kind: string; fullyQualifiedName?: string } {
  return stack ? { name, kind: 'resource', fullyQualifiedName: `${stack}/${name}` } : { name, kind: 'resource' };
}

/** The driver's rules: every catalog rule, then every other rule the findings name (validator diagnostics), in first-seen order. */
function rulesOf(findings: readonly Finding[]): SarifRule[] {
  const ids = [...Object.keys(CATALOG), ...findings.map((f) => f.rule)].filter((id, i, all) => all.indexOf(id) === i);
  return ids.map((id) => {
    const entry = catalogEntry(id);
    const example = findings.find((f) => f.rule === id);
    const severity = entry?.severity ?? example?.severity ?? 'warning';
    const category = entry?.category ?? example?.category ?? 'deployment';
    const title = entry?.title ?? example?.title ?? id;
    return {
      id,
      name: id.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase()).replace(/^./, (c) => c.toUpperCase()),
      shortDescription: { text: title },
      fullDescription: { text: entry ? `${entry.problem} ${entry.impact}` : title },
      help: { text: entry?.fix ?? `Reported by ${example?.source ?? 'a validator'}; see its documentation for ${id}.` },
      defaultConfiguration: { level: LEVEL[severity] },
      properties: { category, tags: [category] },
    };
  });
}

/**
 * A SARIF 2.1.0 log of the findings (valid against the OASIS schema): one run of the `infra-review` driver with its
 * rules, a result per finding pointing at its template or markdown file and line, and acknowledged findings
 * carried as in-source suppressions with their reason (no `status`: schema copies disagree on its name).
 */
export function renderSarif({ findings, templates, artifact }: SarifInput): SarifLog {
  const rules = rulesOf(findings);
  const results = findings.map((f): SarifResult => {
    const place = placeOf(f, templates, artifact);
    const region = place.line ? { startLine: place.line, ...(place.column ? { startColumn: place.column } : {}) } : undefined;
    return {
      ruleId: f.rule,
      ruleIndex: rules.findIndex((r) => r.id === f.rule),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: uriOf(place.file) }, ...(region ? { region } : {}) },
          ...(f.resources.length > 0 ? { logicalLocations: f.resources.map((name) => logicalLocation(name, f.stack)) } : {}),
        },
      ],
      ...(f.acknowledged ? { suppressions: [{ kind: 'inSource' as const, justification: f.acknowledged.reason }] } : {}),
      properties: {
        category: f.category,
        source: f.source,
        resources: f.resources,
        ...(f.stack ? { stack: f.stack } : {}),
        ...(f.constructPath ? { constructPath: f.constructPath } : {}),
      },
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'infra-review', rules } }, results }],
  };
}
