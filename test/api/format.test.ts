import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { backtestJson, backtestText, compareTable, reportHtml, summaryTable } from '../../src/api/format.js';
import { loadScenario } from '../../src/api/scenario.js';
import { backtestJson as backtestJsonOf, backtestText as backtestTextOf } from '../../src/report/backtest.js';
import { PLAIN } from '../../src/report/color.js';
import { compareTable as compareTableOf } from '../../src/report/compare.js';
import { runReportHtml } from '../../src/report/html/run-report.js';
import { summaryTable as summaryTableOf } from '../../src/report/table.js';
import { rngName } from '../../src/sim/rng.js';
import { simulate } from '../../src/api/simulate.js';
import { compareSeeds } from '../../src/api/compare.js';
import { backtestScenarios } from '../../src/api/backtest.js';
import { VERSION } from '../../src/api/version.js';

const talks = loadScenario();

test('the texts are the command line\'s, without colour: table, comparison, backtest (JSON with version, generator, seed, runs)', async () => {
  const { summary } = await simulate(talks, { runs: 1000, seed: 4, workers: 1 });
  assert.is(summaryTable(summary), summaryTableOf(summary, PLAIN));
  assert.ok(!summaryTable(summary).includes('\u001b'));
  const c = await compareSeeds(talks, { seeds: [1, 2], runs: 1000, workers: 1 });
  assert.is(compareTable(c), compareTableOf(c, PLAIN));
  const b = await backtestScenarios([loadScenario('record/camp-david-2000.yaml')], { runs: 1000, seed: 4, workers: 1 });
  assert.is(backtestText(b), backtestTextOf(b, PLAIN));
  assert.is(backtestJson(b), backtestJsonOf(b, { negsim: VERSION, rng: rngName, seed: 4, runs: 1000 }));
  assert.is(await reportHtml(talks, summary), await runReportHtml(talks.scenario, summary));
});

test.run();
