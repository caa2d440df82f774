// The first stage (issue 14): what runs on every page and frame. It reads the list's anchor filter
// (no list) from storage.local, where the background keeps it (or, where none is there yet, asks
// the background for it), reads the page's text against it, and loads
// the second stage (chunks/app.js: the list, the matcher and everything else) only where an
// anchor is seen: in the text at load, in text added later, or when the popup, a command or a
// selection needs it (top frame). A page that names nobody on the list costs this file's
// evaluation, one storage read and one token pass over its text.
import { readAnchorFilter } from '../../core/matching/anchor-test';
import type { ContentMessageName, FirstStageInit } from '../../shared/messages';
import type { AppHandle } from '../lazy/app';
import { canonicalUrlOf } from '../annotate/canonical';
import { whenIdle } from '../scan/idle';
import { PAGE_TIMELINE, SILENT_TIMELINE, type Timeline } from '../timeline';
import { untilSeen } from './frame-visibility';
import { ask, askTwice, runtimeApi, type RuntimeLike } from './runtime';
import { pageHasAnchor } from './quick-pass';
import { concernsHost, readBroadcast } from './broadcasts';
import { someText } from './text-pass';
import { storageApi, type StorageLike } from '../runtime/extension-storage';
import { FIRST_STAGE_KEY, readFirstStageRecord } from '../../shared/first-stage-record';

const WATCHED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** The popup's and the commands' messages (checked against messages.ts by the type). */
const CONTENT_MESSAGES: Record<ContentMessageName, true> = {
  'page/found': true,
  'page/article': true,
  'page/reveal': true,
  'page/set-enabled': true,
  'page/annotations': true,
  'page/annotate': true,
  'page/step': true,
};

const isContentMessage = (message: unknown): boolean =>
  typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string' && Object.hasOwn(CONTENT_MESSAGES, (message as { type: string }).type);

export class FirstStage {
  private readonly startedAt = performance.now();
  private readonly isTopFrame = window.top === window;
  private readonly listeners = new AbortController();
  private app: Promise<AppHandle> | null = null;
  private timeline: Timeline = SILENT_TIMELINE;
  private watcher: MutationObserver | null = null;
  /** Whether the site was on when last asked ('unknown' until the first answer). */
  private site: 'unknown' | 'off' | 'on' = 'unknown';
  /** Counts the questions about the site: only the newest answer is acted on. */
  private siteTurn = 0;
  /** The fingerprint of the list the page was read against (FirstStageInit.version). */
  private listVersion: string | undefined;
  /** The dossier changed and no answer since has been acted on. */
  private dossierStale = false;

  constructor(
    private readonly runtime: RuntimeLike,
    private readonly doc: Document = document,
    private readonly storage: StorageLike | undefined = storageApi(),
  ) {}

  async start(): Promise<void> {
    if (this.isTopFrame) {
      this.listenForMessages();
      this.watchSelections();
    } else {
      await untilSeen(this.doc);
      this.listenForBroadcasts();
    }
    const turn = ++this.siteTurn;
    const init = (await this.storedFilter()) ?? ((await askTwice(this.runtime, 'page/filter', { host: location.hostname })) as FirstStageInit);
    if (init.diagnostics) this.timeline = PAGE_TIMELINE;
    // The site was switched while we asked: the newer answer (recheck) decides.
    if (turn !== this.siteTurn) return;
    await this.read(init);
  }

  /**
   * The filter as the background keeps it in storage.local (shared/first-stage-record.ts), or null
   * where there is none we can read: the page then asks the background (page/filter). Whether
   * Dossier is off on this site is not in it (the reader's history stays in the background): a
   * page that names someone learns it from page/init, which goes out with the second stage.
   */
  private async storedFilter(): Promise<FirstStageInit | null> {
    if (!this.storage) return null;
    try {
      const record = readFirstStageRecord((await this.storage.local.get(FIRST_STAGE_KEY))[FIRST_STAGE_KEY]);
      if (!record) return null;
      return { disabled: false, filter: record.filter, version: record.version, diagnostics: record.diagnostics, annotated: record.annotating };
    } catch {
      return null; // the extension context went away, or storage failed: ask instead
    }
  }

  /** Reads the page against the filter, unless Dossier is off on this site. */
  private async read(init: FirstStageInit): Promise<void> {
    const replied = performance.now();
    this.site = init.disabled ? 'off' : 'on';
    this.listVersion = init.version;
    // Off on this site: nothing to read (the popup can still switch it on, which loads the rest).
    if (init.disabled || this.app) return;
    const filter = readAnchorFilter(init.filter);
    // A list with a pattern of no a-z letters, or a filter we cannot read: every page loads.
    if (!filter || filter.always) return void this.load();
    const test = (text: string): boolean => filter.test(text);
    const indexed = performance.now();
    const onShadowRoot = this.watch(test);
    // Each slice of this pass is a continuation the trace cannot tie to us: measured here (diagnostics only).
    const onSlice = (start: number): void => this.timeline.measure('dossier:slice', start);
    // The Document, not its body: a page naming nobody then makes no element's wrapper in our world.
    if (await pageHasAnchor(this.doc, test, { onSlice, onShadowRoot })) return void this.load();
    // Where the second stage loads, it writes these (from the same start); here it never did.
    this.timeline.mark('dossier:start', this.startedAt);
    this.timeline.mark('dossier:init', replied);
    this.timeline.mark('dossier:indexed', indexed);
    this.timeline.mark('dossier:highlighted', undefined, { firstStageOnly: true });
    // Only where the background says this origin has annotations: most pages skip the second question.
    if (this.isTopFrame && init.annotated) void this.loadIfAnnotated();
  }

  /** The second stage, loaded and started once; it takes over reading the page. */
  private load(): Promise<AppHandle> {
    if (this.app) return this.app;
    this.watcher?.disconnect();
    this.watcher = null;
    // page/init goes out with the chunk's import, not after it: the two round trips overlap.
    const pageInit = askTwice(this.runtime, 'page/init', { host: location.hostname });
    pageInit.catch(() => {}); // the second stage reads (and reports) its outcome
    this.app = import(this.runtime.getURL('chunks/app.js')).then((chunk: { startApp?: (options: { startedAt: number; pageInit: Promise<unknown> }) => Promise<AppHandle> }) => {
      if (typeof chunk.startApp !== 'function') throw new Error("Dossier's page code is incomplete. Reload the page.");
      return chunk.startApp({ startedAt: this.startedAt, pageInit });
    });
    this.app.catch(() => (this.app = null));
    return this.app;
  }

  /**
   * Text added or changed later: only what changed is read; an anchor there loads the rest. The
   * open shadow roots read are watched too (returned: the reads tell it of them), since a
   * component renders its text into its own tree, where the document's observer does not see.
   */
  private watch(test: (text: string) => boolean): (root: ShadowRoot) => void {
    const watched = new WeakSet<ShadowRoot>();
    const onShadowRoot = (root: ShadowRoot): void => {
      if (watched.has(root)) return;
      watched.add(root);
      this.watcher?.observe(root, WATCHED);
    };
    let pending: Node[] = [];
    let reading = false;
    const read = async (): Promise<void> => {
      reading = true;
      while (pending.length > 0 && !this.app) {
        const batch = pending;
        pending = [];
        for (const node of batch) {
          if (!node.isConnected) continue;
          if (await someText(node, test, { onShadowRoot })) return void this.load();
        }
      }
      reading = false;
    };
    this.watcher = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData') pending.push(record.target);
        else for (const node of record.addedNodes) pending.push(node);
      }
      if (!reading && pending.length > 0) void read();
    });
    this.watcher.observe(this.doc, WATCHED);
    return onShadowRoot;
  }

  /** The popup and the commands talk to the top frame: their first message loads the rest. */
  private listenForMessages(): void {
    this.runtime.onMessage.addListener((message, sender, sendResponse) => {
      if (sender.id !== undefined && sender.id !== this.runtime.id) return undefined;
      if (this.answerBroadcast(message, sendResponse)) return true;
      if (!isContentMessage(message)) return undefined;
      this.load()
        .then((app) => app.answer(message))
        .then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }));
      return true;
    });
  }

  /** A frame hears only the background's broadcasts (the popup and commands talk to the top frame). */
  private listenForBroadcasts(): void {
    this.runtime.onMessage.addListener((message, sender, sendResponse) => {
      if (sender.id !== undefined && sender.id !== this.runtime.id) return undefined;
      return this.answerBroadcast(message, sendResponse) ? true : undefined;
    });
  }

  /** True when `message` is a broadcast that concerns this frame, then answered through `sendResponse`. */
  private answerBroadcast(message: unknown, sendResponse: (reply: unknown) => void): boolean {
    const broadcast = readBroadcast(message);
    if (!broadcast) return false;
    if (broadcast.type === 'page/sites-changed' && !concernsHost(broadcast.request, location.hostname)) return false;
    this.recheck(broadcast.type === 'page/dossier-changed').then(
      (rechecked) => sendResponse({ ok: true, value: { rechecked } }),
      (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  }

  /**
   * The reader switched Dossier on or off for this site elsewhere (the popup of another tab, the
   * options page, a restore), or changed the dossier (an article added, an import, an edit, a sync
   * pull): the page follows without a reload. The background is asked again rather than told, so
   * two changes in quick succession end in the state saved last, and a page whose list is the one
   * it read does nothing.
   */
  private async recheck(dossierChanged: boolean): Promise<boolean> {
    // Kept until an answer is acted on: a site switch asked after it must not drop it.
    if (dossierChanged) this.dossierStale = true;
    const turn = ++this.siteTurn;
    const init = (await askTwice(this.runtime, 'page/filter', { host: location.hostname })) as FirstStageInit;
    if (turn !== this.siteTurn) return false;
    const followDossier = this.dossierStale;
    this.dossierStale = false;
    if (this.app) {
      const app = await this.app;
      await app.setEnabled(!init.disabled);
      if (followDossier && !init.disabled) await app.followDossier(init.version);
    } else if (init.disabled) {
      this.watcher?.disconnect();
      this.watcher = null;
      this.site = 'off';
    } else if (this.site !== 'on' || init.version !== this.listVersion) {
      // Read again against the new filter: a page that named nobody may name someone added now.
      this.watcher?.disconnect();
      this.watcher = null;
      await this.read(init);
    }
    return true;
  }

  /** A selection with text, before the rest is loaded: load it, and it offers the annotation toolbar. */
  private watchSelections(): void {
    const options = { capture: true, passive: true, signal: this.listeners.signal };
    const onSelecting = (): void => {
      if (this.app) return this.listeners.abort();
      setTimeout(() => {
        const selection = this.doc.getSelection();
        if (!selection || selection.isCollapsed || selection.toString().trim() === '') return;
        this.listeners.abort();
        void this.load().then((app) => app.offerAnnotation());
      }, 0);
    };
    this.doc.addEventListener('mouseup', onSelecting, options);
    this.doc.addEventListener('keyup', onSelecting, options);
  }

  /** A page that names nobody may still carry the reader's annotations: asked once, when idle. */
  private async loadIfAnnotated(): Promise<void> {
    await whenIdle(1000, new AbortController().signal);
    if (this.app) return;
    const canonical = canonicalUrlOf(this.doc);
    const reply = (await ask(this.runtime, 'annotations/page', { url: location.href, ...(canonical ? { canonicalUrl: canonical } : {}) })) as { annotations?: unknown[] };
    if (Array.isArray(reply.annotations) && reply.annotations.length > 0) void this.load();
  }
}

/** Starts the first stage, quietly: a page must never see our errors. */
export function startFirstStage(): void {
  const runtime = runtimeApi();
  if (!runtime) return;
  new FirstStage(runtime).start().catch((error: unknown) => {
    // An update or reload of the extension orphans this script: nothing to say then.
    if (runtimeApi()) console.warn('Dossier:', error instanceof Error ? error.message : error);
  });
}
