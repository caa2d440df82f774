// Entity lists from spreadsheets: RFC 4180 quoting as spreadsheets write it, and errors that name
// the line and column the user has to fix.
import { describe, expect, it } from 'vitest';
import { entityIdFor, parseEntityCsv } from '../../src/core/list/entity-csv';
import { parseEntityList } from '../../src/core/list/entity-list';

const SOURCE = { outlet: 'CSV import', title: 'people.csv', date: '2024-05-16' };

function entities(text: string) {
  const parsed = parseEntityCsv(text, SOURCE);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.entities;
}

function error(text: string): string {
  const parsed = parseEntityCsv(text, SOURCE);
  if (parsed.ok) throw new Error('expected an error');
  return parsed.error;
}

describe('parseEntityCsv', () => {
  it('reads rows with a header, ;-separated aliases and quoted fields holding commas, quotes and line breaks', () => {
    const text = [
      'name,kind,aliases,context',
      'Ada Lovelace,person,Lovelace; Countess of Lovelace,"Mathematician, writer"',
      '"Royal Society, The",organisation,,"Known as ""the Society""',
      'founded 1660"',
      'Léa Müller,Person,Müller,',
    ].join('\r\n');
    const [ada, society, lea] = entities(text);
    expect(ada).toMatchObject({
      id: 'ada-lovelace',
      name: 'Ada Lovelace',
      kind: 'person',
      aliases: [{ text: 'Lovelace' }, { text: 'Countess of Lovelace' }],
      context: 'Mathematician, writer',
    });
    expect(society).toMatchObject({ name: 'Royal Society, The', kind: 'organisation', aliases: [], context: 'Known as "the Society"\r\nfounded 1660' });
    expect(lea).toMatchObject({ id: 'lea-muller', kind: 'person', aliases: [{ text: 'Müller' }], context: '' });
    // What comes out is a valid entity list for the store.
    expect(parseEntityList({ version: 1, entities: [ada, society, lea], claims: [], quotes: [], distinct: [] }).ok).toBe(true);
  });

  it('works without a header, with LF endings, a trailing blank line and the US spelling of organisation', () => {
    const rows = entities('United Nations,organization,UN\nParis,place,,Capital of France\n\n');
    expect(rows.map((e) => [e.name, e.kind])).toEqual([['United Nations', 'organisation'], ['Paris', 'place']]);
  });

  it('refuses two rows whose names give one id, naming both lines (one would silently replace the other)', () => {
    // A page could not tell two entities of one name apart anyway: the same words would match both.
    expect(parseEntityCsv('name,kind,aliases,context\nJohn Smith,person\nAda,person\njohn  SMITH,person', SOURCE)).toEqual({
      ok: false,
      error: 'line 4, column 1 (name): the id "john-smith" is already line 2\'s (each entity once per file; give it another name, or merge the two rows)',
    });
    expect(entityIdFor('  ')).toBe('entity');
    // Names that are Object.prototype's words make plain ids.
    expect(entities('Prototype,person\nConstructor,place\n__proto__,person').map((e) => e.id)).toEqual(['prototype', 'constructor', 'proto']);
  });

  it.each([
    ['an unknown kind', 'name,kind,aliases,context\nAda,persn,,', /^line 2, column 2 \(kind\): "persn" is not one of person, organisation, place$/],
    ['an empty name', 'Ada,person\n ,place', /^line 2, column 1 \(name\): the name is empty$/],
    ['too many columns', 'Ada,person,,,extra', /^line 1: expected 4 columns/],
    ['a quote inside an unquoted field', 'Ada,person,Love"lace,', /^line 1, character 16: a quote inside an unquoted field/],
    ['text after a closing quote', '"Ada" Lovelace,person', /^line 1, character 6: text after a closing quote/],
    ['a missing closing quote', 'Ada,person\n"Bob,person\nCarl,person', /^line 3: the file ends inside a quoted field/],
    ['no rows', 'name,kind,aliases,context\n', /no rows/],
  ])('refuses %s, naming where', (_what, text, expected) => {
    expect(error(text)).toMatch(expected);
  });

  it('counts lines inside quoted fields, so the error points at the real line', () => {
    expect(error('"Ada\nLovelace",person\nBob,thing')).toMatch(/^line 3, column 2 \(kind\)/);
  });
});
