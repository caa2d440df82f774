// Helpers of the sync browser tests: a private build of the extension whose host permission for
// the test server is already granted (Chromium's permission prompt is native UI that headless
// automation cannot click; the options page still asks, and the browser answers yes at once),
// and the options page's messages and sync form driven as a user would.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createAnnotation, type Annotation } from '../../src/core/annotations';
import type { StoredAnnotation } from '../../src/shared/annotation-messages';
import { buildExtensionCopy } from './extension-copy';
import { extensionUrl, type ExtensionBrowser } from './harness';

export async function buildGrantedCopy(): Promise<string> {
  const dir = await buildExtensionCopy();
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  manifest.host_permissions = ['http://127.0.0.1/*'];
  writeFileSync(path, JSON.stringify(manifest, null, 2));
  return dir;
}

export async function send<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = (await page.evaluate(
    ([t, p]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: t, payload: p }),
    [type, payload] as const,
  )) as { ok: boolean; value?: T; error?: string };
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.value as T;
}

const TEXT = 'Russia launched a new offensive in the Kharkiv region. Xi Jinping welcomed Putin in Beijing.';

export function note(id: string, text: string, tags: string[] = ['war']): Annotation {
  const exact = 'Kharkiv region';
  const start = TEXT.indexOf(exact);
  return createAnnotation({ pageUrl: 'https://news.example/story', title: 'A story', text: TEXT, start, end: start + exact.length, id, now: new Date(), tags, note: text });
}

export async function saveNote(page: Page, annotation: Annotation): Promise<void> {
  await send(page, 'annotations/save', { annotation });
}

export async function notes(page: Page): Promise<Record<string, string>> {
  const listing = await send<{ annotations: StoredAnnotation[] }>(page, 'annotations/list', { limit: 5000 });
  return Object.fromEntries(listing.annotations.map((a) => [a.id, a.body.note ?? '']));
}

export async function openOptions(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser, 'options/options.html'));
  await page.getByTestId('sync-status').waitFor();
  return page;
}

/** Fills the sync form and clicks "Turn sync on"; waits for the first pass's status. */
export async function turnOnSync(page: Page, settings: { server: string; database: string; username: string; password: string; passphrase: string }): Promise<void> {
  await page.getByLabel('Server address').fill(settings.server);
  await page.getByLabel('Database').fill(settings.database);
  await page.getByLabel('User name').fill(settings.username);
  await page.getByLabel('Password', { exact: true }).fill(settings.password);
  await page.getByLabel('Passphrase').fill(settings.passphrase);
  await page.getByRole('button', { name: 'Turn sync on' }).click();
  await page.getByRole('button', { name: 'Sync now' }).or(page.getByTestId('sync-error')).first().waitFor({ timeout: 30_000 });
  // The page may show "Sync now" from a status read while the first pass still runs (the
  // settings are saved before it): wait for that pass to end, well or badly.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await send<Status & { running: boolean }>(page, 'sync/status', {}).catch(() => undefined);
    if (status && (!status.on || (!status.running && (status.lastSyncedAt !== undefined || status.problem !== undefined)))) return;
    if (Date.now() > deadline) throw new Error('the first sync pass did not end within 60 s');
    await page.waitForTimeout(200);
  }
}

export interface Status {
  on: boolean;
  lastSyncedAt?: number;
  problem?: { kind: string; message: string };
  refused?: { count: number };
}

/** Runs a pass now (the options page's "Sync now" message) and returns the status after it. */
export const syncNow = (page: Page): Promise<Status> => send<Status>(page, 'sync/now', {});
