/**
 * A scenario written to break a careless page: markup, quotes and a javascript: link in every string
 * the report shows (title, source, issue labels, actor names, quotations, ids cannot: they are [a-z0-9_]).
 */
import type { Scenario } from '../../../src/scenario/types.js';
import { scenarioFrom } from '../../sim/fixtures.js';

export const SCRIPT = '<script>alert(1)</script>';

export const HOSTILE_YAML = `
id: hostile
title: "Talks ${SCRIPT} & <b>more</b>"
as_of: 2020-01-01
source: { title: "A \\"source\\" <img src=x onerror=alert(2)>", url: "javascript:alert(3)", publisher: "<i>press</i>" }
rounds: 3
issues:
  x: { name: "Issue <u>x</u>", low: "</td><script>alert(4)</script>", high: "' onmouseover='alert(5)" }
actors:
  a:
    name: "A ${SCRIPT}"
    role: party
    armed: true
    capability: 0.6
    position: { x: {uniform: [10, 30]} }
    salience: { x: 0.8 }
    preferences:
      - red_line: "x <= 40"
        source: "We never <script>alert(6)</script> accept"
  b:
    name: "B \\" onclick=\\"alert(7)"
    role: party
    armed: true
    capability: 0.5
    position: { x: {uniform: [60, 90]} }
    salience: { x: 0.8 }
    preferences:
      - exit: "deviation > 20"
        cost: 0.3
measures:
  truce: { kind: ceasefire, offered_by: a, between: [a, b], at: before, source: "</blockquote><script>alert(8)</script>" }
`;

export const hostile: Scenario = scenarioFrom(HOSTILE_YAML, 'hostile.yaml');
