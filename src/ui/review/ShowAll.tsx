// "Show all N …" under a list cut short, so a long article's review stays a page, not a scroll.
export function ShowAll(props: { total: number; shown: number; what: string; controls: string; open: boolean; onToggle(): void }) {
  if (props.total <= props.shown) return null;
  return (
    <button type="button" class="show-all" aria-expanded={props.open} aria-controls={props.controls} onClick={props.onToggle}>
      {props.open ? (props.shown === 0 ? `Hide the ${props.total} ${props.what}` : `Show the first ${props.shown} ${props.what}`) : `Show all ${props.total} ${props.what}`}
    </button>
  );
}
