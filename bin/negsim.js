#!/usr/bin/env node
// The negsim command: runs the bundled command line (dist/bundle/, built by `npm install` through the
// prepare script: tsc, then scripts/bundle.js), which starts faster than tsc's one file per module.
import { existsSync } from 'node:fs';
const main = new URL('../dist/bundle/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('negsim: not built yet (dist/bundle/main.js is missing). Run `npm install` (or `npm run build`) in the negsim folder first.\n');
  process.exit(1);
}
await import(main.href);
