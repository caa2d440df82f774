// The packages a user installs: both dist folders, their manifests, zips, and Mozilla's linter.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '../../src/data/seed';
import { seedHash } from '../../src/background/store/seed-hash';

const root = join(__dirname, '..', '..');
const dist = join(root, 'dist');

beforeAll(() => {
  // `npm test` builds first; build here too when the file is run on its own.
  if (!existsSync(join(dist, 'chrome', 'manifest.json'))) execFileSync(process.execPath, ['build.mjs'], { cwd: root });
});

const manifest = (browser: string) => JSON.parse(readFileSync(join(dist, browser, 'manifest.json'), 'utf8'));

describe('build', () => {
  it('writes a Chrome MV3 package with a service worker and every file the manifest names', () => {
    const m = manifest('chrome');
    expect(m.manifest_version).toBe(3);
    expect(m.background).toEqual({ service_worker: 'background.js' });
    const named = [m.background.service_worker, ...m.content_scripts.flatMap((c: { js: string[] }) => c.js), m.action.default_popup, m.options_ui.page, ...Object.values(m.icons)];
    for (const f of named) expect(existsSync(join(dist, 'chrome', f as string)), f as string).toBe(true);
  });

  it('writes a Firefox MV3 package with an event page, a gecko id and no data collection', () => {
    const m = manifest('firefox');
    expect(m.background).toEqual({ scripts: ['background.js'] });
    expect(m.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(m.browser_specific_settings.gecko.strict_min_version).toBe('140.0');
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('zips each package', () => {
    for (const b of ['chrome', 'firefox']) {
      const zip = join(dist, `dossier-${b}.zip`);
      expect(statSync(zip).size).toBeGreaterThan(1000);
      expect(readFileSync(zip).subarray(0, 2).toString()).toBe('PK');
    }
  });

  it('asks for no permission it does not use and exposes only its content-script chunks and its frame pages, at a per-session address in Chrome', () => {
    const m = manifest('chrome');
    expect(m.externally_connectable).toBeUndefined();
    expect(m.host_permissions ?? []).toEqual([]);
    // A dynamic import from a content script needs the module to be web-accessible; so does a page
    // the content script shows in a frame (the card, the note form: issue 11).
    const pages = ['http://*/*', 'https://*/*'];
    const resources = ['chunks/*.js', 'card/card.html', 'card/card.js', 'note/note.html', 'note/note.js'];
    expect(m.web_accessible_resources).toEqual([{ resources, matches: pages, use_dynamic_url: true }]);
    expect(manifest('firefox').web_accessible_resources).toEqual([{ resources, matches: pages }]);
    // Only the chunks the content script imports are behind that pattern: no other page, no data.
    expect(readdirSync(join(dist, 'chrome', 'chunks')).sort()).toEqual(['annotate.js', 'app.js', 'card.js', 'harvest.js']);
  });

  it('ships the recogniser’s weights (≤ 2 MB gzipped) for the review page only, never in the content script or its chunks', () => {
    for (const b of ['chrome', 'firefox']) {
      const model = readFileSync(join(dist, b, 'models', 'ner-model.bin'));
      expect(gzipSync(model, { level: 9 }).length).toBeLessThanOrEqual(2 * 1024 * 1024);
      const code = (f: string) => readFileSync(join(dist, b, f), 'utf8');
      // The review page fetches and reads the model; nothing a web page runs beside may do either.
      expect(code('review/review.js')).toContain('models/ner-model.bin');
      expect(code('review/review.js')).toContain('dossier-ner');
      for (const f of ['content.js', ...readdirSync(join(dist, b, 'chunks')).map((c) => `chunks/${c}`), 'background.js']) {
        expect(code(f), f).not.toContain('ner-model.bin');
        expect(code(f), f).not.toContain('dossier-ner');
      }
    }
  });

  it('passes web-ext lint for Firefox with no errors', () => {
    const bin = join(root, 'node_modules', '.bin', 'web-ext');
    let out: string;
    try {
      out = execFileSync(bin, ['lint', '--source-dir', join(dist, 'firefox'), '--output', 'json', '--no-config-discovery'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      // web-ext exits non-zero when it finds errors; its JSON report is still on stdout.
      out = (err as { stdout: string }).stdout;
    }
    const report = JSON.parse(out.slice(out.indexOf('{')));
    expect(report.errors.map((e: { code: string; message: string }) => `${e.code}: ${e.message}`)).toEqual([]);
  }, 90_000);

  it("bundles the seed's hash, so a stopped worker's first answer does not hash the seed again (~5 ms)", () => {
    for (const b of ['chrome', 'firefox']) expect(readFileSync(join(dist, b, 'background.js'), 'utf8')).toContain(`"${seedHash(SEED)}"`);
  });

  it('ships the claim model for the background only: no content script or chunk of it loads or holds it, and it stays small', () => {
    for (const b of ['chrome', 'firefox']) {
      const model = readFileSync(join(dist, b, 'models', 'claim-model.json'));
      expect(gzipSync(model).length).toBeLessThan(1.5 * 1024 * 1024);
      expect(existsSync(join(dist, b, 'models', 'WORDNET-LICENSE'))).toBe(true);
      expect(readFileSync(join(dist, b, 'background.js'), 'utf8')).toContain('models/claim-model.json');
      const contentFiles = ['content.js', ...readdirSync(join(dist, b, 'chunks')).map((f) => join('chunks', f))];
      for (const file of contentFiles) {
        const code = readFileSync(join(dist, b, file), 'utf8');
        expect(code, file).not.toContain('claim-model');
        expect(code, file).not.toContain('dossier-claim-model');
      }
    }
    // Not web-accessible: a page cannot fetch it (the chunks pattern is the only one).
    expect(JSON.stringify(manifest('chrome').web_accessible_resources)).not.toContain('models');
  });
});
