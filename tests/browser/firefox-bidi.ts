// Firefox with the built add-on (dist/firefox), driven over WebDriver BiDi with a client of our
// own. Playwright 1.65's BiDi Firefox (channel "moz-firefox") cannot be used with Debian's Firefox
// ESR 153: every new context sends emulation.setMediaFeaturesOverride, which that Firefox answers
// with "unknown command", so launch fails before any page opens. The protocol itself is enough for
// what the tests need: webExtension.install loads the add-on as a temporary one (as `web-ext run`
// does), script.evaluate reads the page, input.performActions clicks, and node serialisation
// reaches into closed shadow roots.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { findFirefox } from '../../src/cli/start/start-firefox';
import { ROOT } from './harness';

export const FIREFOX_EXTENSION_DIR = join(ROOT, 'dist/firefox');
/** The Firefox binary: FIREFOX_PATH, else firefox or firefox-esr on the PATH (as `npm run start:firefox`). */
export const FIREFOX_PATH = findFirefox();
/** Why the Firefox tests are skipped, or null when they can run. */
export const FIREFOX_SKIP_REASON = !FIREFOX_PATH
  ? 'Firefox tests skipped: no Firefox found (Debian: apt-get install firefox-esr, or set FIREFOX_PATH)'
  : !existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))
    ? 'Firefox tests skipped: dist/firefox is not built (run `node build.mjs`)'
    : null;

/** The add-on's id (build.mjs, browser_specific_settings.gecko.id). */
export const ADDON_ID = 'dossier@dossier-extension.org';

// ---------------------------------------------------------------------------------------------
// WebDriver BiDi over a WebSocket (the `ws` package: Node 20 has no WebSocket without a flag).

export class BidiError extends Error {}

interface BidiEvent {
  method: string;
  params: Record<string, unknown>;
}

export class Bidi {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; method: string }>();
  private readonly listeners = new Set<(event: BidiEvent) => void>();

  constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { id?: number; type: string; result?: unknown; error?: string; message?: string } & Partial<BidiEvent>;
      if (message.type === 'event' && message.method) {
        for (const listener of this.listeners) listener(message as BidiEvent);
        return;
      }
      const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id!);
      if (message.type === 'error') waiter.reject(new BidiError(`${waiter.method}: ${message.error}: ${message.message}`));
      else waiter.resolve(message.result);
    });
    const fail = (): void => {
      for (const waiter of this.pending.values()) waiter.reject(new BidiError(`${waiter.method}: the connection to Firefox closed`));
      this.pending.clear();
    };
    ws.on('close', fail);
    ws.on('error', fail);
  }

  /** Opens the BiDi session socket of a local Firefox. */
  static async connect(url: string, timeoutMs = 20_000): Promise<Bidi> {
    const ws = new WebSocket(url, { handshakeTimeout: timeoutMs });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', (error) => reject(new Error(`WebSocket to ${url}: ${error.message}`)));
    });
    return new Bidi(ws);
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method });
      try {
        this.ws.send(JSON.stringify({ id, method, params }));
      } catch (error) {
        this.pending.delete(id);
        reject(error as Error);
      }
    });
  }

  on(listener: (event: BidiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.ws.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Firefox itself.

/** Prefs for a quiet, offline test profile (a subset of what Playwright and web-ext set). */
const PREFS: Record<string, string | number | boolean> = {
  'app.normandy.api_url': '',
  'app.update.disabledForTesting': true,
  'browser.aboutwelcome.enabled': false,
  'browser.discovery.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.page': 0,
  'browser.tabs.warnOnClose': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  // Every console message of pages, content scripts and the add-on's background goes to stdout,
  // where the test keeps it (FirefoxSession.output) to report what went wrong.
  'devtools.console.stdout.content': true,
  'devtools.console.stdout.chrome': true,
};

export interface LogEntry {
  level: string;
  text: string;
  source: string;
}

export interface FirefoxSession {
  bidi: Bidi;
  /** moz-extension://<uuid>: the add-on's origin (fixed through extensions.webextensions.uuids). */
  extensionOrigin: string;
  /** Every line Firefox wrote to stdout or stderr (console messages, JavaScript errors). */
  output: string[];
  /** Console and error entries BiDi reported (log.entryAdded) for the pages' own realms. */
  logs: LogEntry[];
  /** The lines of `output` and `logs` about the add-on or errors: what a failing test should print. */
  diagnostics(): string;
  newTab(): Promise<FirefoxTab>;
  /** A new tab showing one of the add-on's pages (`options/options.html`…), `?tab=` telling it which tab it serves. */
  openExtensionPage(path: string, tabId?: number): Promise<FirefoxTab>;
  close(): Promise<void>;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts headless Firefox in a fresh profile, connects over BiDi and installs `extensionDir` as a temporary add-on. */
export async function launchFirefoxWithExtension(
  extensionDir = FIREFOX_EXTENSION_DIR,
  { timeoutMs = 90_000, prefs: extraPrefs = {} }: { timeoutMs?: number; prefs?: Record<string, string | number | boolean> } = {},
): Promise<FirefoxSession> {
  if (!FIREFOX_PATH) throw new Error('no Firefox found');
  const profile = mkdtempSync(join(tmpdir(), 'dossier-firefox-'));
  const uuid = randomUUID();
  const prefs = { ...PREFS, ...extraPrefs, 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }) };
  writeFileSync(join(profile, 'user.js'), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`).join(''));
  // --remote-allow-system-access: without it BiDi refuses to navigate a tab to the add-on's own
  // pages ("Navigation to moz-extension://… is not allowed in this context").
  const args = ['--headless', '--no-remote', '--remote-debugging-port=0', '--remote-allow-system-access', '--profile', profile];
  const child = spawn(FIREFOX_PATH, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  const output: string[] = [];
  const logs: LogEntry[] = [];
  let tail = '';
  const endpoint = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Firefox did not open its BiDi port in ${timeoutMs} ms:\n${output.join('\n')}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      const lines = (tail + chunk.toString('utf8')).split('\n');
      tail = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Firefox exited (${code ?? signal}) before opening its BiDi port:\n${output.join('\n')}`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });

  const cleanup = async (bidi?: Bidi) => {
    if (bidi) {
      await Promise.race([bidi.send('browser.close').catch(() => undefined), new Promise((done) => setTimeout(done, 10_000))]);
      bidi.close();
    }
    if (!(await waitForExit(child, 15_000))) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
    rmSync(profile, { recursive: true, force: true });
  };

  let bidi: Bidi | undefined;
  try {
    bidi = await Bidi.connect(`${await endpoint}/session`);
    await bidi.send('session.new', { capabilities: {} });
    bidi.on((event) => {
      if (event.method !== 'log.entryAdded') return;
      const p = event.params as { level?: string; text?: string; source?: { context?: string }; stackTrace?: unknown };
      logs.push({ level: String(p.level), text: String(p.text), source: String(p.source?.context ?? '') });
    });
    await bidi.send('session.subscribe', { events: ['log.entryAdded'] });
    const installed = await bidi.send<{ extension: string }>('webExtension.install', { extensionData: { type: 'path', path: extensionDir } });
    if (installed.extension !== ADDON_ID) throw new Error(`installed ${installed.extension}, expected ${ADDON_ID}`);
  } catch (error) {
    await cleanup(bidi);
    throw error;
  }
  const session: FirefoxSession = {
    bidi,
    extensionOrigin: `moz-extension://${uuid}`,
    output,
    logs,
    diagnostics() {
      const noise = /RSLoader|nimbus|remote-settings|RenderCompositorSWGL|FaviconLoader|BackupService/;
      const interesting = output.filter((line) => /moz-extension:|dossier|JavaScript (error|warning)|Error|console\.(error|warn)/i.test(line) && !noise.test(line));
      const fromPages = logs.filter((l) => l.level !== 'debug' && l.level !== 'info').map((l) => `[page ${l.level}] ${l.text}`);
      return [...fromPages, ...interesting].join('\n') || '(nothing)';
    },
    async newTab() {
      const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
      return new FirefoxTab(bidi, context);
    },
    async openExtensionPage(path, tabId) {
      const tab = await session.newTab();
      await tab.goto(`${session.extensionOrigin}/${path}${tabId === undefined ? '' : `?tab=${tabId}`}`);
      return tab;
    },
    close: () => cleanup(bidi),
  };
  return session;
}

// ---------------------------------------------------------------------------------------------
// One tab.

interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

export interface ShadowSnapshot {
  /** The text of the shadow tree (style elements left out), whitespace collapsed. */
  text: string;
  /** Attributes of the first [role=dialog] inside, if any. */
  dialog: Record<string, string> | null;
}

export class FirefoxTab {
  constructor(
    readonly bidi: Bidi,
    readonly context: string,
  ) {}

  async goto(url: string, wait: 'interactive' | 'complete' = 'complete'): Promise<void> {
    await this.bidi.send('browsingContext.navigate', { context: this.context, url, wait });
  }

  /**
   * Runs `fn(...args)` in the page's own world (args and result go through JSON) and returns
   * its result. Throws with the page's exception text when it throws.
   */
  async evaluate<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<Awaited<R>> {
    const reply = await this.bidi.send<{ type: string; result?: RemoteValue; exceptionDetails?: { text: string } }>('script.callFunction', {
      target: { context: this.context },
      functionDeclaration: `async (json) => { const value = await (${fn.toString()})(...JSON.parse(json)); return value === undefined ? undefined : JSON.stringify(value); }`,
      arguments: [{ type: 'string', value: JSON.stringify(args) }],
      awaitPromise: true,
    });
    if (reply.type === 'exception') throw new Error(`evaluate failed in the page: ${reply.exceptionDetails?.text}`);
    const value = reply.result?.value;
    return (typeof value === 'string' ? JSON.parse(value) : undefined) as Awaited<R>;
  }

  /** Polls `fn` in the page until it returns true, or fails with `what` after `timeout` ms. */
  async waitFor<A extends unknown[]>(what: string, timeout: number, fn: (...args: A) => boolean, ...args: A): Promise<void> {
    const end = Date.now() + timeout;
    let lastError = '';
    for (;;) {
      try {
        if (await this.evaluate(fn, ...args)) return;
      } catch (error) {
        lastError = ` (last error: ${(error as Error).message})`;
      }
      if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}${lastError}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  /** A left click at viewport point (x, y), as a mouse gives it. */
  async click(x: number, y: number): Promise<void> {
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x: Math.round(x), y: Math.round(y) },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    await this.bidi.send('input.releaseActions', { context: this.context });
  }

  async pressKey(key: string): Promise<void> {
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: key }, { type: 'keyUp', value: key }] }],
    });
  }

  /**
   * The shadow root (open or closed) of the first element matching `hostSelector`, or null when
   * there is none: BiDi serialises a host's shadow root whatever its mode, and the page function
   * then reads it by reference.
   */
  async readShadowRoot(hostSelector: string): Promise<ShadowSnapshot | null> {
    const host = await this.bidi.send<{ type: string; result?: RemoteValue & { value?: { shadowRoot?: RemoteValue | null } } }>('script.evaluate', {
      target: { context: this.context },
      expression: `document.querySelector(${JSON.stringify(hostSelector)})`,
      awaitPromise: false,
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    });
    const shadowId = host.result?.value?.shadowRoot?.sharedId;
    if (!shadowId) return null;
    const reply = await this.bidi.send<{ type: string; result?: RemoteValue; exceptionDetails?: { text: string } }>('script.callFunction', {
      target: { context: this.context },
      functionDeclaration: `(root) => {
        const text = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement || n.parentElement.localName !== 'style') text.push(n.data);
        const dialog = root.querySelector('[role=dialog]');
        return JSON.stringify({
          text: text.join(' ').replace(/\\s+/g, ' ').trim(),
          dialog: dialog ? Object.fromEntries([...dialog.attributes].map((a) => [a.name, a.value])) : null,
        });
      }`,
      arguments: [{ sharedId: shadowId }],
      awaitPromise: false,
    });
    if (reply.type === 'exception') throw new Error(`reading the shadow root failed: ${reply.exceptionDetails?.text}`);
    return JSON.parse(String(reply.result?.value)) as ShadowSnapshot;
  }

  /**
   * The first frame inside this tab whose URL matches `url` (Dossier's card and note frames are
   * extension pages in iframes), as a FirefoxTab to evaluate in; null when there is none.
   */
  async frame(url: RegExp): Promise<FirefoxTab | null> {
    type Info = { context: string; url: string; children?: Info[] | null };
    const { contexts } = await this.bidi.send<{ contexts: Info[] }>('browsingContext.getTree', { root: this.context });
    const found: Info[] = [];
    const walk = (list: Info[] | null | undefined): void => {
      for (const c of list ?? []) {
        if (c.context !== this.context && url.test(c.url)) found.push(c);
        walk(c.children);
      }
    };
    walk(contexts);
    return found[0] ? new FirefoxTab(this.bidi, found[0].context) : null;
  }

  /** Types `text` one key at a time, as a keyboard does, into whatever has focus. */
  async type(text: string): Promise<void> {
    const actions = [...text].flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]);
    await this.bidi.send('input.performActions', { context: this.context, actions: [{ type: 'key', id: 'keyboard', actions }] });
  }

  /**
   * The viewport box of the first element matching `selector` inside the shadow root of the
   * element `hostExpression` evaluates to (closed roots too), or null.
   */
  async boxInShadowRoot(hostExpression: string, selector: string): Promise<{ x: number; y: number } | null> {
    const host = await this.bidi.send<{ type: string; result?: RemoteValue & { value?: { shadowRoot?: RemoteValue | null } } }>('script.evaluate', {
      target: { context: this.context },
      expression: hostExpression,
      awaitPromise: false,
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    });
    const shadowId = host.result?.value?.shadowRoot?.sharedId;
    if (!shadowId) return null;
    const reply = await this.bidi.send<{ type: string; result?: RemoteValue }>('script.callFunction', {
      target: { context: this.context },
      functionDeclaration: `(root) => { const el = root.querySelector(${JSON.stringify(selector)}); if (!el) return null; const r = el.getBoundingClientRect(); return JSON.stringify({ x: r.left + r.width / 2, y: r.top + r.height / 2 }); }`,
      arguments: [{ sharedId: shadowId }],
      awaitPromise: false,
    });
    const value = reply.result?.value;
    return typeof value === 'string' ? (JSON.parse(value) as { x: number; y: number }) : null;
  }

  /** Brings the tab to the front (the extension's tabs.query({ active: true }) then finds it). */
  async activate(): Promise<void> {
    await this.bidi.send('browsingContext.activate', { context: this.context });
  }

  async close(): Promise<void> {
    await this.bidi.send('browsingContext.close', { context: this.context }).catch(() => undefined);
  }
}
