/**
 * results/ holds the reference outputs of every shipped scenario (seed 1, 10,000 runs): summary CSV, JSON
 * and the HTML report. Regenerating them must give the same bytes: any change in the model, the scenarios
 * or the outputs shows here as a failure and in `git diff results/` after `npm run results`.
 */
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { referenceOutputs, shippedScenarios } from '../scripts/results.js';

test('every shipped scenario has reference outputs, and regenerating them gives the same bytes', async () => {
  const files = shippedScenarios();
  assert.ok(files.includes('scenarios/geneva-2014.yaml'));
  for (const file of files) {
    for (const [path, content] of await referenceOutputs(file)) {
      let committed: string;
      try {
        committed = readFileSync(path, 'utf8');
      } catch {
        throw new Error(`${path} is missing: run npm run results and commit it`);
      }
      if (committed !== content) {
        const a = committed.split('\n'), b = content.split('\n');
        const i = a.findIndex((line, k) => line !== b[k]);
        // The report's lines can be long (an SVG is one line): show 60 characters either side of the change.
        const x = a[i] ?? '', y = b[i] ?? '';
        let at = 0;
        while (at < x.length && x[at] === y[at]) at++;
        const near = (line = '') => (line.length <= 160 ? line : `…${line.slice(Math.max(0, at - 60), at + 60)}…`);
        throw new Error(`${path} differs from a fresh run at line ${i + 1}:\n  committed: ${near(a[i])}\n  now:       ${near(b[i])}\nIf the change is intended, run npm run results and commit the new outputs.`);
      }
      assert.ok(content.length > 0);
    }
  }
});

test.run();
