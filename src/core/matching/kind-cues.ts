// Words around a name that tell its kind, when the list holds one string as entities of different
// kinds (a city and its team, a country and a person). Read only for such hits, after the case
// test: a few sticky expressions on the text in place.
//
// - A team: the two sides of a fixture ("Leeds v Northampton"), or the subject or object of a
//   contest verb ("Wigan beat Bradford", "Milwaukee has won 10 of its last 15"): a city does not
//   win or lose a match; its team does. So is a singular name with a plural verb ("Essex are").
// - A person: a relative "who" or an age in apposition ("Jordan, whose film ...", "Onarheim, 29,"):
//   places and bodies are "which" (", which" rules the person out), and have no age.

/** A contest verb or "v" right after the name: the name is a side of a match. */
const TEAM_AFTER =
  /[^\S\n]+(?:v|vs|versus|beat|beats|defeated|defeats|drew|draws|tied|edged|blanked|routed|thrashed|won|(?:has|have|had)[^\S\n]+(?:won|beaten|drawn))(?![\p{L}\p{N}])/iuy;

/** "v" or a contest verb right before the name: the other side of the match. */
const TEAM_BEFORE = /(?:^|[^\p{L}\p{N}])(?:v|vs|versus|beat|defeated|edged|blanked|routed|thrashed)\.?[^\S\n]+$/iu;

/** ", who", "whose", or ", 29 ," right after the name. */
const PERSON_AFTER = /[^\S\n]*(?:,[^\S\n]*)?(?:who|whose|whom)(?![\p{L}\p{N}])|[^\S\n]*,[^\S\n]*\d{1,2}[^\S\n]*,/iuy;

/**
 * A plural verb after a singular name ("Essex are set to", "Nice have been unable"): British usage
 * for a team, never for the place, which is "is"/"has". Names plural in form ("the Netherlands
 * are", "United States") end in s and are left out.
 */
const PLURAL_AFTER = /[^\S\n]+(?:are|were|have)(?![\p{L}\p{N}])/iuy;

export function teamCue(text: string, start: number, end: number): boolean {
  TEAM_AFTER.lastIndex = end;
  if (TEAM_AFTER.test(text)) return true;
  PLURAL_AFTER.lastIndex = end;
  if ((text.charCodeAt(end - 1) | 0x20) !== 0x73 && PLURAL_AFTER.test(text)) return true;
  return TEAM_BEFORE.test(text.slice(Math.max(0, start - 12), start));
}

/** ", which" right after the name: a place or a body, not a person. */
const THING_AFTER = /[^\S\n]*,[^\S\n]*which(?![\p{L}\p{N}])/iuy;

export function thingCue(text: string, end: number): boolean {
  THING_AFTER.lastIndex = end;
  return THING_AFTER.test(text);
}

export function personCue(text: string, end: number): boolean {
  PERSON_AFTER.lastIndex = end;
  return PERSON_AFTER.test(text);
}
