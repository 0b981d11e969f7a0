/**
 * The outputs of one command, written all or nothing: after `commit()` every file holds its new
 * content, and after any failure (a full disk, a folder that cannot be written, a signal) every file is
 * as it was before the command — never a CSV from this run beside a report from the last.
 *
 * Method: each file is written to its own temporary file beside its target (atomic-file.ts); once every
 * one has been written, fsynced and closed (the steps that fail on a full disk), the targets are
 * replaced one after another by rename(2), synchronously, so that no signal handler runs in between.
 * Before the renames, each existing target is kept under a temporary name of its own (a hard link, or a
 * copy where the file system has none); if a rename fails, the files already replaced are put back from
 * those and the new ones that had no previous file are removed. The kept copies are then removed.
 *
 * @example
 * const out = new OutputSet();
 * try {
 *   await out.add('results/summary.csv', summaryCsv(summary));
 *   await out.add('results/report.html', html);
 *   await out.commit(); // both files, or neither
 * } finally {
 *   await out.abort();  // a no-op after commit
 * }
 */
import { copyFileSync, existsSync, linkSync, renameSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, openAtomic, OutputFileError, syncFolder, tempPathFor, type AtomicFile } from './atomic-file.js';

export class OutputSet {
  private readonly files: AtomicFile[] = [];
  private state: 'open' | 'done' | 'aborted' = 'open';

  /** Opens `path` for writing as part of the set (for outputs written in chunks, such as a runs CSV). */
  async open(path: string): Promise<AtomicFile> {
    if (this.state !== 'open') throw new Error(`output set: open after ${this.state}`);
    const f = await openAtomic(path);
    this.files.push(f);
    return f;
  }

  /** Adds a whole file to the set; it appears at `path` only when the set is committed. */
  async add(path: string, data: string | Uint8Array): Promise<void> {
    const f = await this.open(path);
    await f.write(data);
  }

  /** Every file in place, or (after an OutputFileError) none changed. */
  async commit(): Promise<void> {
    if (this.state !== 'open') throw new Error(`output set: commit after ${this.state}`);
    try {
      for (const f of this.files) await f.prepare();
    } catch (err) {
      await this.abort();
      throw err;
    }
    this.state = 'done';
    publishAllSync(this.files);
    for (const folder of new Set(this.files.map((f) => dirname(f.path)))) await syncFolder(folder);
  }

  /** Removes every temporary file; the targets are untouched. A no-op after commit. */
  async abort(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'aborted';
    await Promise.all(this.files.map((f) => f.abort()));
  }
}

/**
 * Renames every prepared file over its target, or, if one rename fails, none: the targets replaced
 * before it get their previous content back (or are removed, if they had none), and an OutputFileError
 * says which file failed. Synchronous on purpose (see above).
 */
export function publishAllSync(files: readonly AtomicFile[]): void {
  const kept: (string | null)[] = [];
  try {
    for (const f of files) kept.push(keepPrevious(f.path));
  } catch (err) {
    removeAll(kept);
    for (const f of files) f.abortSync();
    throw err;
  }
  let done = 0;
  try {
    for (; done < files.length; done++) files[done].publishSync();
  } catch (err) {
    for (let i = 0; i < done; i++) restore(files[i].path, kept[i]);
    for (let i = done; i < files.length; i++) files[i].abortSync();
    removeAll(kept);
    throw err;
  }
  removeAll(kept);
}

/** A second name for the target's previous content, or null when there is none. */
function keepPrevious(target: string): string | null {
  if (!existsSync(target)) return null;
  const keep = tempPathFor(target);
  try {
    linkSync(target, keep);
  } catch {
    try {
      copyFileSync(target, keep);
    } catch (err) {
      throw new OutputFileError(`cannot write ${target}: cannot keep its previous content while the outputs are replaced (${describe(err)}); nothing was written`, err);
    }
  }
  return keep;
}

function restore(target: string, kept: string | null): void {
  try {
    if (kept === null) unlinkSync(target);
    else renameSync(kept, target);
  } catch {
    // Nothing more can be done here; the error thrown by the caller names the failed output.
  }
}

function removeAll(kept: readonly (string | null)[]): void {
  for (const k of kept) {
    if (k === null) continue;
    try {
      unlinkSync(k);
    } catch {
      // Already renamed back over its target, or gone.
    }
  }
}
