/**
 * The forecast inputs of a scenario: for each issue, every actor that holds a position on it and
 * gives it a salience above 0 (parties, sponsors and mediators alike: in the expected-utility
 * literature every stakeholder with clout counts), with its capability. Uncertain numbers are read
 * at their central value — the mean of their distribution, clipped to the field's range — since
 * these models are deterministic; negsim's own forecast (the Monte Carlo) samples them instead.
 *
 * @example
 * forecastIssuesOfScenario(loadScenario('scenarios/geneva-2014.yaml').scenario!)[0].id // 'assad_role'
 */
import { distributionMean } from '../scenario/distributions/mean.js';
import type { Scenario, Slot } from '../scenario/types.js';
import type { ForecastIssue } from './actor-data.js';

export function forecastIssuesOfScenario(scenario: Scenario): ForecastIssue[] {
  const central = (slot: Slot): number => {
    const p = scenario.params[slot];
    const x = distributionMean(p.dist);
    return x < p.min ? p.min : x > p.max ? p.max : x;
  };
  return scenario.issues.map((iss, k) => ({
    id: iss.id,
    name: iss.name,
    actors: scenario.actors
      .filter((a) => a.position[k] >= 0 && a.salience[k] >= 0 && central(a.salience[k]) > 0)
      .map((a) => ({
        name: a.id,
        capability: central(a.capability),
        position: central(a.position[k]),
        salience: central(a.salience[k]),
      })),
  }));
}
