/**
 * Words that frame a person's name in English, German, French, Spanish, Italian and Dutch: titles, greetings,
 * sign-offs, role nouns and name particles, and the phrases that vouch for the capitalised words after them
 * (field labels, self-introductions, sign-off lines, street types that veto them). contextBefore() reads the words
 * before a name backwards by hand and looks them up, so no regex runs over the window. All entries are lowercase.
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
  buongiorno buonasera beste geachte hoi lieve guten tag morgen abend good morning afternoon evening buenos buenas
  días tardes noches buon giorno bonne`));

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

/** Capitalised particles that can open a surname ("De Luca", "Van Dijk", "Di Stefano"). */
export const CAP_PARTICLES: ReadonlySet<string> = new Set(words(`
  von van vom zu de der den des di da dal del della dei degli du le la las lo los ter ten dos`));

/** Endings of team and shop words ("Kundenservice", "Klantenservice", "Onlineshop"): never a surname. */
export const TEAM_SUFFIXES = 'service|team|support|dienst|abteilung|shop|store|gmbh|group|gruppe|center|zentrum';

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
    'auteur|verantwortlich|responsible|referent|ref|account|accounts receivable|accounts payable|buchhaltung|' +
    'accounting|comptabilité|contabilidad|contabilità|boekhouding|administración|administration|verwaltung|' +
    'amministrazione|administratie|clienta|referente|contactpersoon|interlocutore|persona de contacto|customer_name|full_name|first_name|last_name|contact_name|recipient_name|' +
    'customername|fullname|firstname|lastname|contactname|recipientname|account_holder|konto|compte|cuenta|conto|' +
    'rekening|propriétaire|eigentümer|propietario|proprietario|eigenaar',
);

/** Labels used without a colon ("c/o Anna Schmidt", "z. Hd. Herrn Weber"). */
const BARE_LABEL_PHRASES = phrases(
  "c/o|attn|z hd|zu händen|zu händen von|à l'attention de|a la atención de|all'attenzione di|alla ca di|tav|" +
    'ter attentie van',
);

/**
 * Address labels and shipping phrases: a name right after them is the addressee when an address follows it
 * ("Delivery address:\nKeely Gutkowski\n4423 Sheri Glen", "Versand an Desar Vyxtrumialm, Maashofstr. 37").
 */
const ADDRESSEE_PHRASES = phrases(
  'delivery address|shipping address|billing address|address|lieferadresse|lieferanschrift|rechnungsadresse|' +
    'anschrift|adresse|adresse de livraison|adresse de facturation|dirección|dirección de envío|' +
    'dirección de entrega|indirizzo|indirizzo di consegna|indirizzo di spedizione|adres|afleveradres|bezorgadres|' +
    'factuuradres|shipping to|shipped to|ship to|deliver to|wir liefern an|versand an|lieferung an|expédié à|' +
    'livré à|livraison à|enviar a|enviado a|envío a|consegna a|spedito a|spedizione a|verzenden naar|verzonden naar',
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
    'good morning|good afternoon|good evening|liebe/r|lieber/liebe|sehr geehrte/r|thanks|thank you|danke|merci|' +
    'gracias|grazie|bedankt|dank je|dank u',
);

/**
 * Honorifics written in lowercase mid-sentence ("la señora", "de heer") or with a feminine ending the word
 * tokens split ("Sig.ra", "Dott.ssa"). English "mr"/"ms" are left out: lowercase they are units ("500 ms").
 */
const TITLE_PHRASES = phrases(
  'monsieur|madame|mademoiselle|señor|señora|señorita|signor|signora|signorina|sigra|signa|dottssa|profssa|' +
    'dottor|dottoressa|heer|meneer|mevrouw|doña|don|sig|sigg|dott|sr|sra|srta|avv|dhr|mevr',
);

/** Sign-off phrases; the line must hold little else ("Mit freundlichen Grüßen", "Best regards,"). */
const SIGNOFF_PHRASES = phrases(
  'regards|best|cheers|thanks|thank you|sincerely|faithfully|truly|best wishes|grüße|grüßen|gruß|grüsse|grüssen|' +
    'gruss|lg|mfg|vg|danke|vielen dank|cordialement|bien à vous|salutations|salutations distinguées|amitiés|bises|' +
    'merci|saludos|un saludo|saludos cordiales|atentamente|gracias|un abrazo|saluti|un saluto|grazie|a presto|' +
    'groeten|groet|groetjes|mvg|bedankt|dank je wel|dank u wel|grazie mille|merci beaucoup|muchas gracias|' +
    'hartelijk dank|many thanks|thanks a lot|kind regards|best regards|thanks again|thank you again|thanks so much|' +
    'danke nochmals|merci encore|gracias de nuevo|grazie ancora|nogmaals bedankt|à bientôt|a bientôt|' +
    "merci d'avance|thanks in advance|danke im voraus|vielen dank im voraus|gracias de antemano|grazie in anticipo|" +
    'alvast bedankt|bij voorbaat dank|bis bald|hasta pronto|hasta luego|tot ziens|tot snel|talk soon|speak soon',
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
export type Context =
  | 'none' | 'label' | 'addressee' | 'intro' | 'greet' | 'title' | 'signoff' | 'weak' | 'role' | 'street';

/** A word before the name; `key` is lowercase, dots removed, curly apostrophe straightened. */
interface PrecedingWord { readonly start: number; readonly key: string }

export interface Separator {
  /** Where the words before the separator end. */
  readonly end: number;
  readonly colon: boolean;
  readonly comma: boolean;
  readonly newline: boolean;
  /** A dash before the name, as in a signature after a question: "Can you check? – Tara". */
  readonly dash: boolean;
}

const LETTER = /[\p{L}\p{M}]/u;
const MAX_WORDS = 6;

export function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  if (c === 46 || c === 39 || c === 47 || c === 95 || c === 0x2019) return true; // . ' / _ ’: "z.Hd.", "c/o"
  return c > 127 && LETTER.test(text.charAt(i));
}

const isBlank = (c: number): boolean => c === 32 || c === 9;

/** Blanks, at most a colon or comma, and line breaks between the words and the name. */
export function readSeparator(text: string, start: number): Separator {
  let i = start;
  let colon = false;
  let comma = false;
  let newline = false;
  let dash = false;
  for (; i > 0 && start - i < 12; i--) {
    const c = text.charCodeAt(i - 1);
    if (c === 58 || c === 0xff1a) colon = true;
    else if (c === 44 || c === 33) comma = true;
    else if (c === 10) newline = true;
    else if (c === 45 || c === 0x2013 || c === 0x2014) dash = true;
    else if (!isBlank(c) && c !== 13 && c !== 34) break; // quotes of JSON keys and values: "name": "Anna"
  }
  return { end: i, colon, comma, newline, dash };
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

/** 'line' when only blanks separate `pos` from the start of its line, 'sentence' after . ! ? :, else 'other'. */
function boundaryAt(text: string, pos: number): 'line' | 'sentence' | 'other' {
  let i = pos;
  while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
  if (i === 0 || text.charCodeAt(i - 1) === 10) return 'line';
  const c = text.charCodeAt(i - 1);
  return c === 46 || c === 33 || c === 63 || c === 58 ? 'sentence' : 'other';
}

/** A sign-off phrase of `k` words whose line starts within three more words. */
function signoffLine(text: string, words: PrecedingWord[], k: number, sep: Separator): boolean {
  for (let m = k; m <= Math.min(k + 3, words.length); m++) {
    const edge = boundaryAt(text, (words[m - 1] as PrecedingWord).start);
    if (edge === 'line' || (edge === 'sentence' && !sep.newline)) return true;
  }
  return false;
}

type PhraseKind = 'label' | 'bare' | 'addressee' | 'intro' | 'greet' | 'signoff' | 'weak';

interface Phrase {
  readonly kind: PhraseKind;
  /** Words nearest first, so they compare with the words read backwards from the name. */
  readonly words: readonly string[];
}

/** Phrases by their last word: most runs follow a word that ends no phrase and need no more reading. */
const PHRASES_BY_LAST_WORD: ReadonlyMap<string, readonly Phrase[]> = (() => {
  const index = new Map<string, Phrase[]>();
  const sources: [PhraseKind, ReadonlySet<string>][] = [
    ['label', LABEL_PHRASES], ['bare', BARE_LABEL_PHRASES], ['addressee', ADDRESSEE_PHRASES], ['intro', INTRO_PHRASES],
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
  if (kind === 'bare' || kind === 'addressee') return (plain || sep.colon) && !sep.comma;
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
  // Only after a sentence: a dash at a line start is a bullet ("- Extra Cushions"), not a signature.
  if (sep.dash) return !sep.colon && !sep.comma && boundaryAt(text, sep.end) === 'sentence' ? 'greet' : 'none';
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

const lastWordsOf = (kinds: readonly PhraseKind[]): string[] =>
  [...PHRASES_BY_LAST_WORD].filter(([, list]) => list.some((p) => kinds.includes(p.kind))).map(([w]) => w);
/**
 * Every word contextBefore() looks up last, by the separator between it and the name: after blanks alone, the last
 * words of phrases that take no separator and the title, role and street words; after a colon, comma or line break,
 * the last words of labels, greetings and sign-offs. For the prefilter in name-scan.ts.
 */
export const CONTEXT_WORDS = {
  afterBlanks: [
    ...lastWordsOf(['bare', 'addressee', 'greet', 'intro', 'weak']),
    ...TITLE_PHRASES, ...ROLE_PHRASES, ...STREET_TYPE_PHRASES, ...STREET_PARTICLES,
  ],
  afterMarks: lastWordsOf(['label', 'bare', 'addressee', 'greet', 'signoff']),
} as const;
