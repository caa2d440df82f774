// What the content script found on the page, grouped by kind; a click reveals the first mention.
import type { PageFinding } from '../../shared/messages';
import { groupFindings } from '../shared/group-findings';
import { KIND_PALETTE } from '../shared/palette';

export function FindingsList(props: { findings: PageFinding[]; onReveal(f: PageFinding): void }) {
  const groups = groupFindings(props.findings);
  if (groups.length === 0) return <p class="empty">No one from your dossier on this page.</p>;
  return (
    <div class="groups">
      <p id="finding-hint" hidden>Shows it on the page and opens its card</p>
      {groups.map((g) => (
        <section key={g.kind} aria-labelledby={`group-${g.kind}`}>
          <h2 id={`group-${g.kind}`}>
            <span class="swatch" style={{ background: KIND_PALETTE[g.kind].background }} aria-hidden="true" />
            {KIND_PALETTE[g.kind].plural} <span class="count">({g.findings.length})</span>
          </h2>
          <ul>
            {g.findings.map((f) => (
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
        </section>
      ))}
    </div>
  );
}
