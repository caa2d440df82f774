// Checks a 'claims/judge' request: a bounded list of candidates, each a claim id, a sentence and
// how it was found.
import { CLAIM_CANDIDATES_MAX, CLAIM_SENTENCE_MAX, type ClaimCandidate } from '../../shared/claim-messages';
import { readRecord, readString, ValidationError } from '../../shared/validate';

const ID_MAX = 200;

export function parseClaimJudge(payload: unknown): { candidates: ClaimCandidate[] } {
  const p = readRecord(payload, 'payload', ['candidates']);
  const list = p.candidates;
  if (!Array.isArray(list)) throw new ValidationError('payload.candidates must be an array');
  if (list.length > CLAIM_CANDIDATES_MAX) throw new ValidationError(`payload.candidates holds more than ${CLAIM_CANDIDATES_MAX} items`);
  const candidates = list.map((item: unknown, i): ClaimCandidate => {
    const path = `payload.candidates[${i}]`;
    const c = readRecord(item, path, ['claimId', 'sentence', 'via']);
    const via = c.via;
    if (via !== 'cues' && via !== 'anchors') throw new ValidationError(`${path}.via must be "cues" or "anchors"`);
    return {
      claimId: readString(c, 'claimId', path, { min: 1, max: ID_MAX }),
      sentence: readString(c, 'sentence', path, { max: CLAIM_SENTENCE_MAX }),
      via,
    };
  });
  return { candidates };
}
