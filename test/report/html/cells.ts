/**
 * Reading a report's numbers back (for the tests): every element with a `data-path` (tables.ts) and its
 * `data-*` fields, and a check that each field equals the same field of the JSON at that path.
 */

export interface DataCell {
  path: string;
  /** data-* attributes without the `data-` prefix, as written. */
  attrs: Record<string, string>;
}

export function dataCells(html: string): DataCell[] {
  const cells: DataCell[] = [];
  for (const m of html.matchAll(/<(?:td|span)\b([^>]*\sdata-path="[^"]*"[^>]*)>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/\sdata-([\w-]+)="([^"]*)"/g)) attrs[a[1]] = a[2];
    cells.push({ path: attrs.path, attrs });
  }
  return cells;
}

/** The value at a dotted path (array indexes as numbers). */
export function at(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const k of path.split('.')) v = v === null || v === undefined ? undefined : (v as Record<string, unknown>)[k];
  return v;
}

/** Attributes that say what a cell is, not a number of the JSON. */
const KEYS = new Set(['path', 'metric', 'actor', 'round', 'measure']);

/**
 * Every numeric field of every cell compared with the JSON (parsed, so both sides went through the same
 * number parser): a list of the differences, empty when all are equal.
 */
export function mismatches(html: string, json: unknown): string[] {
  const out: string[] = [];
  for (const c of dataCells(html)) {
    const target = at(json, c.path);
    if (target === undefined || target === null || typeof target !== 'object') {
      out.push(`${c.path}: not an object in the JSON`);
      continue;
    }
    for (const [field, text] of Object.entries(c.attrs)) {
      if (KEYS.has(field)) continue;
      const want = (target as Record<string, unknown>)[field];
      const got: unknown = JSON.parse(text);
      if (got !== want) out.push(`${c.path}.${field}: page ${text}, JSON ${JSON.stringify(want)}`);
    }
  }
  return out;
}
