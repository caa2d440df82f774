// Tells every tab that the sites where Dossier is off changed, so pages follow a switch made
// elsewhere (another tab's popup, the options page, a restore) without a reload, and a popup
// closed right after its switch still leaves its own tab right (first-stage/loader.ts).
import { tellEveryTab } from './every-tab';

export function tellTabsSitesChanged(host?: string): Promise<void> {
  return tellEveryTab('page/sites-changed', host === undefined ? {} : { host });
}
