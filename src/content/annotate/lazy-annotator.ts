// The page's side of annotations before the annotator's code is loaded (see chunks.ts). It asks
// the background whether this page has annotations, and watches for a selection; either one
// loads the annotator, which then takes over. A page the reader only reads pays one message.
import type { PageAnnotation } from '../../shared/annotation-messages';
import type { Annotator, AnnotatorHooks } from './annotator';
import { canonicalUrlOf } from './canonical';

export type LoadAnnotator = () => Promise<typeof Annotator>;

export class LazyAnnotator {
  private annotator: Annotator | null = null;
  private loading: Promise<Annotator> | null = null;
  private watching: AbortController | null = null;
  /** The page's address as the background normalised it (what the popup shows). */
  private url = '';
  private started: Promise<void> | null = null;
  /** Between listen()/start() and stop(): the page is on. */
  private on = false;

  constructor(
    private readonly doc: Document,
    private readonly hooks: AnnotatorHooks,
    private readonly load: LoadAnnotator,
  ) {}

  isHostNode(node: Node): boolean {
    return this.annotator?.isHostNode(node) ?? false;
  }

  scheduleRefresh(): void {
    this.annotator?.scheduleRefresh();
  }

  /**
   * Watches for the reader's selections from now on: two passive listeners, so it runs as soon as
   * the page is on. The rest (asking for the page's annotations) can wait for start(); a
   * selection made before then must still get its toolbar.
   */
  listen(): void {
    this.on = true;
    if (!this.loading) this.watchSelections();
  }

  /** Idempotent until stop(). */
  start(): Promise<void> {
    this.on = true;
    this.started ??= this.begin().catch((error: unknown) => this.hooks.onError(error));
    return this.started;
  }

  stop(): void {
    this.on = false;
    this.started = null;
    this.watching?.abort();
    this.watching = null;
    this.annotator?.stop();
  }

  async pageAnnotations(): Promise<{ url: string; annotations: PageAnnotation[] }> {
    await this.start();
    return this.annotator ? this.annotator.pageAnnotations() : { url: this.url || location.href, annotations: [] };
  }

  /** The keyboard command and the context menu: annotate what is selected now. */
  async annotateSelection(): Promise<boolean> {
    await this.start();
    return (await this.loaded()).annotateSelection();
  }

  /** A selection the first stage saw before this code was loaded: the toolbar for it. */
  offerToolbar(): void {
    const selection = this.doc.getSelection();
    if (!this.on || !selection || selection.isCollapsed || selection.toString().trim() === '') return;
    this.loaded().then(
      (annotator) => annotator.offerToolbar(),
      (error: unknown) => this.hooks.onError(error),
    );
  }

  private async begin(): Promise<void> {
    if (this.loading) {
      // Loaded by a selection (and started then), or loaded before a stop() and off since.
      const annotator = await this.loading;
      if (!annotator.isRunning) await annotator.start();
      return;
    }
    this.watchSelections();
    const canonical = canonicalUrlOf(this.doc);
    const reply = await this.hooks.ask('annotations/page', { url: location.href, ...(canonical ? { canonicalUrl: canonical } : {}) });
    this.url = reply.url;
    if (reply.annotations.length > 0) await this.loaded();
  }

  /** Loads and starts the annotator once; its own listeners replace ours. */
  private loaded(): Promise<Annotator> {
    this.loading ??= this.load().then(async (AnnotatorClass) => {
      const annotator = new AnnotatorClass(this.doc, this.hooks);
      this.annotator = annotator;
      this.watching?.abort();
      this.watching = null;
      // Switched off while the code loaded: the next start() starts it.
      if (this.on) await annotator.start();
      return annotator;
    });
    this.loading.catch(() => (this.loading = null));
    return this.loading;
  }

  private watchSelections(): void {
    if (this.watching) return;
    this.watching = new AbortController();
    const options = { capture: true, passive: true, signal: this.watching.signal };
    const onSelecting = (event: Event): void => {
      if (!event.isTrusted) return;
      if (event.target instanceof Node && this.hooks.isOurs(event.target)) return;
      // The selection settles after the event; only a selection with text is worth the code.
      setTimeout(() => {
        const selection = this.doc.getSelection();
        if (!selection || selection.isCollapsed || selection.toString().trim() === '') return;
        this.loaded().then(
          (annotator) => annotator.offerToolbar(),
          (error: unknown) => this.hooks.onError(error),
        );
      }, 0);
    };
    this.doc.addEventListener('mouseup', onSelecting, options);
    this.doc.addEventListener('keyup', onSelecting, options);
  }
}
