// How our highlights look. Only background and text-decoration are set: the page keeps its own
// text colour, so a semi-transparent tint plus an underline stays readable on light and dark
// pages alike (checked on both in tests/browser).
import type { MentionKind } from '../core/types';

export const MENTION_KINDS: readonly MentionKind[] = ['person', 'organisation', 'place', 'claim'];

/** Registry names: the registry is shared with the page, so they carry our prefix. */
export function highlightName(kind: MentionKind): string {
  return `dossier-${kind}`;
}

const LOOKS: Record<MentionKind, { tint: string; line: string; style: string }> = {
  person: { tint: 'rgba(245, 158, 11, 0.30)', line: 'rgb(217, 119, 6)', style: 'solid' },
  organisation: { tint: 'rgba(59, 130, 246, 0.26)', line: 'rgb(59, 130, 246)', style: 'solid' },
  place: { tint: 'rgba(16, 185, 129, 0.26)', line: 'rgb(16, 160, 110)', style: 'solid' },
  claim: { tint: 'rgba(168, 85, 247, 0.14)', line: 'rgb(168, 85, 247)', style: 'dotted' },
};

export function highlightCss(): string {
  return MENTION_KINDS.map((kind) => {
    const look = LOOKS[kind];
    return (
      `::highlight(${highlightName(kind)}) { background-color: ${look.tint}; ` +
      `text-decoration: underline ${look.style} ${look.line} 2px; text-underline-offset: 2px; }`
    );
  }).join('\n');
}
