// What the content script found on the page, grouped by kind; a click reveals the first mention.
import type { PageFinding } from '../../shared/messages';
import { groupFindings } from '../shared/group-findings';
import { KIND_PALETTE } from '../shared/palette';

export function FindingsList(props: { findings: PageFinding[]; onReveal(f: PageFinding): void }) {
  const groups = groupFindings(props.findings);
  if (groups.length === 0) return <p class="empty">No one from your dossier on this page.</p>;
  return (
    <div class="groups">
      {groups.map((g) => (
        <section key={g.kind} aria-labelledby={`group-${g.kind}`}>
          <h2 id={`group-${g.kind}`}>
            <span class="swatch" style={{ background: KIND_PALETTE[g.kind].background }} aria-hidden="true" />
            {KIND_PALETTE[g.kind].plural} <span class="count">({g.findings.length})</span>
          </h2>
          <ul>
            {g.findings.map((f) => (
              <li key={`${f.kind}:${f.id}`}>
                <button type="button" class="finding" onClick={() => props.onReveal(f)}
                  aria-label={`${f.name}, ${f.count === 1 ? '1 mention' : `${f.count} mentions`}: show on page`}>
                  <span class="name">{f.name}</span>
                  <span class="times">{f.count}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
