import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandScenarioPaths, isSourcesFile } from '../../src/scenario/scenario-files.js';

test('a folder stands for its scenario files, sorted, without sources files or other files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'negsim-files-'));
  for (const f of ['b.yaml', 'a.json', 'c.yml', 'a.sources.yaml', 'b.sources.json', 'notes.txt', 'README.md']) writeFileSync(join(dir, f), '');
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'd.yaml'), '');
  assert.equal(expandScenarioPaths([dir]), [join(dir, 'a.json'), join(dir, 'b.yaml'), join(dir, 'c.yml')]);
  assert.equal(expandScenarioPaths(['x.yaml', dir, 'missing.yaml']).length, 5, 'files and missing paths pass through, for the loader to report');
});

test('sources files are told by their double extension', () => {
  assert.ok(isSourcesFile('dayton-1995.sources.yaml'));
  assert.ok(isSourcesFile('x.SOURCES.json'));
  assert.not.ok(isSourcesFile('sources.yaml'));
  assert.not.ok(isSourcesFile('dayton-1995.yaml'));
});

test.run();
