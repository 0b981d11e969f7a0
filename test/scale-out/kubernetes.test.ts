/**
 * The README's Kubernetes Indexed Job (the yaml block under "Beyond one machine"), checked without a
 * cluster: it parses as YAML, it is valid against the Kubernetes API's schema of a batch/v1 Job (the
 * kubernetes-models package, generated from Kubernetes' OpenAPI definitions), it meets the rules the
 * API server adds to the schema for such a Job, and its shell command, run for every completion index
 * with a stand-in npx, asks for each shard once, the shards of the Slurm script's Monte Carlo.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { codeBlocks, readmeSection } from '../readme.js';
import { negsimLine, slurmFromReadme } from './readme-jobs.js';

const section = readmeSection('Beyond one machine');
const text = codeBlocks(section, 'yaml').find((b) => /kind: Job/.test(b));
/** A DNS-1123 label: what a container's and a volume's name must be (and, within 63, a Job's). */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

interface Container { name: string; image: string; command?: string[]; workingDir?: string; volumeMounts?: { name: string; mountPath: string }[] }
interface JobDoc {
  apiVersion: string; kind: string; metadata: { name: string };
  spec: { completions?: number; parallelism?: number; completionMode?: string; template: { spec: { restartPolicy?: string; containers: Container[]; volumes?: { name: string }[] } } };
}

test('the README has a Kubernetes Job, and it parses as YAML', () => {
  assert.ok(text, 'README.md, "Beyond one machine": a yaml block with kind: Job');
  const doc = parse(text!) as JobDoc;
  assert.is(doc.apiVersion, 'batch/v1');
  assert.is(doc.kind, 'Job');
});

test("it is valid against the Kubernetes API's schema of a batch/v1 Job", () => {
  const doc = parse(text!) as JobDoc;
  new Job(doc as unknown as ConstructorParameters<typeof Job>[0]).validate();
  // the check can fail: the same Job with a field of the wrong type, or a container without its name
  assert.throws(() => new Job({ ...doc, spec: { ...doc.spec, completions: '8' } } as unknown as ConstructorParameters<typeof Job>[0]).validate(), /completions/);
  const noName = structuredClone(doc);
  delete (noName.spec.template.spec.containers[0] as Partial<Container>).name;
  assert.throws(() => new Job(noName as unknown as ConstructorParameters<typeof Job>[0]).validate(), /name/);
});

test('and it meets what the API server asks of an Indexed Job beyond the schema', () => {
  const { metadata, spec } = parse(text!) as JobDoc;
  assert.ok(DNS_LABEL.test(metadata.name), `metadata.name ${metadata.name}`);
  assert.is(spec.completionMode, 'Indexed');
  assert.ok(Number.isInteger(spec.completions) && spec.completions! >= 1, 'an Indexed Job needs completions');
  assert.ok(spec.parallelism === undefined || (Number.isInteger(spec.parallelism) && spec.parallelism >= 1));
  const pod = spec.template.spec;
  assert.ok(pod.restartPolicy === 'Never' || pod.restartPolicy === 'OnFailure', `a Job's pods restart Never or OnFailure, not ${pod.restartPolicy}`);
  assert.ok(pod.containers.length >= 1);
  const volumes = new Set((pod.volumes ?? []).map((v) => v.name));
  for (const c of pod.containers) {
    assert.ok(DNS_LABEL.test(c.name), `container name ${c.name}`);
    assert.ok(c.image.length > 0);
    for (const m of c.volumeMounts ?? []) {
      assert.ok(volumes.has(m.name), `volumeMount ${m.name} names a volume of the pod`);
      assert.ok(m.mountPath.startsWith('/'), `mountPath ${m.mountPath} is absolute`);
    }
    if (c.workingDir) assert.ok((c.volumeMounts ?? []).some((m) => c.workingDir!.startsWith(m.mountPath)), 'the working folder (where negsim is installed) is a mounted volume');
  }
});

test("its command, for each completion index, plays one shard each of the Slurm script's Monte Carlo", () => {
  const { spec } = parse(text!) as JobDoc;
  const command = spec.template.spec.containers[0].command!;
  assert.equal(command.slice(0, 2), ['sh', '-c']);
  const bin = mkdtempSync(join(tmpdir(), 'negsim-k8s-'));
  try {
    // a stand-in npx that prints the arguments it was given, one a line
    writeFileSync(join(bin, 'npx'), '#!/bin/sh\nprintf "%s\\n" "$@"\n');
    chmodSync(join(bin, 'npx'), 0o755);
    const asked: string[][] = [];
    for (let i = 0; i < spec.completions!; i++) {
      const r = spawnSync('sh', ['-c', command[2]], { encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, JOB_COMPLETION_INDEX: String(i) } });
      assert.is(r.status, 0, r.stderr);
      asked.push(r.stdout.trimEnd().split('\n'));
    }
    const flag = (args: string[], name: string) => args[args.indexOf(name) + 1];
    assert.equal(asked.map((a) => flag(a, '--shard')), [...Array(spec.completions).keys()].map((i) => `${i + 1}/${spec.completions}`));
    assert.is(new Set(asked.map((a) => flag(a, '--out'))).size, spec.completions, 'each shard writes its own part');
    // the same Monte Carlo as the Slurm example's: scenario, runs, seed (workers and parts' paths aside)
    const slurm = negsimLine(slurmFromReadme(section).script).split(/\s+/).slice(1);
    const strip = (a: string[]) => a.filter((x, i) => !['--shard', '--out', '--workers'].includes(x) && !['--shard', '--out', '--workers'].includes(a[i - 1]));
    assert.equal(strip(asked[0]), strip(slurm));
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
});

test.run();
