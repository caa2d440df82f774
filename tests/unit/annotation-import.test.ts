import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnnotationImport } from '../../src/core/annotations/import';
import { jsonErrorOffset } from '../../src/core/annotations/json-error';

interface Example {
  example: number;
  section: string;
  annotation: unknown;
}
const { examples } = JSON.parse(
  readFileSync(new URL('../fixtures/annotations/w3c-examples.json', import.meta.url), 'utf8'),
) as { examples: Example[] };
const NOW = new Date('2024-05-16T12:00:00Z');

function imported(value: unknown) {
  const result = parseAnnotationImport(JSON.stringify(value), { now: NOW });
  if (!result.ok) throw new Error(result.error);
  return result;
}

function errorOf(text: string, options = {}): string {
  const result = parseAnnotationImport(text, options);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
}

const valid = {
  id: 'urn:uuid:0b7f1c1e-5d0e-4c57-9d43-1f3d2f0a4b11',
  type: 'Annotation',
  target: {
    source: 'https://news.example/story',
    selector: [{ type: 'TextQuoteSelector', exact: 'old friend', prefix: 'an ', suffix: '.' }],
  },
};

describe('parseAnnotationImport: the W3C specification examples', () => {
  it.each(examples.map((entry) => [entry.example, entry.section, entry.annotation] as const))(
    'imports example %i (%s) without error',
    (_number, _section, annotation) => {
      expect(parseAnnotationImport(JSON.stringify(annotation), { now: NOW })).toMatchObject({ ok: true });
    },
  );

  const example = (number: number): unknown => examples.find((entry) => entry.example === number)!.annotation;

  it('reads a text quote selector (example 23) and a text position selector (example 24)', () => {
    const [quoted] = imported(example(23)).annotations;
    expect(quoted!.target).toEqual({
      source: 'http://example.org/page1',
      selector: [{ type: 'TextQuoteSelector', exact: 'anotation', prefix: 'this is an ', suffix: ' that has some' }],
    });
    expect(imported(example(24)).annotations[0]!.target.selector).toEqual([{ type: 'TextPositionSelector', start: 412, end: 795 }]);
  });

  it('keeps a textual body as a plain-text note and a tagging body as a tag (examples 5, 6, 15)', () => {
    expect(imported(example(5)).annotations[0]!.body.note).toBe("<p>j'adore !</p>");
    expect(imported(example(6)).annotations[0]!.body.note).toBe('Comment text');
    expect(imported(example(15)).annotations[0]!.body).toEqual({
      note: 'A good description of the topic that bears further investigation',
      tags: ['readme'],
      colour: 'yellow',
    });
  });

  it('reads the complete example: tag, first choice, quote refining a fragment dropped with its offsets', () => {
    const [annotation] = imported(example(44)).annotations;
    expect(annotation!.body.tags).toEqual(['love']);
    expect(annotation!.body.note).toMatch(/^I really love this particular bit/);
    expect(annotation!.created).toBe('2015-10-13T13:00:00.000Z');
    expect(annotation!.target.selector).toEqual([]); // the offsets count from a fragment, not the page
  });

  it('takes a quote that refines another selector (example 29)', () => {
    expect(imported(example(29)).annotations[0]!.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'Selected Text', prefix: 'text before the ', suffix: ' and text after it' },
    ]);
  });

  it('reads collections and pages, and warns about what it leaves out (examples 9, 39, 40)', () => {
    expect(imported(example(39)).annotations.map((annotation) => annotation.id)).toEqual([
      'http://example.org/anno1',
      'http://example.org/anno2',
    ]);
    expect(imported(example(40)).annotations).toHaveLength(2);
    const multiple = imported(example(9));
    expect(multiple.annotations[0]!.body.note).toBe('tag1');
    expect(multiple.warnings.join('\n')).toMatch(/only the first of 2 targets/);
    expect(multiple.warnings.join('\n')).toMatch(/linked body/);
  });

  it('fills what other tools leave out: created from the import time, url normalised, colour yellow', () => {
    const [annotation] = imported({ ...valid, target: { ...valid.target, source: 'https://News.example/story?utm_source=x#c' } }).annotations;
    expect(annotation).toMatchObject({
      created: NOW.toISOString(),
      modified: NOW.toISOString(),
      url: 'https://news.example/story',
      title: '',
      body: { tags: [], colour: 'yellow' },
      entities: [],
    });
  });
});

describe('parseAnnotationImport: refusals name the record and the field', () => {
  it('names the path of a wrongly typed field', () => {
    const page = { type: 'AnnotationPage', items: [valid, valid, valid, { ...valid, target: { ...valid.target, selector: [{ type: 'TextQuoteSelector', exact: 7 }] } }] };
    expect(errorOf(JSON.stringify(page))).toBe('items[3].target.selector[0].exact: expected a string');
    expect(errorOf(JSON.stringify([valid, { ...valid, id: 'not an iri' }]))).toBe('[1].id: expected an absolute IRI');
    expect(errorOf(JSON.stringify({ ...valid, type: 'Note' }))).toBe('type: expected "Annotation"');
    expect(errorOf(JSON.stringify({ ...valid, created: 'yesterday' }))).toBe('created: expected an ISO 8601 date and time');
    expect(errorOf(JSON.stringify({ ...valid, target: { source: 'https://a.example/', selector: { type: 'TextPositionSelector', start: 5, end: 2 } } }))).toBe(
      'target.selector.end: expected an offset not before start',
    );
    expect(errorOf(JSON.stringify({ ...valid, 'urn:dossier:annotation': { colour: 'red' } }))).toMatch(/^urn:dossier:annotation\.colour: expected yellow/);
    expect(errorOf(JSON.stringify({ ...valid, body: { type: 'TextualBody', value: ['x'] } }))).toBe('body.value: expected a string');
    expect(errorOf('42')).toMatch(/^\(top level\): expected/);
    expect(errorOf(JSON.stringify({ ...valid, target: 'javascript:alert(1)' }))).toBe('target: expected an http(s) or file URL');
    expect(errorOf(JSON.stringify({ ...valid, 'urn:dossier:annotation': { url: 'data:text/html,x' } }))).toBe(
      'urn:dossier:annotation.url: expected an http(s) or file URL',
    );
  });

  it('refuses __proto__, constructor and prototype keys wherever they are', () => {
    expect(errorOf(`[${JSON.stringify(valid)}, {"type":"Annotation","__proto__":{"polluted":true}}]`)).toBe(
      '[1].__proto__: this key is not allowed in an import.',
    );
    expect(errorOf(JSON.stringify({ ...valid, target: { ...valid.target, constructor: { prototype: {} } } }))).toMatch(/^target\.constructor:/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a forbidden key written with \\u escapes, and accepts the names as plain values', () => {
    // The walk is skipped for a text holding neither the names nor "\\u": an escaped key must still be caught.
    expect(errorOf(`[${JSON.stringify(valid)}, {"type":"Annotation","__pro\\u0074o__":{"polluted":true}}]`)).toBe(
      '[1].__proto__: this key is not allowed in an import.',
    );
    expect(errorOf(`{"a":[{"b":{"\\u0063onstructor":1}}]}`)).toMatch(/^a\[0\]\.b\.constructor: this key is not allowed/);
    const named = { ...valid, body: { type: 'TextualBody', value: 'the constructor of the prototype: __proto__' } };
    expect(parseAnnotationImport(JSON.stringify([named])).ok).toBe(true);
  });

  it('refuses an oversize file before parsing it', () => {
    const big = `[${' '.repeat(11 * 1024 * 1024)}]`;
    expect(errorOf(big)).toBe('The file is larger than the 10 MB import limit.');
    expect(errorOf('["ééé"]', { maxBytes: 8 })).toMatch(/larger than/); // 7 characters, 10 bytes
  });

  it('says where a truncated or broken file ends', () => {
    const text = JSON.stringify([valid], null, 2);
    const truncated = text.slice(0, 80);
    expect(errorOf(truncated)).toMatch(/ends early at line \d+, column \d+ \(character 80\)\. Was it truncated\?/);
    expect(errorOf('{"id": "x",\n "type": }')).toMatch(/^The file is not valid JSON at line 2, column \d+/);
    expect(errorOf('')).toBe('The file is empty.');
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseAnnotationImport(JSON.stringify(value));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on near-annotations or on arbitrary text', () => {
    const nearAnnotation = fc.record(
      {
        id: fc.oneof(fc.constant('urn:x:1'), fc.anything()),
        type: fc.oneof(fc.constant('Annotation'), fc.anything()),
        target: fc.oneof(fc.webUrl(), fc.anything(), fc.record({ source: fc.anything(), selector: fc.anything() })),
        body: fc.anything(),
        created: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(nearAnnotation, fc.array(nearAnnotation), fc.anything()), fc.string(), (value, text) => {
        expect(() => parseAnnotationImport(JSON.stringify(value) ?? 'undefined')).not.toThrow();
        expect(() => parseAnnotationImport(text)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(() => parseAnnotationImport(deep)).not.toThrow();
  });
});

describe('jsonErrorOffset', () => {
  it('agrees with JSON.parse on what is valid, for JSON and for JSON cut or corrupted anywhere', () => {
    const corrupted = fc
      .tuple(fc.jsonValue(), fc.nat(), fc.constantFrom('', '}', ']', ',', '"', '\\', ':', 'x', '\n'))
      .map(([value, at, insert]) => {
        const text = JSON.stringify(value, null, 1);
        const cut = at % (text.length + 1);
        return text.slice(0, cut) + insert + text.slice(cut + (insert ? 0 : Math.min(1, text.length)));
      });
    fc.assert(
      fc.property(fc.oneof(corrupted, fc.string()), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(jsonErrorOffset(text) === -1).toBe(valid);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseAnnotationImport: duplicate ids', () => {
  it('refuses the whole file, naming the first id that comes twice and both places', () => {
    const other = { ...valid, id: 'urn:uuid:other' };
    const file = { type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [valid, other, { ...other, bodyValue: 'second' }, valid] } };
    expect(errorOf(JSON.stringify(file))).toBe('The file has two annotations with the id "urn:uuid:other" (annotations 2 and 3): each id must be used once.');
    expect(imported([valid, other]).annotations).toHaveLength(2);
  });
});
