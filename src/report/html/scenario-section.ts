/**
 * The scenario as the analyst encoded it, for the report: its source, the issues with what each end of
 * the 0–100 scale means, each actor's role, capability, positions and salience, and every preference,
 * belief and pressure with the quotation it rests on (or "judgement" where there is none), the measures
 * and the model's settings. Uncertain values are written as in the file: `triangular(0, 5, 15)`. Values
 * changed with `--set` show as changed, since the scenario given is the one that ran.
 *
 * Every string here comes from the scenario file, so every one is escaped (escape.ts).
 *
 * @example
 * distributionText({ kind: 'triangular', lo: 0, mode: 5, hi: 15 }) // 'triangular(0, 5, 15)'
 * distributionText({ kind: 'fixed', value: 0.7 })                  // '0.7'
 */
import { basename } from 'node:path';
import type { ActorSpec, Distribution, ModelParams, Scenario, Slot } from '../../scenario/types.js';
import { escapeHtml, safeHref } from './escape.js';
import { plain } from './format.js';
import { facts } from './page.js';
import { table } from './tables.js';

export function distributionText(d: Distribution): string {
  const n = (x: number) => plain(x, 4);
  switch (d.kind) {
    case 'fixed': return n(d.value);
    case 'normal': return `normal(${n(d.mean)}, ${n(d.sd)})`;
    case 'uniform': return `uniform(${n(d.lo)}, ${n(d.hi)})`;
    case 'triangular': return `triangular(${n(d.lo)}, ${n(d.mode)}, ${n(d.hi)})`;
    case 'beta': return `beta(${n(d.a)}, ${n(d.b)})`;
  }
}

/** A slot's value as text (escaped HTML), or a dash for no slot. */
function slot(s: Scenario, k: Slot): string {
  return k >= 0 && s.params[k] ? escapeHtml(distributionText(s.params[k].dist)) : '–';
}

const ROLE: Record<string, string> = { party: 'party', sponsor: 'sponsor', mediator: 'mediator' };

function quote(source: string | undefined): string {
  return source
    ? `<blockquote>“${escapeHtml(source)}”</blockquote>`
    : '<div class="judgement">no quotation: the analyst’s judgement</div>';
}

function withText(s: Scenario, w: { name: string; slot: Slot }[]): string {
  return w.length === 0 ? '' : `, where ${w.map((x) => `<code>${escapeHtml(x.name)}</code> ~ ${slot(s, x.slot)}`).join(', ')}`;
}

/** Every preference, belief and pressure of an actor, with its quotation. */
function actorItems(s: Scenario, a: ActorSpec): string[] {
  const items: string[] = [];
  const name = (i: number) => escapeHtml(s.actors[i].name);
  for (const c of a.conditions) {
    items.push(`<strong>${c.kind === 'red_line' ? 'Red line' : 'Precondition'}</strong>: never accept a deal unless <code>${escapeHtml(c.text)}</code>${withText(s, c.with)}; binding in a run with probability ${slot(s, c.firmness)} (otherwise crossing it costs ${slot(s, c.penalty)})${quote(c.source)}`);
  }
  for (const p of a.priorities) {
    items.push(`<strong>Priority</strong>: ${p.issues.map((k) => escapeHtml(s.issues[k].name)).join(' before ')}${quote(p.source)}`);
  }
  for (const e of a.exits) {
    items.push(`<strong>Exit</strong>: withdraws when <code>${escapeHtml(e.text)}</code>${withText(s, e.with)}; staying on after that costs ${slot(s, e.cost)}${quote(e.source)}`);
  }
  for (const i of a.inclinations) {
    items.push(`<strong>Inclination</strong> to ${escapeHtml(i.toward)}, worth ${slot(s, i.strength)}${quote(i.source)}`);
  }
  if (a.role === 'party') {
    items.push(`<strong>Outside option</strong> (the worth of no deal): ${slot(s, a.outsideOption.value)}${quote(a.outsideOption.source)}`);
  }
  for (const b of a.beliefs) {
    items.push(`<strong>Belief</strong> that ${name(b.about)} is sincere (not “buying time”): prior ${slot(s, b.sincere)}${quote(b.source)}`);
  }
  for (const p of a.pressure) {
    items.push(`<strong>Pressure</strong> on ${name(p.on)} toward ${p.toward.map(escapeHtml).join(', ')}, strength ${slot(s, p.strength)}${quote(p.source)}`);
  }
  return items;
}

const MODEL_LABELS: [keyof ModelParams, string][] = [
  ['lambda', 'rationality λ of the logit QRE'],
  ['discount', 'discount per round'],
  ['audienceCost', 'audience cost of walking out (default)'],
  ['flexibility', 'flexibility of positions (default)'],
  ['outsideOption', 'outside option (default)'],
  ['betrayalCost', 'cost of a deal with an insincere side'],
  ['attendAloneCost', 'cost of attending alone'],
  ['miss', 'chance a violation goes unseen (default)'],
  ['falseAlarm', 'chance compliance is seen as a violation (default)'],
];

/** `heading` (plain text) and `id` let a comparison show several scenarios on one page. */
export function scenarioSection(s: Scenario, heading = 'The scenario', id = 'scenario'): string {
  const out: string[] = [];
  out.push(`<section id="${escapeHtml(id)}">`, `<h2>${escapeHtml(heading)}</h2>`);
  out.push('<p>What the simulation was given: the actors and their stated preferences, each with the quotation from the source it encodes. Uncertain values are drawn afresh in every run from the distribution shown; everything the source does not say is the analyst’s judgement.</p>');

  const src = s.source;
  const rows: [string, string][] = [['Scenario', `${escapeHtml(s.title)} <span class="id">(${escapeHtml(s.id)})</span>`]];
  if (s.asOf) rows.push(['As of', escapeHtml(s.asOf)]);
  if (src) {
    const href = src.url ? safeHref(src.url) : null;
    const title = href ? `<a href="${href}">${escapeHtml(src.title)}</a>` : escapeHtml(src.title);
    const by = [src.publisher, src.date].filter((x): x is string => !!x).map(escapeHtml).join(', ');
    rows.push(['Source', `${title}${by ? ` — ${by}` : ''}`]);
    if (src.url && !href) rows.push(['Source address', escapeHtml(src.url)]);
    if (src.file) rows.push(['Source text', `<code>${escapeHtml(src.file)}</code> (every quotation below is checked against it)`]);
  }
  rows.push(['Rounds', String(s.rounds)]);
  rows.push(['File', `<code>${escapeHtml(basename(s.file))}</code>, sha256 <code>${escapeHtml(s.hash)}</code>`]);
  out.push(facts(rows));

  out.push('<h3>Issues</h3>');
  out.push(table('Each issue is a scale from 0 to 100', ['Issue', '0 means', '100 means'],
    s.issues.map((i) => [`<th scope="row">${escapeHtml(i.name)} <span class="id">${escapeHtml(i.id)}</span></th>`, `<td>${escapeHtml(i.low)}</td>`, `<td>${escapeHtml(i.high)}</td>`]), 'issues'));

  out.push('<h3>Actors</h3>');
  const head = ['Actor', 'Role', 'Capability', ...s.issues.map((i) => `${escapeHtml(i.name)}<br><span class="id">position / salience</span>`)];
  out.push(table('Positions on the 0–100 scales, salience on 0–1 (how much the issue matters), capability on 0–1', head, s.actors.map((a) => [
    `<th scope="row">${escapeHtml(a.name)} <span class="id">${escapeHtml(a.id)}</span></th>`,
    `<td>${escapeHtml(ROLE[a.role] ?? a.role)}${a.role === 'party' ? `${a.essential ? ', essential' : ''}${a.armed ? ', armed' : ''}` : ''}</td>`,
    `<td>${slot(s, a.capability)}</td>`,
    ...s.issues.map((_, k) => `<td>${slot(s, a.position[k])}${a.salience[k] >= 0 ? `<br><span class="id">${slot(s, a.salience[k])}</span>` : ''}</td>`),
  ]), 'actors'));

  out.push('<h3>Preferences and the evidence behind them</h3>');
  for (const a of s.actors) {
    const items = actorItems(s, a);
    const sincere = a.role === 'party' ? ` Sincere (not “buying time”) with probability ${slot(s, a.sincerity)}.` : '';
    if (items.length === 0 && !sincere) continue;
    out.push(`<div class="actor"><strong>${escapeHtml(a.name)}</strong> <span class="id">${escapeHtml(a.id)}, ${escapeHtml(ROLE[a.role] ?? a.role)}</span>${sincere ? `<div class="judgement">${sincere.trim()}</div>` : ''}`);
    if (items.length > 0) out.push(`<ul>\n${items.map((i) => `<li>${i}</li>`).join('\n')}\n</ul>`);
    out.push('</div>');
  }

  if (s.measures.length > 0) {
    out.push('<h3>Confidence-building measures</h3>');
    out.push('<ul>');
    for (const m of s.measures) {
      const between = m.sides.map((i) => escapeHtml(s.actors[i].name)).join(' and ');
      const when = m.at === 0 ? 'before the talks open' : `in round ${m.at}`;
      const cf = m.kind === 'ceasefire'
        ? `; called off once one side has seen ${m.tolerance} violation${m.tolerance === 1 ? '' : 's'} by the other (a violation goes unseen with probability ${slot(s, m.miss)})`
        : '';
      out.push(`<li><strong>${escapeHtml(m.id)}</strong>: a ${m.kind === 'ceasefire' ? 'ceasefire' : 'one-off exchange'} between ${between}, offered by ${escapeHtml(s.actors[m.offeredBy].name)} ${when}${cf}${quote(m.source)}</li>`);
    }
    out.push('</ul>');
  }

  out.push('<h3>Model settings</h3>');
  out.push(facts(MODEL_LABELS.map(([k, label]) => [label, slot(s, s.model[k])])));
  out.push('</section>');
  return out.join('\n');
}
