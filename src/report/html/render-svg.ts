/**
 * A Vega-Lite spec as an SVG string, without a browser or canvas: compiled by vega-lite's `compile()`
 * into a Vega spec, then rendered by a headless Vega View (`renderer: 'none'`, `toSVG()`), as the Vega
 * docs describe for server-side use. The result has no script and needs no network: it is inline SVG.
 *
 * Same spec, same bytes: text is measured by text-width.ts (Helvetica's widths; Vega supports a
 * user-defined `textMetrics.width`, as vl-convert uses), never by a canvas, and the ids Vega gives
 * clip paths and gradients (`clip1`, `gradient_0`, from module-level counters) are reset before each
 * chart and prefixed with `idPrefix`, so the ids of several charts on one page never collide and do not
 * depend on what was rendered before in the process. Renders are queued one at a time, since the
 * counters are shared.
 *
 * A warning or error from Vega-Lite or Vega (a field that does not exist, a bad encoding) is a bug in
 * specs.ts, not the user's: it is thrown, never printed.
 *
 * @example
 * await renderSvg({ data: { values: [{ a: 'x', p: 0.5 }] }, mark: 'bar', encoding: { y: { field: 'a' }, x: { field: 'p', type: 'quantitative' } } }, 'c1')
 * // '<svg xmlns="http://www.w3.org/2000/svg" ... class="marks" width="..." height="..." viewBox="...">...<g class="mark-rect role-mark marks" ...><path .../></g>...</svg>'
 */
import * as vega from 'vega';
import { parse, resetSVGDefIds, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { itemTextWidth } from './text-width.js';

/** A logger (the interface of vega-util's `logger`) that throws on warnings and errors. */
function strictLogger(what: string) {
  let level = 2; // Warn
  const fail = (...args: unknown[]): never => {
    throw new Error(`${what}: ${args.map(String).join(' ')}`);
  };
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error: fail,
    warn: fail,
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/** vega-scenegraph's text measurer, re-exported by vega at run time though absent from its typings. */
const textMetrics = (vega as unknown as { textMetrics: { width: (item: object, text: unknown) => number } }).textMetrics;

type CompileLogger = NonNullable<NonNullable<Parameters<typeof compile>[1]>['logger']>;
type ViewLogger = NonNullable<NonNullable<ConstructorParameters<typeof View>[1]>['logger']>;

let queue: Promise<unknown> = Promise.resolve();

export function renderSvg(spec: TopLevelSpec, idPrefix: string): Promise<string> {
  if (!/^[A-Za-z][\w-]*$/.test(idPrefix)) throw new RangeError(`renderSvg: idPrefix must be an XML name, got '${idPrefix}'`);
  const job = queue.then(async () => {
    const vg = compile(spec, { logger: strictLogger('vega-lite') as unknown as CompileLogger }).spec;
    const view = new View(parse(vg), { renderer: 'none', logger: strictLogger('vega') as unknown as ViewLogger });
    try {
      textMetrics.width = itemTextWidth;
      resetSVGDefIds();
      return prefixIds(await view.toSVG(), idPrefix);
    } finally {
      view.finalize();
    }
  });
  queue = job.catch(() => undefined);
  return job;
}

/** Every `id="x"` of the SVG becomes `id="prefix-x"`, and every `url(#x)` / `href="#x"` follows it. */
export function prefixIds(svg: string, prefix: string): string {
  const ids = new Set<string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) ids.add(m[1]);
  if (ids.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)"/g, (all, head: string, id: string) => (ids.has(id) ? `${head}${prefix}-${id}"` : all))
    .replace(/url\(#([^)]+)\)/g, (all, id: string) => (ids.has(id) ? `url(#${prefix}-${id})` : all))
    .replace(/(href=")#([^"]+)"/g, (all, head: string, id: string) => (ids.has(id) ? `${head}#${prefix}-${id}"` : all));
}
