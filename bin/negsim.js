#!/usr/bin/env node
// The negsim command: runs the compiled CLI (dist/, built by `npm install` through the prepare script).
import { existsSync } from 'node:fs';
const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('negsim: not built yet (dist/cli/main.js is missing). Run `npm install` (or `npm run build`) in the negsim folder first.\n');
  process.exit(1);
}
await import(main.href);
