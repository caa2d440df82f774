// Helpers for the annotation tests: select page text as a reader would (then a key release, which
// is how keyboard selection ends), and press buttons inside the CLOSED shadow root of
// <dossier-annotate> at their on-screen position, found through the DevTools protocol.
import type { Page } from 'playwright-core';

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function attr(node: CdpNode, name: string): string | undefined {
  const list = node.attributes ?? [];
  for (let i = 0; i + 1 < list.length; i += 2) if (list[i] === name) return list[i + 1];
  return undefined;
}

function find(node: CdpNode, match: (n: CdpNode) => boolean): CdpNode | null {
  if (match(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = find(child, match);
    if (found) return found;
  }
  return null;
}

/** Clicks the element inside <dossier-annotate>'s shadow root with attribute `name`=`value`. */
export async function clickInAnnotateUi(page: Page, name: string, value: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
      const host = find(root, (n) => n.nodeName.toLowerCase() === 'dossier-annotate');
      const target = host ? find(host, (n) => attr(n, name) === value) : null;
      if (target) {
        const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: target.backendNodeId })) as { model: { content: number[] } };
        const [x1, y1, , , x3, y3] = model.content;
        await page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2);
        return;
      }
      if (Date.now() > deadline) throw new Error(`no [${name}="${value}"] in the annotation UI`);
      await page.waitForTimeout(100);
    }
  } finally {
    await cdp.detach();
  }
}

/** Selects `text` inside the element matching `selector` and ends with a key release. */
export async function selectText(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate(
    ([sel, wanted]) => {
      const el = document.querySelector(sel);
      if (!el) throw new Error(`no ${sel}`);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.nodeValue ?? '').indexOf(wanted);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const selection = document.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`"${wanted}" is not in one text node of ${sel}`);
    },
    [selector, text] as const,
  );
  await page.keyboard.press('Shift');
}

/** Texts of the ranges of one annotation colour's highlight. */
export function noteTexts(page: Page, colour = 'yellow'): Promise<string[]> {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(name);
    return highlight ? [...highlight].map((r) => (r instanceof Range ? r.toString() : '')) : [];
  }, `dossier-note-${colour}`);
}

/** Polls `read` until `ok` holds for its value, or fails saying what was last seen. */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (ok(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last saw ${JSON.stringify(last)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Annotates `text` in `selector` through the toolbar and form, with a note and tags. */
export async function annotate(page: Page, selector: string, text: string, note: string, tags: string): Promise<void> {
  await selectText(page, selector, text);
  await clickInAnnotateUi(page, 'data-action', 'annotate');
  await clickInAnnotateUi(page, 'data-field', 'note');
  await page.keyboard.type(note);
  await clickInAnnotateUi(page, 'data-field', 'tags');
  await page.keyboard.type(tags);
  await clickInAnnotateUi(page, 'data-action', 'save');
}

/**
 * Builds the Chrome extension into a temp folder of its own: other test files (and engineers)
 * rebuild dist/ while these tests run, and a half-written dist/ makes the worker never start.
 * Mirrors build.mjs: background, content, and every src/ui/<page>/index.tsx with its HTML/CSS.
 */
export async function buildExtensionCopy(): Promise<string> {
  const { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const esbuild = await import('esbuild');
  const { ROOT } = await import('./harness');
  const out = mkdtempSync(join(tmpdir(), 'dossier-annotate-ext-'));
  const entries = [
    { in: 'src/background/index.ts', out: 'background.js' },
    { in: 'src/content/index.ts', out: 'content.js' },
  ];
  for (const dir of readdirSync(join(ROOT, 'src/ui'))) {
    if (!existsSync(join(ROOT, 'src/ui', dir, 'index.tsx'))) continue;
    entries.push({ in: `src/ui/${dir}/index.tsx`, out: `${dir}/${dir}.js` });
    mkdirSync(join(out, dir), { recursive: true });
    for (const file of readdirSync(join(ROOT, 'src/ui', dir))) {
      if (/\.(html|css)$/.test(file)) cpSync(join(ROOT, 'src/ui', dir, file), join(out, dir, file));
    }
  }
  await Promise.all(
    entries.map((e) =>
      esbuild.build({
        entryPoints: [join(ROOT, e.in)],
        outfile: join(out, e.out),
        bundle: true,
        format: 'iife',
        target: ['chrome120'],
        jsx: 'automatic',
        jsxImportSource: 'preact',
        define: { 'process.env.NODE_ENV': '"development"', __BROWSER__: '"chrome"' },
        logLevel: 'silent',
      }),
    ),
  );
  cpSync(join(ROOT, 'icons'), join(out, 'icons'), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(out, 'manifest.json'), JSON.stringify({ ...manifest, background: { service_worker: 'background.js' } }));
  return out;
}
