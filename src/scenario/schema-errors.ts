/**
 * Ajv's validation errors -> one `Diagnostic` per problem, in words a scenario author can act on,
 * each at the file:line:column of the offending key or value.
 *
 * Ajv with `allErrors` reports every failed branch of every `anyOf`; a misspelt `{uniform: ...}`
 * yields five complaints. Uncertain numbers (an `anyOf` of a number and four distributions) are
 * therefore explained once by uncertain.ts; a preference with no or two kind keys (a `oneOf`) gets
 * one message; `if` errors (which only say "must match then") are dropped, their `then` errors
 * speak for them.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from './types.js';
import { DATE_PATTERN, ID_PATTERN, SCENARIO_ID_PATTERN } from './names.js';
import { PREFERENCE_KINDS, RANGE, type Range } from './schema.js';
import { UNCERTAIN_KEYWORD } from './validator.js';
import { didYouMean } from './nearest.js';
import { describeValue, explainUncertain } from './uncertain.js';
import type { Locator, Path } from './locate.js';

type Schema = Record<string, unknown>;

/** JSON pointer (`/actors/gov/capability`) -> path segments. */
export function pointerToPath(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Dotted path for messages and `Diagnostic.path`: `actors.gov.preferences.0.firmness`. */
export function dotted(path: Path): string {
  return path.join('.');
}

export function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, seg)) return undefined;
    v = (v as Record<string, unknown>)[seg as string];
  }
  return v;
}

function isUncertainSchema(s: unknown): boolean {
  const any = (s as Schema | undefined)?.anyOf;
  return Array.isArray(any) && any.length >= 4 && (any[0] as Schema).type === 'number' &&
    Object.hasOwn(((any[1] as Schema).properties ?? {}) as object, 'normal');
}

function isPreferenceSchema(s: unknown): boolean {
  const one = (s as Schema | undefined)?.oneOf;
  return Array.isArray(one) && one.length === PREFERENCE_KINDS.length;
}

function within(e: ErrorObject, outer: ErrorObject): boolean {
  return e.schemaPath.startsWith(`${outer.schemaPath}/`) &&
    (e.instancePath === outer.instancePath || e.instancePath.startsWith(`${outer.instancePath}/`));
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string', number: 'a number', integer: 'an integer (a whole number)', boolean: 'true or false',
  object: 'a mapping (key: value)', array: 'a list', null: 'nothing',
};

function firstSentence(s: unknown): string | undefined {
  if (typeof s !== 'string') return undefined;
  const m = /^(.*?)\.(\s|$)/.exec(s);
  return m ? m[1] : s;
}

/**
 * Translate Ajv's errors for `data` into diagnostics located with `loc`.
 */
export function schemaDiagnostics(errors: readonly ErrorObject[], data: unknown, loc: Locator): Diagnostic[] {
  const out: Diagnostic[] = [];
  const removed = new Set<ErrorObject>();
  const emit = (path: Path, where: 'key' | 'value', message: string, hint?: string): void => {
    const d: Diagnostic = { severity: 'error', message, path: dotted(path) };
    if (hint !== undefined) d.hint = hint;
    const l = where === 'key' ? loc.key(path) : loc.value(path);
    if (l !== undefined) d.loc = l;
    out.push(d);
  };
  // Which errors sit inside which anyOf/oneOf: found through the instance path's prefixes (a scan of
  // all errors per container would be quadratic, and a bad 5 MB file can have 100,000 errors).
  const containers = new Map<string, ErrorObject[]>();
  const atPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    push(atPath, e.instancePath, e);
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') push(containers, e.instancePath, e);
  }
  const inside = new Map<ErrorObject, ErrorObject[]>();
  for (const e of errors) {
    for (const prefix of prefixes(e.instancePath)) {
      for (const c of containers.get(prefix) ?? []) if (c !== e && within(e, c)) push(inside, c, e);
    }
  }
  const drop = (outer: ErrorObject): void => {
    removed.add(outer);
    for (const e of inside.get(outer) ?? []) removed.add(e);
  };

  // outermost first, so that an outer construct can claim the errors nested in it
  const ordered = [...errors].sort((a, b) => a.instancePath.length - b.instancePath.length);

  for (const e of ordered) {
    if (removed.has(e)) continue;
    const path = pointerToPath(e.instancePath);
    const label = dotted(path) || 'the file';
    const value = valueAt(data, path);
    if (e.keyword === 'if') {
      removed.add(e);
    } else if (e.keyword === UNCERTAIN_KEYWORD || (e.keyword === 'anyOf' && isUncertainSchema(e.parentSchema))) {
      // the validator's keyword (validator.ts), or the published schema's anyOf if that was used
      const range: Range = e.keyword === UNCERTAIN_KEYWORD
        ? RANGE[e.schema as keyof typeof RANGE]
        : [((e.parentSchema as Schema).anyOf as Schema[])[0].minimum as number, ((e.parentSchema as Schema).anyOf as Schema[])[0].maximum as number];
      const p = explainUncertain(value, range, label);
      emit(path, 'value', p?.message ?? `${label}: expected a number or an uncertain value like {uniform: [lo, hi]}`, p?.hint);
      drop(e);
    } else if (e.keyword === 'oneOf' && isPreferenceSchema(e.parentSchema)) {
      drop(e);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) continue; // the type error speaks
      const keys = Object.keys(value);
      const kinds = keys.filter((k) => (PREFERENCE_KINDS as readonly string[]).includes(k));
      if (kinds.length === 0) {
        const guess = keys.map((k) => didYouMean(k, PREFERENCE_KINDS)).find((h) => h !== undefined);
        emit(path, 'value', `${label}: a preference needs one of ${PREFERENCE_KINDS.join(', ')}; got ${keys.length ? keys.map((k) => `'${k}'`).join(', ') : 'an empty mapping'}`, guess);
      } else {
        emit(path, 'value', `${label}: a preference has exactly one kind, this one has ${kinds.map((k) => `'${k}'`).join(' and ')}`, 'split it into separate list items, one per kind');
        for (const x of atPath.get(e.instancePath) ?? []) {
          if (x.keyword === 'additionalProperties' &&
            kinds.includes(String((x.params as { additionalProperty?: string }).additionalProperty))) removed.add(x);
        }
      }
    } else if (e.keyword === 'anyOf') {
      const alts = ((e.parentSchema as Schema).anyOf as Schema[]).map(describeSchema).join(' or ');
      emit(path, 'value', `${label} must be ${alts}; got ${describeValue(value)}`);
      drop(e);
    }
  }

  for (const e of ordered) {
    if (removed.has(e)) continue;
    const path = pointerToPath(e.instancePath);
    const label = dotted(path) || 'the file';
    const value = valueAt(data, path);
    const ps = (e.parentSchema ?? {}) as Schema;
    const params = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String(params.additionalProperty);
        const kp = [...path, key];
        if (ps.patternProperties !== undefined) {
          const fixed = key.toLowerCase().replace(/[^a-z0-9_]/g, '_').replace(/^[^a-z]+/, '');
          emit(kp, 'key', `invalid id '${key}' in ${label}: ids are lowercase letters, digits and _, starting with a letter`,
            fixed !== '' && fixed !== key ? `rename it, e.g. '${fixed}'` : undefined);
        } else {
          const allowed = Object.keys((ps.properties ?? {}) as object);
          // `{title: AP report, 17 January 2014}`: the comma ended the title, the rest became a key
          const split = /\s/.test(key) ? "; if this is the end of a text cut at a comma inside {...}, put the whole text in quotes" : '';
          emit(kp, 'key', `unknown key '${key}' ${path.length ? `in ${label}` : 'at the top level'}`,
            (didYouMean(key, allowed) ?? `allowed keys here: ${allowed.join(', ')}`) + split);
        }
        break;
      }
      case 'required': {
        const key = String(params.missingProperty);
        const desc = firstSentence(((ps.properties as Record<string, Schema> | undefined)?.[key])?.description);
        const where = path.length ? `under '${path[path.length - 1]}'` : 'at the top level';
        emit(path, 'key', `missing required key '${key}' ${path.length ? `in ${label}` : 'at the top level'}`,
          `add '${key}: ...' ${where}${desc ? ` (${lowerFirst(desc)})` : ''}`);
        break;
      }
      case 'type': {
        const want = String(params.type);
        if (typeof value === 'number' && !Number.isFinite(value)) {
          emit(path, 'value', `${label} must be a finite number; got ${value}`);
        } else if (want === 'integer' && typeof value === 'number') {
          emit(path, 'value', `${label} must be a whole number; got ${value}`);
        } else if (want === 'object' && isPreferenceSchema(ps)) {
          emit(path, 'value', `${label}: a preference is a mapping with one of ${PREFERENCE_KINDS.join(', ')}; got ${describeValue(value)}`,
            typeof value === 'string' ? `write it as '- red_line: "${value}"' (or precondition, exit)` : undefined);
        } else {
          let hint: string | undefined;
          if (want === 'string' && (typeof value === 'number' || typeof value === 'boolean')) hint = `quote it: '${short(value)}'`;
          if (want === 'boolean' && typeof value === 'string' && /^(yes|no|on|off|y|n)$/i.test(value)) {
            hint = 'write true or false (YAML 1.2 reads yes/no/on/off as text)';
          }
          emit(path, 'value', `${label}: expected ${TYPE_WORDS[want] ?? want}, got ${describeValue(value)}`, hint);
        }
        break;
      }
      case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum': {
        if (typeof ps.minimum === 'number' && typeof ps.maximum === 'number') {
          emit(path, 'value', `${label} must be within [${ps.minimum}, ${ps.maximum}]; got ${String(value)}`);
        } else {
          emit(path, 'value', `${label} must be ${String(params.comparison)} ${String(params.limit)}; got ${String(value)}`);
        }
        break;
      }
      case 'pattern': {
        const pat = String(params.pattern);
        if (pat === DATE_PATTERN) emit(path, 'value', `${label} must be a date written YYYY-MM-DD; got '${short(value)}'`, 'e.g. 2014-01-17');
        else if (pat === ID_PATTERN) emit(path, 'value', `${label}: '${short(value)}' is not a valid id (lowercase letters, digits and _, starting with a letter)`);
        else if (pat === SCENARIO_ID_PATTERN) emit(path, 'value', `${label}: '${short(value)}' is not a valid scenario id (lowercase letters, digits, - and _)`);
        else emit(path, 'value', `${label} must match ${pat}; got '${short(value)}'`);
        break;
      }
      case 'minLength':
        emit(path, 'value', `${label} must not be empty`);
        break;
      case 'maxLength':
        emit(path, 'value', `${label} is too long (${String(value).length} characters; the limit is ${String(params.limit)})`);
        break;
      case 'minItems': case 'maxItems': case 'additionalItems': {
        const n = Array.isArray(value) ? value.length : 0;
        if (ps.minItems !== undefined && ps.minItems === ps.maxItems) {
          emit(path, 'value', `${label} must list exactly ${String(ps.minItems)} items; got ${n}`);
        } else if (e.keyword === 'minItems') {
          emit(path, 'value', `${label} needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}; got ${n}`);
        } else {
          emit(path, 'value', `${label} has too many items (${n}; the limit is ${String(params.limit)})`,
            'negsim bounds the size of a scenario so that any file loads and runs in bounded time and memory (README, Safety)');
        }
        break;
      }
      case 'uniqueItems': {
        const item = Array.isArray(value) ? value[params.j as number] : undefined;
        emit(path, 'value', `${label} lists ${JSON.stringify(item)} twice`, 'each item may appear once');
        break;
      }
      case 'enum': {
        const allowed = (params.allowedValues as unknown[]).map(String);
        emit(path, 'value', `${label} must be one of ${allowed.join(', ')}; got ${describeValue(value)}`,
          typeof value === 'string' ? didYouMean(value, allowed) : undefined);
        break;
      }
      case 'minProperties':
        emit(path, 'value', `${label} needs at least ${String(params.limit)} entr${params.limit === 1 ? 'y' : 'ies'}`);
        break;
      case 'maxProperties': {
        const n = value !== null && typeof value === 'object' ? Object.keys(value).length : 0;
        emit(path, 'value', `${label} has too many entries (${n}; the limit is ${String(params.limit)})`,
          'negsim bounds the size of a scenario so that any file loads and runs in bounded time and memory (README, Safety)');
        break;
      }
      default:
        emit(path, 'value', `${label} ${e.message ?? 'is invalid'}`);
    }
  }
  return out;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list === undefined) m.set(k, [v]);
  else list.push(v);
}

/** '/a/b' -> '', '/a', '/a/b'. */
function prefixes(pointer: string): string[] {
  const out = [''];
  for (let i = 1; i <= pointer.length; i++) if (i === pointer.length || pointer[i] === '/') out.push(pointer.slice(0, i));
  return out;
}

/** A branch of a scalar `anyOf`, in words: `'before'`, `an integer in 1..200`. */
function describeSchema(s: Schema): string {
  if (s.const !== undefined) return `'${String(s.const)}'`;
  if (Array.isArray(s.enum)) return `one of ${s.enum.join(', ')}`;
  const t = s.type === 'integer' ? 'a whole number' : TYPE_WORDS[String(s.type)] ?? String(s.type);
  if (typeof s.minimum === 'number' && typeof s.maximum === 'number') return `${t} in ${s.minimum}..${s.maximum}`;
  return t;
}

/** A value as echoed in a message: at most 40 characters, so a pasted paragraph does not flood the terminal. */
function short(value: unknown): string {
  const s = String(value);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0].toLowerCase() + s.slice(1) : s;
}
