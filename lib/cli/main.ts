#!/usr/bin/env node
/* Entry point of `npm run -s infra-review -- <command>`. */
import { prewarmCfnLint } from '../rules/cfn-lint/client';
import { prewarmValidator } from '../rules/cfn-validate/client';

// The linters take seconds to start: start them before loading the rest, so all proceed at once.
if (['analyze', 'review'].includes(process.argv[2]) || (process.argv[2] === 'import' && !process.argv.includes('--no-analyze'))) {
  prewarmValidator();
  prewarmCfnLint();
}

import('./commands')
  .then(({ main }) => main(process.argv.slice(2)))
  .then((code) => {
    // Exit once output is flushed: the validator thread's teardown would otherwise hold the process for a second.
    process.stdout.write('', () => process.exit(code));
  });
