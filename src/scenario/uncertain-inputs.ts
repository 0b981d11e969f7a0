/**
 * The scenario's uncertain inputs, as negsim explain ranks them: every sampled parameter (a number the
 * file gives as a distribution, not a fixed value), either each on its own (`number`) or grouped by the
 * preference it belongs to (`preference`, the default: a precondition's demand and its firmness move
 * together, as one stated preference; preference-entries.ts). Each input is named by its path, in words,
 * and by the quotation behind it: the quotation of its preference, belief or pressure, or of its measure;
 * the other numbers (positions, salience, capability...) are the analyst's judgement and carry none.
 *
 * @example
 * uncertainInputs(geneva, 'preference').find((i) => i.path === 'actors.snc.preferences.0')
 * // { kind: 'precondition', short: 'snc: precondition assad_role >= demand',
 * //   label: 'the precondition of Syrian National Coalition (al-Maleh): assad_role >= demand',
 * //   quote: 'The opposition has remained adamant that the ouster ...',
 * //   params: ['actors.snc.preferences.0.with.demand', 'actors.snc.preferences.0.firmness'], slots: [38, 39] }
 */
import { preferenceEntries, type EntryKind, type PreferenceEntry } from './preference-entries.js';
import type { Scenario, Slot } from './types.js';

export const GROUPINGS = ['preference', 'number'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export type InputKind = EntryKind | 'position' | 'salience' | 'capability' | 'sincerity' | 'actor' | 'model' | 'measure' | 'other';

export interface UncertainInput {
  /** A preference's path (`actors.snc.preferences.0`), or the parameter's own (`actors.gov.position.agenda`). */
  path: string;
  kind: InputKind;
  /** Short, with ids, for tables. */
  short: string;
  /** In words, for sentences. */
  label: string;
  quote?: string;
  /** The parameters it moves: their paths (what --set names) and slots. */
  params: string[];
  slots: Slot[];
}

/** Every sampled parameter in an input, in parameter order (by the first parameter of each input). */
export function uncertainInputs(s: Scenario, grouping: Grouping = 'preference'): UncertainInput[] {
  const entries = preferenceEntries(s);
  const owner = new Map<Slot, PreferenceEntry>();
  for (const e of entries) for (const k of e.slots) owner.set(k, e);
  const out: UncertainInput[] = [];
  const byEntry = new Map<PreferenceEntry, UncertainInput>();
  s.params.forEach((p, slot) => {
    if (p.dist.kind === 'fixed') return;
    const e = owner.get(slot);
    if (e && grouping === 'preference') {
      let input = byEntry.get(e);
      if (!input) {
        input = { path: e.path, kind: e.kind, short: e.short, label: e.label, params: [], slots: [] };
        if (e.quote !== undefined) input.quote = e.quote;
        byEntry.set(e, input);
        out.push(input);
      }
      input.params.push(p.path);
      input.slots.push(slot);
      return;
    }
    if (e) {
      const part = p.path.slice(e.path.length + 1);
      const input: UncertainInput = { path: p.path, kind: e.kind, short: `${e.short} (${part})`, label: `${e.label} (its ${part.replace(/^with\./, '')})`, params: [p.path], slots: [slot] };
      if (e.quote !== undefined) input.quote = e.quote;
      out.push(input);
      return;
    }
    out.push({ ...describeNumber(s, p.path), path: p.path, params: [p.path], slots: [slot] });
  });
  return out;
}

const ACTOR_FIELDS: Record<string, string> = {
  flexibility: 'the flexibility of', audience_cost: 'the audience cost of', boycott_cost: 'the cost of a boycott to',
  walkout_cost: 'the cost of walking out to', offer_cost: 'the cost of failing its own offer to', war_gain: 'the war gain of',
};

/** A number that belongs to no preference, in words: what it is of whom; a measure's carries the measure's quotation. */
function describeNumber(s: Scenario, path: string): { kind: InputKind; short: string; label: string; quote?: string } {
  const parts = path.split('.');
  if (parts[0] === 'actors' && parts.length >= 3) {
    const a = s.actors.find((x) => x.id === parts[1]);
    const name = a?.name ?? parts[1];
    // 'The agenda' reads 'the agenda' inside a sentence
    const issue = (id: string) => (s.issues.find((i) => i.id === id)?.name ?? id).replace(/^The /, 'the ');
    const field = parts[2];
    if (field === 'position' && parts.length === 4) return { kind: 'position', short: `${parts[1]}: position ${parts[3]}`, label: `the position of ${name} on ${issue(parts[3])}` };
    if (field === 'salience' && parts.length === 4) return { kind: 'salience', short: `${parts[1]}: salience ${parts[3]}`, label: `the salience of ${issue(parts[3])} to ${name}` };
    if (field === 'capability') return { kind: 'capability', short: `${parts[1]}: capability`, label: `the capability of ${name}` };
    if (field === 'sincerity') return { kind: 'sincerity', short: `${parts[1]}: sincerity`, label: `the chance that ${name} is in truth sincere, not buying time` };
    if (parts.length === 3 && ACTOR_FIELDS[field]) return { kind: 'actor', short: `${parts[1]}: ${field.replace(/_/g, ' ')}`, label: `${ACTOR_FIELDS[field]} ${name}` };
  }
  if (parts[0] === 'model' && parts.length === 2) {
    return { kind: 'model', short: path, label: `the model's ${parts[1].replace(/_/g, ' ')} (a default)` };
  }
  if (parts[0] === 'measures' && parts.length === 3) {
    const m = s.measures.find((x) => x.id === parts[1]);
    const out: { kind: InputKind; short: string; label: string; quote?: string } = { kind: 'measure', short: path, label: `the ${parts[2].replace(/_/g, ' ')} of ${parts[1]}` };
    if (m?.source !== undefined) out.quote = m.source;
    return out;
  }
  return { kind: 'other', short: path, label: path };
}
