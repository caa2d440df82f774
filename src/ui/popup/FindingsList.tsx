// What the content script found on the page, grouped by kind; a click reveals the first mention.
import { useState } from 'preact/hooks';
import type { PageFinding } from '../../shared/messages';
import { groupFindings } from '../shared/group-findings';
import { KIND_PALETTE } from '../shared/palette';

/** A group longer than this shows its first rows and a "Show all" button. */
const COLLAPSED_ROWS = 6;

export function FindingsList(props: { findings: PageFinding[]; claimsPending: boolean; onReveal(f: PageFinding): void }) {
  const groups = groupFindings(props.findings);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  // A landmark of its own: screen-reader users reach what the page's highlights show from here
  // (the highlights themselves are invisible to assistive technology).
  return (
    <section class="groups" aria-labelledby="on-this-page">
      <h2 id="on-this-page">On this page</h2>
      {groups.length === 0 && <p class="empty">No one from your dossier on this page.</p>}
      {/* The names are listed once marked; the claims follow when the background has judged them. */}
      {props.claimsPending && <p class="muted" role="status">Checking this page for claims…</p>}
      <p id="finding-hint" hidden>Shows it on the page and opens its card</p>
      {groups.map((g) => (
        <div key={g.kind} role="group" aria-labelledby={`group-${g.kind}`}>
          <h3 id={`group-${g.kind}`}>
            <span class="swatch" style={{ background: KIND_PALETTE[g.kind].background }} aria-hidden="true" />
            {KIND_PALETTE[g.kind].plural} <span class="count">({g.findings.length})</span>
          </h3>
          <ul id={`list-${g.kind}`}>
            {(expanded.has(g.kind) ? g.findings : g.findings.slice(0, COLLAPSED_ROWS)).map((f) => (
              <li key={`${f.kind}:${f.id}`}>
                {/* The name is the visible text, so speech input ("click Xi Jinping") finds it; the
                    count is read as "8 mentions", and what the button does is its description. */}
                <button type="button" class="finding" onClick={() => props.onReveal(f)} aria-describedby="finding-hint">
                  <span class="name">{f.name}</span>{' '}
                  <span class="times">{f.count}<span class="visually-hidden">{f.count === 1 ? ' mention' : ' mentions'}</span></span>
                </button>
              </li>
            ))}
          </ul>
          {g.findings.length > COLLAPSED_ROWS && (
            <button type="button" class="link more" aria-expanded={expanded.has(g.kind)} aria-controls={`list-${g.kind}`}
              onClick={() => {
                const next = new Set(expanded);
                if (next.has(g.kind)) next.delete(g.kind);
                else next.add(g.kind);
                setExpanded(next);
              }}>
              {expanded.has(g.kind) ? 'Show fewer' : `Show all ${g.findings.length}`}
            </button>
          )}
        </div>
      ))}
    </section>
  );
}
