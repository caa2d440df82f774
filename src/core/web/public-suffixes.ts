// The Public Suffix List's algorithm (https://publicsuffix.org/list/) over its rules as text, one
// per line (src/data/public-suffixes/rules.txt). The rules come as data the background fetches
// when it first needs them, not as tldts's code: see scripts/public-suffixes.mjs for why.
// tests/unit/public-suffixes.test.ts holds the answers to tldts's own.

export class PublicSuffixes {
  /**
   * The rules as written ("co.uk", "*.ck", "!www.ck"), in code unit order, searched by halves. Each
   * line is left as split: reading every rule once (into a Set, or to check the order) cost
   * 10–15 ms where the split alone costs ~2 ms.
   */
  private readonly lines: string[];

  /** `text`: the comment lines, then one rule a line, sorted by code unit (scripts/public-suffixes.mjs). */
  constructor(text: string) {
    let start = 0;
    while (text.startsWith('//', start)) start = text.indexOf('\n', start) + 1 || text.length;
    const rules = text.slice(start).trimEnd();
    this.lines = rules === '' ? [] : rules.split('\n');
  }

  get size(): number {
    return this.lines.length;
  }

  private has(rule: string): boolean {
    let lo = 0;
    let hi = this.lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const line = this.lines[mid]!;
      if (line === rule) return true;
      if (line < rule) lo = mid + 1;
      else hi = mid;
    }
    return false;
  }

  /**
   * The registrable domain of a host name (lower case, as a URL gives it): its public suffix and
   * one label more. Null for a host that is a public suffix itself, or has no dot to spare
   * ("localhost"), and for IP addresses.
   */
  registrableDomain(host: string): string | null {
    if (host === '' || isIpAddress(host)) return null;
    const labels = host.split('.');
    if (labels.some((label) => label === '')) return null;
    const from = (i: number): string => labels.slice(i).join('.');
    // An exception is the prevailing rule where it matches: its suffix is itself less its first label.
    for (let i = 0; i < labels.length; i++) if (this.has(`!${from(i)}`)) return from(i);
    // Otherwise the longest matching rule; the implicit "*" rule makes the last label a suffix.
    let suffix = labels.length - 1;
    for (let i = 0; i < labels.length; i++) {
      if (this.has(from(i)) || (i + 1 < labels.length && this.has(`*.${from(i + 1)}`))) {
        suffix = i;
        break;
      }
    }
    return suffix === 0 ? null : from(suffix - 1);
  }
}

function isIpAddress(host: string): boolean {
  return host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}
