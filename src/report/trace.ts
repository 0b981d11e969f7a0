/**
 * One run in words (`negsim trace`): round by round, who chose what, the expected utility of each action
 * at the stage game's equilibrium and the probability the equilibrium gave it, and the quotes behind the
 * preferences that weighed in.
 */
import { basename } from 'node:path';
import type { Scenario } from '../scenario/types.js';
import type { TraceEvent } from '../sim/trace-event.js';
import { fitLines } from './text-layout.js';

const f = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : String(x));
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Every preference, belief and pressure of the scenario, with its quotation (or "no quotation"). */
export function evidence(s: Scenario): string[] {
  const lines: string[] = [];
  const q = (source?: string) => (source ? `      "${source}"` : '      (no quotation: judgement)');
  s.actors.forEach((a) => {
    const items: [string, string | undefined][] = [];
    for (const c of a.conditions) items.push([`${c.kind === 'red_line' ? 'red line' : 'precondition'}: ${c.text}`, c.source]);
    for (const p of a.priorities) items.push([`priority: ${p.issues.map((k) => s.issues[k].id).join(' before ')}`, p.source]);
    for (const e of a.exits) items.push([`exit: ${e.text}`, e.source]);
    for (const i of a.inclinations) items.push([`inclined to ${i.toward}`, i.source]);
    if (a.outsideOption.source) items.push(['outside option', a.outsideOption.source]);
    for (const b of a.beliefs) items.push([`belief that ${s.actors[b.about].name} is sincere`, b.source]);
    for (const p of a.pressure) items.push([`presses ${s.actors[p.on].name} toward ${p.toward.join(', ')}`, p.source]);
    if (items.length === 0) return;
    lines.push(`  ${a.name}:`);
    for (const [what, source] of items) lines.push(`    ${what}`, q(source));
  });
  for (const m of s.measures) {
    lines.push(`  ${m.id} (${m.kind}, offered by ${s.actors[m.offeredBy].name})`, q(m.source));
  }
  return lines;
}

export function traceText(s: Scenario, seed: number, run: number, events: TraceEvent[]): string {
  const name = (a: number) => s.actors[a].name;
  const out: string[] = [];
  out.push(`${s.title}`);
  out.push(`scenario ${s.id} (${basename(s.file)}, sha256 ${s.hash.slice(0, 12)}), seed ${seed}, run ${run}`);
  out.push('');
  out.push('Preferences and the evidence behind them:');
  out.push(...evidence(s));
  let round = -1;
  const heading = (r: number) => {
    if (r === round) return;
    round = r;
    out.push('');
    out.push(r === 0 ? '== Before the talks' : `== Round ${r}`);
  };
  for (const e of events) {
    switch (e.kind) {
      case 'sampled':
        if (e.values.length > 0) {
          out.push('');
          out.push('Uncertain values drawn for this run:');
          for (const v of e.values) out.push(`  ${v.path} = ${f(v.value)}`);
        }
        break;
      case 'types': {
        const armed = s.actors.flatMap((a, i) => (a.role === 'party' ? [`${a.name}: ${e.sincere[i] ? 'sincere' : 'buying time'}`] : []));
        out.push('');
        out.push(`Hidden types (each side knows only its own): ${armed.join('; ')}`);
        break;
      }
      case 'condition':
        out.push(`  ${name(e.actor)}: "${e.text}" is ${e.binding ? 'binding (a hard line) in this run' : `soft in this run (costs ${f(e.penalty)} if crossed)`}`);
        if (e.source) out.push(`      source: "${e.source}"`);
        break;
      case 'measure':
        heading(e.round);
        out.push(`${s.measures[e.measure].id}: ${e.event}`);
        break;
      case 'game': {
        heading(e.round);
        out.push(`${e.game} (logit QRE, lambda ${f(e.lambda, 2)}):`);
        for (const p of e.players) {
          const who = p.type ? `${name(p.actor)} if ${p.type}${p.realised ? ' (its real type)' : ''}` : name(p.actor);
          const acts = p.actions.map((a, k) => `${a} u=${f(p.utilities[k])} p=${pct(p.probabilities[k])}`).join(', ');
          const chose = p.chosen >= 0 ? ` -> ${p.actions[p.chosen]}` : '';
          out.push(`  ${who}: ${acts}${chose}`);
        }
        break;
      }
      case 'trust':
        heading(e.round);
        out.push(`  ${name(e.actor)} ${e.observed} of ${name(e.about)}: belief it is sincere ${f(e.before)} -> ${f(e.after)}`);
        break;
      case 'proposal':
        heading(e.round);
        out.push(`Mediator's proposal${e.round === 0 ? ' (opening, with every party present)' : ''}: ${s.issues.map((iss, k) => `${iss.id} ${f(e.values[k], 1)}`).join(', ')}${e.moved ? ' (moved to meet binding conditions)' : ''}${e.feasible ? '' : ' (no point meets every binding condition)'}`);
        break;
      case 'deal-value':
        out.push(`  ${name(e.actor)}: deal utility ${f(e.utility)}, trust in the others ${f(e.trust)} -> worth ${f(e.deal)} if signed; keeping talks going worth ${f(e.cont)}${e.canAccept ? '' : '; cannot accept it'}${e.brokenBy.length ? ` (breaks: ${e.brokenBy.map((b) => `"${b}"`).join(', ')})` : ''}`);
        break;
      case 'exit':
        heading(e.round);
        out.push(`  ${name(e.actor)}'s exit condition "${e.text}" is met (deviation ${f(e.state.deviation, 1)}, violations seen ${e.state.violations}, trust ${f(e.state.trust)}): staying costs it ${f(e.cost)}`);
        if (e.source) out.push(`      source: "${e.source}"`);
        break;
      case 'threat':
        heading(e.round);
        out.push(`  ${name(e.actor)} threatens to walk out: ${name(e.against)}'s demand (${s.issues.map((iss, k) => `${iss.id} ${f(e.demand[k], 1)}`).join(', ')}) meets its exit condition "${e.text}"`);
        if (e.source) out.push(`      source: "${e.source}"`);
        break;
      case 'positions':
        out.push(`  ${name(e.actor)} moves: ${s.issues.map((iss, k) => `${iss.id} ${f(e.before[k], 1)}->${f(e.after[k], 1)}`).join(', ')}`);
        break;
      case 'outcome':
        out.push('');
        out.push(`Outcome: ${e.outcome}${e.round > 0 ? ` in round ${e.round}` : ''}: ${e.detail}`);
        break;
    }
  }
  return fitLines(out).join('\n') + '\n';
}
