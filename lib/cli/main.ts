#!/usr/bin/env node
/* Entry point of `npm run -s infra-review -- <command>`. */
import { prewarmValidator } from '../rules/cfn-validate/client';

// The validation engine takes seconds to start: start it before loading the rest, so both proceed at once.
if (['analyze', 'review'].includes(process.argv[2]) || (process.argv[2] === 'import' && !process.argv.includes('--no-analyze')))
  prewarmValidator();

import('./commands')
  .then(({ main }) => main(process.argv.slice(2)))
  .then((code) => {
    // Exit once output is flushed: the validator thread's teardown would otherwise hold the process for a second.
    process.stdout.write('', () => process.exit(code));
  });
