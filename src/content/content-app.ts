// The content script's life on one page: ask whether the site is on, get the list, scan in
// slices, highlight, watch for changes, answer the popup and the commands, and stop quietly if
// the extension goes away under us.
import { inPrivateWindow } from './runtime/private-window';
import { composedParent, ShadowRoots } from './dom/shadow-roots';
import { ListNarrower } from '../core/matching/list-narrower';
import { NarrowingMatcher } from '../core/matching/narrowing-matcher';
import type { EntityList } from '../core/types';
import type { ContentMessages, ResponseOf } from '../shared/messages';
import { CardController, revealRange } from './card/card-controller';
import { LazyCardHost } from './card/lazy-card-host';
import { loadChunk } from './runtime/chunks';
import { whenIdle } from './scan/idle';
import { LIVE_PAGE_TIMELINE, LIVE_SLICE_MEASURE, PAGE_TIMELINE, SILENT_TIMELINE, type Timeline } from './timeline';
import { listenForClicks } from './card/click-handler';
import { answerContentMessage } from './content-messages';
import { nameBook, pageFindings, type NameBook } from './findings';
import { SIGHTINGS_DEBOUNCE_MS, SightingsReporter } from './sightings/sightings-reporter';
import { styleElementId } from './highlight/style-sheet';
import { useReadableNames } from './highlight/page-names';
import { refreshHostTags } from './scan/exclusions';
import { setHighlightColours } from './highlight/highlight-styles';
import { setHiddenKinds } from './highlight/highlight-styles';
import { CalmClaims } from './highlight/calm-claims';
import { watchHiddenKinds } from './highlight/shown-kinds-watch';
import { Highlighter, type Mark } from './highlight/highlighter';
import { OrphanedError, askBackground, isContextAlive } from './runtime/messaging';
import { pressedOnHighlight } from './card/card-press';
import { judgeClaimsInBackground } from './claims/claim-verdicts';
import { stepTarget } from './navigation';
import { PageScanner } from './scan/page-scanner';
import { sameMention } from './marks/same-mention';
import { SliceClock, nextFrame, nextTask, runInSlices } from './scan/scheduler';
import { asEntityList, toPageInit } from './scan/match-list';
import { toMatchList } from '../shared/match-list-shape';
import type { HighlightColours } from '../shared/dossier-messages';
import type { MatchList, PageInit } from '../shared/messages';
import { PageWatcher, type ChangeBatch } from './scan/watcher';
import { LazyAnnotator } from './annotate/lazy-annotator';
import { EditorGuard } from './scan/editor-guard';
import { frameAddress } from './frames/frame-address';
import { FirstScan } from './first-scan';

interface Running {
  /** The scanner, the names and `learn` come from the list: replaced when it changes (followDossier). */
  scanner: PageScanner;
  editors: EditorGuard;
  names: NameBook;
  cards: CardController;
  watcher: PageWatcher;
  /** What the quote harvest needs (see harvest/harvester.ts); the matcher covers any text it is given. */
  learn: { list: EntityList; matcher: NarrowingMatcher };
}

export class ContentApp {
  private readonly doc = document;
  private readonly highlighter = new Highlighter(this.doc);
  /** The open shadow roots of web components our scans read: watched, and reached by rescans. */
  private readonly shadowRoots = new ShadowRoots();
  /** Claims marked quietly: their first words, and the whole sentence while their card is open. */
  private readonly calm = new CalmClaims(this.highlighter.elements);
  /** Its code is loaded after the first highlights (issue 14): see lazy-card-host.ts. */
  private readonly cardHost = new LazyCardHost(
    this.doc,
    {
      onClose: () => this.running?.cards.close(),
      onStep: (direction) => this.running?.cards.stepWithin(direction),
      onChoose: (id) => this.running?.cards.openAlternative(id),
    },
    (error) => this.fail(error),
  );
  private readonly listeners = new AbortController();
  private readonly isTopFrame = window.top === window;
  /** Annotations live in the top frame only: a frame's address is not the article's. */
  private readonly annotator: LazyAnnotator | null = this.isTopFrame
    ? new LazyAnnotator(
        this.doc,
        { mentionsIn: (range) => this.mentionsIn(range), isOurs: (node) => this.isOurs(node), onError: (error) => this.fail(error), ask: askBackground, noteFrame: () => frameAddress('note') },
        () => loadChunk('annotate').then((chunk) => chunk.Annotator),
      )
    : null;
  private running: Running | null = null;
  private enabled = false;
  private stopped = false;
  /** Every piece of scanning runs in this chain, one at a time, so two scans never interleave. */
  private work: Promise<void> = Promise.resolve();
  private generation = 0;
  /** The top frame's "Seen elsewhere" records; null in a frame (ads and embeds would be noise) and in a private window. */
  private readonly sightings = this.isTopFrame && !inPrivateWindow() ? new SightingsReporter(this.doc, () => this.highlighter.inOrder(), (error) => this.fail(error)) : null;
  /** The first full scan: page/found waits for its names, or for all of it (claims judged). */
  private firstScan = FirstScan.finished();
  private firstNames: () => void = () => {};
  /**
   * Resolves once the page's first scan has marked its names (or start() ended without a scan):
   * the first stage hands the popup's messages over from then on (lazy/app.ts), not only once
   * the claims are judged.
   */
  readonly namesFirstMarked = new Promise<void>((resolve) => (this.firstNames = resolve));
  private harvestStarted = false;
  /** Why the page/init question failed (begin()); undefined once it was answered. */
  private startFailure: string | undefined;
  /** The fingerprint of the list the page was read with (MatchList.version). */
  private listVersion: string | undefined;
  /** Annotations load after the first highlights, when idle, or at once when the popup asks. */
  private annotationsStarted: Promise<void> | null = null;
  /** Our timings stay off the page's timeline unless the user turned diagnostics on. */
  private timeline: Timeline = SILENT_TIMELINE;
  /** The same switch for the slices of rescans and of the claim pass (bounded: see timeline.ts). */
  private liveTimeline: Timeline = SILENT_TIMELINE;

  /**
   * `startedAt`: when the first stage started (src/content/first-stage/), which loaded this code;
   * the first stage receives the popup's messages and passes them to answer().
   */
  async start({ startedAt = performance.now(), pageInit }: { startedAt?: number; pageInit?: Promise<unknown> } = {}): Promise<void> {
    // The benchmarks read dossier:start, dossier:init, dossier:indexed and dossier:highlighted
    // (with diagnostics on, which the page/init reply tells: hence the start time kept here).
    if (!isContextAlive()) return;
    watchHiddenKinds((hidden) => {
      setHiddenKinds(hidden);
      this.highlighter.restyle();
    }, this.listeners.signal);
    // One round trip before the first highlight: site switch, lean list and colours together.
    // The first stage sends it while this code loads (issue 14): its reply, when handed in.
    await this.begin(pageInit ?? askBackground('page/init', { host: location.hostname }), startedAt).catch((error: unknown) => this.fail(error));
  }

  /**
   * Acts on the page/init reply. Where it could not be had (a worker that kept failing, a store it
   * cannot open), the reason is kept: page/found asks again and says why, rather than report the
   * page as switched off (which the reader would take for their own setting).
   */
  private async begin(question: Promise<unknown>, startedAt?: number): Promise<void> {
    let init: PageInit;
    try {
      init = toPageInit(await question);
      this.startFailure = undefined;
    } catch (error) {
      if (!(error instanceof OrphanedError) && isContextAlive()) this.startFailure = error instanceof Error ? error.message : String(error);
      throw error;
    }
    // The reply's continuation is one task with checking the list, compiling it (in part) and the
    // first slice of the scan: the clock of the first slice starts here.
    const taskStart = performance.now();
    if (init.diagnostics) {
      this.timeline = PAGE_TIMELINE;
      this.liveTimeline = LIVE_PAGE_TIMELINE;
      // Readable dossier-* names, as the switch says: nothing is painted or made yet.
      useReadableNames();
      refreshHostTags();
    }
    if (startedAt !== undefined) this.timeline.mark('dossier:start', startedAt);
    this.timeline.mark('dossier:init');
    this.enabled = !init.disabled;
    if (this.enabled) await this.turnOn(init.list, init.colours, taskStart);
  }

  /** A popup or command message the first stage received (top frame only). */
  answer(message: unknown): Promise<unknown> {
    if (!this.isTopFrame || this.stopped) return Promise.resolve(undefined);
    return answerContentMessage(message, this.handlers()) ?? Promise.resolve(undefined);
  }

  /**
   * Dossier switched on or off for this site: the highlights restored or removed. Any frame: the
   * popup's page/set-enabled reaches the top frame through answer(), the background's
   * page/sites-changed every frame of the site (first-stage/loader.ts).
   */
  async setEnabled(enabled: boolean): Promise<boolean> {
    if (enabled !== this.enabled && !this.stopped) {
      this.enabled = enabled;
      if (enabled) await this.turnOn();
      else this.turnOff();
    }
    return this.enabled;
  }

  /** A selection made before this code was loaded: its annotation toolbar. */
  offerAnnotation(): void {
    if (this.enabled && !this.stopped) this.annotator?.offerToolbar();
  }

  private isOurs = (node: Node): boolean =>
    this.cardHost.isHostNode(node) || (node instanceof Element && node.id === styleElementId()) || Boolean(this.annotator?.isHostNode(node));

  /** Ids of the names and claims highlighted wholly inside `range` (linked to an annotation). */
  private mentionsIn(range: Range): string[] {
    const inside = this.highlighter.inOrder().filter((m) => {
      try {
        return range.compareBoundaryPoints(Range.START_TO_START, m.range) <= 0 && range.compareBoundaryPoints(Range.END_TO_END, m.range) >= 0;
      } catch {
        return false;
      }
    });
    return [...new Set(inside.map((m) => m.id))];
  }

  /** The scanner, card, watcher and click listener of a page that is on. */
  private makeRunning(list: EntityList, matcher: NarrowingMatcher): Running {
    const names = nameBook(list);
    const scanner = new PageScanner(matcher, this.highlighter, judgeClaimsInBackground, this.shadowRoots);
    // Through `running`, so the names of a list that changed while the page is open reach the card.
    const cards = new CardController(this.cardHost, this.highlighter, { nameOf: (id, kind) => running.names.nameOf(id, kind) });
    cards.onCurrentChange = (mark) => this.calm.setActive(mark);
    const watcher = new PageWatcher(this.doc, this.isOurs, (batch) => {
      this.annotator?.scheduleRefresh();
      void this.enqueue(() => this.rescan(batch));
    });
    this.highlighter.shadowRoots = this.shadowRoots;
    this.shadowRoots.onNewRoot = (root) => watcher.observeShadowRoot(root);
    const editors = new EditorGuard(this.doc, this.highlighter, {
      dropped: () => {
        const current = this.running?.cards.current;
        if (current && !this.highlighter.has(current)) this.running?.cards.close(false);
        this.sightings?.schedule(SIGHTINGS_DEBOUNCE_MS);
      },
      rescan: (root) => void this.enqueue(() => this.rescan({ roots: [root], textRemoved: false, touched: [], removed: [] })),
    });
    const running: Running = { scanner, editors, names, cards, watcher, learn: { list, matcher } };
    listenForClicks(
      this.doc,
      this.highlighter,
      {
        isOurs: (node) => this.isOurs(node),
        inEditor: (node) => running.editors.checkAt(node),
        onMark: (mark) => this.enabled && this.running?.cards.open(mark),
        onPress: (mark) => this.enabled && pressedOnHighlight(mark, this.cardHost, askBackground),
        onMiss: () => this.running?.cards.current && this.running.cards.close(false),
        claimTargets: this.calm,
      },
      this.listeners.signal,
    );
    return running;
  }

  /** `lean`/`colours` come with page/init; switching on later asks for them. */
  private async turnOn(lean?: MatchList, colours?: HighlightColours, taskStart = performance.now()): Promise<void> {
    // page/found and the commands wait for the first scan, compiling included.
    // A selection made while the page is still being scanned gets its annotation toolbar too.
    this.annotator?.listen();
    const first = new FirstScan();
    this.firstScan = first;
    void first.namesMarked.then(this.firstNames);
    try {
      await this.compileAndScan(lean, colours, taskStart, first);
    } finally {
      first.finish();
    }
    this.afterFirstHighlights();
  }

  private async compileAndScan(lean: MatchList | undefined, colours: HighlightColours | undefined, taskStart: number, first: FirstScan): Promise<void> {
    // One clock for indexing, compiling and the first scan, measured (SLICE_MEASURE) for the benchmarks.
    const clock = new SliceClock(undefined, taskStart, this.timeline);
    if (!this.running) {
      const match = lean ?? toMatchList(await askBackground('list/match', {}));
      this.listVersion = match.version;
      const list = asEntityList(match);
      // Only the anchors of the list are needed here: the background sends them with the list (or,
      // from an older or damaged cache, the page computes them between its tasks). The scan then
      // compiles what the page's words can match (all of 10,000 names took ~200 ms).
      await clock.checkpoint();
      const narrower = ListNarrower.fromIndex(list, match.index) ?? (await runInSlices(ListNarrower.steps(list), clock));
      const matcher = new NarrowingMatcher(narrower);
      this.timeline.mark('dossier:indexed');
      // Switched off, or stopped, while it indexed the list.
      if (!this.enabled || this.stopped) return;
      // Another turnOn (switched off and on again meanwhile) may have finished first.
      this.running ??= this.makeRunning(list, matcher);
    }
    const { scanner, watcher, editors } = this.running;
    // The user's colours (options page); an older background without them keeps the palette.
    setHighlightColours(colours ?? (await askBackground('settings/colours', {}).then((r) => r.colours, () => ({}))));
    this.highlighter.clear();
    scanner.reset();
    const generation = ++this.generation;
    watcher.start();
    editors.start();
    await this.enqueue(async () => {
      // The page's first part (its first screens) is highlighted before the rest is read: the
      // style sheet goes in then, and we wait for a frame, so that the style recalculation it
      // causes (the whole page's, 20-36 ms on big pages, more on a 20 MB one) happens in the
      // browser's rendering step, not in a later slice of ours reading a mention's visibility.
      const showFirst = async (): Promise<void> => {
        if (generation !== this.generation) return;
        this.highlighter.show();
        this.showCalmClaims();
        this.timeline.mark('dossier:first-highlights');
        clock.finish();
        await nextFrame();
        clock.restart();
        // The reader sees the first screens; the rest must not hold back the page's own code.
        clock.behindThePage();
      };
      const cancelled = (): boolean => generation !== this.generation;
      await scanner.scan(this.doc.body ?? this.doc.documentElement, clock, cancelled, { onFirstPart: showFirst });
      clock.finish();
      // The names are marked; the claim sentences wait for the background's judge (issue 14: its
      // model loading once sat between the page's start and its highlights).
      this.timeline.mark('dossier:highlighted');
      first.markNames();
      // Finding the claim sentences waits behind the page's own tasks, as the rest of a long page does.
      const claimClock = this.liveClock();
      claimClock.behindThePage();
      await nextTask();
      claimClock.restart();
      await scanner.judgePending(cancelled, claimClock);
      claimClock.finish();
      if (generation === this.generation) this.showCalmClaims();
      this.timeline.mark('dossier:claims-judged');
      this.sightings?.schedule(0);
    });
  }

  /**
   * The quote harvest and the page's annotations are not needed to see highlights: they start
   * when the page is idle, so a page's start costs only the scan.
   */
  private afterFirstHighlights(): void {
    this.harvestOnce();
    // The card's code, ready before the reader's first click (which would load it too).
    if (this.highlighter.size > 0) {
      void whenIdle(1000, this.listeners.signal).then(() => {
        if (this.enabled && !this.stopped) void this.cardHost.load();
      });
    }
    if (!this.annotator || this.annotationsStarted) return;
    // startAnnotations checks that the page is still on when the idle period comes.
    void whenIdle(1000, this.listeners.signal).then(() => this.startAnnotations());
  }

  /** Idempotent: the idle callback and the popup's page/annotations may both ask. */
  private startAnnotations(): Promise<void> {
    if (!this.annotator || !this.enabled || this.stopped) return Promise.resolve();
    this.annotationsStarted ??= this.annotator.start();
    return this.annotationsStarted;
  }

  /** Once per page, after highlighting, when idle: quotes for the dossier (top frame only). */
  private harvestOnce(): void {
    // A private window's quotes are not kept (runtime/private-window.ts): no reading for nothing.
    if (this.harvestStarted || !this.isTopFrame || !this.running || inPrivateWindow()) return;
    // Quotes need a known speaker: a person, or an organisation a role speaks for ("a Kremlin
    // spokesman said"). A page naming only places gets no Readability pass.
    if (!this.highlighter.inOrder().some((m) => m.kind === 'person' || m.kind === 'organisation')) return;
    this.harvestStarted = true;
    const { list, matcher } = this.running.learn;
    const signal = this.listeners.signal;
    // The harvest's code (Readability) is loaded when the page is idle, not on the way to highlights.
    whenIdle(2000, signal)
      .then(() => (signal.aborted ? 0 : loadChunk('harvest').then(({ harvestPage }) => harvestPage(this.doc, list, matcher, (request) => askBackground('quotes/harvest', request), signal, this.timeline))))
      .catch((error: unknown) => this.fail(error));
  }

  private turnOff(): void {
    this.annotator?.stop();
    this.annotationsStarted = null;
    this.generation++;
    this.running?.watcher.stop();
    this.running?.editors.stop();
    this.running?.cards.close(false);
    this.highlighter.clear();
    this.highlighter.hide();
    this.calm.clear();
    this.calm.hide();
    this.sightings?.cancel();
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    const run = this.work.then(job).catch((error: unknown) => this.fail(error));
    this.work = run;
    return run;
  }

  /** A clock for work after the first highlights, its slices measured for the benchmarks (diagnostics on). */
  private liveClock(): SliceClock {
    return new SliceClock(undefined, undefined, this.liveTimeline, LIVE_SLICE_MEASURE);
  }

  private async rescan(batch: ChangeBatch): Promise<void> {
    if (!this.running || !this.enabled || this.stopped) return;
    if (!isContextAlive()) return this.orphan();
    const clock = this.liveClock();
    try {
      await this.rescanWith(batch, clock, this.running);
    } finally {
      clock.finish();
    }
  }

  private async rescanWith(batch: ChangeBatch, clock: SliceClock, running: Running): Promise<void> {
    const { scanner } = running;
    // Puts back our highlights if the page removed them (a page with marks only: see below).
    const hadMarks = this.highlighter.size > 0;
    this.highlighter.ensureRegistered();
    const roots = new Set(batch.roots);
    const underRoot = (node: Node): boolean => {
      for (let up: Node | null = node; up; up = composedParent(up)) if (roots.has(up)) return true;
      return false;
    };
    let changed = batch.textRemoved ? this.highlighter.dropStale(batch.touched, batch.removed) > 0 : false;
    if (roots.size > 0) {
      changed = this.highlighter.removeUnder(roots) > 0 || changed;
      scanner.forgetCandidatesUnder(underRoot);
      const generation = this.generation;
      const cancelled = (): boolean => generation !== this.generation;
      // All the roots in one pass (a page appending 50 paragraphs hands us 50 roots).
      await scanner.scanRoots(roots, clock, cancelled);
      await clock.checkpoint();
      // The claim sentences of every root go to the judge in one question (a page appending 50
      // paragraphs asked 50, and each reply's continuation was ours: BENCHMARKS part 3, which now
      // counts them); waiting for it holds the queue, so appends arriving meanwhile batch up.
      await scanner.judgePending(cancelled, clock, { sameVisibility: true });
      changed = true;
      // The first marks of a page that had none: our highlights and styles go in only now.
      if (!hadMarks) this.highlighter.ensureRegistered();
    }
    this.showCalmClaims();
    this.keepCardOnItsMention(running);
    if (changed) this.sightings?.schedule(SIGHTINGS_DEBOUNCE_MS);
  }

  /** The open card's highlight was replaced: the card follows the same mention, or closes if it is gone. */
  private keepCardOnItsMention(running: Running): void {
    const current = running.cards.current;
    if (!current || this.highlighter.has(current)) return;
    const same = sameMention(current, this.highlighter.group(current.kind === 'claim' ? 'claims' : 'names'));
    if (same) running.cards.follow(same);
    else running.cards.close(false);
  }

  /**
   * The dossier changed while the page is open (the first stage was told, and asked the
   * background's filter again): new colours are applied, and a list other than the one the page
   * was read with reads it again. The card stays on its mention and the annotations (and a note
   * being written) are left alone, so an article added in another tab or a sync pull does not
   * disturb the reader.
   */
  async followDossier(listVersion: string | undefined): Promise<void> {
    if (this.stopped) return;
    const colours = await askBackground('settings/colours', {}).then((r) => r.colours, () => undefined);
    if (colours && setHighlightColours(colours)) this.highlighter.restyle();
    if (listVersion !== undefined && listVersion === this.listVersion) return;
    // The first scan may still be compiling the list it asked for: it ends first.
    await this.firstScan.done;
    const running = this.running;
    // Never compiled (the site was off from the start): turnOn asks for the list as it is then.
    if (!running || this.stopped) return;
    const match = toMatchList(await askBackground('list/match', {}));
    if (match.version !== undefined && match.version === this.listVersion) return;
    await this.enqueue(() => this.readWithList(match, running));
  }

  /** The page read again with `match`, in the queue of scans: rescans before it used the old list, after it the new one. */
  private async readWithList(match: MatchList, running: Running): Promise<void> {
    // A second word of the same change, queued behind the first, which read this list already.
    if (match.version !== undefined && match.version === this.listVersion) return;
    const clock = this.liveClock();
    try {
      const list = asEntityList(match);
      const narrower = ListNarrower.fromIndex(list, match.index) ?? (await runInSlices(ListNarrower.steps(list), clock));
      const matcher = new NarrowingMatcher(narrower);
      if (this.stopped || this.running !== running) return;
      running.scanner = new PageScanner(matcher, this.highlighter, judgeClaimsInBackground, this.shadowRoots);
      running.names = nameBook(list);
      running.learn = { list, matcher };
      this.listVersion = match.version;
      // Switched off: turnOn scans with this list when the site is switched on again.
      if (!this.enabled) return;
      const generation = ++this.generation;
      const cancelled = (): boolean => generation !== this.generation;
      // The old marks stay painted until the new ones are in: the page does not blink.
      const old = new Set(this.highlighter.inOrder());
      await running.scanner.scan(this.doc.body ?? this.doc.documentElement, clock, cancelled, {});
      await clock.checkpoint();
      await running.scanner.judgePending(cancelled, clock);
      if (cancelled()) return;
      this.highlighter.removeWhere((mark) => old.has(mark));
      this.highlighter.ensureRegistered();
      this.showCalmClaims();
      this.keepCardOnItsMention(running);
      this.sightings?.schedule(SIGHTINGS_DEBOUNCE_MS);
      // A page that had no person before may have one now: its quotes, the card's code.
      this.afterFirstHighlights();
    } finally {
      clock.finish();
    }
  }

  private showCalmClaims(): void {
    const claims = this.highlighter.group('claims');
    this.calm.sync(claims);
    // Not before there is a claim: a page that names nobody sees no highlight of ours.
    if (claims.length > 0) this.calm.ensureRegistered();
  }

  private open(mark: Mark): void {
    // The popup and the commands open no card inside an editor either (the mark goes with it).
    if (this.running?.editors.checkAt(mark.range.startContainer)) return;
    revealRange(mark.range);
    this.running?.cards.open(mark);
  }

  private handlers() {
    return {
      'page/found': async ({ namesOnly }: { namesOnly?: boolean }): Promise<ResponseOf<ContentMessages, 'page/found'>> => {
        // The start failed: asked again now (the reader opened the popup), and if it fails again, said.
        if (this.startFailure !== undefined) {
          await this.begin(askBackground('page/init', { host: location.hostname })).catch(() => {
            throw new Error(`Dossier could not start on this page: ${this.startFailure ?? 'no reason given'}`);
          });
        }
        await (namesOnly ? this.firstScan.namesMarked : this.firstScan.done);
        const findings = this.running && this.enabled ? pageFindings(this.highlighter.inOrder(), this.running.names) : [];
        // Asked again by then (switched off and on), the scan is a new one: say what it is at.
        const claimsPending = this.enabled && this.firstScan.claimsPending;
        return { url: location.href, title: this.doc.title, disabled: !this.enabled, findings, claimsPending };
      },
      'page/reveal': async ({ id, kind }: { id: string; kind: Mark['kind'] }) => {
        // A name is there once the names are marked; a claim once the claims are judged.
        await (kind === 'claim' ? this.firstScan.done : this.firstScan.namesMarked);
        const mark = this.highlighter.inOrder().find((m) => m.id === id && m.kind === kind);
        if (mark) this.open(mark);
        return { revealed: Boolean(mark) };
      },
      'page/set-enabled': async ({ enabled }: { enabled: boolean }) => ({ enabled: await this.setEnabled(enabled) }),
      'page/article': async () => (await loadChunk('harvest')).articleForReview(this.doc),
      'page/annotations': async () => {
        await this.firstScan.done;
        await this.startAnnotations();
        const found = this.annotator && this.enabled ? await this.annotator.pageAnnotations() : { url: location.href, annotations: [] };
        return { ...found, title: this.doc.title };
      },
      'page/annotate': async () => {
        await this.startAnnotations();
        return { opened: Boolean(this.enabled && (await this.annotator?.annotateSelection())) };
      },
      'page/step': async ({ direction }: { direction: 1 | -1 }) => {
        await this.firstScan.namesMarked; // it steps through the names
        if (!this.running || !this.enabled) return { moved: false };
        const target = stepTarget(this.highlighter.group('names'), this.running.cards.current, direction, window.innerHeight);
        if (target) this.open(target);
        return { moved: Boolean(target) };
      },
    };
  }

  private fail(error: unknown): void {
    if (error instanceof OrphanedError || !isContextAlive()) return this.orphan();
    console.warn('Dossier:', error instanceof Error ? error.message : error);
  }

  /** The extension was updated or removed: leave the page as we found it and stop. */
  orphan(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.turnOff();
    this.cardHost.destroy();
    this.listeners.abort();
  }
}
