/**
 * Writing output files so that nothing half-written is ever left behind: a reader (a spreadsheet, a
 * byte-for-byte test, the next pipeline step) sees either the previous file or the complete new one.
 *
 * Method (as in write-file-atomic and POSIX practice): write to a temporary file in the target's own
 * folder, `.<basename>.<pid>.<random>.tmp` (same folder, hence same file system, so that rename(2)
 * is atomic; the pid and random part keep concurrent writers apart; the leading dot and `.tmp` keep
 * it out of listings and out of git), fsync it, rename it over the target, then fsync the folder so
 * that the rename itself survives a crash. On abort or on any error the temporary file is unlinked.
 *
 * Targets that are symbolic links are resolved first, so the file the link points to is replaced and
 * the link stays. Targets that exist but are not regular files (a device such as /dev/stdout, a pipe)
 * are refused: renaming over them would replace the device node. An existing target's permission
 * bits are carried over to the new file.
 *
 * A process killed with SIGKILL leaves its temporary file behind (never the target half-written); the
 * next write of the same target removes such files of processes that no longer exist.
 *
 * Every open temporary file is kept in a process-wide registry, so that the CLI's SIGINT/SIGTERM
 * handler can remove them all with `abortAllOpen()` (or `abortAllOpenSync()` from an 'exit' handler)
 * before it exits.
 *
 * @example
 * await writeFileAtomic('results/summary.csv', 'metric,value\r\n');
 * const out = await openAtomic('results/runs.csv');
 * try {
 *   await out.write('run,outcome\r\n');
 *   await out.write('0,agreement\r\n');
 *   await out.commit();   // results/runs.csv now holds both lines, never just one
 * } finally {
 *   await out.abort();    // no-op after commit; removes the temporary file after an error
 * }
 */
import { randomBytes } from 'node:crypto';
import { constants, renameSync, unlinkSync } from 'node:fs';
import { access, open, readdir, realpath, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A file being written: visible at `path` only after `commit()`. */
export interface AtomicFile {
  /** The target the file will appear at (symbolic links resolved). */
  readonly path: string;
  /** The temporary file being written. */
  readonly tempPath: string;
  /**
   * Appends a chunk (strings as UTF-8). Chunks are buffered and written in blocks of about 64 KiB,
   * so an error may surface at a later `write` or at `commit`; either way the temporary file is gone.
   */
  write(chunk: string | Uint8Array): Promise<void>;
  /** Flushes, fsyncs and renames over the target. */
  commit(): Promise<void>;
  /**
   * The first half of commit: flushes, fsyncs and closes the temporary file, so that nothing is left
   * that can fail but the rename. The file stays registered (a signal still removes it).
   */
  prepare(): Promise<void>;
  /**
   * The second half: renames the prepared temporary file over the target, synchronously (so that no
   * signal handler can run between the renames of a set of files: output-set.ts). Throws an
   * OutputFileError, and removes the temporary file, if the rename fails.
   */
  publishSync(): void;
  /** Closes and unlinks the temporary file; the target is untouched. A no-op after commit or abort. */
  abort(): Promise<void>;
  /** The same, synchronously: unlinks now, the close is only started (for exit and rollback paths). */
  abortSync(): void;
}

/** An output file that cannot be written: `message` is one line for the user, without a stack. */
export class OutputFileError extends Error {
  readonly code: string | undefined;
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'OutputFileError';
    this.code = errnoCode(cause);
  }
}

/** Larger than any row, small enough not to matter in memory; one syscall per block, not per row. */
const FLUSH_BYTES = 1 << 16;

const openFiles = new Set<Writer>();

class Writer implements AtomicFile {
  private parts: (string | Uint8Array)[] = [];
  private pending = 0;
  /** The chain of block writes, in order; once rejected it stays rejected, so later steps fail too. */
  private tail: Promise<void> = Promise.resolve();
  private state: 'open' | 'committing' | 'prepared' | 'done' | 'aborted' = 'open';
  private closed = false;

  constructor(
    readonly path: string,
    readonly tempPath: string,
    private readonly fh: FileHandle,
  ) {
    openFiles.add(this);
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    if (this.state !== 'open') throw new Error(`atomic file ${this.path}: write after ${this.state}`);
    this.parts.push(chunk);
    // String length undercounts UTF-8 bytes; it only decides when to flush.
    this.pending += chunk.length;
    if (this.pending >= FLUSH_BYTES) {
      try {
        await this.flush();
      } catch (err) {
        await this.abort();
        throw new OutputFileError(`cannot write ${this.path}: ${describe(err)}`, err);
      }
    }
  }

  async commit(): Promise<void> {
    if (this.state !== 'open') throw new Error(`atomic file ${this.path}: commit after ${this.state}`);
    await this.prepare();
    this.publishSync();
    await syncFolder(dirname(this.path));
  }

  async prepare(): Promise<void> {
    if (this.state !== 'open') throw new Error(`atomic file ${this.path}: prepare after ${this.state}`);
    this.state = 'committing';
    try {
      await this.flush();
      await this.fh.sync();
      this.closed = true;
      await this.fh.close();
    } catch (err) {
      await this.abort();
      throw new OutputFileError(`cannot write ${this.path}: ${describe(err)}`, err);
    }
    this.state = 'prepared';
  }

  publishSync(): void {
    if (this.state !== 'prepared') throw new Error(`atomic file ${this.path}: publish after ${this.state}`);
    try {
      renameSync(this.tempPath, this.path);
    } catch (err) {
      this.abortSync();
      throw new OutputFileError(`cannot write ${this.path}: ${describe(err)}`, err);
    }
    this.state = 'done';
    openFiles.delete(this);
  }

  async abort(): Promise<void> {
    if (this.state === 'done' || this.state === 'aborted') return;
    this.state = 'aborted';
    openFiles.delete(this);
    this.parts = [];
    await this.tail.catch(() => undefined);
    if (!this.closed) {
      this.closed = true;
      await this.fh.close().catch(() => undefined);
    }
    await unlink(this.tempPath).catch(() => undefined);
  }

  /**
   * For 'exit' handlers, which cannot wait: unlinks now; the close is only started, and in an exiting
   * process the descriptor goes with the process.
   */
  abortSync(): void {
    if (this.state === 'done' || this.state === 'aborted') return;
    this.state = 'aborted';
    openFiles.delete(this);
    this.parts = [];
    try {
      unlinkSync(this.tempPath);
    } catch {
      // Already gone (a commit's rename won the race): nothing is left behind either way.
    }
    if (!this.closed) {
      this.closed = true;
      void this.tail.catch(() => undefined).then(() => this.fh.close()).catch(() => undefined);
    }
  }

  private flush(): Promise<void> {
    if (this.parts.length === 0) return this.tail;
    const parts = this.parts;
    this.parts = [];
    this.pending = 0;
    const block = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
    this.tail = this.tail.then(async () => {
      // write(2) may write less than asked (a disk filling up does: a short count, then ENOSPC); go on
      // from where it stopped, so the file never silently loses its tail.
      for (let at = 0; at < block.length;) {
        const { bytesWritten } = await this.fh.write(block, at, block.length - at);
        if (bytesWritten === 0) throw Object.assign(new Error('no space left on the device'), { code: 'ENOSPC' });
        at += bytesWritten;
      }
    });
    return this.tail;
  }
}

/**
 * Opens `path` for atomic writing. Rejects with an `OutputFileError`, message
 * `cannot write <path>: <reason>` (the reason worded as by `checkWritable`), when it cannot.
 */
export async function openAtomic(path: string): Promise<AtomicFile> {
  const problem = await checkWritable(path);
  if (problem !== null) throw new OutputFileError(`cannot write ${path}: ${problem}`);
  let target = path;
  let mode: number | undefined;
  try {
    const st = await stat(path);
    target = await realpath(path);
    mode = st.mode & 0o777;
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') throw new OutputFileError(`cannot write ${path}: ${describe(err)}`, err);
  }
  await removeStaleTemps(target);
  const tempPath = tempPathFor(target);
  let fh: FileHandle;
  try {
    fh = await open(tempPath, 'wx', mode ?? 0o666);
  } catch (err) {
    throw new OutputFileError(`cannot write ${path}: ${describe(err)}`, err);
  }
  if (mode !== undefined) {
    // open() applies the umask; the old file's exact bits are wanted. Failing (not the owner) is harmless.
    await fh.chmod(mode).catch(() => undefined);
  }
  return new Writer(target, tempPath, fh);
}

/**
 * `.<basename>.<pid>.<random>.tmp` beside `target`: the name of every temporary file written for it (the
 * next write of the target removes those of processes that are gone, removeStaleTemps).
 */
export function tempPathFor(target: string): string {
  // Not the simulation's generator: this only has to differ between concurrent writers.
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * A process killed outright (kill -9, power loss) cannot remove its temporary file; the target is
 * untouched, but `.<name>.<pid>.<random>.tmp` stays. The next write of the same target removes every
 * such file whose process is gone (a pid that no longer exists; a live pid, even one reused by an
 * unrelated process, keeps its file: removing a file some writer still needs would be worse).
 */
async function removeStaleTemps(target: string): Promise<void> {
  const folder = dirname(target);
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.[0-9a-f]{12}\.tmp$/.exec(name.slice(prefix.length));
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || processExists(pid)) continue;
    await unlink(join(folder, name)).catch(() => undefined);
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errnoCode(err) === 'EPERM'; // exists, owned by someone else
  }
}

/** Writes `data` to `path` atomically: afterwards `path` holds exactly `data`, or is as before. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const file = await openAtomic(path);
  try {
    await file.write(data);
    await file.commit();
  } finally {
    await file.abort();
  }
}

/**
 * Whether `path` can be written, checked before anything is computed: null if it can, otherwise the
 * reason in one line, without the path, for the caller to put after its own words, e.g.
 * `cannot write --csv out/x.csv: folder out does not exist`. (`openAtomic` fails with
 * `cannot write <path>: <reason>`.)
 */
export async function checkWritable(path: string): Promise<string | null> {
  if (path === '') return 'no file name given';
  let target = path;
  try {
    const st = await stat(path);
    if (st.isDirectory()) return 'it is a folder; give a file name';
    if (!st.isFile()) return 'it is not a regular file (a device or a pipe); give a file name';
    target = await realpath(path);
  } catch (err) {
    const code = errnoCode(err);
    if (code !== 'ENOENT' && code !== 'ENOTDIR') return describe(err);
  }
  const folder = dirname(target);
  try {
    if (!(await stat(folder)).isDirectory()) return `${folder} is not a folder`;
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT') return `folder ${folder} does not exist`;
    if (code === 'ENOTDIR') return `${folder} is not a folder (part of that path is a file)`;
    return describe(err);
  }
  try {
    // Creating the temporary file and renaming need write and search permission on the folder only.
    await access(folder, constants.W_OK | constants.X_OK);
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'EACCES' || code === 'EPERM') return `permission denied in folder ${folder}`;
    return describe(err);
  }
  return null;
}

/** Aborts every atomic file still open in this process (for SIGINT/SIGTERM handlers). */
export async function abortAllOpen(): Promise<void> {
  await Promise.all([...openFiles].map((f) => f.abort()));
}

/** The same, synchronously, for process 'exit' handlers. */
export function abortAllOpenSync(): void {
  for (const f of [...openFiles]) f.abortSync();
}

/** fsyncs a folder, so that a rename in it survives a crash (failures ignored: see inside). */
export async function syncFolder(folder: string): Promise<void> {
  // Makes the rename durable on Linux; Windows and some file systems refuse to open or fsync a
  // folder, and the new file is complete either way, so failures are ignored.
  let fh: FileHandle | undefined;
  try {
    fh = await open(folder, 'r');
    await fh.sync();
  } catch {
    // See above.
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

function errnoCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a folder',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'part of the path is not a folder',
  ENAMETOOLONG: 'the file name is too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** One line for the user from a Node file-system error. */
export function describe(err: unknown): string {
  const code = errnoCode(err);
  if (code !== undefined && REASONS[code] !== undefined) return REASONS[code];
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}
