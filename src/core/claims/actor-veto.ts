// Other actors in the claim's place: a hard rule of the restatement scorer. "Japan has stepped up
// military activity around Taiwan" is not "China has…", however many words the two share. Only for
// the states the actor table knows (text.ts: a country, its capital or people, one key each): with
// any capitalised word as an actor ("Instead", "Det Chief Insp" against "Detective Chief
// Inspector") such a rule refused one MSRP paraphrase in twenty; for other names the model weighs
// the missing and extra names.
import { actorKey, knownActor, type Analysis } from './text';

interface StateMention {
  /** Token index in the analysis. */
  at: number;
  /** The state's actor key ("russia" for Moscow, the Kremlin, Russian). */
  state: string;
}

/** Capitalised words after which a state names a place or a body, not an actor: "Sea of Japan", "East China Sea". */
const NAME_HEADS: ReadonlySet<string> = new Set(['sea', 'strait', 'straits', 'gulf', 'times', 'post', 'airlines', 'bank']);

/**
 * The states a text names as actors, in order. A state inside a longer name is none: "the Sea of
 * Japan", "the People's Republic of China" (after "of" and a capitalised word), "the East China
 * Sea", "the Taiwan Strait" (before such a head word). Any capitalised state word counts, even
 * first ("Beijing" is no opener, whatever its "-ing").
 */
function statesOf(a: Analysis): StateMention[] {
  const out: StateMention[] = [];
  const capitalised = (i: number): boolean => i >= 0 && i < a.tokens.length && /^\p{Lu}/u.test(a.tokens[i]!.surface);
  a.tokens.forEach((t, at) => {
    if (!capitalised(at) || !knownActor(t.lower)) return;
    if (at >= 2 && a.tokens[at - 1]!.lower === 'of' && capitalised(at - 2)) return;
    if (capitalised(at + 1) && NAME_HEADS.has(a.tokens[at + 1]!.lower)) return;
    out.push({ at, state: actorKey(t.lower) });
  });
  return out;
}

/** Words that may stand between two coordinated names ("Russia and China", "Russia, China"). */
const COORDINATORS: ReadonlySet<string> = new Set(['and', 'or', 'nor']);

/**
 * Whether the text's first two different states are coordinated ("Russia and China held…"), so
 * their order says nothing of who did what, or one of its states is an agent ("… by Russia": the
 * passive puts the doer last).
 */
function orderIsFree(a: Analysis, states: readonly StateMention[]): boolean {
  if (states.some((s) => s.at > 0 && a.tokens[s.at - 1]!.lower === 'by')) return true;
  const first = states[0];
  const second = states.find((s) => s.state !== first?.state);
  if (!first || !second) return true;
  for (let i = first.at + 1; i < second.at; i++) if (!COORDINATORS.has(a.tokens[i]!.lower)) return false;
  return true;
}

/**
 * Whether the sentence puts other states where the claim has its own:
 * - a state of the claim is missing and the sentence names one the claim does not
 *   ("diverted its energy exports to China" / "… to India"; "Russia and China held war games" /
 *   "Japan and China held…");
 * - the two lead with different states that both name ("Russia launched an offensive in Ukraine"
 *   / "Ukraine launched an offensive in Russia"), unless the order is free in either (coordinated,
 *   or a passive's "by").
 * A sentence that only leaves a state out ("their countries") is left to the model.
 */
export function actorsChanged(claim: Analysis, sentence: Analysis): boolean {
  const inClaim = statesOf(claim);
  const inSentence = statesOf(sentence);
  if (inClaim.length === 0 || inSentence.length === 0) return false;
  const claimStates = new Set(inClaim.map((s) => s.state));
  const sentenceStates = new Set(inSentence.map((s) => s.state));
  const missing = [...claimStates].some((s) => !sentenceStates.has(s));
  const extra = [...sentenceStates].some((s) => !claimStates.has(s));
  if (missing && extra) return true;
  const claimLead = inClaim[0]!.state;
  const sentenceLead = inSentence[0]!.state;
  if (claimLead === sentenceLead || !sentenceStates.has(claimLead) || !claimStates.has(sentenceLead)) return false;
  return !orderIsFree(claim, inClaim) && !orderIsFree(sentence, inSentence);
}
