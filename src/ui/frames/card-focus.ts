// Focus through a change of mention in the card frame. "›" (or "‹") re-renders the card for the
// next mention, and its body (with the buttons) goes through "Loading…" and may be a different
// component (an entity card after a claim card): the button the reader pressed is replaced, and
// focus would fall to <body> and then to the dialog, so the next Enter did nothing useful. We note
// which control had focus, by its accessible name, and give focus to the control of that name in
// the new card.

/** The accessible name (aria-label) of the focused control inside `dialog`, or null. */
export function focusedControlName(doc: Document, dialog: HTMLElement | null): string | null {
  const active = doc.activeElement;
  if (!(active instanceof HTMLElement) || !dialog || active === dialog || !dialog.contains(active)) return null;
  return active.getAttribute('aria-label');
}

/**
 * Gives focus back to the enabled control named `name` in `dialog`; true if it did. Does nothing
 * when focus is still on a control inside the dialog (the reader has moved on, or it survived).
 */
export function refocusControl(doc: Document, dialog: HTMLElement | null, name: string): boolean {
  if (!dialog) return false;
  const active = doc.activeElement;
  if (active instanceof HTMLElement && active !== dialog && dialog.contains(active)) return active.getAttribute('aria-label') === name;
  const control = [...dialog.querySelectorAll<HTMLElement>('[aria-label]')].find(
    (el) => el.getAttribute('aria-label') === name && !(el as HTMLButtonElement).disabled,
  );
  if (!control) return false;
  control.focus({ preventScroll: true });
  return true;
}
