/**
 * The scenario's source (docs/SCENARIO.md, "Sources and quotes"): read `source.file` (plain text, or a
 * structured sources file of dated, addressed excerpts) and check every `source:` quotation against it.
 * With a structured file a quotation must occur in an excerpt of a source published on or before the
 * scenario's `as_of`: a case may use only what was public before its decision date (docs/RECORD.md).
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve as resolvePath } from 'node:path';
import type { SourceEntry, SourceSpec } from './types.js';
import { findQuote, normaliseForQuote } from './quotes.js';
import { isStructuredSources, parseSources } from './sources-file.js';
import { MAX_FILE_BYTES } from './limits.js';
import type { Resolver } from './resolve.js';

export function resolveSource(r: Resolver): SourceSpec | undefined {
  const s = r.raw.source;
  if (s === undefined) return undefined;
  const out: SourceSpec = { title: s.title };
  if (s.url !== undefined) out.url = s.url;
  if (s.publisher !== undefined) out.publisher = s.publisher;
  if (s.date !== undefined) out.date = s.date;
  if (s.file === undefined) return out;
  out.file = s.file;
  const dir = resolvePath(dirname(r.ctx.file));
  const full = resolvePath(dir, s.file);
  if (!existsSync(full)) {
    r.error(['source', 'file'], `source file '${s.file}' not found (looked for ${full})`, 'source.file is relative to the scenario file');
    return out;
  }
  if (!statSync(full).isFile()) {
    r.error(['source', 'file'], `source file '${s.file}' is not a regular file (a folder or a device)`, 'name the text file that holds the source, e.g. article.txt');
    return out;
  }
  // The text goes into traces and reports; a shared scenario must not pull in other files of
  // its user's (`../../home/me/notes.txt`), so the source must lie in the scenario's folder tree.
  const real = realpathSync(full);
  const inside = relative(existsSync(dir) ? realpathSync(dir) : dir, real);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    r.error(['source', 'file'], `source file '${s.file}' is outside the scenario's folder`, 'copy the source text next to the scenario file (negsim reads no files elsewhere)');
    return out;
  }
  const size = statSync(full).size;
  if (size > MAX_FILE_BYTES) {
    r.error(['source', 'file'], `source file '${s.file}' is too large (${size} bytes; the limit is ${MAX_FILE_BYTES})`);
    return out;
  }
  let text: string;
  try {
    text = readFileSync(full, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    r.error(['source', 'file'], `source file '${s.file}' cannot be read: ${(e as Error).message}`);
    return out;
  }
  if (!isStructuredSources(s.file)) {
    out.text = text;
    return out;
  }
  const parsed = parseSources(text.replace(/\r\n?/g, '\n'), s.file);
  for (const d of parsed.diagnostics) r.diagnostic(d);
  out.entries = parsed.entries;
  // the text quotes are shown against in traces: every excerpt, each headed by its source
  out.text = parsed.entries.map((e) => `[${e.id}] ${e.publisher}, ${e.date}: ${e.title}\n${e.excerpts.join('\n')}`).join('\n\n');
  return out;
}

/** Check every quotation collected while resolving against the source. */
export function checkQuotes(r: Resolver, source: SourceSpec): void {
  const file = source.file ?? '';
  if (source.entries !== undefined) return checkStructuredQuotes(r, source.entries, file);
  if (source.text === undefined) return;
  const norm = normaliseForQuote(source.text);
  for (const { path, quote } of r.quotes) {
    const m = findQuote(quote, norm);
    if (!m.found) r.error(path, `quote not found in the source file ${file}: "${head(quote)}"`, missHint(m, file));
  }
}

function checkStructuredQuotes(r: Resolver, entries: SourceEntry[], file: string): void {
  const asOf = r.raw.as_of;
  if (asOf === undefined && r.quotes.length > 0) {
    r.error(['source', 'file'], 'a structured sources file needs the scenario\'s as_of: quotations are checked to come from sources published on or before it', "add 'as_of: YYYY-MM-DD' (the decision date)", 'key');
    return;
  }
  const before = entries.filter((e) => asOf === undefined || e.date <= asOf);
  const normBefore = before.map((e) => e.excerpts.map(normaliseForQuote));
  const normAll = entries.map((e) => e.excerpts.map(normaliseForQuote));
  for (const { path, quote } of r.quotes) {
    if (normBefore.some((xs) => xs.some((x) => findQuote(quote, x).found))) continue;
    const later = entries.find((_, i) => normAll[i].some((x) => findQuote(quote, x).found));
    if (later !== undefined) {
      r.error(path, `quote from a source published after as_of (${asOf}): "${head(quote)}" is in [${later.id}] ${later.publisher}, ${later.date}`,
        'a case may use only what was public before its decision date; find the words in an earlier source, or drop the preference');
      continue;
    }
    // the best near-miss over all excerpts, for the hint
    const joined = normaliseForQuote(before.flatMap((e) => e.excerpts).join('\n'));
    r.error(path, `quote not found in any excerpt of ${file} dated on or before ${asOf}: "${head(quote)}"`, missHint(findQuote(quote, joined), file));
  }
}

function head(quote: string): string {
  const words = quote.trim().split(/\s+/);
  return words.slice(0, 8).join(' ') + (words.length > 8 ? ' …' : '');
}

function missHint(m: ReturnType<typeof findQuote>, file: string): string {
  return !m.found && m.sourceContinues !== undefined
    ? `the first ${m.matchedWords} words match; then the source has "${m.sourceContinues}" where the quote has "${m.quoteContinues}"`
    : `copy the words from ${file} (spacing, quote marks, dashes and case may differ; mark omissions with '...')`;
}
