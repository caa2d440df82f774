// The card's UI (Preact and the card components), loaded the first time a card opens or when the
// page is idle and has something to click: a page without mentions never evaluates it.
export { mountCard } from '../../ui/card/index';
