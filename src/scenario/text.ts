/**
 * What text read from a file may hold. Scenario text (and the text of a shard's part) is printed on
 * terminals and into reports, so three kinds of character are refused:
 *
 * - control characters (C0 but tab, line feed and carriage return; DEL; C1): they can retitle, clear or
 *   rewrite a terminal (ESC ] 0 ; ... BEL, ESC [ 2 J);
 * - bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they make a line
 *   display in another order than it is stored — the "Trojan Source" trick (Boucher & Anderson 2021,
 *   CVE-2021-42574) — anywhere;
 * - invisible characters (zero-width space, joiners and non-joiner, the directional marks, word joiner
 *   and invisible operators, a byte-order mark inside text): in names, ids, titles and labels, where two
 *   strings that look the same must be the same. Quotations and notes (`source`, `note`) may hold the
 *   joiners and directional marks, which Arabic, Persian or Hebrew text needs.
 *
 * @example
 * textProblem({ title: 'Geneva\u202EII' }) // { path: ['title'], char: '\u202E', kind: 'bidirectional control' }
 * textProblem({ source: 'مي\u200Cخواهم' })  // undefined: a non-joiner in a quotation
 * textProblem({ name: 'gov\u200B' })        // { path: ['name'], char: '\u200B', kind: 'invisible character' }
 */

export type TextProblemKind = 'control character' | 'bidirectional control' | 'invisible character';

export interface TextProblem {
  /** Where: the keys and indexes down to the string (the last one is the key itself when the key is bad). */
  path: (string | number)[];
  char: string;
  kind: TextProblemKind;
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** Invisible everywhere but in prose: zero-width space, word joiner, invisible operators, BOM. */
const INVISIBLE = /[\u200B\u2060-\u2064\uFEFF]/;
/** Invisible, but part of how some scripts are written: refused in names, allowed in quotations and notes. */
const SCRIPT_MARKS = /[\u061C\u200C-\u200F]/;
/** Keys whose string values are prose quoted or written by people, not names. */
const PROSE_KEYS = new Set(['source', 'note']);

/** The first string, key or value, in `v` that holds a refused character; depth is the caller's to bound. */
export function textProblem(v: unknown, path: (string | number)[] = []): TextProblem | undefined {
  if (typeof v === 'string') {
    const key = path[path.length - 1];
    return charProblem(v, path, typeof key === 'string' && PROSE_KEYS.has(key));
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const r = textProblem(v[i], [...path, i]);
      if (r) return r;
    }
  } else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const bad = charProblem(k, [...path, k], false);
      if (bad) return bad;
      const r = textProblem(x, [...path, k]);
      if (r) return r;
    }
  }
  return undefined;
}

function charProblem(s: string, path: (string | number)[], prose: boolean): TextProblem | undefined {
  let m = CONTROL.exec(s);
  if (m) return { path, char: m[0], kind: 'control character' };
  m = BIDI_CONTROL.exec(s);
  if (m) return { path, char: m[0], kind: 'bidirectional control' };
  m = INVISIBLE.exec(s) ?? (prose ? null : SCRIPT_MARKS.exec(s));
  if (m) return { path, char: m[0], kind: 'invisible character' };
  return undefined;
}

/** `U+202E`. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why each kind is refused, as a hint. */
export const TEXT_PROBLEM_HINT: Record<TextProblemKind, string> = {
  'control character': 'text is printed on terminals and into reports, where control characters can hide or rewrite what is shown; remove it',
  'bidirectional control': 'it makes the text display in another order than it is stored (the "Trojan Source" trick); remove it',
  'invisible character': 'names, ids and titles must read as what they are: two that look the same must be the same; remove it',
};
