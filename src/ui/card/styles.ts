// The card's whole stylesheet. It lives inside the closed shadow root, so page rules cannot reach
// the card's elements; but inherited properties still flow in through the host element, and a
// page rule like `* { all: unset }` beats `:host` (outer rules win over :host ones). Hence the
// `.card` root resets everything again and sets every inherited property explicitly, in px.
import { KIND_PALETTE } from '../shared/palette';

export const CARD_CSS = `
:host { all: initial; }
.card {
  all: initial;
  display: block;
  box-sizing: border-box;
  width: 360px;
  max-width: calc(100vw - 16px);
  max-height: min(480px, calc(100vh - 16px));
  overflow: auto;
  overscroll-behavior: contain;
  padding: 12px 14px 14px;
  background: #ffffff;
  color: #1b1b1b;
  border: 1px solid #c9c9c9;
  border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.28);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 14px;
  font-weight: 400;
  font-style: normal;
  line-height: 20px;
  letter-spacing: normal;
  text-align: left;
  text-transform: none;
  white-space: normal;
  word-wrap: break-word;
  direction: ltr;
  visibility: visible;
}
.card:focus { outline: 2px solid #1d4ed8; outline-offset: 1px; }
.card * { box-sizing: border-box; font-family: inherit; }
header { display: flex; align-items: flex-start; gap: 8px; margin: 0 0 6px; }
.titles { flex: 1 1 auto; min-width: 0; }
h2 { margin: 2px 0 0; font-size: 17px; line-height: 22px; font-weight: 700; }
h3 { margin: 12px 0 4px; font-size: 12px; line-height: 16px; font-weight: 700; text-transform: uppercase;
  letter-spacing: 0.04em; color: #555555; }
p { margin: 4px 0; }
ul { margin: 0; padding: 0; list-style: none; }
li { margin: 0 0 8px; padding: 0; }
/* A card opens with up to 20 quotes a section in a 480 px box: those below its fold are laid out
   only when scrolled to (they stay in the accessibility tree and in find-in-page). */
section li { content-visibility: auto; contain-intrinsic-size: auto 64px; }
a { color: #1d4ed8; text-decoration: underline; cursor: pointer; }
a:focus-visible, button:focus-visible, summary:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 1px; }
.badge { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 11px; line-height: 16px;
  font-weight: 700; }
${Object.entries(KIND_PALETTE)
  .map(([kind, s]) => `.badge-${kind} { background: ${s.background}; color: ${s.text}; }`)
  .join('\n')}
button {
  all: initial; box-sizing: border-box; display: inline-flex; align-items: center; justify-content: center;
  min-width: 28px; height: 28px; padding: 0 8px; border: 1px solid #b5b5b5; border-radius: 6px;
  background: #f3f3f3; color: #1b1b1b; font-family: inherit; font-size: 13px; line-height: 18px; cursor: pointer;
}
button:hover { background: #e6e6e6; }
button:disabled { color: #8a8a8a; cursor: default; background: #f7f7f7; }
.sightings li { display: grid; grid-template-columns: minmax(0, 1fr) auto; column-gap: 8px; }
.sightings li > .forget-page { grid-column: 2; grid-row: 1 / span 2; align-self: center; height: 22px; min-width: 0; padding: 0 6px; font-size: 12px; }
.close { flex: 0 0 auto; border-color: transparent; background: transparent; font-size: 18px; }
.muted { color: #555555; font-size: 12px; line-height: 17px; }
.notice { margin: 0; color: #7c2d12; font-size: 12px; line-height: 17px; }
.notice:not(:empty) { margin: 4px 0; }
.context { font-size: 14px; }
.nav { display: flex; align-items: center; gap: 6px; margin: 8px 0 2px; }
.nav .count { flex: 1 1 auto; font-size: 13px; }
blockquote { margin: 2px 0; padding: 0 0 0 8px; border-left: 3px solid #d0d0d0; font-style: normal; }
details { margin: 2px 0; font-size: 12px; line-height: 17px; color: #555555; }
summary { cursor: pointer; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; }
.empty { color: #555555; font-size: 13px; font-style: italic; }
.error { color: #9b1c1c; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;
