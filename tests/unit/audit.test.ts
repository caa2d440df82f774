// Audits of what we ship: no HTML sinks fed with data, no code from strings, no IndexedDB in the
// page's origin, no permission or exposure beyond what the features use.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { transformSync } from 'esbuild';
import { Linter } from 'eslint';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

const sources = filesUnder(join(root, 'src'), /\.(ts|tsx|mjs)$/).filter((f) => !f.endsWith('.d.ts'));

describe('source audit', () => {
  it('has no unsanitized HTML sinks (eslint-plugin-no-unsanitized over every source file)', () => {
    const linter = new Linter({ configType: 'flat' });
    const config = [
      {
        plugins: { 'no-unsanitized': noUnsanitized },
        languageOptions: { ecmaVersion: 'latest' as const, sourceType: 'module' as const },
        rules: { 'no-unsanitized/method': 'error' as const, 'no-unsanitized/property': 'error' as const },
      },
    ];
    const problems: string[] = [];
    expect(sources.length).toBeGreaterThan(50);
    // src/cli runs in Node only (no DOM); its launcher's dynamic import of our own bundle is not a sink.
    for (const file of sources.filter((f) => !f.includes(`${join('src', 'cli')}`))) {
      // eslint cannot read TypeScript without a parser that supports TS 7; esbuild strips the
      // types and keeps every expression, which is what the rules inspect.
      const loader = file.endsWith('.tsx') ? 'tsx' : file.endsWith('.ts') ? 'ts' : 'js';
      const { code } = transformSync(readFileSync(file, 'utf8'), { loader, jsx: 'automatic', jsxImportSource: 'preact', format: 'esm' });
      for (const m of linter.verify(code, config, { filename: 'x.js' })) problems.push(`${relative(root, file)}:${m.line} ${m.ruleId ?? ''} ${m.message}`);
    }
    // Reviewed: the content script imports its own chunks, by a URL made from runtime.getURL and a
    // fixed file name (src/content/runtime/chunks.ts), and the first stage its second stage the same way
    // (src/content/first-stage/loader.ts). Exactly those two calls, and no other dynamic import.
    const reviewed = problems.filter((p) => /^src\/content\/(runtime\/chunks\.ts|first-stage\/loader\.ts):\d+ no-unsanitized\/method Unsafe call to import/.test(p));
    expect(reviewed).toHaveLength(2);
    expect(readFileSync(join(root, 'src/content/runtime/chunks.ts'), 'utf8')).toMatch(/import\(runtime\.getURL\(CHUNK_FILES\[name\]\)\)/);
    expect(readFileSync(join(root, 'src/content/first-stage/loader.ts'), 'utf8')).toMatch(/import\(this\.runtime\.getURL\('chunks\/app\.js'\)\)/);
    expect(problems.filter((p) => !reviewed.includes(p))).toEqual([]);
    // Lints every source file (~300): a minute on a loaded two-core machine.
  }, 180_000);

  it('the linter does catch an unsanitized sink (the audit can fail)', () => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify('export function f(el, s) { el.innerHTML = s; el.insertAdjacentHTML("beforeend", s); }', [
      { plugins: { 'no-unsanitized': noUnsanitized }, rules: { 'no-unsanitized/method': 'error', 'no-unsanitized/property': 'error' } },
    ]);
    expect(messages.map((m) => m.ruleId)).toEqual(['no-unsanitized/property', 'no-unsanitized/method']);
  });

  it('never evaluates strings as code in our sources', () => {
    const offenders = sources.filter((f) => /\beval\s*\(|new\s+Function\s*\(|setTimeout\(\s*['"`]/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('keeps IndexedDB out of the content script (it would be the page origin\'s database)', () => {
    const offenders = filesUnder(join(root, 'src', 'content'), /\.tsx?$/).filter((f) => /indexedDB|openDB|from 'idb'/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});

describe('bundle audit', () => {
  const dist = join(root, 'dist', 'chrome');
  const bundles = () => filesUnder(dist, /\.js$/);

  it('ships no eval, new Function or remote script', () => {
    const found: string[] = [];
    for (const file of bundles()) {
      const code = readFileSync(file, 'utf8');
      if (/\beval\(/.test(code)) found.push(`${relative(dist, file)}: eval(`);
      if (/new Function\(/.test(code)) found.push(`${relative(dist, file)}: new Function(`);
      // Function.apply(null, [...args, source]) is eval too (PouchDB's changes-filter did this).
      if (/\bFunction\.(apply|call)\(/.test(code)) found.push(`${relative(dist, file)}: Function.apply(`);
      if (/importScripts\(\s*['"]https?:/.test(code) || /import\(\s*['"]https?:/.test(code)) found.push(`${relative(dist, file)}: remote code`);
    }
    expect(bundles().length).toBeGreaterThanOrEqual(4);
    expect(found).toEqual([]);
  });

  it('the content bundle and its chunks never reference indexedDB', () => {
    const chunks = filesUnder(join(dist, 'chunks'), /\.js$/);
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    for (const file of [join(dist, 'content.js'), ...chunks]) expect(readFileSync(file, 'utf8'), relative(dist, file)).not.toMatch(/indexedDB/);
  });

  it('the content script imports only its own chunks, by runtime.getURL', () => {
    const code = readFileSync(join(dist, 'content.js'), 'utf8');
    const imports = code.match(/\bimport\([^)]*\)/g) ?? [];
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatch(/\.runtime\.getURL\(/);
  });

  it('extension pages load only their own scripts (no inline script, no remote source)', () => {
    for (const html of filesUnder(dist, /\.html$/)) {
      const text = readFileSync(html, 'utf8');
      expect(text, relative(dist, html)).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(text, relative(dist, html)).not.toMatch(/\bsrc=["']?(https?:)?\/\//i);
    }
  });
});
