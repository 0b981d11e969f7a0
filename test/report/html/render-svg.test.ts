import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { TopLevelSpec } from 'vega-lite';
import { prefixIds, renderSvg } from '../../../src/report/html/render-svg.js';
import { hazardSpec, measureSpec, outcomeSpec } from '../../../src/report/html/specs.js';
import { summary } from './fixture.js';

const bars: TopLevelSpec = {
  data: { values: [{ a: 'x', p: 0.25 }, { a: 'y', p: 0.5 }, { a: 'z', p: 0.75 }] },
  mark: 'bar',
  encoding: { y: { field: 'a', type: 'nominal' }, x: { field: 'p', type: 'quantitative' } },
};

/** Children (path, line, rect, text, ...) of the SVG's data-mark groups (not axes or legends). */
function markCount(svg: string): number {
  let n = 0;
  for (const m of svg.matchAll(/<g class="mark-\w+ role-mark[^"]*"[^>]*>(.*?)<\/g>/g)) n += (m[1].match(/<(path|line|rect|text)\b/g) ?? []).length;
  return n;
}

test('a spec becomes an inline SVG with one mark per data row, and no script', async () => {
  const svg = await renderSvg(bars, 'c1');
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), svg.slice(0, 80));
  assert.ok(svg.endsWith('</svg>'));
  assert.match(svg, /<g class="mark-rect role-mark/);
  assert.is(markCount(svg), 3);
  assert.not.match(svg, /<script/i);
});

test('same spec, same bytes, whatever was rendered before or alongside', async () => {
  const a = await renderSvg(bars, 'c1');
  const [b, , c] = await Promise.all([renderSvg(bars, 'c1'), renderSvg(outcomeSpec(await summary), 'c2'), renderSvg(bars, 'c1')]);
  assert.is(b, a);
  assert.is(c, a);
});

test('text from the data is escaped in the SVG', async () => {
  const svg = await renderSvg({ ...bars, data: { values: [{ a: '<script>alert("x")</script>', p: 0.5 }] } } as TopLevelSpec, 'c1');
  assert.not.match(svg, /<script/i);
  assert.match(svg, /&lt;script&gt;alert/);
});

test('ids (clip paths) get the chart\'s prefix and references follow, so charts on one page never share one', async () => {
  const clipped = { ...bars, mark: { type: 'bar', clip: true } } as TopLevelSpec;
  const svg = await renderSvg(clipped, 'chart-7');
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(ids.length > 0);
  assert.ok(ids.every((id) => id.startsWith('chart-7-')), ids.join(' '));
  for (const ref of svg.matchAll(/url\(#([^)]+)\)/g)) assert.ok(ids.includes(ref[1]), ref[1]);
  assert.is(prefixIds('<svg><clipPath id="clip1"/><g clip-path="url(#clip1)"/><use href="#clip1"/><g id2="x"/></svg>', 'p'),
    '<svg><clipPath id="p-clip1"/><g clip-path="url(#p-clip1)"/><use href="#p-clip1"/><g id2="x"/></svg>');
  assert.throws(() => renderSvg(bars, '1bad'), /idPrefix/);
});

test('a warning from Vega-Lite is a bug in the spec: thrown, never printed', async () => {
  const bad = { ...bars, encoding: { x: { field: 'p', type: 'quantitative', aggregate: 'nonsense' } } } as unknown as TopLevelSpec;
  try {
    await renderSvg(bad, 'c1');
    assert.unreachable('should have thrown');
  } catch (e) {
    assert.match((e as Error).message, /^vega-lite: .*nonsense/);
  }
  // and the queue goes on
  assert.ok((await renderSvg(bars, 'c1')).startsWith('<svg'));
});

test('the report\'s charts render without a warning and draw their marks', async () => {
  const s = await summary;
  for (const [name, spec] of [['outcomes', outcomeSpec(s)], ['hazard', hazardSpec(s)], ['measures', measureSpec(s)]] as const) {
    const svg = await renderSvg(spec, `c-${name}`);
    assert.ok(markCount(svg) > 0, name);
  }
});

test.run();
