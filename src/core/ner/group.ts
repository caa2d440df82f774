// One entity per real-world thing in a document: mentions with the same folded name are one
// ("LONDON" in a headline and "London" in the prose), a surname or given name standing alone
// joins the one full name it belongs to ("Savicevic" → "Dejan Savicevic"), and the kind is the
// one most mentions were given.
import type { EntityKind } from '../types';
import { nameKey } from '../quotes/names';
import type { NerKind, NerMention } from './recognise';

export interface GroupedEntity {
  name: string;
  kind: EntityKind;
  aliases: string[];
  firstOffset: number;
  mentions: number;
  /** Offsets of every mention, in order. */
  offsets: number[];
  /** Every mention as [start, end), in order. */
  spans: { start: number; end: number }[];
}

type Votes = Record<NerKind, number>;

interface Group {
  key: string;
  forms: Map<string, number>;
  votes: Votes;
  firstOffset: number;
  offsets: number[];
  spans: { start: number; end: number }[];
}

const KIND_OF: Record<NerKind, EntityKind | undefined> = { PER: 'person', ORG: 'organisation', LOC: 'place', MISC: undefined };
const KINDS: NerKind[] = ['PER', 'ORG', 'LOC', 'MISC'];

function top(v: Votes): NerKind {
  let best: NerKind = 'MISC';
  for (const k of KINDS) if (v[k] > v[best]) best = k;
  return best;
}

/** A name as the entity's label: the longest form, in the case the prose writes it. */
function labelOf(forms: Map<string, number>): string {
  const score = (f: string) => f.split(' ').length * 1000 + (/\p{Ll}/u.test(f) ? 500 : 0) + (forms.get(f) ?? 0);
  return [...forms.keys()].sort((a, b) => score(b) - score(a))[0]!;
}

/** Leading articles and trailing possessives are no part of a name. */
function cleanName(text: string): string {
  return text.replace(/\s*[’']s$/u, '').replace(/[\s.,;:]+$/u, (m) => (/^\s*\.$/u.test(m) && /\b\p{L}\.\p{L}$/u.test(text.slice(0, -1)) ? m : ''));
}

function isContiguousPart(part: string[], whole: string[]): boolean {
  for (let i = 0; i + part.length <= whole.length; i++) if (part.every((w, j) => whole[i + j] === w)) return true;
  return false;
}

export function groupMentions(mentions: readonly NerMention[]): GroupedEntity[] {
  const groups = new Map<string, Group>();
  for (const m of mentions) {
    const name = cleanName(m.text);
    if (!/\p{L}{2}|\p{Lu}/u.test(name) || !/^[\p{Lu}\p{N}]/u.test(name)) continue;
    const key = nameKey(name);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, forms: new Map(), votes: { PER: 0, ORG: 0, LOC: 0, MISC: 0 }, firstOffset: m.start, offsets: [], spans: [] }));
    g.forms.set(name, (g.forms.get(name) ?? 0) + 1);
    g.votes[m.kind]++;
    g.offsets.push(m.start);
    g.spans.push({ start: m.start, end: m.end });
  }
  // Short forms of people's names join the one full name that contains them.
  const people = [...groups.values()].filter((g) => g.key.includes(' ') && top(g.votes) === 'PER');
  for (const g of [...groups.values()].sort((a, b) => a.key.split(' ').length - b.key.split(' ').length)) {
    const words = g.key.split(' ');
    const owners = people.filter((p) => p !== g && p.key.split(' ').length > words.length && isContiguousPart(words, p.key.split(' ')));
    if (owners.length !== 1) continue;
    // A surname the tagger once took for a place ("Lam") is still the one person of that name,
    // unless the article uses it as something else again and again.
    const isSurname = words.length === 1 && owners[0]!.key.endsWith(` ${words[0]}`);
    if (g.votes.PER === 0 && !(isSurname && g.votes.LOC + g.votes.ORG + g.votes.MISC <= 2)) continue;
    const owner = owners[0]!;
    for (const [form, n] of g.forms) owner.forms.set(form, (owner.forms.get(form) ?? 0) + n);
    // The short forms' own labels count, but a full name stays a person.
    owner.votes.PER += g.votes.PER;
    owner.firstOffset = Math.min(owner.firstOffset, g.firstOffset);
    owner.offsets.push(...g.offsets);
    owner.spans.push(...g.spans);
    groups.delete(g.key);
  }
  const out: GroupedEntity[] = [];
  for (const g of groups.values()) {
    const first = top(g.votes);
    const name = labelOf(g.forms);
    const aliases = [...g.forms.keys()].filter((f) => nameKey(f) !== nameKey(name));
    // "The Hague" is also "Hague"; "The Republic of Ireland" also "Republic of Ireland".
    for (const f of [name, ...aliases]) {
      const bare = f.replace(/^(?:the|The|THE)\s+/u, '');
      if (bare !== f && !aliases.includes(bare)) aliases.push(bare);
    }
    const entity = { name, aliases, firstOffset: g.firstOffset, mentions: g.offsets.length, offsets: g.offsets.sort((a, b) => a - b), spans: g.spans.sort((a, b) => a.start - b.start) };
    const kind = KIND_OF[first];
    if (kind) out.push({ ...entity, kind });
    // A name used for two things ("Detroit" the city and the team) is both, when each is used often.
    for (const k of KINDS) {
      const other = KIND_OF[k];
      if (k === first || !other || g.votes[k] < 2 || g.votes[k] < 0.4 * g.votes[first]) continue;
      out.push({ ...entity, kind: other, mentions: g.votes[k] });
    }
  }
  return out.sort((a, b) => a.firstOffset - b.firstOffset);
}
