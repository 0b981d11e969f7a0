/**
 * The HTML reports in a real browser: headless Chromium (Debian package `chromium`, driven by
 * playwright-core, which brings no browser of its own) opens the reference report results/geneva-2014.html
 * and a comparison, a sweep, a backtest and an explain report, from file:// URLs with nothing else reachable. Every chart must be
 * there with its marks drawn, nothing may be fetched, and nothing may log an error. The reference report's
 * full-page screenshot is saved as results/geneva-2014.report.png (the README shows it). Without
 * /usr/bin/chromium the test is skipped, saying so.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileAtomic } from '../../../src/report/atomic-file.js';
import { backtestReportHtml } from '../../../src/report/html/backtest-report.js';
import { compareReportHtml } from '../../../src/report/html/compare-report.js';
import { explainReportHtml } from '../../../src/report/html/explain-report.js';
import { sweepReportHtml } from '../../../src/report/html/sweep-report.js';
import { twoCases } from '../backtest-fixture.js';
import { explanation, seeds, sweep, tiny } from './fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const REPORT = resolve('results/geneva-2014.html');
const SCREENSHOT = resolve('results/geneva-2014.report.png');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Run in the page (as text: the project's TypeScript has no DOM types): each chart's id, its SVGs, the
 * drawn elements of its data marks (Vega puts each mark's items in a <g class="mark-... role-mark">) and
 * its size on screen.
 */
const CHARTS_IN_PAGE = `[...document.querySelectorAll('figure.chart')].map((f) => {
  const svg = f.querySelector('svg');
  const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
  return {
    id: f.dataset.chart || '',
    svgs: f.querySelectorAll('svg').length,
    marks: f.querySelectorAll('g.role-mark > path, g.role-mark > line, g.role-mark > rect, g.role-mark > text').length,
    width: box.width,
    height: box.height,
  };
})`;

interface Chart { id: string; svgs: number; marks: number; width: number; height: number }
interface Visit { charts: Chart[]; errors: string[]; requests: string[]; pageWidth: number; screenshot: Buffer }

async function visit(ctx: BrowserContext, file: string, screenshot = false): Promise<Visit> {
  const url = pathToFileURL(file).href;
  const page = await ctx.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('request', (r) => { if (r.url() !== url) requests.push(r.url()); });
  await page.goto(url, { waitUntil: 'load' });
  const charts = (await page.evaluate(CHARTS_IN_PAGE)) as Chart[];
  const pageWidth = (await page.evaluate('document.querySelector("main").clientWidth')) as number;
  const shot = screenshot ? await page.screenshot({ fullPage: true, type: 'png' }) : Buffer.alloc(0);
  await page.close();
  return { charts, errors, requests, pageWidth, screenshot: shot };
}

function checkCharts(v: Visit, want: string[]): void {
  assert.equal(v.charts.map((c) => c.id), want);
  for (const c of v.charts) {
    assert.is(c.svgs, 1, c.id);
    assert.ok(c.marks > 0, `${c.id}: no marks drawn`);
    assert.ok(c.width > 200 && c.height > 80, `${c.id}: drawn ${c.width} x ${c.height}`);
    assert.ok(c.width <= v.pageWidth, `${c.id}: ${c.width} px wide in a page of ${v.pageWidth}`);
  }
  assert.equal(v.errors, []);
  assert.equal(v.requests, []);
}

if (!existsSync(CHROMIUM)) {
  console.log(`browser: ${CHROMIUM} not found (Debian package chromium: apt-get install -y chromium); the browser check of the HTML reports is skipped.`);
  test.skip('the HTML reports open in headless Chromium with every chart drawn (chromium not installed)', () => {});
} else {
  test('the HTML reports open in headless Chromium with every chart drawn, nothing fetched, no error; the screenshot is saved', async () => {
    assert.ok(existsSync(REPORT), `${REPORT} is missing: run npm run results`);
    const dir = mkdtempSync(join(tmpdir(), 'negsim-browser-'));
    const ctx = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1000, height: 1200 }, deviceScaleFactor: 1,
      // A cold first start on a fresh machine (CI), beside CPU-bound tests, has taken over 15 s: wait a minute.
      timeout: 60_000,
    });
    try {
      const run = await visit(ctx, REPORT, true);
      checkCharts(run, ['outcomes', 'parties', 'survival', 'hazard', 'ceasefire', 'measures']);
      assert.is(run.screenshot.subarray(1, 4).toString('latin1'), 'PNG');
      assert.ok(run.screenshot.length > 50_000);
      await writeFileAtomic(SCREENSHOT, run.screenshot);

      const compare = join(dir, 'compare.html');
      writeFileSync(compare, await compareReportHtml(await seeds, [tiny]));
      checkCharts(await visit(ctx, compare), ['seeds']);
      const swept = join(dir, 'sweep.html');
      writeFileSync(swept, await sweepReportHtml(await sweep, tiny));
      checkCharts(await visit(ctx, swept), ['sweep']);
      const backtested = join(dir, 'backtest.html');
      writeFileSync(backtested, await backtestReportHtml(twoCases(), { negsim: 'test', rng: 'xor4096', seed: 3, runs: 100 }));
      checkCharts(await visit(ctx, backtested), ['reliability']);
      const explained = join(dir, 'explain.html');
      writeFileSync(explained, await explainReportHtml(await explanation, tiny));
      checkCharts(await visit(ctx, explained), ['sensitivity', 'counterfactual']);
    } finally {
      await ctx.close();
      rmSync(dir, { recursive: true, force: true });
    }
    assert.ok(readFileSync(SCREENSHOT).length > 50_000);
  });
}

test.run();
