// The page scanner's claim judge: the background scores the candidates (claims/judge); its reply
// crosses a context boundary, so its shape is checked here.
import type { ClaimCandidate, ClaimVerdictView } from '../../shared/claim-messages';
import { askBackground } from '../runtime/messaging';

export async function judgeClaimsInBackground(candidates: ClaimCandidate[]): Promise<ClaimVerdictView[]> {
  const reply: unknown = await askBackground('claims/judge', { candidates });
  const verdicts = (reply as { verdicts?: unknown } | null)?.verdicts;
  if (!Array.isArray(verdicts) || verdicts.length !== candidates.length) throw new Error('Malformed claim verdicts.');
  return verdicts.map((v: unknown) => {
    const { restates, why } = (v ?? {}) as { restates?: unknown; why?: unknown };
    return { restates: restates === true, why: typeof why === 'string' ? why.slice(0, 500) : '' };
  });
}
