/**
 * Where a value was written: file:line:column of a path in a parsed YAML (or JSON) document, so that
 * every diagnostic points at the offending key or value.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { Location } from './types.js';

export type Path = readonly (string | number)[];

export class Locator {
  constructor(
    private readonly doc: Document | undefined,
    private readonly lines: LineCounter | undefined,
    readonly file: string,
    /** The text the document was parsed from. */
    private readonly text?: string,
  ) {}

  /** Location of a character offset in the (BOM-stripped) text. */
  at(offset: number): Location {
    if (this.lines === undefined) return { file: this.file, line: 1, column: 1 };
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, column: col };
  }

  /** Location of the value at `path` (its key when the value is empty; the nearest ancestor when absent). */
  value(path: Path): Location | undefined {
    const f = this.find(path);
    if (f.complete && f.node?.range && !isEmptyScalar(f.node)) return this.at(f.node.range[0]);
    if (f.complete && f.pair && isNode(f.pair.key) && f.pair.key.range) return this.at(f.pair.key.range[0]);
    return this.ancestor(f);
  }

  /** Location of the key of the last segment of `path` (the item itself for a list item). */
  key(path: Path): Location | undefined {
    if (path.length === 0) return this.at(0);
    const f = this.find(path);
    if (f.complete && typeof path[path.length - 1] === 'string' && f.pair && isNode(f.pair.key) && f.pair.key.range) {
      return this.at(f.pair.key.range[0]);
    }
    if (f.complete && f.node?.range) return this.at(f.node.range[0]);
    return this.ancestor(f);
  }

  /**
   * Location of character `offset` inside the string value at `path`, when the string is written
   * on one line exactly as its value (plain or quoted without escapes); else the string's start.
   */
  inString(path: Path, offset: number | undefined): Location | undefined {
    const f = this.find(path);
    const base = this.value(path);
    if (offset === undefined || !f.complete || !f.node || !isScalar(f.node) || !f.node.range || !this.doc) return base;
    const value = f.node.value;
    const t = f.node.type;
    const quote = t === 'QUOTE_DOUBLE' || t === 'QUOTE_SINGLE' ? 1 : t === 'PLAIN' ? 0 : -1;
    if (typeof value !== 'string' || quote < 0 || this.text === undefined) return base;
    // only when the written text is the value itself (no escapes, folding or doubled quotes)
    const written = this.text.slice(f.node.range[0] + quote, f.node.range[0] + quote + value.length);
    if (written !== value) return base;
    return this.at(f.node.range[0] + quote + Math.min(offset, value.length));
  }

  private ancestor(f: Found): Location | undefined {
    for (let i = f.trail.length - 1; i >= 0; i--) {
      const n = f.trail[i];
      if (n?.range) return this.at(n.range[0]);
    }
    return undefined;
  }

  /** Key -> pair of a mapping, built once per mapping (a linear search per lookup is quadratic on big files). */
  private readonly index = new WeakMap<object, Map<string, Pair>>();

  private pairs(map: { items: Pair[] }): Map<string, Pair> {
    let m = this.index.get(map);
    if (m === undefined) {
      m = new Map();
      for (const p of map.items) {
        const k = keyOf(p.key);
        if (k !== undefined && !m.has(k)) m.set(k, p);
      }
      this.index.set(map, m);
    }
    return m;
  }

  private find(path: Path): Found {
    const trail: (Node | undefined)[] = [];
    let node = this.doc?.contents as Node | null | undefined;
    let pair: Pair | undefined;
    for (const seg of path) {
      if (node && isAlias(node) && this.doc) node = node.resolve(this.doc) as Node | undefined;
      trail.push(node ?? undefined);
      if (node && isMap(node)) {
        pair = this.pairs(node).get(String(seg));
        if (!pair) return { trail, complete: false };
        node = pair.value as Node | null;
      } else if (node && isSeq(node)) {
        const item = node.items[Number(seg)] as Node | undefined;
        if (item === undefined) return { trail, complete: false };
        pair = undefined;
        node = item;
      } else {
        return { trail, complete: false };
      }
    }
    if (node && isAlias(node) && this.doc) node = node.resolve(this.doc) as Node | undefined;
    return { trail, node: node ?? undefined, pair, complete: true };
  }
}

interface Found {
  trail: (Node | undefined)[];
  node?: Node;
  pair?: Pair;
  complete: boolean;
}

function keyOf(k: unknown): string | undefined {
  if (isScalar(k)) return String(k.value);
  if (typeof k === 'string' || typeof k === 'number') return String(k);
  return undefined;
}

function isNode(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && 'range' in x;
}

function isEmptyScalar(n: Node): boolean {
  return isScalar(n) && n.value === null && typeof (n as { source?: unknown }).source === 'string' && (n as { source: string }).source === '';
}
