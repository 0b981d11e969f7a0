/**
 * Structured sources files (docs/SCENARIO.md, "Sources and quotes"): a list of publications, each with
 * an id, publisher, title, date (YYYY-MM-DD), address and the excerpts quoted from it. A scenario whose
 * `source.file` ends in .yaml, .yml or .json is checked against one: every quotation must occur in an
 * excerpt of a source dated on or before the scenario's `as_of` — the record's rule that a case uses only
 * what was public before its decision date (docs/RECORD.md) — and observed questions name the source of
 * their answer by id.
 *
 * The file is data from anyone, read with the same care as a scenario: size-capped by the caller, YAML
 * 1.2 core schema, no aliases, no tags, every field checked; problems are diagnostics with the sources
 * file's line and column.
 */
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import type { Diagnostic, Location, SourceEntry } from './types.js';
import { DATE_PATTERN, SOURCE_ID_PATTERN } from './names.js';

const DATE = new RegExp(DATE_PATTERN);
const SOURCE_ID = new RegExp(SOURCE_ID_PATTERN);
/** Sources in one file, and excerpts of one source: far above what a case cites. */
export const MAX_SOURCES = 500;
export const MAX_EXCERPTS = 100;

/** Whether a `source.file` names a structured sources file rather than plain text. */
export function isStructuredSources(file: string): boolean {
  return /\.(ya?ml|json)$/i.test(file);
}

/**
 * Parse a structured sources file. `file` names it in messages (as written in the scenario).
 *
 * @example parseSources('sources:\n  - {id: s1, publisher: AP, title: T, date: 2014-01-17, url: http://x, excerpts: [a b]}\n', 'x.sources.yaml').entries.length === 1
 */
export function parseSources(text: string, file: string): { entries: SourceEntry[]; diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, version: '1.2', schema: 'core', prettyErrors: false });
  const diagnostics: Diagnostic[] = [];
  const at = (node: Node | null | undefined): Location | undefined => {
    const off = node?.range?.[0];
    if (off === undefined) return undefined;
    const p = lines.linePos(off);
    return { file, line: p.line, column: p.col };
  };
  const err = (message: string, node?: Node | null, hint?: string): void => {
    const d: Diagnostic = { severity: 'error', message };
    if (hint !== undefined) d.hint = hint;
    const l = at(node) ?? { file, line: 1, column: 1 };
    d.loc = l;
    diagnostics.push(d);
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const p = lines.linePos(e.pos[0]);
    diagnostics.push({ severity: 'error', message: `sources file: YAML syntax error: ${e.message.replace(/ at line \d+[\s\S]*$/, '')}`, loc: { file, line: p.line, column: p.col } });
    return { entries: [], diagnostics };
  }
  const root = doc.contents;
  const list = isMap(root) ? root.get('sources', true) : undefined;
  if (!isMap(root) || !isSeq(list)) {
    err("a sources file is a mapping with a list 'sources:' of entries", root as Node | null, 'see docs/SCENARIO.md, "Sources and quotes"');
    return { entries: [], diagnostics };
  }
  for (const pair of root.items) {
    const k = String((pair.key as { value?: unknown } | null)?.value ?? '');
    if (k !== 'sources' && k !== 'case' && k !== 'note') err(`sources file: unknown key '${k}'`, pair.key as Node, "the top level holds 'sources' (and optionally 'case' and 'note')");
  }
  if (list.items.length > MAX_SOURCES) err(`sources file: ${list.items.length} sources; the limit is ${MAX_SOURCES}`, list);
  const entries: SourceEntry[] = [];
  const seen = new Set<string>();
  for (const item of list.items.slice(0, MAX_SOURCES)) {
    if (!isMap(item)) {
      err('each source is a mapping with id, publisher, title, date, url and excerpts', item as Node);
      continue;
    }
    const str = (key: string, required: boolean): string | undefined => {
      const node = item.get(key, true) as Node | undefined;
      if (node === undefined) {
        if (required) err(`source: '${key}' is required`, item, 'every source gives id, publisher, title, date (YYYY-MM-DD), url and excerpts');
        return undefined;
      }
      const v = (node as { value?: unknown }).value;
      if (typeof v !== 'string' || v.trim() === '') {
        err(`source ${key}: must be non-empty text`, node);
        return undefined;
      }
      if (CONTROL.test(v)) {
        err(`source ${key}: the text holds a control character`, node, 'sources are printed on terminals and into reports; remove it');
        return undefined;
      }
      return v;
    };
    for (const pair of item.items) {
      const k = String((pair.key as { value?: unknown } | null)?.value ?? '');
      if (!ENTRY_KEYS.has(k)) err(`source: unknown key '${k}'`, pair.key as Node, `a source has ${[...ENTRY_KEYS].join(', ')}`);
    }
    const id = str('id', true);
    const publisher = str('publisher', true);
    const title = str('title', true);
    const date = datum(item.get('date', true) as Node | undefined, item);
    const url = str('url', true);
    const author = str('author', false);
    const dateNote = str('date_note', false);
    if (id !== undefined) {
      if (!SOURCE_ID.test(id)) err(`source id '${id}': use lowercase letters, digits, '-' and '_'`, item.get('id', true) as Node);
      else if (seen.has(id)) err(`duplicate source id '${id}'`, item.get('id', true) as Node, 'each source has its own id');
      seen.add(id);
    }
    if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) err(`source ${id ?? ''} url: '${url}' is not an http(s) address`, item.get('url', true) as Node, 'give the address the text was retrieved from');
    const exNode = item.get('excerpts', true);
    const excerpts: string[] = [];
    if (exNode === undefined) {
      err(`source ${id ?? ''}: 'excerpts' is required (the passages quoted from it, verbatim)`, item);
    } else if (!isSeq(exNode) || exNode.items.length === 0) {
      err(`source ${id ?? ''} excerpts: a non-empty list of passages`, exNode as Node);
    } else {
      if (exNode.items.length > MAX_EXCERPTS) err(`source ${id ?? ''}: ${exNode.items.length} excerpts; the limit is ${MAX_EXCERPTS}`, exNode as Node);
      for (const x of exNode.items.slice(0, MAX_EXCERPTS)) {
        const v = (x as { value?: unknown }).value;
        if (typeof v !== 'string' || v.trim() === '') err(`source ${id ?? ''}: each excerpt is non-empty text`, x as Node);
        else if (CONTROL.test(v)) err(`source ${id ?? ''}: an excerpt holds a control character`, x as Node, 'remove it');
        else excerpts.push(v);
      }
    }
    if (id === undefined || publisher === undefined || title === undefined || date === undefined || url === undefined) continue;
    const e: SourceEntry = { id, publisher, title, date, url, excerpts };
    if (author !== undefined) e.author = author;
    if (dateNote !== undefined) e.dateNote = dateNote;
    entries.push(e);
  }
  return { entries, diagnostics };

  /** A date as YYYY-MM-DD text (YAML 1.2 core reads it as a string; a timestamp tag would be a Date). */
  function datum(node: Node | undefined, item: Node): string | undefined {
    if (node === undefined) {
      err("source: 'date' is required (YYYY-MM-DD, the day it was published)", item);
      return undefined;
    }
    const v = (node as { value?: unknown }).value;
    const s = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v : undefined;
    if (s === undefined || !DATE.test(s) || !isRealDate(s)) {
      err(`source date: '${String(v)}' is not a calendar date`, node, 'write YYYY-MM-DD; if the page does not show its date, infer it and say how in date_note');
      return undefined;
    }
    return s;
  }
}

/** C0 and C1 control characters other than tab, line feed and carriage return (as load.ts refuses them). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const ENTRY_KEYS = new Set(['id', 'publisher', 'author', 'title', 'date', 'date_note', 'url', 'excerpts']);

/** YYYY-MM-DD naming a real day of the Gregorian calendar. */
export function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
