// The page's DOM as the DevTools protocol returns it with `pierce: true`: the one way a test can
// see inside Dossier's CLOSED shadow roots (the card, the annotation UI) as the shipped build has
// them. One node type and one walker for every helper that looks there.
import type { CDPSession, Page } from 'playwright-core';

export interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** CDP gives attributes as a flat [name, value, name, value…] list. */
export function attributesOf(node: CdpNode): Record<string, string> {
  const out: Record<string, string> = {};
  const list = node.attributes ?? [];
  for (let i = 0; i + 1 < list.length; i += 2) out[list[i]!] = list[i + 1]!;
  return out;
}

/** Every node below `node` (itself first), shadow roots before light children, with its parent. */
export function* walkNodes(node: CdpNode, parent: CdpNode | null = null): Generator<{ node: CdpNode; parent: CdpNode | null }> {
  yield { node, parent };
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walkNodes(child, node);
}

/** The first node below `node` (itself included) that `match` accepts, or null. */
export function findNode(node: CdpNode, match: (n: CdpNode) => boolean): CdpNode | null {
  for (const { node: n } of walkNodes(node)) if (match(n)) return n;
  return null;
}

/** The first element named `tag` (any case) below `node`. */
export function findElement(node: CdpNode, tag: string): CdpNode | null {
  const wanted = tag.toLowerCase();
  return findNode(node, (n) => n.nodeName.toLowerCase() === wanted);
}

/** The text below `node` (style elements left out), its pieces joined by `separator`. */
export function textOf(node: CdpNode, separator = ' '): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeName === 'STYLE') return '';
  return [...(node.shadowRoots ?? []), ...(node.children ?? [])].map((n) => textOf(n, separator)).join(separator);
}

/** The whole document, closed shadow roots included. */
export async function piercedDocument(cdp: CDPSession): Promise<CdpNode> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  return root;
}

/** Runs `body` with a fresh CDP session on `page`, and always detaches it. */
export async function withCdp<T>(page: Page, body: (cdp: CDPSession) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await body(cdp);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * The id of the content script's world (Chromium's isolated world) in the page of `cdp`, for
 * `Runtime.evaluate`: what Dossier's script sees, not what the page's own scripts see.
 */
export async function contentScriptWorld(cdp: CDPSession): Promise<number> {
  const contexts: { id: number; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; auxData?: { type?: string } } }) => contexts.push(e.context));
  // Enabling reports every context that already exists, before it returns.
  await cdp.send('Runtime.enable');
  const isolated = contexts.find((c) => c.auxData?.type === 'isolated');
  if (!isolated) throw new Error('no content-script world in the tab');
  return isolated.id;
}
