// The reader's history as Dossier keeps it: the pages where they met a name of their dossier, which
// each card lists under "Seen elsewhere". How much is kept, and a way to forget the last hour, day,
// week or all of it, as a browser's own history has.
import { useEffect, useState } from 'preact/hooks';
import { HISTORY_KEEP_DAYS, type HistoryKeepDays, type HistoryRange } from '../../shared/dossier-messages';
import { sendToBackground } from '../shared/send';

const RANGE_LABELS: Record<HistoryRange, string> = { hour: 'The last hour', day: 'The last 24 hours', week: 'The last 7 days', all: 'Everything' };

const KEEP_LABELS: Record<string, string> = { null: 'Always', 365: 'A year', 90: 'Three months', 30: 'A month' };
const keepLabel = (days: HistoryKeepDays) => KEEP_LABELS[String(days)]!;

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
const pagesText = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'page' : 'pages'}`;
const dateText = (time: number) => new Date(time).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

export function HistorySection() {
  const [kept, setKept] = useState<{ pages: number; oldest: number | null; keepDays: HistoryKeepDays } | undefined>();
  const [range, setRange] = useState<HistoryRange>('hour');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    sendToBackground('history/summary', {}).then(setKept, (err: unknown) => setError(message(err)));
  }, [version]);

  async function clear() {
    if (busy) return;
    const what = range === 'all' ? 'all the pages Dossier keeps' : `the pages you read in ${RANGE_LABELS[range].toLowerCase()}`;
    if (!confirm(`Forget ${what}? Cards will no longer list them under “Seen elsewhere”. This cannot be undone.`)) return;
    setBusy(true);
    setError(undefined);
    setStatus('');
    try {
      const { pages } = await sendToBackground('history/clear', { range });
      setStatus(pages === 0 ? 'There was nothing to forget in that time.' : `Forgot ${pagesText(pages)}.`);
      setVersion((v) => v + 1);
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  }

  async function keep(days: HistoryKeepDays) {
    if (busy || !kept) return;
    // Shortening what is kept forgets pages at once: asked first, as a clear is.
    if (days !== null && !confirm(`Keep pages for ${keepLabel(days).toLowerCase()}? The pages you read before that are forgotten now, and each page after that time from now on.`)) {
      setVersion((v) => v + 1); // the menu shows the saved choice again
      return;
    }
    setBusy(true);
    setError(undefined);
    setStatus('');
    try {
      const { forgotten } = await sendToBackground('history/keep', { days });
      setStatus(days === null ? 'Pages are kept until you clear them.' : `Pages are kept for ${keepLabel(days).toLowerCase()}.${forgotten > 0 ? ' Older visits were forgotten.' : ''}`);
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
      setVersion((v) => v + 1);
    }
  }

  return (
    <section aria-labelledby="history">
      <h2 id="history">Reading history</h2>
      <p>
        Each card lists under “Seen elsewhere” the pages where you met that name. They are kept in this browser (and
        on your other devices when Sync shares them), never in a private window.
      </p>
      {kept !== undefined && (
        <p data-testid="history-kept">
          {kept.pages === 0 || kept.oldest === null ? 'No pages kept.' : `${pagesText(kept.pages)} kept, since ${dateText(kept.oldest)}.`}
        </p>
      )}
      {error !== undefined && <p class="error" role="alert">{error}</p>}
      <div class="history-clear">
        <label for="history-range">Time range</label>{' '}
        <select id="history-range" value={range} onChange={(e) => setRange(e.currentTarget.value as HistoryRange)}>
          {(Object.keys(RANGE_LABELS) as HistoryRange[]).map((r) => (
            <option key={r} value={r}>{RANGE_LABELS[r]}</option>
          ))}
        </select>{' '}
        {/* Never disabled: the focused button would drop focus to <body> (a click while busy is ignored). */}
        <button type="button" onClick={() => void clear()} aria-busy={busy ? 'true' : undefined}>
          Clear reading history
        </button>
      </div>
      <div class="history-keep">
        <label for="history-keep">Keep pages for</label>{' '}
        <select id="history-keep" value={String(kept?.keepDays ?? null)} disabled={kept === undefined}
          onChange={(e) => void keep(HISTORY_KEEP_DAYS.find((d) => String(d) === e.currentTarget.value) ?? null)}>
          {HISTORY_KEEP_DAYS.map((d) => (
            <option key={String(d)} value={String(d)}>{keepLabel(d)}</option>
          ))}
        </select>
      </div>
      <p class="muted" role="status">{status}</p>
    </section>
  );
}
