// The first stage's read of a huge page (src/content/first-stage/quick-pass.ts): a container of
// thousands of paragraphs is read as its turn comes, not gathered whole before the first pause
// (on a 20 MB page that first slice was 220 ms of CPU), and a paragraph the page removes while we
// pause does not cut the reading short. A small stand-in for the DOM: the unit tier has none.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageHasAnchor } from '../../src/content/first-stage/quick-pass';

const ELEMENT = 1;
const TEXT = 3;
/** Reads of sibling links (nextSibling, previousSibling), to see how far the pass looked. */
let siblingReads = 0;

class FakeNode {
  parentNode: FakeNode | null = null;
  readonly childNodes: FakeNode[] = [];
  constructor(
    readonly nodeType: number,
    readonly nodeName: string,
    readonly data = '',
  ) {}
  get ownerDocument() {
    return fakeDocument;
  }
  get shadowRoot() {
    return null;
  }
  get firstChild(): FakeNode | null {
    return this.childNodes[0] ?? null;
  }
  get lastChild(): FakeNode | null {
    return this.childNodes[this.childNodes.length - 1] ?? null;
  }
  get firstElementChild(): FakeNode | null {
    return this.childNodes.find((c) => c.nodeType === ELEMENT) ?? null;
  }
  get nextSibling(): FakeNode | null {
    siblingReads++;
    const siblings = this.parentNode?.childNodes;
    return siblings?.[siblings.indexOf(this) + 1] ?? null;
  }
  get previousSibling(): FakeNode | null {
    siblingReads++;
    const siblings = this.parentNode?.childNodes;
    return siblings?.[siblings.indexOf(this) - 1] ?? null;
  }
  getElementsByTagName(): FakeNode[] {
    const all: FakeNode[] = [];
    const walker = treeWalker(this, 1);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) all.push(node);
    return all;
  }
  get localName(): string {
    return this.nodeName.toLowerCase();
  }
  get innerHTML(): string {
    return this.childNodes.map((c) => (c.nodeType === TEXT ? c.data : `<${c.localName}>${c.innerHTML}</${c.localName}>`)).join('');
  }
  get textContent(): string {
    return this.nodeType === TEXT ? this.data : this.childNodes.map((c) => c.textContent).join('');
  }
  append(...nodes: FakeNode[]): this {
    for (const node of nodes) {
      node.parentNode = this;
      this.childNodes.push(node);
    }
    return this;
  }
  remove(): void {
    this.parentNode?.childNodes.splice(this.parentNode.childNodes.indexOf(this), 1);
    this.parentNode = null;
  }
}

/** A TreeWalker over elements (and text when asked), in document order: all the pass needs. */
function treeWalker(root: FakeNode, show: number) {
  const order: FakeNode[] = [];
  const visit = (node: FakeNode) => {
    for (const child of node.childNodes) {
      if ((child.nodeType === ELEMENT && show & 1) || (child.nodeType === TEXT && show & 4)) order.push(child);
      visit(child);
    }
  };
  visit(root);
  let at = -1;
  return { nextNode: () => order[++at] ?? null };
}

const fakeDocument = { createTreeWalker: treeWalker, evaluate: () => ({ snapshotLength: 0, snapshotItem: () => null }) };
const globals = globalThis as Record<string, unknown>;

beforeEach(() => {
  globals.Node = { ELEMENT_NODE: ELEMENT, TEXT_NODE: TEXT, CDATA_SECTION_NODE: 4 };
  globals.NodeFilter = { SHOW_ELEMENT: 1, SHOW_TEXT: 4 };
  globals.XPathResult = { ORDERED_NODE_SNAPSHOT_TYPE: 7 };
  globals.document = fakeDocument;
  globals.XMLSerializer = class {
    serializeToString(node: FakeNode): string {
      return node.innerHTML;
    }
  };
  siblingReads = 0;
});
afterEach(() => {
  delete globals.Node;
  delete globals.NodeFilter;
  delete globals.XPathResult;
  delete globals.document;
  delete globals.XMLSerializer;
});

const paragraph = (text: string) => new FakeNode(ELEMENT, 'P').append(new FakeNode(TEXT, '#text', text));
/** <body><main> with `count` paragraphs (more elements than one block holds), the last naming Putin. */
function hugePage(count: number): { body: FakeNode; main: FakeNode } {
  const main = new FakeNode(ELEMENT, 'MAIN');
  for (let i = 0; i < count - 1; i++) main.append(paragraph(`Paragraph ${i}: the council met on a grey morning while traders watched the markets.`));
  main.append(paragraph('Vladimir Putin said nothing.'));
  return { body: new FakeNode(ELEMENT, 'BODY').append(main), main };
}
const namesPutin = (text: string) => /\bputin\b/i.test(text);

describe('the first stage reading a huge page', () => {
  it('finds the one name in the last of 5,000 paragraphs, and nothing where nobody is named', async () => {
    const { body } = hugePage(5_000);
    expect(await pageHasAnchor(body as unknown as Element, namesPutin, { pause: async () => {} })).toBe(true);
    expect(await pageHasAnchor(body as unknown as Element, (text) => /\bxi jinping\b/i.test(text), { pause: async () => {} })).toBe(false);
  });

  it('has looked at one batch of paragraphs, not all of them, when it first pauses', async () => {
    const { body } = hugePage(5_000);
    let readBeforePause = -1;
    // A slice of 0 ms: the pass pauses after its first batch of text.
    await pageHasAnchor(body as unknown as Element, namesPutin, {
      sliceMs: 0,
      pause: async () => {
        if (readBeforePause < 0) readBeforePause = siblingReads;
      },
    });
    expect(readBeforePause).toBeGreaterThan(0);
    // A batch is 64 K characters: ~800 of these paragraphs, far from all 5,000.
    expect(readBeforePause).toBeLessThan(1_500);
  });

  it('still reads the paragraphs after one the page removed while the pass paused', async () => {
    const { body, main } = hugePage(5_000);
    let lastRead = '';
    let removed = false;
    const found = await pageHasAnchor(
      body as unknown as Element,
      (text) => {
        lastRead = /Paragraph (\d+):[^\n]*$/.exec(text)?.[1] ?? lastRead;
        return namesPutin(text);
      },
      {
        sliceMs: 0,
        pause: async () => {
          // The page drops the paragraph the pass read last, the one it would go on from.
          if (removed || !lastRead) return;
          removed = true;
          main.childNodes.find((p) => p.textContent.startsWith(`Paragraph ${lastRead}:`))!.remove();
        },
      },
    );
    expect(removed).toBe(true);
    expect(found).toBe(true);
  });
});
