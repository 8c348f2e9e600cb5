/* The peers bench:accuracy compares infra-review with, run over the same model templates: cfn-lint and checkov (one process each, PyPI's current releases). */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { NAG_CATEGORY_TABLE, NAG_DEFAULT_CATEGORY } from '../../lib/rules/cdk-nag/mapping';
import type { Finding } from '../../lib/rules/finding';
import type { Category, Severity } from '../../lib/rules/types';

const root = path.resolve(import.meta.dirname, '../..');

interface CfnLintMatch {
  Rule: { Id: string; Description?: string; ShortDescription?: string };
  Level: string;
  Message: string;
  Filename: string;
  Location: { Path?: (string | number)[] };
}

const LINT_SEVERITY: Record<string, Severity> = { Error: 'error', Warning: 'warning', Informational: 'info' };

/** The path of a PyPI tool's executable, installed on first use by its scripts/ensure-<tool>.sh. */
function ensured(script: string): string {
  return execFileSync('bash', [path.join(root, 'scripts', script), '--print-bin'], { encoding: 'utf8' }).trim();
}

/** cfn-lint over every file in one process call; its matches as findings (the resource from the match's path), by file. */
export function runCfnLint(files: readonly string[]): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>(files.map((f) => [f, []]));
  if (files.length === 0) return byFile;
  const result = spawnSync(ensured('ensure-cfn-lint.sh'), ['--format', 'json', '--', ...files], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (!result.stdout.trim()) throw new Error(`cfn-lint printed nothing (exit ${result.status}): ${result.stderr.slice(-2000)}`);
  for (const match of JSON.parse(result.stdout) as CfnLintMatch[]) {
    const where = match.Location.Path ?? [];
    const resource = where[0] === 'Resources' && typeof where[1] === 'string' ? where[1] : undefined;
    // cfn-lint has no categories; its template errors (E0xxx) are syntax, the rest would fail or weaken a deployment.
    const category: Category = match.Rule.Id.startsWith('E0') ? 'syntax' : 'deployment';
    const finding: Finding = {
      rule: `cfn-lint/${match.Rule.Id}`,
      category,
      severity: LINT_SEVERITY[match.Level] ?? 'warning',
      title: match.Rule.ShortDescription ?? match.Rule.Description ?? match.Rule.Id,
      message: match.Message,
      resources: resource ? [resource] : [],
      evidence: [{ ...(resource ? { resource } : {}), path: where.slice(2).join('.'), note: match.Message }],
      source: 'infra-review',
    };
    byFile.get(path.resolve(match.Filename))?.push(finding);
  }
  return byFile;
}

interface CheckovCheck {
  check_id: string;
  check_name: string;
  file_path: string;
  /** `AWS::S3::Bucket.MyBucket`. */
  resource: string;
  severity?: string | null;
}

interface CheckovReport {
  check_type?: string;
  results?: { failed_checks?: CheckovCheck[] };
}

const CHECKOV_SEVERITY: Record<string, Severity> = { CRITICAL: 'error', HIGH: 'error', MEDIUM: 'warning', LOW: 'info', INFO: 'info' };

/**
 * The category of a checkov check: cdk-nag's category table (NAG_CATEGORY_TABLE) read on its name with the spaces
 * removed ("Ensure the S3 bucket has access logging enabled" → observability), else security (checkov's checks are
 * security and compliance checks, as cdk-nag's packs are).
 */
export function checkovCategory(checkName: string): Category {
  const topic = checkName.replace(/\s+/g, '');
  return NAG_CATEGORY_TABLE.find((row) => row.pattern.test(topic))?.category ?? NAG_DEFAULT_CATEGORY;
}

/**
 * checkov over a directory of templates in one process call (`-d dir --framework cloudformation`); its failed checks
 * as findings (the resource's logical ID after the type in `AWS::S3::Bucket.MyBucket`), by file name inside `dir`.
 */
export function runCheckov(dir: string): Map<string, Finding[]> {
  const args = ['-d', dir, '--framework', 'cloudformation', '-o', 'json', '--quiet', '--skip-download', '--compact'];
  const result = spawnSync(ensured('ensure-checkov.sh'), args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (!result.stdout.trim()) throw new Error(`checkov printed nothing (exit ${result.status}): ${result.stderr.slice(-2000)}`);
  const parsed = JSON.parse(result.stdout) as CheckovReport | CheckovReport[];
  const byFile = new Map<string, Finding[]>();
  for (const report of Array.isArray(parsed) ? parsed : [parsed]) {
    for (const check of report.results?.failed_checks ?? []) {
      const dot = check.resource.indexOf('.');
      const resource = check.resource.startsWith('AWS::') && dot > 0 ? check.resource.slice(dot + 1) : check.resource;
      const finding: Finding = {
        rule: `checkov/${check.check_id}`,
        category: checkovCategory(check.check_name),
        severity: CHECKOV_SEVERITY[check.severity ?? ''] ?? 'warning',
        title: check.check_name,
        message: `${resource}: ${check.check_name}`,
        resources: [resource],
        evidence: [{ resource, note: check.check_name }],
        source: 'infra-review',
      };
      const file = path.basename(check.file_path);
      byFile.set(file, [...(byFile.get(file) ?? []), finding]);
    }
  }
  return byFile;
}
