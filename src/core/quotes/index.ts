// Quote extraction: the one entry point other code needs.
export { extractQuotes, quoteOwner, type ExtractedQuote, type QuoteOptions, type QuoteSource } from './extract-quotes';
export { speakerResolver, speakerResolverFromList, type KnownSpeaker, type NamedThing, type ResolveSpeaker } from './resolver';
