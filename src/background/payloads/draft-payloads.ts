// Payload parsers of the draft messages (shared/draft-messages.ts).
import type { DraftBackgroundMessages } from '../../shared/draft-messages';
import { PAGE_URL_MAX, QUOTE_MAX } from '../../core/drafts/drafts';
import { readRecord, readString, readUrl } from '../../shared/validate';

type Parsers = { [K in keyof DraftBackgroundMessages]: (payload: unknown) => DraftBackgroundMessages[K]['req'] };

export const DRAFT_PAYLOAD_PARSERS: Parsers = {
  'notes/draft-clear': (payload) => {
    const p = readRecord(payload, 'payload', ['page', 'quote']);
    return { page: readUrl(p, 'page', 'payload', ['http:', 'https:'], PAGE_URL_MAX), quote: readString(p, 'quote', 'payload', { min: 1, max: QUOTE_MAX }) };
  },
  'notes/form-taken': (payload) => {
    readRecord(payload ?? {}, 'payload', []);
    return {};
  },
};
