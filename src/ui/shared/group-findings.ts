// The popup lists what the page's content script found, one group per kind in the palette order.
import type { MentionKind } from '../../core/types';
import type { PageFinding } from '../../shared/messages';
import { KIND_ORDER } from './palette';

export interface FindingGroup {
  kind: MentionKind;
  findings: PageFinding[];
  /** Mentions of the whole group on the page. */
  total: number;
}

/** Groups in KIND_ORDER, empty groups left out; inside a group most-mentioned first, then by name. */
export function groupFindings(findings: readonly PageFinding[]): FindingGroup[] {
  return KIND_ORDER.map((kind) => {
    const inKind = findings
      .filter((f) => f.kind === kind)
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    return { kind, findings: inKind, total: inKind.reduce((n, f) => n + f.count, 0) };
  }).filter((g) => g.findings.length > 0);
}
