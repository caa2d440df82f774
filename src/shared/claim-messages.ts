// The claim verdict message: the content script sends the sentences its one pass found as
// candidates; the background's scorer (core/claims/model.ts) says which restate their claim.

export interface ClaimCandidate {
  claimId: string;
  sentence: string;
  /** 'cues': every cue group of the claim matched; 'anchors': the statement's anchor words did. */
  via: 'cues' | 'anchors';
}

export interface ClaimVerdictView {
  restates: boolean;
  /** What matched, for the card ("same actors: Putin, Xi; same figure: 42"). */
  why: string;
}

/** Candidates per message and the longest sentence scored (a page's runaway "sentence" is cut). */
export const CLAIM_CANDIDATES_MAX = 2000;
export const CLAIM_SENTENCE_MAX = 2000;

export interface ClaimBackgroundMessages {
  'claims/judge': {
    req: { candidates: ClaimCandidate[] };
    res: { verdicts: ClaimVerdictView[] };
    senders: 'content' | 'extension-page';
  };
}
