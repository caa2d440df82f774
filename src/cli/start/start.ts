// `npm start`: Dossier on the seed article, in a real Chromium. With a display the browser opens
// for the user; without one it runs headless, saves dossier-demo.png and prints what it found.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ContentMessages, PageFinding, Reply } from '../../shared/messages';
import { extensionArgs, findChromium, hasDisplay } from './chromium';
import { CliError } from '../errors';
import { articleToHtml } from './demo-page';
import { servePages } from './serve';

// The service worker's own API, as far as the demo uses it (evaluated inside the worker).
declare const chrome: {
  tabs: {
    query(q: { active: boolean }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
};

interface StartOptions {
  root: string;
  headless?: boolean;
  screenshot?: string;
}

export function demoPage(root: string): string {
  // The seed article ships with the project; the shared copy wins where it is present.
  const shared = resolve(root, '../shared/seed/article.txt');
  const bundled = join(root, 'src/data/seed-article.txt');
  return articleToHtml(readFileSync(existsSync(shared) ? shared : bundled, 'utf8'));
}

export async function start(opts: StartOptions): Promise<string> {
  const extensionDir = join(opts.root, 'dist', 'chrome');
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new CliError('dist/chrome is missing: run `npm run build` first');
  const browserPath = findChromium();
  if (!browserPath) throw new CliError('no Chromium found: set CHROME_PATH, or install chromium (Debian: apt-get install chromium)');
  const pages = await servePages({ '/': () => demoPage(opts.root) });
  const url = pages.url('/');
  const headless = opts.headless ?? !hasDisplay();
  try {
    return headless
      ? await runHeadless(browserPath, extensionDir, url, opts.screenshot ?? join(opts.root, 'dossier-demo.png'))
      : await runWindowed(browserPath, extensionDir, url);
  } finally {
    await pages.close();
  }
}

async function runWindowed(browserPath: string, extensionDir: string, url: string): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'dossier-profile-'));
  process.stdout.write(`Dossier is open on ${url} — close the browser window to stop.\n`);
  const child = spawn(browserPath, [...extensionArgs(extensionDir), `--user-data-dir=${profile}`, url], { stdio: 'ignore' });
  await new Promise<void>((done) => child.on('exit', () => done()));
  rmSync(profile, { recursive: true, force: true });
  return 'browser closed';
}

async function runHeadless(browserPath: string, extensionDir: string, url: string, screenshot: string): Promise<string> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'dossier-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath,
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: [...extensionArgs(extensionDir), '--disable-gpu'],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    // Our highlight names are drawn at random per page (src/content/highlight/page-names.ts), and the demo
    // page paints nothing of its own: any registered highlight with a range is ours.
    await page.waitForFunction(() => [...CSS.highlights.values()].some((h) => h.size > 0), undefined, { timeout: 20_000 });

    // Ask the page's content script, through the background, what it found: the same call the popup makes.
    const ask = <K extends keyof ContentMessages>(type: K, payload: ContentMessages[K]['req']) =>
      worker.evaluate(
        async ({ type, payload }) => {
          const [tab] = await chrome.tabs.query({ active: true });
          return chrome.tabs.sendMessage(tab!.id!, { type, payload });
        },
        { type, payload },
      ) as Promise<Reply<ContentMessages[K]['res']>>;

    // The claims are judged after the names are shown: ask until what was found stops changing.
    let found = await ask('page/found', {});
    for (let still = 0, i = 0; found.ok && still < 3 && i < 40; i++) {
      await page.waitForTimeout(250);
      const again = await ask('page/found', {});
      still = again.ok && totalCount(again.value.findings) === totalCount(found.value.findings) ? still + 1 : 0;
      found = again;
    }
    if (!found.ok) throw new CliError(`the content script did not answer: ${found.error}`);
    const first = [...found.value.findings].filter((f) => f.kind === 'person').sort((a, b) => b.count - a.count)[0];
    if (first) {
      await ask('page/reveal', { id: first.id, kind: first.kind });
      // The card's host: an element Dossier adds to <html> (its name is drawn per page).
      await page.waitForFunction(() => [...document.documentElement.children].some((e) => e.localName !== 'head' && e.localName !== 'body'), undefined, { timeout: 5_000 }).catch(() => {});
      await page.waitForTimeout(800);
    }
    await page.screenshot({ path: screenshot });
    return formatFindings(url, found.value.findings, screenshot);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const totalCount = (findings: readonly PageFinding[]): number => findings.reduce((sum, f) => sum + f.count, 0);

const KIND_TITLES: Record<PageFinding['kind'], string> = { person: 'People', organisation: 'Organisations', place: 'Places', claim: 'Claims' };

export function formatFindings(url: string, findings: PageFinding[], screenshot: string): string {
  const lines = [`Dossier on ${url}: ${findings.length} entities and claims found`];
  for (const kind of Object.keys(KIND_TITLES) as PageFinding['kind'][]) {
    const group = findings.filter((f) => f.kind === kind).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    if (group.length === 0) continue;
    lines.push('', `${KIND_TITLES[kind]} (${group.length})`);
    for (const f of group) lines.push(`  ${String(f.count).padStart(3)}  ${f.name}`);
  }
  lines.push('', `screenshot: ${screenshot}`);
  return lines.join('\n');
}
