// axe-core in the real browser, for any page or frame: the extension's own pages today, and the
// card and note form once they live in frames of their own (pass the Frame). axe's source is
// evaluated through the DevTools protocol, which a page's or an extension page's CSP does not
// block, so nothing is added to the extension itself.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let source: string | undefined;
function axeSource(): string {
  source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** One line per element: its selector and what axe says is wrong. */
  nodes: string[];
}

/**
 * Every axe violation in `target` (WCAG 2.x A/AA and best practices), checked where `within`
 * (a CSS selector) says, or the whole document. Frames inside `target` are not entered: check
 * each frame on its own, so a failure names the surface it is in.
 */
export async function axeViolations(target: Page | Frame, within?: string): Promise<AxeViolation[]> {
  const frame = 'mainFrame' in target ? target.mainFrame() : target;
  const loaded = await frame.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) await frame.evaluate(axeSource());
  return frame.evaluate(async (selector) => {
    type Result = { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };
    const axe = (globalThis as unknown as {
      axe: { run(context: unknown, options: unknown): Promise<{ violations: Result[] }> };
    }).axe;
    const { violations } = await axe.run(selector ?? document, {
      resultTypes: ['violations'],
      iframes: false,
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
    }));
  }, within);
}

/** A readable report of violations, for an assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).join('\n  ')}${v.nodes.length > 5 ? `\n  …and ${v.nodes.length - 5} more` : ''}`)
    .join('\n');
}
