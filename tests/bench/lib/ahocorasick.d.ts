// The `ahocorasick` package ships no types; this is the part of its API the bench uses.
declare module 'ahocorasick' {
  export default class AhoCorasick {
    constructor(keywords: string[]);
    /** [index of the last character, keywords ending there][] */
    search(text: string): [number, string[]][];
  }
}
