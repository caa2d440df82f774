import { describe, expect, it } from 'vitest';
import { extractQuotes, speakerResolver } from '../../src/core/quotes';
import { BLOCK_SEPARATOR } from '../../src/core/text/block-separator';

const source = { title: 'T', outlet: 'O', date: '2024-05-16' };
const resolveSpeaker = speakerResolver([
  { id: 'vladimir-putin', kind: 'person', names: ['Vladimir Putin'] },
  { id: 'sergey-lavrov', kind: 'person', names: ['Sergey Lavrov'] },
  { id: 'kremlin', kind: 'organisation', names: ['Kremlin'] },
  { id: 'jane-doe', kind: 'person', names: ['Jane Doe'] },
]);
const quotes = (text: string) => extractQuotes(text, { resolveSpeaker, source });
const pairs = (text: string) => quotes(text).map((q) => [q.text, q.speakerId ?? q.speaker]);

describe('extractQuotes: attribution forms', () => {
  it('reads "…," Putin said', () => {
    expect(pairs('“We are ready,” Putin said.')).toEqual([['We are ready', 'vladimir-putin']]);
  });
  it('reads a short "…," Putin said after a sentence that ends in a capitalised word (no nickname)', () => {
    expect(pairs('Vladimir Putin arrived in Beijing on Thursday. “The talks went well,” Putin said.')).toEqual([['The talks went well', 'vladimir-putin']]);
    expect(pairs('Putin arrived in Beijing. “It went well,” said Putin.')).toEqual([['It went well', 'vladimir-putin']]);
    // A nickname has no comma or stop of its own: nobody's words.
    expect(pairs('The bout went to Roberto “Hands of Stone” Duran on points.')).toEqual([['Hands of Stone', undefined]]);
  });
  it('reads Putin said: "…" and Putin said "…" with straight marks', () => {
    expect(pairs('Putin said: "We are ready."')).toEqual([['We are ready', 'vladimir-putin']]);
    expect(pairs('Putin said "we are ready" on Monday.')).toEqual([['we are ready', 'vladimir-putin']]);
  });
  it('reads X told Y: "…"', () => {
    expect(pairs('Lavrov told reporters: “The talks went well.”')).toEqual([['The talks went well', 'sergey-lavrov']]);
  });
  it('reads "…," said X, a Y and "…," X, a Y, told Z', () => {
    expect(pairs('“It is a turning point,” said Jane Doe, an analyst at a think tank.')).toEqual([['It is a turning point', 'jane-doe']]);
    expect(pairs('“It matters,” Jane Doe, a senior fellow at the Institute, told the BBC.')).toEqual([['It matters', 'jane-doe']]);
  });
  it('reads "…", X added', () => {
    expect(pairs('“We will see”, Putin added.')).toEqual([['We will see', 'vladimir-putin']]);
  });
  it('takes the speaker from the sentence before', () => {
    expect(pairs('Lavrov spoke on Tuesday. “The West is afraid.”')).toEqual([['The West is afraid', 'sergey-lavrov']]);
  });
  it('follows a quote over paragraph breaks and finds the speaker in the last paragraph', () => {
    const text = '“The first part goes on.\n\n“And the second part ends here,” Putin said.';
    expect(pairs(text)).toEqual([
      ['The first part goes on', 'vladimir-putin'],
      ['And the second part ends here', 'vladimir-putin'],
    ]);
  });
  it('gives an unattributed quote after an attributed one in the same paragraph to the same speaker', () => {
    expect(pairs('“First,” Jane Doe said. “Second sentence here.”')).toEqual([['First', 'jane-doe'], ['Second sentence here', 'jane-doe']]);
  });
  it('attributes partial quotes to the subject of the reporting verb, pronouns to the latest person', () => {
    const text = 'In March, when Putin visited Paris, he described a “new era” in ties. He said that Moscow was “open to a dialogue”.';
    expect(pairs(text)).toEqual([['new era', 'vladimir-putin'], ['open to a dialogue', 'vladimir-putin']]);
  });
  it('takes titles off and resolves the surname; takes "the Kremlin said in a statement"', () => {
    const text = 'Russia’s Foreign Minister Sergey Lavrov claimed that ties were “strong”. The Kremlin said in a statement that talks would “go far”.';
    const found = quotes(text);
    expect(found.map((q) => [q.speaker, q.speakerId])).toEqual([['Sergey Lavrov', 'sergey-lavrov'], ['Kremlin', 'kremlin']]);
  });
  it('keeps an inner quote and apostrophes inside the outer quote', () => {
    const [q] = quotes('“We should not underestimate Russia’s ‘usefulness’ here,” Jane Doe said.');
    expect(q?.text).toBe('We should not underestimate Russia’s ‘usefulness’ here');
  });
  it('does not treat single marks at top level or apostrophes as quotes', () => {
    expect(quotes('‘Old friend’ Putin arrives in Russia’s capital.')).toEqual([]);
  });
  it('drops an opening mark that never closes and is not continued', () => {
    expect(quotes('He measured 5" of rain.\n\nNothing else.')).toEqual([]);
  });
  it('keeps the verbatim sentence with exact offsets, and the source', () => {
    const text = 'Intro line.\n\n“We are ready,” Putin said. Then he left.';
    const [q] = quotes(text);
    expect(q?.sentence).toBe('“We are ready,” Putin said.');
    expect(text.slice(q!.sentenceStart, q!.sentenceEnd)).toBe(q?.sentence);
    expect(text.slice(q!.start, q!.end)).toBe('We are ready');
    expect(q?.source).toEqual(source);
  });
  it('keeps an unknown speaker by name, without an id', () => {
    const [q] = quotes('“Prices will rise,” Maria Ivanova said.');
    expect(q?.speaker).toBe('Maria Ivanova');
    expect(q?.speakerId).toBeUndefined();
  });
});

// Each case below is a sentence shape from a real page of the corpus (tests/fixtures/quotes/corpus-speakers.json)
// where extraction named the wrong speaker or none.
describe('extractQuotes: speakers from real pages', () => {
  const people = speakerResolver([
    { id: 'fiona-parry', kind: 'person', names: ['Fiona Parry'] },
    { id: 'eloise-parry', kind: 'person', names: ['Eloise Parry', 'Eloise'] },
    { id: 'ayman-safadi', kind: 'person', names: ['Ayman Safadi'] },
    { id: 'tom-forte', kind: 'person', names: ['Tom Forte'] },
    { id: 'davidson', kind: 'person', names: ['D.A. Davidson'] },
    { id: 'martin-indyk', kind: 'person', names: ['Martin Indyk'] },
    { id: 'barack-obama', kind: 'person', names: ['Barack Obama'] },
    { id: 'mahmoud-abbas', kind: 'person', names: ['Mahmoud Abbas'] },
    { id: 'kurt-volker', kind: 'person', names: ['Kurt Volker'] },
    { id: 'hicks', kind: 'person', names: ['Vanessa Hicks'] },
    { id: 'navy', kind: 'person', names: ['Navy'] },
    { id: 'student', kind: 'organisation', names: ['Student Dies After Diet Pills She Bought Online'] },
  ]);
  const said = (text: string) => extractQuotes(text, { resolveSpeaker: people, source }).map((q) => [q.text, q.speakerId ?? q.speaker]);

  it('reads a role, then the name set off by commas: "…," her mother, Fiona, said', () => {
    expect(said('Eloise Parry, 21, was taken to hospital. “The drug was in her system,” her mother, Fiona, said in a statement.')).toEqual([['The drug was in her system', 'fiona-parry']]);
  });
  it('never points "she" back into quoted words', () => {
    const text = 'Fiona Parry issued a plea.\n“We saw how Eloise deteriorated, and the staff did all they could.”\nShe added: “They never stood a chance.”';
    expect(said(text).map((p) => p[1])).toEqual(['fiona-parry', 'fiona-parry']);
  });
  it('passes over a name after a preposition when resolving "he" (at the D.A. Davidson brokerage)', () => {
    const text = 'The combination has been steady, said Tom Forte, a managing director at the D.A. Davidson brokerage. In a few more years, he said, “You won’t recognize it.”';
    expect(said(text)).toEqual([['You won’t recognize it', 'tom-forte']]);
    expect(said('Hicks, whose husband is on active duty in the Navy, spoke. “He would die for our freedoms,” she told ABC News.')).toEqual([['He would die for our freedoms', 'hicks']]);
  });
  it('reads "…, with X warning of “…”"', () => {
    const text = 'The only two Arab states to have signed peace treaties also criticised the shift, with Jordanian Foreign Minister Ayman Safadi warning of “dangerous consequences”.';
    expect(said(text)).toEqual([['dangerous consequences', 'ayman-safadi']]);
  });
  it('takes no adjective of a noun phrase for a speaker ("two Arab states" is no verb)', () => {
    expect(said('The two Arab states condemned the “adverse development”.')).toEqual([['adverse development', undefined]]);
  });
  it('takes no part of a capitalised name for a verb ("The United States faced")', () => {
    expect(said('The United States faced criticism, while the premier cheered on the “historic” move.')).toEqual([['historic', undefined]]);
  });
  it('reads a reporting clause that ends the sentence after more of the writer’s words', () => {
    expect(said('“Now it’s hard to see what could persuade them” to hold up their plans, Indyk said.')).toEqual([['Now it’s hard to see what could persuade them', 'martin-indyk']]);
  });
  it('keeps the speaker when the quote goes on as the predicate of another name: Abbas “has put aside…”', () => {
    const text = '“Leaders have taken risks,” Barack Obama said in his speech. Mahmoud Abbas “has put aside efforts to shortcut peace.”';
    expect(said(text).map((p) => p[1])).toEqual(['barack-obama', 'barack-obama']);
  });
  it('takes a label for nobody’s words: known as the “Three Amigos”, a so-called “jobs machine”', () => {
    expect(said('Kurt Volker denied that they formed a channel, for which they were known as the “Three Amigos.”')).toEqual([['Three Amigos', undefined]]);
    expect(said('Kurt Volker spoke of a so-called “jobs machine” in the state.')).toEqual([['jobs machine', undefined]]);
  });
  it('takes no title-case headline for a speaker', () => {
    expect(said('Student Dies After Diet Pills She Bought Online “Burned Her Up From Within”')).toEqual([['Burned Her Up From Within', undefined]]);
  });
});

// Sentence shapes of CoNLL dev documents (tests/fixtures/ner/dev-quotes-2.json) where extraction
// named the wrong speaker or none.
describe('extractQuotes: speakers in wire copy', () => {
  const people = speakerResolver([
    { id: 'khaled-hijazi', kind: 'person', names: ['Khaled Hijazi'] },
    { id: 'jordan', kind: 'place', names: ['Jordan'] },
    { id: 'provera', kind: 'person', names: ['Marco Tonchetti Provera'] },
    { id: 'pirelli', kind: 'organisation', names: ['Pirelli SpA'] },
    { id: 'reuters', kind: 'organisation', names: ['Reuters'] },
    { id: 'nato', kind: 'organisation', names: ['NATO'] },
    { id: 'damascus-radio', kind: 'organisation', names: ['Damascus Radio'] },
    { id: 'nicole', kind: 'person', names: ['Nicole Nichterwitz'] },
    { id: 'chernomyrdin', kind: 'person', names: ['Viktor Chernomyrdin'] },
    { id: 'interfax', kind: 'organisation', names: ['Interfax'] },
    { id: 'thatcher', kind: 'person', names: ['Margaret Thatcher'] },
    { id: 'un-hchr', kind: 'organisation', names: ['United Nations High Commissioner for Human Rights'] },
  ]);
  const said = (text: string) => extractQuotes(text, { resolveSpeaker: people, source }).map((q) => [q.text, q.speakerId ?? q.speaker]);

  it('reads "…," said the tourist, Khaled Hijazi, and takes no name after a preposition for the subject of the sentence before', () => {
    const text = 'A tourist from Jordan was also told he could not enter.\n"We have a treaty with them," said the tourist, Khaled Hijazi, 37.';
    expect(said(text)).toEqual([['We have a treaty with them', 'khaled-hijazi']]);
    expect(said('A tourist from Jordan was also told he could not enter.\n"We have a treaty with them."')).toEqual([['We have a treaty with them', undefined]]);
  });
  it('reads two roles joined by "and" between the body and the name', () => {
    expect(said('"It has strategic value," said Pirelli SpA chairman and chief executive officer Marco Tonchetti Provera.')).toEqual([['It has strategic value', 'provera']]);
  });
  it('takes a role that tells, not the one told: a NATO official told Reuters', () => {
    expect(said('But a NATO official told Reuters: "We are watching the situation closely."')).toEqual([['We are watching the situation closely', 'a NATO official']]);
  });
  it('takes "the radio" for the radio named before', () => {
    expect(said('Damascus Radio attacked the plan. "It is important to act," the radio said.')).toEqual([['It is important to act', 'damascus-radio']]);
  });
  it('gives "she" to a role quoted after the latest name', () => {
    const text = 'Police found Nicole Nichterwitz alive.\n"We have found her," said a spokeswoman.\nPolice could not yet tell more.\n"We don\'t know yet," she said.';
    expect(said(text).map((p) => p[1])).toEqual(['a spokeswoman', 'a spokeswoman']);
  });
  it('reads "…," Interfax quoted Chernomyrdin as saying', () => {
    expect(said('"Lebed is now in Chechnya," Interfax quoted Chernomyrdin as saying.')).toEqual([['Lebed is now in Chechnya', 'chernomyrdin']]);
  });
  it('takes a title or a name in title case for nobody’s words', () => {
    expect(said('Margaret Thatcher, known to many as the "Iron Lady" of British politics, spoke.')).toEqual([['Iron Lady', undefined]]);
    expect(said('Margaret Thatcher starred in "Anne of a Thousand Days" and "Lawrence of Arabia" that year.').map((p) => p[1])).toEqual([undefined, undefined]);
  });
  it('keeps a name over "for": The United Nations High Commissioner for Human Rights said', () => {
    expect(said('The United Nations High Commissioner for Human Rights said the decision did "not modify existing law".')).toEqual([['not modify existing law', 'un-hchr']]);
  });
});

describe('extractQuotes: less common reporting verbs', () => {
  it('reads "He begged lawmakers “…”" and "X testified: “…”"', () => {
    expect(pairs('Putin spoke on Tuesday. He begged lawmakers “not to lose sight of” the war.')).toEqual([['not to lose sight of', 'vladimir-putin']]);
    expect(pairs('Jane Doe testified: “I was not on the call.”')).toEqual([['I was not on the call', 'jane-doe']]);
  });
});

describe('extractQuotes: a heading that echoes a quote', () => {
  it('gives the heading the speaker of the quote it echoes, and a short term nobody', () => {
    const text = '"irregular"\n\n"My fears have been realized"\n\nJane Doe told the committee, "I feared how it would play. My fears have been realized." She called it "irregular".';
    expect(pairs(text)).toEqual([
      ['irregular', undefined],
      ['My fears have been realized', 'jane-doe'],
      ['I feared how it would play. My fears have been realized', 'jane-doe'],
      ['irregular', 'jane-doe'],
    ]);
  });
});

describe('extractQuotes: across blank lines and questions', () => {
  it('takes the speaker from the sentence before over a blank line between paragraphs', () => {
    expect(pairs('Lavrov said the talks were over.\n\n“They wanted us on our knees.”')).toEqual([['They wanted us on our knees', 'sergey-lavrov']]);
  });
  it('reads “…?” Putin asked., where the question ends the sentence', () => {
    expect(pairs('Lavrov spoke first.\n\n“So is it fair to say you have not fixed it?” Putin asked.')).toEqual([['So is it fair to say you have not fixed it?', 'vladimir-putin']]);
  });
});

describe('extractQuotes: paragraphs as the page reader joins them', () => {
  const SEP = BLOCK_SEPARATOR;
  it('continues the previous paragraph’s speaker and reads the sentence before across the block separator', () => {
    expect(pairs(`“The first part,” Putin said.${SEP}“And the next paragraph goes on.”`)).toEqual([
      ['The first part', 'vladimir-putin'],
      ['And the next paragraph goes on', 'vladimir-putin'],
    ]);
    expect(pairs(`Lavrov said the talks were over.${SEP}“They wanted us on our knees.”`)).toEqual([['They wanted us on our knees', 'sergey-lavrov']]);
  });
  it('takes a heading in marks for nobody’s words, not the previous paragraph’s speaker', () => {
    expect(pairs(`“The first part,” Putin said.${SEP}6. “The Gordon problem”${SEP}Lavrov spoke.`)).toEqual([
      ['The first part', 'vladimir-putin'],
      ['The Gordon problem', undefined],
    ]);
  });
});

describe('extractQuotes: a role speaking for an organisation the list knows', () => {
  const withBodies = speakerResolver([
    { id: 'kremlin', kind: 'organisation', names: ['Kremlin'] },
    { id: 'inc', kind: 'organisation', names: ['Iraqi National Congress'] },
    { id: 'foreign-office', kind: 'organisation', names: ['Foreign Office'] },
    { id: 'russia', kind: 'place', names: ['Russia'] },
    { id: 'jane-doe', kind: 'person', names: ['Jane Doe'] },
  ]);
  const roles = (text: string) => extractQuotes(text, { resolveSpeaker: withBodies, source }).map((q) => [q.speaker, q.speakerId, q.speakerForId]);
  it('keeps the role as the speaker and names the organisation it speaks for', () => {
    expect(roles('A Kremlin spokesman said: “The talks went well.”')).toEqual([['A Kremlin spokesman', undefined, 'kremlin']]);
    expect(roles('“It is over,” said a spokesman for the Iraqi National Congress.')).toEqual([['a spokesman for the Iraqi National Congress', undefined, 'inc']]);
    // The longest end of the name that the list knows.
    expect(roles('A spokesperson for the British Foreign Office reiterated: “We are concerned.”')).toEqual([['A spokesperson for the British Foreign Office', undefined, 'foreign-office']]);
  });
  it('gives a pronoun after the role the same speaker', () => {
    expect(roles('“We are ready,” a Kremlin official said. “We will see,” she said.').map((r) => r[2])).toEqual(['kremlin', 'kremlin']);
  });
  it('gives "the spokesman" the organisation of the spokesman quoted before, and only that noun', () => {
    expect(roles('“These are powerful weapons,” a spokesman for the Kremlin told Reuters. “They could cause serious damage,” the spokesman added.')).toEqual([
      ['a spokesman for the Kremlin', undefined, 'kremlin'],
      ['the spokesman', undefined, 'kremlin'],
    ]);
    expect(roles('“We are ready,” a Kremlin spokesman said. “We are not,” the analyst said.').map((r) => r[2])).toEqual(['kremlin', undefined]);
  });
  it('names no organisation for a place or a person in the role', () => {
    expect(roles('“No comment,” said a Russia expert.')).toEqual([['a Russia expert', undefined, undefined]]);
    expect(roles('“No comment,” said a Doe aide.')).toEqual([['a Doe aide', undefined, undefined]]);
  });
});
