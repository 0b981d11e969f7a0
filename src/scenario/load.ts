/**
 * Load a scenario file: read it, parse YAML or JSON, validate it against the schema, check and
 * resolve it (resolve.ts) into a `Scenario`. Strangers' files must be safe: size is capped, YAML
 * aliases are capped (billion laughs), expressions are whitelisted (expression.ts), and nothing in a
 * file is ever evaluated as code.
 *
 * Never throws for bad input: every problem is a `Diagnostic` with a message, a hint where one
 * helps, and file:line:column where there is a place to point at. Throws only for bugs.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { LineCounter, type Document, type YAMLError, type YAMLWarning } from 'yaml';
import { parseYaml } from './yaml-parse.js';
import type { Diagnostic, Scenario } from './types.js';
import type { ScenarioFile } from './schema.js';
import { validateScenarioData } from './validator.js';
import { schemaDiagnostics } from './schema-errors.js';
import { MAX_FILE_BYTES, resolveScenario } from './resolve.js';
import { codePoint, TEXT_PROBLEM_HINT, textProblem } from './text.js';
import { Locator } from './locate.js';
import { compareDiagnostics, formatDiagnostic } from './diagnostic.js';

export { formatDiagnostic, MAX_FILE_BYTES };

/** Aliases a YAML file may expand; far above what a hand-written scenario uses. */
export const MAX_ALIAS_COUNT = 100;
/** Diagnostics reported at most (then one saying how many more): a broken generated file can have 100,000. */
export const MAX_DIAGNOSTICS = 200;

export interface LoadResult {
  /** Set only when there is no error (warnings allowed). */
  scenario?: Scenario;
  /** Errors and warnings, in file order. */
  diagnostics: Diagnostic[];
}

/**
 * Load the scenario file `file` (or `opts.text` as if it were that file's content; `source.file`
 * is still read relative to `file`).
 *
 * @example
 * const { scenario, diagnostics } = loadScenario('scenarios/geneva-2014.yaml');
 * for (const d of diagnostics) console.error(formatDiagnostic(d));
 */
export function loadScenario(file: string, opts: { text?: string } = {}): LoadResult {
  if (opts.text !== undefined) return loadBytes(Buffer.from(opts.text, 'utf8'), file);
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return fail(`'${file}' is a directory, not a scenario file`);
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail(`scenario file '${file}' not found`, 'check the path (it is relative to the current directory)');
    return fail(`cannot read scenario file '${file}': ${(e as Error).message}`);
  }
  if (size > MAX_FILE_BYTES) return fail(`scenario file '${file}' is too large (${size} bytes; the limit is ${MAX_FILE_BYTES}, 5 MB)`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return fail(`cannot read scenario file '${file}': ${(e as Error).message}`);
  }
  return loadBytes(bytes, file);
}

/** Load a scenario from its text; `file` names it in messages and decides YAML or JSON. */
export function loadScenarioText(text: string, file: string): LoadResult {
  return loadScenario(file, { text });
}

function fail(message: string, hint?: string): LoadResult {
  const d: Diagnostic = { severity: 'error', message };
  if (hint !== undefined) d.hint = hint;
  return { diagnostics: [d] };
}

function loadBytes(bytes: Buffer, file: string): LoadResult {
  if (bytes.length > MAX_FILE_BYTES) return fail(`scenario file '${file}' is too large (${bytes.length} bytes; the limit is ${MAX_FILE_BYTES}, 5 MB)`);
  const hash = createHash('sha256').update(bytes).digest('hex');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(`scenario file '${file}' is not valid UTF-8 text`, 'save it as UTF-8');
  }
  // A BOM and CRLF line ends are what some editors write; neither changes a line or column number.
  // A lone CR is a line end too (old Mac files; YAML reads it so), not part of a line.
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const json = extname(file).toLowerCase() === '.json';
  const lines = new LineCounter();
  const parsed = parseYaml(text, lines, { prettyErrors: false, uniqueKeys: true, version: '1.2', schema: json ? 'json' : 'core' });
  if (!parsed.ok) {
    const l = new Locator(undefined, lines, file, text);
    return fail2([], `the file nests lists and mappings more than ${parsed.depth} levels deep`, 'a scenario needs about 8 levels; this is not a hand-written file', l.at(parsed.offset));
  }
  const doc = parsed.doc;
  const loc = new Locator(doc, lines, file, text);
  const diagnostics: Diagnostic[] = [];

  if (json) {
    const jsonError = checkJson(text, doc, loc);
    if (jsonError) return { diagnostics: [jsonError] };
  }
  // A tag yaml cannot resolve (`!!python/object`, `!!js/function`) would be read as plain text; a
  // file that carries one was written for a loader that runs code, so it is refused, not reinterpreted.
  const fatal = (w: YAMLWarning) => w.code === 'TAG_RESOLVE_FAILED';
  for (const e of [...doc.errors, ...doc.warnings.filter(fatal)]) diagnostics.push(yamlDiagnostic(e, 'error', text, loc));
  if (diagnostics.length > 0) return { diagnostics: firstSyntaxErrors(diagnostics) };
  for (const w of doc.warnings) diagnostics.push(yamlDiagnostic(w, 'warning', text, loc));

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof ReferenceError && /excessive alias/i.test(e.message)) {
      return fail2(diagnostics, `the file expands YAML aliases (*name) more than ${MAX_ALIAS_COUNT} times`, 'this is the shape of a "billion laughs" attack; write the values out instead of nesting aliases', loc.at(0));
    }
    return fail2(diagnostics, `cannot read the YAML: ${(e as Error).message}`, undefined, loc.at(0));
  }
  if (data === null || data === undefined) return fail2(diagnostics, 'the file is empty', 'a scenario needs at least id, title, rounds, issues and actors', loc.at(0));
  if (typeof data !== 'object' || Array.isArray(data)) {
    return fail2(diagnostics, `the top level must be a mapping (id: ..., title: ..., ...); got ${Array.isArray(data) ? 'a list' : 'a single value'}`, undefined, loc.at(0));
  }

  const bad = textProblem(data);
  if (bad) {
    return fail2(diagnostics, `${bad.path.join('.') || 'a key'}: the text holds the ${bad.kind} ${codePoint(bad.char)}`,
      TEXT_PROBLEM_HINT[bad.kind], loc.value(bad.path) ?? loc.at(0));
  }

  const schemaErrors = validateScenarioData(data);
  if (schemaErrors !== null) {
    for (const d of schemaDiagnostics(schemaErrors, data, loc)) diagnostics.push(d);
    return { diagnostics: finish(diagnostics) };
  }
  const r = resolveScenario(data as ScenarioFile, { file, hash, loc });
  for (const d of r.diagnostics) diagnostics.push(d);
  const out: LoadResult = { diagnostics: finish(diagnostics) };
  if (r.scenario) out.scenario = r.scenario;
  return out;
}

/** YAML syntax errors past the first few are mostly echoes of the first (one bad indent can yield hundreds). */
const MAX_SYNTAX_ERRORS = 5;

function firstSyntaxErrors(ds: Diagnostic[]): Diagnostic[] {
  const all = finish(ds);
  if (all.length <= MAX_SYNTAX_ERRORS) return all;
  const rest = all.length - MAX_SYNTAX_ERRORS;
  return [...all.slice(0, MAX_SYNTAX_ERRORS), {
    severity: 'error',
    message: `${rest} more YAML error${rest === 1 ? '' : 's'} not shown`,
    hint: 'they usually follow from the first; fix it and check again',
  }];
}

function fail2(before: Diagnostic[], message: string, hint: string | undefined, at: Diagnostic['loc']): LoadResult {
  const d: Diagnostic = { severity: 'error', message };
  if (hint !== undefined) d.hint = hint;
  if (at !== undefined) d.loc = at;
  return { diagnostics: [...before, d] };
}

/**
 * A JSON file must be JSON, not merely YAML: JSON.parse decides, and its error is placed by the
 * offset in its message, or by the YAML parser's first error (which reads JSON too) when the
 * message has none.
 */
function checkJson(text: string, doc: Document, loc: Locator): Diagnostic | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    const msg = (e as Error).message;
    const m = /at position (\d+)/.exec(msg);
    const offset = m ? Number(m[1]) : doc.errors[0]?.pos[0];
    const d: Diagnostic = {
      severity: 'error',
      message: `invalid JSON: ${lowerFirst(msg
        .replace(/\s*in JSON at position \d+[\s\S]*$/, '')
        .replace(/, (\.\.\.)?"[\s\S]*"(\.\.\.)? is not valid JSON$/, '')
        .replace(/^Unexpected token '([\s\S])'/, (_, c: string) => `Unexpected character ${JSON.stringify(c)}`))}`,
    };
    if (/trailing comma|property name/i.test(msg)) d.hint = 'JSON allows no trailing commas and needs double-quoted keys';
    else if (/token '[NI]'/.test(msg)) d.hint = 'JSON has no NaN or Infinity: write a finite number';
    d.loc = loc.at(offset ?? 0);
    return d;
  }
}

function yamlDiagnostic(e: YAMLError | YAMLWarning, severity: Diagnostic['severity'], text: string, loc: Locator): Diagnostic {
  const d: Diagnostic = { severity, message: '', loc: loc.at(e.pos[0]) };
  // the key as written, up to its ':' (quoted keys whole)
  const span = /^("[^"\n]*"|'[^'\n]*'|[^:\n,{}[\]]+)/.exec(text.slice(e.pos[0], e.pos[0] + 200))?.[1] ?? '';
  switch (e.code) {
    case 'DUPLICATE_KEY':
      d.message = `duplicate key '${span.trim().replace(/^["']|["']$/g, '')}': a key may appear only once in a mapping (so ids are unique)`;
      d.hint = 'remove or rename one of them';
      break;
    case 'TAB_AS_INDENT':
      d.message = 'tab used for indentation';
      d.hint = 'YAML indents with spaces only';
      break;
    case 'MULTIPLE_DOCS': // raised by yaml-parse.ts
      d.message = "the file holds more than one YAML document (a second '---')";
      d.hint = 'keep one scenario per file';
      break;
    case 'TAG_RESOLVE_FAILED':
      d.message = `YAML tag not allowed: ${e.message.replace(/ at line \d+.*$/s, '').replace(/^Unresolved tag: tag:yaml.org,2002:/, '!!').replace(/^Unresolved tag: /, '')}`;
      d.hint = 'negsim reads plain data (text, numbers, true/false, lists, mappings); remove the tag';
      break;
    case 'BAD_ALIAS':
      d.message = `YAML alias error: ${e.message}`;
      d.hint = e.message.startsWith('cycle') ? 'write the values out; a scenario holds no self-references' : 'define the anchor (&name value) before any *name, or write the value out';
      break;
    case 'NON_STRING_KEY':
      d.message = `YAML key error: ${e.message}`;
      d.hint = "keys are plain names such as 'capability' or an id";
      break;
    default:
      d.message = `YAML ${severity === 'error' ? 'syntax error' : 'warning'}: ${lowerFirst(e.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, ''))
        // yaml quotes the offending token whole; a paragraph of it helps no one
        .replace(/: "([\s\S]{40})[\s\S]+"$/, ': "$1…"')}`;
  }
  return d;
}

/** Deduplicated, in file order, at most MAX_DIAGNOSTICS (errors kept before warnings when cut). */
function finish(ds: Diagnostic[]): Diagnostic[] {
  const all = dedupe(ds).sort(compareDiagnostics);
  if (all.length <= MAX_DIAGNOSTICS) return all;
  const errors = all.filter((d) => d.severity === 'error');
  const kept = (errors.length >= MAX_DIAGNOSTICS ? errors.slice(0, MAX_DIAGNOSTICS) : [...errors, ...all.filter((d) => d.severity === 'warning').slice(0, MAX_DIAGNOSTICS - errors.length)]).sort(compareDiagnostics);
  const rest = all.length - kept.length;
  const restErrors = errors.length - kept.filter((d) => d.severity === 'error').length;
  kept.push({ severity: restErrors > 0 ? 'error' : 'warning', message: `${rest} more problem${rest === 1 ? '' : 's'} not shown (${restErrors} of them errors)`, hint: 'fix the ones above and check again' });
  return kept;
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.severity}|${d.message}|${d.loc?.line}:${d.loc?.column}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0].toLowerCase() + s.slice(1) : s;
}
