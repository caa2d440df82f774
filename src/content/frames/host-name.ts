// The tag names of the elements Dossier adds to a page. A fixed name ("dossier-card") told every
// page that Dossier is installed and let it forge elements named like ours; a name drawn per page
// tells it nothing. It is a valid custom element name (lowercase letters and a hyphen), which a
// closed shadow root needs.

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function randomLetters(count: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(count));
  return [...bytes].map((b) => LETTERS[b % LETTERS.length]).join('');
}

/** A fresh custom element name, e.g. "qwhzkd-rtpmla". */
export function randomHostTag(): string {
  return `${randomLetters(6)}-${randomLetters(6)}`;
}

/** An unguessable token (128 bits, hex) for a frame's URL: only our frame can answer with it. */
export function randomToken(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
