// A list's one-word name that is a day of the week ("Wednesday", a football club's short name)
// is, on a news page, nearly always the date: "said on Wednesday". English capitalises the days,
// so the case test cannot tell them apart. Such a name counts only where the page reads it as a
// side of a match: a score line or a contest verb ("Wednesday 2 Leeds 1", "Wednesday beat Leeds").
import { teamCue } from './kind-cues';
import { scoreLine } from './name-readings';

const WEEKDAYS: ReadonlySet<string> = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** True for a name or alias that is one day of the week, however the list writes it. */
export function isWeekdayName(text: string): boolean {
  return WEEKDAYS.has(text.trim().toLowerCase());
}

/** True where the page reads a weekday-named team as the team, not the day. */
export function readsAsTeam(text: string, start: number, end: number): boolean {
  return scoreLine(text, start, end) || teamCue(text, start, end);
}
