import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { writePlanted } from './test/fit/planted.ts';
const L = Number(process.argv[2] ?? 20);
let hit = 0, n = 0;
for (let s = 0; s < Number(process.argv[3] ?? 8); s++) {
  const dir = mkdtempSync(join(tmpdir(), 'planted-'));
  await writePlanted(dir, 8, L, `seed-${s}`);
  const r = spawnSync(process.execPath, ['bin/negsim.js', 'fit', dir, '--only', 'lambda', '--runs', '300', '--seed', '7', '--json', '--out', join(dir, 'p.json'), '-q'], { encoding: 'utf8' });
  const j = JSON.parse(r.stdout);
  const p = j.parameters.lambda;
  n++; if (p.lo <= L && L <= p.hi) hit++;
  console.log(s, p.value.toFixed(2), p.lo.toFixed(2), p.hi.toFixed(2), j.search.evaluations, p.lo <= L && L <= p.hi);
}
console.log('coverage', hit, '/', n);
