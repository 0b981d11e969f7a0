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
import { Composer, isMap, isPair, isScalar, isSeq, Lexer, Parser, YAMLParseError, type CST, type Document, type DocumentOptions, type LineCounter, type ParseOptions, type SchemaOptions } from 'yaml';

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
  if (options.uniqueKeys !== false) duplicateKeys(doc.contents, doc.errors);
  return { ok: true, doc };
}

/** Push a DUPLICATE_KEY error for every repeated scalar key of every mapping (depth <= MAX_NESTING). */
function duplicateKeys(node: unknown, errors: YAMLParseError[]): void {
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (isScalar(pair.key) && pair.key.range) {
        const k = String(pair.key.value);
        if (seen.has(k)) errors.push(new YAMLParseError([pair.key.range[0], pair.key.range[1]], 'DUPLICATE_KEY', 'Map keys must be unique'));
        seen.add(k);
      }
      duplicateKeys(pair.value, errors);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) duplicateKeys(isPair(item) ? item.value : item, errors);
  }
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
