/**
 * A single-node Slurm cluster for one test, in a temporary folder: a munge daemon with its own key
 * (`mungekey -c`) and socket, slurmctld and slurmd as root on two free ports, a slurm.conf with the one
 * node line `slurmd -C` prints, one partition, ProctrackType=proctrack/linuxproc and TaskPlugin=task/none
 * (no cgroups needed), no accounting. Nothing outside the folder is read or written, so it can start
 * beside a Slurm of the machine's own. The daemons run in the foreground as children of the test,
 * and stop() ends exactly those (by their process ids), cancelling any job of this cluster first.
 *
 * Debian packages slurm-wlm and munge (.ci/run installs them). startCluster returns a sentence saying
 * why not where they are missing, where the test is not root, or where the daemons do not come up (a
 * container without what slurmd needs), with the end of their logs.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  /** The cluster's folder (its configuration, state, logs). */
  dir: string;
  /** The environment for Slurm's commands (SLURM_CONF points at this cluster). */
  env: NodeJS.ProcessEnv;
  /** Runs a Slurm command against this cluster. */
  run(cmd: string, args: string[], cwd?: string): { code: number | null; out: string; err: string };
  /** The last lines of the daemons' logs, for a failure's message. */
  logs(): string;
  /** Cancels this cluster's jobs, stops its daemons and removes its folder. */
  stop(): Promise<void>;
}

const COMMANDS = ['munged', 'mungekey', 'slurmctld', 'slurmd', 'sbatch', 'squeue', 'scontrol', 'scancel', 'sinfo'];

function which(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every 200 ms until it holds or `ms` have passed; whether it held. */
async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    if (check()) return true;
    await sleep(200);
  }
  return check();
}

function tail(path: string, lines = 15): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export async function startCluster(): Promise<Cluster | string> {
  if (process.platform !== 'linux') return 'Slurm runs on Linux only';
  if (process.getuid?.() !== 0) return 'the test cluster runs its daemons as root, and this is not root';
  const missing = COMMANDS.filter((c) => !which(c));
  if (missing.length > 0) return `${missing.join(', ')} not installed (Debian packages slurm-wlm and munge: apt-get install -y slurm-wlm munge)`;

  const dir = mkdtempSync(join(tmpdir(), 'negsim-slurm-'));
  chmodSync(dir, 0o711); // munged wants its socket's folders searchable by all
  for (const d of ['munge', 'ctld', 'spool', 'log']) mkdirSync(join(dir, d));
  const conf = join(dir, 'slurm.conf');
  const socket = join(dir, 'munge', 'munge.socket');
  const env = { ...process.env, SLURM_CONF: conf };
  const children: ChildProcess[] = [];
  const logOf = (name: string) => join(dir, 'log', `${name}.out`);
  const start = (name: string, cmd: string, args: string[]) => {
    const fd = openSync(logOf(name), 'a');
    const child = spawn(cmd, args, { env, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    children.push(child);
    return child;
  };
  const run = (cmd: string, args: string[], cwd = dir) => {
    const r = spawnSync(cmd, args, { env, cwd, encoding: 'utf8', timeout: 30_000 });
    return { code: r.status, out: r.stdout ?? '', err: r.stderr ?? (r.error ? r.error.message : '') };
  };
  const logs = () => ['munged', 'slurmctld', 'slurmd'].map((n) => `--- ${n}:\n${tail(logOf(n))}`).join('\n') +
    `\n--- slurmctld.log:\n${tail(join(dir, 'log', 'slurmctld.log'))}\n--- slurmd.log:\n${tail(join(dir, 'log', 'slurmd.log'))}`;
  const exited = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', killAll);
    if (children.length >= 3 && children.every((c) => !exited(c))) {
      run('scancel', ['--full', '--quiet', `--user=${process.getuid?.() ?? 0}`]);
      await waitFor(() => run('squeue', ['-h']).out.trim() === '', 15_000);
    }
    for (const c of [...children].reverse()) if (!exited(c)) c.kill('SIGTERM');
    if (!(await waitFor(() => children.every(exited), 10_000))) for (const c of children) if (!exited(c)) c.kill('SIGKILL');
    await waitFor(() => children.every(exited), 5_000);
    rmSync(dir, { recursive: true, force: true });
  };
  // a test that crashes must not leave daemons behind
  const killAll = () => { for (const c of children) if (!exited(c)) c.kill('SIGKILL'); };
  process.on('exit', killAll);
  const fail = async (why: string) => {
    const text = `${why}\n${logs()}`;
    await stop();
    return text;
  };

  const key = join(dir, 'munge', 'munge.key');
  const made = spawnSync('mungekey', ['-c', '-k', key], { encoding: 'utf8' });
  if (made.status !== 0) return fail(`mungekey -c failed: ${made.stderr}`);
  start('munged', 'munged', ['-F', '--force', `--key-file=${key}`, `--socket=${socket}`,
    `--pid-file=${join(dir, 'munge', 'munged.pid')}`, `--seed-file=${join(dir, 'munge', 'munged.seed')}`, `--log-file=${logOf('munged-file')}`]);
  if (!(await waitFor(() => existsSync(socket), 10_000))) return fail('munged did not create its socket within 10 s');

  const node = spawnSync('slurmd', ['-C'], { encoding: 'utf8' }).stdout.split('\n')[0];
  if (!/^NodeName=\S+ /.test(node)) return fail(`slurmd -C printed no node line: ${node}`);
  const [ctldPort, dPort] = [await freePort(), await freePort()];
  writeFileSync(conf, [
    'ClusterName=negsimtest',
    `SlurmctldHost=${hostname().split('.')[0]}`,
    'SlurmUser=root',
    'SlurmdUser=root',
    `SlurmctldPort=${ctldPort}`,
    `SlurmdPort=${dPort}`,
    'AuthType=auth/munge',
    'CredType=cred/munge',
    `AuthInfo=socket=${socket}`,
    `StateSaveLocation=${join(dir, 'ctld')}`,
    `SlurmdSpoolDir=${join(dir, 'spool')}`,
    `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
    `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
    `SlurmctldLogFile=${join(dir, 'log', 'slurmctld.log')}`,
    `SlurmdLogFile=${join(dir, 'log', 'slurmd.log')}`,
    'ProctrackType=proctrack/linuxproc',
    'TaskPlugin=task/none',
    'SelectType=select/cons_tres',
    'SelectTypeParameters=CR_Core',
    'SchedulerType=sched/backfill',
    'ReturnToService=2',
    'MpiDefault=none',
    'JobAcctGatherType=jobacct_gather/none',
    'AccountingStorageType=accounting_storage/none',
    'MinJobAge=600', // finished jobs stay visible to scontrol show job (their state and exit code)
    node,
    'PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP',
    '',
  ].join('\n'));
  start('slurmctld', 'slurmctld', ['-D', '-i', '-f', conf]);
  start('slurmd', 'slurmd', ['-D', '-f', conf]);
  const idle = await waitFor(() => children.some(exited) || /^idle/.test(run('sinfo', ['-h', '-o', '%t']).out.trim()), 30_000);
  if (!idle || children.some(exited)) return fail('the node did not come up idle within 30 s');
  return { dir, env, run, logs, stop };
}
