/**
 * YAML (and JSON) text -> a yaml `Document`, refusing excessive nesting before it can hurt.
 *
 * The yaml package's composer recurses once per level of nesting; about a thousand levels
 * (`[[[[...]]]]`, a few kilobytes) exhaust the call stack. The package catches that, but a stack
 * overflow that lands inside V8's regular-expression compiler aborts the whole process ("RegExpCompiler
 * Allocation failed - process out of memory"), which no try/catch can stop — observed here on Node 20
 * after one such overflow. So this does what `parseDocument` does, in two steps: the CST parser
 * (which keeps an explicit stack, no recursion) tokenises the text; the nesting depth of the tokens
 * is measured iteratively; only a text within MAX_NESTING is composed into a Document.
 *
 * The CST parser slows down more than linearly with depth (a million levels, 2 MB, took 7-12 s), so
 * tokens are fed to it one by one and tokenising stops as soon as its stack is clearly too deep.
 * Likewise yaml's own duplicate-key check (`uniqueKeys`) searches each mapping linearly for every key,
 * quadratic in the size of a mapping (a 3 MB file took 20 s); it is turned off and duplicates are
 * found here with one Set per mapping, reported as yaml reports them (DUPLICATE_KEY at the key).
 */
import { Composer, isAlias, isMap, isNode, isPair, isScalar, isSeq, Lexer, Parser, YAMLParseError, type CST, type Document, type DocumentOptions, type LineCounter, type ParseOptions, type SchemaOptions } from 'yaml';

/** Collections inside collections; a scenario file needs about 8 (actors.gov.preferences[0].with.t.uniform[..]). */
export const MAX_NESTING = 64;

export type ParsedYaml =
  | { ok: true; doc: Document }
  | { ok: false; depth: number; offset: number };

/** Like yaml's parseDocument(text, options), but refuses text nested deeper than MAX_NESTING. */
export function parseYaml(text: string, lines: LineCounter, options: ParseOptions & DocumentOptions & SchemaOptions): ParsedYaml {
  // Parser.parse(text), unrolled so that it can stop early
  const parser = new Parser(lines.addNewLine);
  lines.addNewLine(0);
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    for (const t of parser.next(lexeme)) tokens.push(t);
    // the stack holds the document, the open collections and at most a few pending tokens
    if (parser.stack.length > 2 * MAX_NESTING) return { ok: false, depth: MAX_NESTING, offset: parser.offset };
  }
  for (const t of parser.end()) tokens.push(t);
  const deep = nestingBeyond(tokens, MAX_NESTING);
  if (deep !== undefined) return { ok: false, depth: MAX_NESTING, offset: deep };
  const composer = new Composer({ ...options, uniqueKeys: false });
  let doc: Document | undefined;
  for (const d of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = d;
    else {
      doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  if (!doc) throw new Error('parseYaml: the composer produced no document'); // compose(..., forceDoc=true) always does
  checkNodes(doc.contents, { errors: doc.errors, uniqueKeys: options.uniqueKeys !== false, defined: new Set(), open: [] });
  return { ok: true, doc };
}

interface NodeCheck {
  errors: YAMLParseError[];
  uniqueKeys: boolean;
  /** Anchors defined so far, in document order. */
  defined: Set<string>;
  /** Anchors of the collections that enclose the current node. */
  open: string[];
}

/**
 * One walk over the document (depth <= MAX_NESTING, so recursion is safe), in document order, that
 * finds what yaml's toJS would either throw on or turn into data no scenario can hold:
 * - a repeated scalar key in a mapping: DUPLICATE_KEY at the key, as yaml reports it;
 * - a key that is a list or a mapping (`? {a: 1}`): NON_STRING_KEY; yaml would stringify it and
 *   print a process warning of its own;
 * - an alias to an anchor not defined before it: BAD_ALIAS (toJS throws a ReferenceError);
 * - an alias inside the very node its anchor names (`&a [*a]`): BAD_ALIAS; it would make a cyclic
 *   object, which every later step (schema errors, messages, structured clone) would have to survive.
 */
function checkNodes(node: unknown, c: NodeCheck): void {
  if (isAlias(node)) {
    const at: [number, number] = node.range ? [node.range[0], node.range[1]] : [0, 0];
    if (c.open.includes(node.source)) c.errors.push(new YAMLParseError(at, 'BAD_ALIAS', `cycle: alias *${node.source} is inside the node its anchor &${node.source} names`));
    else if (!c.defined.has(node.source)) c.errors.push(new YAMLParseError(at, 'BAD_ALIAS', `unknown alias *${node.source}: no anchor &${node.source} is defined before it`));
    return;
  }
  const anchor = isNode(node) ? node.anchor : undefined;
  if (anchor) c.defined.add(anchor);
  if (!isMap(node) && !isSeq(node)) return;
  if (anchor) c.open.push(anchor);
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = pair.key as unknown;
      if (isScalar(key) && key.range) {
        const k = String(key.value);
        if (c.uniqueKeys && seen.has(k)) c.errors.push(new YAMLParseError([key.range[0], key.range[1]], 'DUPLICATE_KEY', 'Map keys must be unique'));
        seen.add(k);
      } else if ((isMap(key) || isSeq(key)) && key.range) {
        c.errors.push(new YAMLParseError([key.range[0], key.range[1]], 'NON_STRING_KEY', 'a key must be a name, not a list or a mapping'));
      } else if (isAlias(key)) {
        checkNodes(key, c);
      }
      checkNodes(pair.value, c);
    }
  } else {
    for (const item of node.items) checkNodes(isPair(item) ? item.value : item, c);
  }
  if (anchor) c.open.pop();
}

/**
 * The offset of the first collection nested deeper than `limit`, or undefined. Iterative: the point
 * is to measure depth without recursion.
 */
function nestingBeyond(tokens: readonly CST.Token[], limit: number): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [t, depth] = stack.pop()!;
    switch (t.type) {
      case 'document':
        if (t.value) stack.push([t.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        const d = depth + 1;
        if (d > limit) return t.offset;
        for (const item of t.items) {
          const it = item as { key?: CST.Token | null; value?: CST.Token | null };
          if (it.key) stack.push([it.key, d]);
          if (it.value) stack.push([it.value, d]);
        }
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}
