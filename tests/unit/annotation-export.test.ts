import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCsv, exportJsonLd, exportMarkdown } from '../../src/core/annotations/export';
import { parseAnnotationImport } from '../../src/core/annotations/import';
import { createAnnotation, type Annotation } from '../../src/core/annotations/model';
import { DOSSIER_KEY } from '../../src/core/annotations/w3c';
import { arbitraryAnnotation } from '../fixtures/annotations/arbitrary';
import { isValidW3CAnnotation, w3cAnnotationProblems, w3cCollectionProblems } from '../fixtures/annotations/w3c-check';

const TEXT = 'Russian President Vladimir Putin has arrived in China for a two-day state visit, as the two countries look to deepen ties.';
const NOW = new Date('2024-05-16T09:30:00Z');

function annotate(phrase: string, extra: Partial<Parameters<typeof createAnnotation>[0]> = {}): Annotation {
  const start = TEXT.indexOf(phrase);
  return createAnnotation({
    pageUrl: 'https://www.aljazeera.com/news/2024/5/16/putin-china?utm_source=x',
    title: '‘Old friend’ Putin arrives in China',
    text: TEXT,
    start,
    end: start + phrase.length,
    now: NOW,
    id: `urn:uuid:00000000-0000-4000-8000-00000000000${phrase.length % 10}`,
    ...extra,
  });
}

const putin = annotate('Vladimir Putin has arrived in China', { note: 'First visit since the =election', tags: ['russia', 'china'], colour: 'blue', entities: ['vladimir-putin', 'china'] });
const visit = annotate('two-day state visit', { tags: ['+1'], pageUrl: 'https://other.example/visit', title: 'Visit [live] *updates*' });

describe('exportJsonLd', () => {
  it('writes an AnnotationCollection of W3C annotations, our fields under one namespaced key', () => {
    const collection = JSON.parse(exportJsonLd([putin, visit], { generated: NOW.toISOString(), includeEntities: true }));
    expect(w3cCollectionProblems(collection)).toEqual([]);
    const [first] = collection.first.items;
    expect(first.body).toEqual([
      { type: 'TextualBody', value: 'First visit since the =election', format: 'text/plain', purpose: 'commenting' },
      { type: 'TextualBody', value: 'russia', purpose: 'tagging' },
      { type: 'TextualBody', value: 'china', purpose: 'tagging' },
    ]);
    expect(first.target.selector.map((selector: { type: string }) => selector.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(first[DOSSIER_KEY]).toEqual({
      url: 'https://www.aljazeera.com/news/2024/5/16/putin-china',
      title: '‘Old friend’ Putin arrives in China',
      colour: 'blue',
      entities: ['vladimir-putin', 'china'],
    });
  });

  it('leaves entity ids out unless asked, and exports one page when given its URL', () => {
    const all = JSON.parse(exportJsonLd([putin, visit]));
    expect(all.first.items[0][DOSSIER_KEY].entities).toBeUndefined();
    const onePage = JSON.parse(exportJsonLd([putin, visit], { url: 'https://other.example/visit#top' }));
    expect(onePage.total).toBe(1);
    expect(onePage.first.items[0].id).toBe(visit.id);
  });

  it('every generated annotation exports as a valid W3C annotation', () => {
    fc.assert(
      fc.property(fc.array(arbitraryAnnotation, { maxLength: 5 }), (annotations) => {
        const collection = JSON.parse(exportJsonLd(annotations, { includeEntities: true }));
        expect(w3cCollectionProblems(collection)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('the structural check rejects what is not a W3C annotation', () => {
    const item = JSON.parse(exportJsonLd([putin])).first.items[0];
    expect(isValidW3CAnnotation(item, false)).toBe(true);
    expect(w3cAnnotationProblems(item)).toEqual(['@context']); // a lone annotation needs its @context
    expect(w3cAnnotationProblems({ ...item, body: [{ type: 'TextualBody', value: 'x', purpose: 'liking' }] }, false)).toEqual(['body[0].purpose']);
    expect(w3cAnnotationProblems({ ...item, target: { source: 'page1', selector: [] } }, false)).toEqual(['target.source']);
    expect(w3cAnnotationProblems({ ...item, colour: 'blue' }, false)).toEqual(['colour outside the namespace']);
  });
});

describe('export then import', () => {
  it('gives back the same annotations (property over generated annotations)', () => {
    fc.assert(
      fc.property(fc.array(arbitraryAnnotation, { maxLength: 5 }), (annotations) => {
        const result = parseAnnotationImport(exportJsonLd(annotations, { includeEntities: true }));
        expect(result).toEqual({ ok: true, annotations, warnings: [] });
      }),
      { numRuns: 500 },
    );
  });
});

function parseCsv(text: string): string[][] {
  // RFC 4180 reader for the test: quoted cells may hold commas, quotes and line breaks.
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') (cell += '"'), index++;
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(cell), (cell = '');
    else if (char === '\r' && text[index + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), index++;
    else cell += char;
  }
  return rows;
}

describe('exportCsv', () => {
  it('writes one row per annotation that a spreadsheet reads back cell for cell', () => {
    const tricky = { ...putin, body: { ...putin.body, note: 'He said "no",\nthen left' } };
    const rows = parseCsv(exportCsv([tricky, visit], { includeEntities: true, entityNames: new Map([['vladimir-putin', 'Vladimir Putin']]) }));
    expect(rows[0]).toEqual(['url', 'title', 'quote', 'note', 'tags', 'colour', 'created', 'modified', 'id', 'entities']);
    expect(rows[1]).toEqual([
      'https://www.aljazeera.com/news/2024/5/16/putin-china',
      '‘Old friend’ Putin arrives in China',
      'Vladimir Putin has arrived in China',
      'He said "no",\nthen left',
      'russia; china',
      'blue',
      NOW.toISOString(),
      NOW.toISOString(),
      putin.id,
      'Vladimir Putin; china',
    ]);
    expect(rows).toHaveLength(3);
  });

  it('defuses cells that a spreadsheet would run as formulas', () => {
    const hostile = (note: string): Annotation => ({ ...visit, title: '@SUM(A1)', body: { ...visit.body, note } });
    for (const note of ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@cmd']) {
      const [, row] = parseCsv(exportCsv([hostile(note)]));
      expect(row![3]).toBe(`'${note}`);
      expect(row![1]).toBe("'@SUM(A1)");
    }
    expect(parseCsv(exportCsv([visit]))[1]![4]).toBe("'+1"); // a tag is page-independent but still user text
  });
});

describe('exportMarkdown', () => {
  it('groups by page, quotes the passage, then note and tags, escaping page text', () => {
    const markdown = exportMarkdown([putin, visit], { includeEntities: true });
    expect(markdown).toContain('## [‘Old friend’ Putin arrives in China](<https://www.aljazeera.com/news/2024/5/16/putin-china>)');
    expect(markdown).toContain('## [Visit \\[live\\] \\*updates\\*](<https://other.example/visit>)');
    expect(markdown).toContain('> Vladimir Putin has arrived in China\n\nFirst visit since the =election\n\n*Tags: russia, china*');
    expect(markdown).toContain('*Mentions: vladimir\\-putin, china*');
    expect(markdown.indexOf('Vladimir Putin has arrived')).toBeLessThan(markdown.indexOf('two\\-day state visit'));
  });

  it('keeps a multi-line quote inside the blockquote and cannot be turned into a link or HTML', () => {
    const [note] = [{ ...putin, body: { ...putin.body, note: '<img src=x onerror=alert(1)> [click](javascript:alert(1))' } }];
    const markdown = exportMarkdown([note, { ...visit, target: { ...visit.target, selector: [{ type: 'TextQuoteSelector', exact: 'line one\nline two', prefix: '', suffix: '' }] } }]);
    expect(markdown).toContain('> line one\n> line two');
    expect(markdown).toContain('\\<img src=x onerror=alert\\(1\\)\\> \\[click\\]\\(javascript:alert\\(1\\)\\)');
    expect(markdown).not.toContain('Mentions');
  });

  it('exports one page when given its URL', () => {
    const markdown = exportMarkdown([putin, visit], { url: 'https://www.aljazeera.com/news/2024/5/16/putin-china' });
    expect(markdown).toContain('Vladimir Putin has arrived');
    expect(markdown).not.toContain('other.example');
  });
});
