// The attribute our ::highlight rules hang from in Chromium (src/content/highlight/painted-elements.ts):
// on the element holding a painted range, counted, so it stays while any of its ranges is painted;
// a range in a shadow tree marks the outermost host; none is written before our rules are in;
// hidden and shown again, or stripped by the page, it comes back; where the engine needs none (Firefox), nothing is written.
import { describe, expect, it } from 'vitest';
import { PaintedElements, elementHolding } from '../../src/content/highlight/painted-elements';

/** Just enough of a DOM node for the class: a tree of elements and text, shadow roots with hosts. */
class FakeNode {
  readonly attributes = new Map<string, string>();
  parentNode: FakeNode | null = null;
  host?: FakeNode;
  constructor(
    readonly nodeType: number,
    readonly name: string,
  ) {}
  get parentElement(): FakeNode | null {
    return this.parentNode?.nodeType === 1 ? this.parentNode : null;
  }
  append(...children: FakeNode[]): this {
    for (const child of children) child.parentNode = this;
    return this;
  }
  getRootNode(): FakeNode {
    let node: FakeNode = this;
    while (node.parentNode) node = node.parentNode;
    return node;
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }
}

const element = (name: string) => new FakeNode(1, name);
const text = (name: string) => new FakeNode(3, name);
const rangeIn = (node: FakeNode) => ({ commonAncestorContainer: node }) as unknown as Range;
const ATTRIBUTE = 'data-abcdefghij';

function page() {
  const doc = new FakeNode(9, '#document');
  const p = element('p');
  const b = element('b');
  const inBold = text('Kharkiv');
  const inP = text('Putin');
  b.append(inBold);
  p.append(inP, b);
  const host = element('x-quote');
  const shadow = new FakeNode(11, '#shadow-root');
  shadow.host = host;
  const span = element('span');
  const inShadow = text('Xi');
  span.append(inShadow);
  shadow.append(span);
  doc.append(element('html').append(element('body').append(p, host)));
  return { p, b, host, span, inBold, inP, inShadow };
}

describe('the elements our highlights hang from', () => {
  it('marks the element holding the text, and for a shadow tree its host in the document', () => {
    const { p, b, host, inBold, inP, inShadow } = page();
    expect(elementHolding(rangeIn(inP))).toBe(p);
    expect(elementHolding(rangeIn(inBold))).toBe(b);
    expect(elementHolding(rangeIn(p))).toBe(p);
    expect(elementHolding(rangeIn(inShadow))).toBe(host);
  });

  it('keeps the attribute while any range in the element is painted', () => {
    const { p, inP } = page();
    const elements = new PaintedElements(() => ATTRIBUTE);
    elements.restore(); // our rules are in
    const first = elements.hold(rangeIn(inP));
    const second = elements.hold(rangeIn(inP));
    expect(first).toBe(p);
    expect(p.hasAttribute(ATTRIBUTE)).toBe(true);
    elements.release(first);
    expect(p.hasAttribute(ATTRIBUTE), 'one range still painted there').toBe(true);
    elements.release(second);
    expect(p.hasAttribute(ATTRIBUTE)).toBe(false);
    expect(elements.size).toBe(0);
    elements.release(second); // released twice: nothing to do
  });

  it('takes the attributes off while hidden and puts them back when shown, and after a page stripped one', () => {
    const { p, host, inP, inShadow } = page();
    const elements = new PaintedElements(() => ATTRIBUTE);
    elements.hold(rangeIn(inP));
    expect(p.hasAttribute(ATTRIBUTE), 'not before our rules are in').toBe(false);
    elements.restore();
    elements.hold(rangeIn(inShadow));
    expect([p.hasAttribute(ATTRIBUTE), host.hasAttribute(ATTRIBUTE)]).toEqual([true, true]);
    elements.hide();
    expect([p.hasAttribute(ATTRIBUTE), host.hasAttribute(ATTRIBUTE)]).toEqual([false, false]);
    elements.hold(rangeIn(inP)); // painted while hidden: no attribute yet
    expect(p.hasAttribute(ATTRIBUTE)).toBe(false);
    elements.restore();
    expect([p.hasAttribute(ATTRIBUTE), host.hasAttribute(ATTRIBUTE)]).toEqual([true, true]);
    host.removeAttribute(ATTRIBUTE); // the page strips it
    elements.restore();
    expect(host.hasAttribute(ATTRIBUTE)).toBe(true);
    elements.releaseAll();
    expect([p.hasAttribute(ATTRIBUTE), host.hasAttribute(ATTRIBUTE), elements.size]).toEqual([false, false, 0]);
  });

  it('writes nothing where the engine needs no attribute', () => {
    const { p, inP } = page();
    const elements = new PaintedElements(() => null);
    expect(elements.hold(rangeIn(inP))).toBeNull();
    elements.restore();
    expect(p.attributes.size).toBe(0);
  });
});
