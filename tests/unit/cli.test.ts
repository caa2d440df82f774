// The `dossier` command as a user runs it: real files in, printed mentions or one clear error out.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '../../src/data/seed';

const root = join(__dirname, '..', '..');
const corpus = join(root, '..', 'shared', 'corpus');
const seedArticle = join(root, '..', 'shared', 'seed', 'article.txt');
const launcher = join(root, 'src', 'cli', 'dossier.mjs');

function dossier(...args: string[]) {
  const r = spawnSync(process.execPath, [launcher, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface ScanJson {
  mentions: { entity: string; id: string; type: string; text: string; start: number; end: number }[];
  claims: { id: string; sentence: string; start: number; end: number }[];
  counts: Record<string, number>;
}

const scan = (file: string): ScanJson => JSON.parse(dossier('scan', file, '--json').stdout);

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'build.mjs'), '--cli'], { cwd: root });
});

describe.skipIf(!existsSync(corpus))('dossier scan on the gold corpus pages', () => {
  const gold = existsSync(corpus) ? JSON.parse(readFileSync(join(corpus, 'dev-gold.json'), 'utf8')) : { pages: {}, scored_entities: [] };
  for (const [page, { article_mentions }] of Object.entries<{ article_mentions: Record<string, number> }>(gold.pages)) {
    it(`counts every scored entity on ${page} exactly as the gold does`, () => {
      const report = scan(join(corpus, page, 'article.txt'));
      const counted = Object.fromEntries(gold.scored_entities.map((name: string) => [name, report.counts[name] ?? 0]).filter(([, n]: [string, number]) => n > 0));
      expect(counted).toEqual(article_mentions);
    });
  }

  it('reports offsets that point at the matched text', () => {
    const file = join(corpus, 'cbsnews-impeachment', 'article.txt');
    const text = readFileSync(file, 'utf8');
    const report = scan(file);
    expect(report.mentions.length).toBeGreaterThan(10);
    for (const m of report.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('does not take the US National Security Council for the UN Security Council', () => {
    const report = scan(join(corpus, 'cbsnews-impeachment', 'article.txt'));
    expect(report.mentions.filter((m) => m.entity === 'United Nations Security Council')).toEqual([]);
  });

  it('reads HTML as visible text: no mention comes from a script, style or attribute', () => {
    const report = scan(join(corpus, 'cbsnews-impeachment', 'source.html'));
    expect(report.counts['Ukraine']).toBeGreaterThanOrEqual(15);
    for (const m of report.mentions) expect(m.text).not.toMatch(/[<>"=]/);
  });
});

describe.skipIf(!existsSync(seedArticle))('dossier scan on the seed article', () => {
  it('finds every person the article names', () => {
    const report = scan(seedArticle);
    const found = new Set(report.mentions.map((m) => m.id));
    const people = SEED.entities.filter((e) => e.kind === 'person');
    expect(people.length).toBeGreaterThanOrEqual(6);
    expect(people.filter((p) => !found.has(p.id)).map((p) => p.name)).toEqual([]);
  });

  it('finds the claims the article makes', () => {
    const report = scan(seedArticle);
    expect(new Set(report.claims.map((c) => c.id)).size).toBeGreaterThanOrEqual(Math.ceil(SEED.claims.length * 0.8));
  });
});

describe('dossier scan with bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-cli-'));

  function expectOneLineError(r: ReturnType<typeof dossier>, pattern: RegExp) {
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')[0]).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }

  it('names a missing file', () => {
    expectOneLineError(dossier('scan', join(dir, 'nope.html')), /nope\.html: no such file/);
  });

  it('refuses a binary file', () => {
    const bin = join(dir, 'image.png');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe]));
    expectOneLineError(dossier('scan', bin), /binary/);
  });

  it('refuses a directory', () => {
    expectOneLineError(dossier('scan', dir), /is a directory/);
  });

  it('names the field of an entity list of the wrong shape', () => {
    const list = join(dir, 'list.json');
    writeFileSync(list, JSON.stringify({ version: 1, entities: [{ id: 'x', name: 42 }], claims: [], quotes: [], distinct: [] }));
    const page = join(dir, 'page.txt');
    writeFileSync(page, 'Putin arrived.');
    expectOneLineError(dossier('scan', page, '--entities', list), /entities\[0\]/);
  });

  it('names an entity list that is not JSON', () => {
    const list = join(dir, 'broken.json');
    writeFileSync(list, '{"version": 1, "entities": [');
    const page = join(dir, 'page.txt');
    writeFileSync(page, 'Putin arrived.');
    expectOneLineError(dossier('scan', page, '--entities', list), /not valid JSON/);
  });

  it('uses a custom entity list', () => {
    const list = join(dir, 'custom.json');
    const entity = { id: 'ada-lovelace', name: 'Ada Lovelace', kind: 'person', aliases: [{ text: 'Lovelace' }], context: 'Mathematician', provenance: { outlet: 'Test', title: 'Test', date: '2024-01-01', sentence: 'Ada Lovelace wrote.' } };
    writeFileSync(list, JSON.stringify({ version: 1, entities: [entity], claims: [], quotes: [], distinct: [] }));
    const page = join(dir, 'page.txt');
    writeFileSync(page, 'Ada Lovelace wrote notes. Lovelace, not Putin, is the subject.');
    const report = JSON.parse(dossier('scan', page, '--json', '--entities', list).stdout) as ScanJson;
    expect(report.counts).toEqual({ 'Ada Lovelace': 2 });
  });

  it('explains an unknown command', () => {
    expectOneLineError(dossier('frobnicate'), /unknown command "frobnicate"/);
  });
});

describe('dossier scan with a list whose claims give their statement only', () => {
  it('finds a restatement in other words and not its negation', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-claims-'));
    const provenance = { outlet: 'x', title: 'x', date: '2024-05-16', sentence: 'x' };
    const list = { version: 1, entities: [], claims: [{ id: 'c1', statement: 'China claims Taiwan as its own territory.', provenance }], quotes: [], distinct: [] };
    writeFileSync(join(dir, 'list.json'), JSON.stringify(list));
    writeFileSync(join(dir, 'page.txt'), 'Beijing regards Taiwan as part of its own territory. China does not claim Taiwan as its own territory.\n');
    const run = dossier('scan', join(dir, 'page.txt'), '--entities', join(dir, 'list.json'), '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { claims: { id: string; sentence: string; why: string }[] };
    expect(report.claims.map((c) => c.sentence)).toEqual(['Beijing regards Taiwan as part of its own territory.']);
    expect(report.claims[0]!.why).toContain('same actors');
  });
});

describe('dossier scan reads an HTML file the way the content script reads the page', () => {
  const page = (body: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-blocks-'));
    writeFileSync(join(dir, 'page.html'), `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);
    return join(dir, 'page.html');
  };

  it('never joins the end of one block and the start of the next into one name', () => {
    const report = scan(page('<p>The meeting was chaired by Vladimir</p><p>Putin left early.</p><ul><li>Xi</li><li>Jinping</li></ul>'));
    expect(report.mentions.map((m) => m.text)).not.toContain('Vladimir\nPutin');
    expect(report.mentions.map((m) => m.entity)).not.toContain('Xi Jinping');
  });

  it('reads a line break of the markup inside a paragraph as a space: a wrapped name and a wrapped claim are found', () => {
    const report = scan(page("<p>Russian President Vladimir\n    Putin arrived. Most of Russia's oil and gas exports\n      now go to China.</p>"));
    expect(report.mentions.map((m) => m.text)).toContain('Vladimir Putin');
    expect(report.claims.map((c) => c.sentence)).toContain("Most of Russia's oil and gas exports now go to China.");
  });

  it('keeps the lines of preformatted text', () => {
    const report = scan(page('<pre>Putin arrives in China\nXi Jinping welcomes him</pre>'));
    expect(report.mentions.map((m) => m.text)).toEqual(['Putin', 'China', 'Xi Jinping']);
  });
});
