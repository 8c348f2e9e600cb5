#!/usr/bin/env node
/* Entry point of `npm run -s infra-review -- <command>`. */
import { main } from './commands';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
