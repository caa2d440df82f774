// Which language an article is in, roughly: enough to tell English from the others, since the
// recogniser reads English only. The script decides for non-Latin text; for Latin text, the share
// of each language's commonest short words.

export interface LanguageGuess {
  /** ISO 639-1 code, or 'und' when there is too little text to tell. */
  code: string;
  /** English name, for the review page's message. */
  name: string;
}

const SCRIPTS: [RegExp, string, string][] = [
  [/\p{Script=Cyrillic}/gu, 'ru', 'Russian'],
  [/\p{Script=Arabic}/gu, 'ar', 'Arabic'],
  [/\p{Script=Hebrew}/gu, 'he', 'Hebrew'],
  [/\p{Script=Greek}/gu, 'el', 'Greek'],
  [/\p{Script=Hangul}/gu, 'ko', 'Korean'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja', 'Japanese'],
  [/\p{Script=Han}/gu, 'zh', 'Chinese'],
  [/\p{Script=Devanagari}/gu, 'hi', 'Hindi'],
  [/\p{Script=Thai}/gu, 'th', 'Thai'],
];

const STOPWORDS: [string, string, string[]][] = [
  ['en', 'English', ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'it', 'was', 'on', 'with', 'as', 'he', 'said', 'by', 'at', 'from', 'his', 'have', 'has', 'are', 'but', 'not', 'this', 'be', 'they', 'who', 'which', 'were', 'an', 'had', 'been', 'their', 'would', 'will']],
  ['fr', 'French', ['le', 'la', 'les', 'des', 'et', 'est', 'une', 'un', 'du', 'dans', 'que', 'qui', 'pour', 'pas', 'sur', 'au', 'avec', 'il', 'elle', 'sont', 'ce', 'plus', 'par', 'aux', 'ont', 'été', 'mais', 'cette', 'nous']],
  ['de', 'German', ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ein', 'eine', 'den', 'dem', 'mit', 'sich', 'auf', 'für', 'von', 'auch', 'es', 'im', 'zu', 'wird', 'werden', 'sie', 'er', 'bei', 'aus', 'nach', 'wie', 'oder', 'noch', 'hat']],
  ['es', 'Spanish', ['el', 'los', 'las', 'del', 'y', 'que', 'en', 'una', 'por', 'con', 'para', 'es', 'se', 'no', 'su', 'al', 'lo', 'como', 'más', 'pero', 'sus', 'fue', 'ha', 'este', 'esta']],
  ['it', 'Italian', ['il', 'di', 'che', 'e', 'la', 'per', 'un', 'una', 'non', 'sono', 'della', 'del', 'nel', 'con', 'gli', 'alla', 'si', 'anche', 'più', 'ha', 'dei', 'le']],
  ['pt', 'Portuguese', ['o', 'os', 'as', 'de', 'do', 'da', 'dos', 'das', 'que', 'em', 'um', 'uma', 'para', 'com', 'não', 'no', 'na', 'por', 'mais', 'foi', 'ao', 'se']],
  ['nl', 'Dutch', ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'niet', 'op', 'te', 'zijn', 'voor', 'met', 'ook', 'als', 'maar', 'aan', 'er', 'wordt', 'bij', 'om', 'werd']],
];

export function guessLanguage(text: string): LanguageGuess {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters < 20) return { code: 'und', name: 'unknown' };
  for (const [re, code, name] of SCRIPTS) {
    if ((sample.match(re) ?? []).length > letters * 0.3) return { code, name };
  }
  const words = (sample.toLowerCase().match(/\p{L}+/gu) ?? []);
  if (words.length < 5) return { code: 'und', name: 'unknown' };
  let best: LanguageGuess = { code: 'und', name: 'unknown' };
  let bestScore = 0;
  for (const [code, name, list] of STOPWORDS) {
    const set = new Set(list);
    const score = words.filter((w) => set.has(w)).length / words.length;
    if (score > bestScore) {
      bestScore = score;
      best = { code, name };
    }
  }
  return bestScore >= 0.05 ? best : { code: 'und', name: 'unknown' };
}
