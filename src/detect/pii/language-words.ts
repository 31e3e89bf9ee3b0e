/**
 * Hand-kept word lists shared by the person-name and address detectors, for English, German, French, Spanish,
 * Italian and Dutch: titles, greeting and sign-off words, name particles, and the capitalised words that must
 * never be read as a surname (product and shop nouns, places, team names). Name dictionaries come from
 * @faker-js/faker (see names-data.ts); these lists cover what faker has no notion of. All entries are lowercase.
 */

const words = (s: string): string[] => s.trim().split(/\s+/);

/** Honorifics that precede a name; the name span starts after them. */
export const TITLES: ReadonlySet<string> = new Set(words(`
  mr mrs ms miss mx dr prof sir frau herr herrn hrn fräulein madame monsieur mme mlle mademoiselle messieurs sr sra
  srta señor señora señorita doña dña sig signor signora signorina dott dottor dottore dottoressa ing avv dhr mevr mw
  mej meneer mevrouw drs dipl fam familie family famille familia famiglia`));

/** Words that open a greeting; a capitalised word right after them is taken as a name. */
export const GREETINGS: ReadonlySet<string> = new Set(words(`
  dear hi hello hey hallo liebe lieber liebes moin servus bonjour bonsoir salut cher chère chers hola estimado
  estimada estimados querido querida ciao salve gentile gentili gentilissimo gentilissima caro cara egregio egregia
  buongiorno buonasera beste geachte hoi lieve`));

/** Words that end a sign-off ("Best regards", "Viele Grüße"); the next name is the sender's. */
export const SIGNOFFS: ReadonlySet<string> = new Set(words(`
  regards grüße grüßen gruß grüsse grüssen gruss cordialement salutations amitiés saludos saluti groeten groet
  cheers thanks danke merci gracias grazie bedankt sincerely atentamente lg mfg vg`));

/** Words that may lead into a sign-off but alone prove nothing ("Best Selling ..."). */
export const SIGNOFF_LEADS: ReadonlySet<string> = new Set(words(`
  best kind warm warmest many viele liebe beste herzliche freundliche mit cordiali distinti un met vriendelijke
  hartelijke bien muchos`));

/** Role nouns before a surname ("Kunde Müller"): weak context, accepted only for dictionary names. */
export const ROLE_WORDS: ReadonlySet<string> = new Set(words(`
  kunde kundin customer client cliente klant patient mieter käufer buyer mitarbeiter mitarbeiterin kollege
  kollegin colleague collega collègue compañero compañera`));

/** Lowercase particles that join a given name to a surname ("Jan de Vries", "Ludwig van Beethoven"). */
export const PARTICLE_SOURCE =
  'von|van|vom|zu|zum|zur|de|der|den|des|di|da|dal|dalla|del|della|delle|dei|degli|du|le|la|las|los|lo|ter|ten|dos|das|het';

/** Capitalised particles that can open a surname ("De Luca", "Van Dijk", "Di Stefano"). */
export const CAP_PARTICLES: ReadonlySet<string> = new Set(words(`
  von van vom zu de der den des di da dal del della dei degli du le la las los ter ten dos das`));

/** Words before a name that make it part of a place or an institution ("Sankt Augustin", "Hotel Maria"). */
export const PLACE_PREFIXES: ReadonlySet<string> = new Set(words(`
  sankt st saint sainte san santa santo sint hotel villa casa haus restaurant café bar kirche church chiesa église
  iglesia kerk rue via viale piazza corso calle avenida plaza paseo avenue boulevard lake mount fort port cape
  lago monte isla isola ile île schule school escuela scuola école college university universität sesto settimo
  quarto`));

/** Two-word brands shaped like a person's name; never reported without explicit context. */
export const NAME_BRANDS: ReadonlySet<string> = new Set([
  'jack daniel', 'jack daniels', 'tommy hilfiger', 'calvin klein', 'ralph lauren', 'hugo boss', 'marc o\'polo',
  'tom tailor', 'jack wolfskin', 'louis vuitton', 'christian dior', 'giorgio armani', 'michael kors', 'kate spade',
  'tory burch', 'marc jacobs', 'steve madden', 'ted baker', 'paul smith', 'stella mccartney', 'karl lagerfeld',
  'victoria beckham', 'jean paul', 'pierre cardin', 'yves saint', 'jimmy choo', 'max mara', 'fred perry',
  'ben sherman', 'jim beam', 'johnnie walker', 'captain morgan', 'jose cuervo', 'don julio', 'martha stewart',
  'betty crocker', 'sara lee', 'mary kay', 'estee lauder', 'estée lauder', 'elizabeth arden', 'nina ricci',
  'carolina herrera', 'paco rabanne', 'bruno banani', 'harley davidson', 'aston martin', 'mercedes benz',
  'alfa romeo', 'stella artois', 'hello kitty', 'albert heijn', 'charlotte tilbury', 'el corte', 'harry potter', 'mario kart', 'super mario', 'anne klein', 'kenneth cole', 'roberto cavalli', 'emilio pucci',
  'salvatore ferragamo', 'vera wang', 'tom ford', 'bobbi brown', 'laura ashley', 'lars amadeus', 'otto kern',
]);

/** Single surnames that are brands after "Dr." and similar titles. */
export const TITLE_BRANDS: ReadonlySet<string> = new Set(words('oetker martens pepper scholl best'));

/** Endings of team and shop words ("Kundenservice", "Klantenservice", "Onlineshop"): never a surname. */
export const TEAM_SUFFIXES = 'service|team|support|dienst|abteilung|shop|store|gmbh|group|gruppe|center|zentrum';

/** Legal-form suffixes: a name followed by one of these is a company ("Peter Kaiser GmbH"). */
export const COMPANY_AFTER_RE =
  /^[ \t]{0,2}(?:&[ \t]{0,2}(?:Co\.?|Partner|Söhne|Sohn|Sons|Fils|Hijos|Figli|Zonen)[ \t]{0,2})?,?[ \t]{0,2}(?:GmbH|AG|KGaA|KG|OHG|UG|SE|e\.[ \t]?V\.|S\.?A\.?S?|SARL|S\.à[ \t]?r\.l\.|S\.?L\.?|S\.?r\.?l\.?|SRL|S\.?p\.?A\.?|SPA|SNC|B\.?V\.?|N\.?V\.?|VOF|Ltd|Limited|Inc|LLC|LLP|PLC|plc|Corp|Co\.|Company|Group|Gruppe|Holding|GbR|Asociados|Hermanos|e Hijos|e [Ff]igli|& Fils|Associés|Associati|Partners?|Groep|Combinatie|Bedrijf)(?![\p{L}\p{N}])/u;

// Phrases read backwards from where a name starts. Keys are lowercase words joined by one space, dots removed.

const phrases = (s: string): ReadonlySet<string> => new Set(s.split('|'));

/** Field labels; the name follows a colon ("Name:", "Nom :", "Ship to:"), possibly on the next line. */
const LABEL_PHRASES = phrases(
  'name|full name|first name|last name|customer name|contact name|account name|client name|vorname|nachname|' +
    'kunde|kundin|kundenname|customer|client|cliente|klant|klantnaam|contact|contact person|kontakt|kontaktperson|' +
    'ansprechpartner|ansprechpartnerin|nom|nom complet|prénom|nombre|nombre completo|apellido|apellidos|nome|' +
    'nome completo|cognome|naam|voornaam|achternaam|empfänger|empfängerin|recipient|destinataire|destinatario|' +
    'ontvanger|attn|attention|titular|intestatario|titulaire|account holder|cardholder|card holder|kontoinhaber|' +
    'kontoinhaberin|karteninhaber|karteninhaberin|passenger|passagier|guest|gast|buyer|käufer|käuferin|besteller|' +
    'bestellerin|auftraggeber|auftraggeberin|sender|absender|expéditeur|remitente|mittente|afzender|bill to|ship to|' +
    'deliver to|sold to|from|von|de|an|to|cc|agent|sachbearbeiter|sachbearbeiterin|bearbeiter|bearbeiterin|patient|' +
    'patientin|mieter|mieterin|tenant|signed|unterschrift|firmado|signé|firmato|getekend|inhaber|owner|author|autor|' +
    'auteur|verantwortlich|responsible|referent|ref',
);

/** Labels used without a colon ("c/o Anna Schmidt", "z. Hd. Herrn Weber"). */
const BARE_LABEL_PHRASES = phrases(
  "c/o|attn|z hd|zu händen|zu händen von|à l'attention de|a la atención de|all'attenzione di|tav|ter attentie van",
);

/** Self-introductions that name the speaker. */
const INTRO_PHRASES = phrases(
  "my name is|my name's|name is|i am called|i'm called|ich heiße|ich heisse|mein name ist|mein name lautet|" +
    "je m'appelle|je me nomme|mon nom est|me llamo|mi nombre es|mi chiamo|il mio nome è|mijn naam is|ik heet|call me",
);

/** Weaker introductions: only a dictionary given name is accepted after them. */
const WEAK_INTRO_PHRASES = phrases(
  "i am|i'm|this is|ich bin|hier ist|hier spricht|je suis|c'est|soy|aquí|sono|qui è|ik ben|hier is|met",
);

/** Greetings, counted only at the start of a line or sentence ("liebe Familie" mid-sentence is an adjective). */
const GREETING_PHRASES = phrases(
  'dear|hi|hello|hey|hallo|liebe|lieber|liebes|sehr geehrte|sehr geehrter|sehr geehrtes|guten tag|guten morgen|' +
    'guten abend|moin|servus|bonjour|bonsoir|salut|cher|chère|chers|hola|buenos días|buenas tardes|buenas noches|' +
    'estimado|estimada|estimados|querido|querida|ciao|salve|buongiorno|buonasera|gentile|gentili|gentilissimo|' +
    'gentilissima|caro|cara|egregio|egregia|beste|geachte|hoi|goedemorgen|goedemiddag|goedenavond|lieve|' +
    'good morning|good afternoon|good evening',
);

/**
 * Honorifics written in lowercase mid-sentence ("la señora", "de heer") or with a feminine ending the word
 * tokens split ("Sig.ra", "Dott.ssa"). English "mr"/"ms" are left out: lowercase they are units ("500 ms").
 */
const TITLE_PHRASES = phrases(
  'monsieur|madame|mademoiselle|señor|señora|señorita|signor|signora|signorina|sigra|signa|dottssa|profssa|' +
    'dottor|dottoressa|heer|meneer|mevrouw|doña|don',
);

/** Sign-off phrases; the line must hold little else ("Mit freundlichen Grüßen", "Best regards,"). */
const SIGNOFF_PHRASES = phrases(
  'regards|best|cheers|thanks|thank you|sincerely|faithfully|truly|best wishes|grüße|grüßen|gruß|grüsse|grüssen|' +
    'gruss|lg|mfg|vg|danke|vielen dank|cordialement|bien à vous|salutations|salutations distinguées|amitiés|bises|' +
    'merci|saludos|un saludo|saludos cordiales|atentamente|gracias|un abrazo|saluti|un saluto|grazie|a presto|' +
    'groeten|groet|groetjes|mvg|bedankt|dank je wel|dank u wel|grazie mille|merci beaucoup|muchas gracias|' +
    'hartelijk dank|many thanks|thanks a lot|kind regards|best regards',
);

/** "the customer Smith", "le client Dupont": weak, dictionary names only. */
const ROLE_PHRASES = phrases(
  'customer|client|kunde|kundin|klant|cliente|colleague|kollege|kollegin|collègue|collega',
);

/** Street-type words: capitalised words after them are a street name ("rue Victor Hugo"), not a person. */
const STREET_TYPE_PHRASES = phrases(
  'rue|avenue|av|bd|boulevard|place|quai|allée|impasse|chemin|via|viale|piazza|piazzale|corso|largo|vicolo|calle|' +
    'c/|avenida|avda|plaza|paseo|camino|carretera|ronda|straße|strasse|str|platz|allee|laan|straat|plein|street|road',
);

/** Particles skipped between a street type and the name ("rue de la Paix", "via dei Mille"). */
const STREET_PARTICLES = phrases("de|du|des|la|le|del|della|di|dei|degli|van|von|der|den|d'|l'");

/** What the text right before a capitalised run says about it. */
export type Context = 'none' | 'label' | 'intro' | 'greet' | 'title' | 'signoff' | 'weak' | 'role' | 'street';

interface PrecedingWord {
  readonly start: number;
  /** Lowercase, dots removed, curly apostrophe straightened: the key into the phrase sets. */
  readonly key: string;
}

interface Separator {
  /** Where the words before the separator end. */
  readonly end: number;
  readonly colon: boolean;
  readonly comma: boolean;
  readonly newline: boolean;
}

const LETTER = /[\p{L}\p{M}]/u;
const MAX_WORDS = 6;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  if (c === 46 || c === 39 || c === 47 || c === 0x2019) return true; // . ' / ’ inside "z.Hd.", "m'appelle", "c/o"
  return c > 127 && LETTER.test(text.charAt(i));
}

const isBlank = (c: number): boolean => c === 32 || c === 9;

/** Blanks, at most a colon or comma, and line breaks between the words and the name. */
function readSeparator(text: string, start: number): Separator {
  let i = start;
  let colon = false;
  let comma = false;
  let newline = false;
  for (; i > 0 && start - i < 12; i--) {
    const c = text.charCodeAt(i - 1);
    if (c === 58 || c === 0xff1a) colon = true;
    else if (c === 44 || c === 33) comma = true;
    else if (c === 10) newline = true;
    else if (!isBlank(c) && c !== 13) break;
  }
  return { end: i, colon, comma, newline };
}

/** The word ending at `end` (after up to two blanks when `blanks`), or null. */
function wordBefore(text: string, end: number, blanks: boolean): PrecedingWord | null {
  let e = end;
  if (blanks) {
    while (e > 0 && end - e < 2 && isBlank(text.charCodeAt(e - 1))) e--;
    if (e === end) return null;
  }
  let i = e;
  while (i > 0 && e - i < 40 && isWordChar(text, i - 1)) i--;
  if (i === e) return null;
  let key = text.slice(i, e).toLowerCase();
  if (key.includes('.')) key = key.replace(/\./gu, '');
  if (key.includes('’')) key = key.replace(/’/gu, "'");
  return { start: i, key };
}

/** Reads the words before the separator, nearest first, up to `count`. */
function wordsBefore(text: string, end: number, count: number): PrecedingWord[] {
  const words: PrecedingWord[] = [];
  let w = wordBefore(text, end, false);
  while (w !== null) {
    words.push(w);
    if (words.length >= count) break;
    w = wordBefore(text, w.start, true);
  }
  return words;
}

/** 'line' when only blanks separate `pos` from the start of its line, 'sentence' after . ! ?, else 'other'. */
function boundaryAt(text: string, pos: number): 'line' | 'sentence' | 'other' {
  let i = pos;
  while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
  if (i === 0 || text.charCodeAt(i - 1) === 10) return 'line';
  const c = text.charCodeAt(i - 1);
  return c === 46 || c === 33 || c === 63 ? 'sentence' : 'other';
}

/** A sign-off phrase of `k` words whose line starts within three more words. */
function signoffLine(text: string, words: PrecedingWord[], k: number, sep: Separator): boolean {
  for (let m = k; m <= Math.min(k + 3, words.length); m++) {
    const edge = boundaryAt(text, (words[m - 1] as PrecedingWord).start);
    if (edge === 'line' || (edge === 'sentence' && !sep.newline)) return true;
  }
  return false;
}

type PhraseKind = 'label' | 'bare' | 'intro' | 'greet' | 'signoff' | 'weak';

interface Phrase {
  readonly kind: PhraseKind;
  /** Words nearest first, so they compare with the words read backwards from the name. */
  readonly words: readonly string[];
}

/** Phrases by their last word: most runs follow a word that ends no phrase and need no more reading. */
const PHRASES_BY_LAST_WORD: ReadonlyMap<string, readonly Phrase[]> = (() => {
  const index = new Map<string, Phrase[]>();
  const sources: [PhraseKind, ReadonlySet<string>][] = [
    ['label', LABEL_PHRASES], ['bare', BARE_LABEL_PHRASES], ['intro', INTRO_PHRASES],
    ['greet', GREETING_PHRASES], ['signoff', SIGNOFF_PHRASES], ['weak', WEAK_INTRO_PHRASES],
  ];
  for (const [kind, set] of sources) {
    for (const phrase of set) {
      const words = phrase.split(' ').reverse();
      const list = index.get(words[0] as string) ?? [];
      list.push({ kind, words });
      index.set(words[0] as string, list);
    }
  }
  return index;
})();

/** Whether the separator between phrase and name suits the phrase ("Name:" needs a colon, "my name is" none). */
function separatorFits(kind: PhraseKind, sep: Separator): boolean {
  const plain = !sep.colon && !sep.comma && !sep.newline;
  if (kind === 'label') return sep.colon && !sep.comma;
  if (kind === 'bare') return plain || sep.colon;
  if (kind === 'greet') return plain || (sep.comma && !sep.newline && !sep.colon);
  if (kind === 'signoff') return (sep.newline || sep.comma) && !sep.colon;
  return plain;
}

function phraseContext(text: string, near: PrecedingWord, sep: Separator): Context {
  const phrases = PHRASES_BY_LAST_WORD.get(near.key);
  if (phrases === undefined) return 'none';
  let words: PrecedingWord[] | null = null;
  for (const phrase of phrases) {
    if (!separatorFits(phrase.kind, sep)) continue;
    words ??= wordsBefore(text, sep.end, MAX_WORDS);
    const k = phrase.words.length;
    if (k > words.length || phrase.words.some((w, n) => (words as PrecedingWord[])[n]?.key !== w)) continue;
    const first = (words[k - 1] as PrecedingWord).start;
    if (phrase.kind === 'greet' && boundaryAt(text, first) === 'other') continue;
    if (phrase.kind === 'signoff' && !signoffLine(text, words, k, sep)) continue;
    return phrase.kind === 'bare' ? 'label' : phrase.kind;
  }
  return 'none';
}

/** Classifies the words just before a capitalised run; only blanks, one colon/comma and line breaks may sit between. */
export function contextBefore(text: string, start: number): Context {
  const sep = readSeparator(text, start);
  const near = wordBefore(text, sep.end, false);
  if (near === null) return 'none';
  const found = phraseContext(text, near, sep);
  if (found !== 'none') return found;
  if (sep.colon || sep.comma || sep.newline) return 'none';
  if (TITLE_PHRASES.has(near.key)) return 'title';
  if (ROLE_PHRASES.has(near.key)) return 'role';
  if (STREET_TYPE_PHRASES.has(near.key)) return 'street';
  if (!STREET_PARTICLES.has(near.key)) return 'none';
  const words = wordsBefore(text, sep.end, 3);
  const type = words[1] !== undefined && STREET_PARTICLES.has(words[1].key) ? words[2] : words[1];
  return type !== undefined && STREET_TYPE_PHRASES.has(type.key) ? 'street' : 'none';
}

const PARTICLES_BEFORE_RE = new RegExp(`(?:^|[ \\t])((?:(?:${PARTICLE_SOURCE})[ \\t]){1,3})$`, 'u');

/** Start of lowercase particles right before `start` ("van der " in "heer van der Linden"), else `start`. */
export function leadingParticles(text: string, start: number): number {
  const c = text.charCodeAt(start - 2);
  if (start < 3 || c < 97 || c > 122) return start; // particles end in a lowercase ASCII letter
  const m = PARTICLES_BEFORE_RE.exec(text.slice(Math.max(0, start - 20), start));
  return m === null ? start : start - (m[1] as string).length;
}

/** A lone word can be a name only through context, which needs a word or ":,!\n." right before it. */
export function mayHaveContext(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && start - i < 4 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (i < 0) return false;
  const c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c > 127) return true;
  return c === 58 || c === 44 || c === 10 || c === 13 || c === 33 || c === 46 || c === 39;
}
