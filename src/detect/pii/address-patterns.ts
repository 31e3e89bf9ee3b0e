/**
 * Patterns and word lists for postal addresses in DE/AT/CH, NL, FR, ES, IT, UK and US formats, kept apart from the
 * detector's control flow (addresses.ts), plus the character tests its scanner uses. The detector runs these either
 * anchored at one position (sticky) or on windows of a few dozen characters around a number, never over the whole
 * prompt, so the cost stays linear in the text. Street patterns capture the street-type word so the detector can
 * tell unambiguous types ("straße", "rue") from ones that also name everyday things ("Ring", "Park").
 */

/**
 * Address words are Latin-script in all seven formats, so Unicode property classes are swapped for Latin ranges
 * (Basic Latin, Latin-1, Extended-A/B and Additional, combining accents): the same matches for these languages,
 * and about a fifth of the compile time of \p{L}. Extended-A counts as uppercase too ("Łódź", "Škoda").
 */
const LATIN: Readonly<Record<string, string>> = {
  L: 'A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF',
  Lu: 'A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u017F',
  Ll: 'a-z\u00DF-\u00F6\u00F8-\u00FF\u0100-\u017F',
  M: '\u0300-\u036F',
  N: '0-9',
};

function latin(source: string, flags: string): RegExp {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    const property = c === '\\' ? /^\\p\{(Lu|Ll|L|M|N)\}/u.exec(source.slice(i, i + 6)) : null;
    if (property !== null) {
      const ranges = LATIN[property[1] as string] as string;
      out += inClass ? ranges : `[${ranges}]`;
      i += property[0].length - 1;
    } else if (c === '\\') {
      out += c + source.charAt(i + 1);
      i++;
    } else {
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      out += c;
    }
  }
  return new RegExp(out, flags);
}

/** Letters of a word after its capital; apostrophes and hyphens inside ("Saint-Honoré", "Dell'Acqua"). */
const WORD_TAIL = String.raw`[\p{L}\p{M}'’]*(?:-[\p{L}\p{M}][\p{L}\p{M}'’]*)*`;
const CAP_WORD = String.raw`\p{Lu}${WORD_TAIL}`;
const NOT_AFTER_WORD = String.raw`(?<![\p{L}\p{M}\p{N}])`;

/** House number after the street: "12", "12a", "12 b", "12-14", "45/2/13"; not a decimal, percent or unit. */
const HOUSE_NO =
  String.raw`\d{1,4}(?:[ \t]?[a-zA-Z](?![\p{L}\p{N}]))?(?:[ \t]?[-/][ \t]?\d{1,4}[a-zA-Z]?){0,2}` +
  String.raw`(?:[ \t-](?:I{1,3}|IV|hs|bis)(?![\p{L}\p{N}]))?` +
  String.raw`(?![\p{N}]|[.,]\d|[ \t]?(?:%|€|\$|£|kg|cm|mm|km|ml|qm|m²|x(?![\p{L}])))`;

/** Type words of DE/AT/CH and NL streets, written as the end of a compound ("Hauptstraße", "Kerkstraat"). */
export const COMPOUND_SUFFIXES =
  'straße|strasse|str\\.|allee|gasse|weg|ufer|chaussee|steig|stieg|pfad|promenade|zeile|graben|damm|ring|platz|' +
  'markt|berg|hof|park|kamp|feld|tor|garten|höhe|wall|deich|brücke|kai|anger|wiese|bogen|hang|blick|steg|' +
  'straat|laan|plein|gracht|kade|singel|dijk|dreef|steeg|burgwal|plantsoen|haven|kanaal|baan|veld|pad|wal';

/** Compound types that also end everyday words ("Goldring", "Parkplatz", "Nationalpark"). */
export const WEAK_COMPOUND_SUFFIXES: ReadonlySet<string> = new Set(
  'ring berg hof park kamp feld tor garten höhe wall deich brücke kai anger wiese bogen hang blick steg haven kanaal baan veld pad wal'.split(' '),
);

/** "-weg" words that are routes, not streets. */
export const NOT_STREETS: ReadonlySet<string> = new Set(
  ('fluchtweg rettungsweg rückweg hinweg umweg heimweg lieferweg versandweg zahlungsweg rechtsweg ausweg ' +
    'bildungsweg seeweg luftweg landweg postweg dienstweg schulweg arbeitsweg wanderweg radweg fußweg ' +
    'zugangsweg lösungsweg vertriebsweg bezahlweg parkplatz sitzplatz stellplatz arbeitsplatz spielplatz ' +
    'campingplatz liegeplatz stehplatz tabellenplatz startplatz studienplatz ausbildungsplatz listenplatz ' +
    'speicherplatz steckplatz sportplatz flugplatz bauplatz abstellplatz lagerplatz schlafplatz supermarkt ' +
    'baumarkt getränkemarkt flohmarkt wochenmarkt weihnachtsmarkt arbeitsmarkt aktienmarkt binnenmarkt').split(' '),
);

/** DE/NL compound street + number: "Hauptstraße 12a", "Van Baerlestraat 27", "Kaiser-Wilhelm-Straße 3". */
export const COMPOUND_STREET_RE = latin(
  `${NOT_AFTER_WORD}(?:(?:Van|Sint|St\\.)[ \\t])?\\p{Lu}[\\p{L}\\p{M}'’-]*?-?(${eitherCase(COMPOUND_SUFFIXES)})(?![\\p{L}\\p{M}])` +
    `[ \\t]{0,2}(?:,[ \\t]?)?${HOUSE_NO}`,
  'gu',
);

/** DE street of two words: "Berliner Straße 5", "Alte Landstraße 3", "Pariser Platz 1". */
export const TWO_WORD_STREET_RE = latin(
  `${NOT_AFTER_WORD}(?:\\p{Lu}[\\p{L}\\p{M}-]*er|Alte[rn]?|Neue[rn]?|Lange|Hohe|Große|Grosse|Kleine|Obere|Untere|` +
    `Breite|Kurze|Schöne|Sankt|St\\.)[ \\t](?:Straße|Strasse|Str\\.|Weg|Allee|Platz|Gasse|Ring|Damm|Ufer|Chaussee|` +
    `Markt|Steig|Promenade|Graben|Landstraße|Heerstraße)[ \\t]{1,2}${HOUSE_NO}`,
  'gu',
);

/** DE/NL streets named by a preposition ("Am Markt 5", "An der Alster 3", "Laan van Meerdervoort 12"). */
export const PREPOSITION_STREET_RE = latin(
  `${NOT_AFTER_WORD}(?:([Aa]m|[Aa]n d(?:er|en|em)|[Aa]uf d(?:er|em|en)|[Ii]m|[Ii]n d(?:er|en)|[Zz]um|[Zz]ur|` +
    `[Uu]nter d(?:en|er)|[Hh]inter d(?:er|em)|[Vv]or d(?:em|er)|[Bb]ei d(?:er|em))|(Laan|Plein|Kade) van(?: de[nr]?)?)` +
    `[ \\t](?:\\p{Ll}{2,12}[ \\t])?\\p{Lu}[\\p{L}\\p{M}-]*(?:[ \\t]\\p{Lu}[\\p{L}\\p{M}-]*)?[ \\t]{1,2}${HOUSE_NO}`,
  'gu',
);

/** Upper- or lowercase first letter, so "Calle" and "calle" both match without an /i flag. */
function eitherCase(words: string): string {
  return words
    .split('|')
    .map((w) => (/^\p{Ll}/u.test(w) ? `[${w.charAt(0)}${w.charAt(0).toUpperCase()}]${w.slice(1)}` : w))
    .join('|');
}

const ROMANCE_TYPE_WORDS = eitherCase(
  'rue|avenue|boulevard|bd|place|chemin|allée|impasse|quai|route|cours|passage|square|sentier|voie|faubourg|' +
    'esplanade|promenade|parvis|ruelle|calle|avenida|plaza|paseo|camino|carretera|ronda|travesía|rambla|glorieta|' +
    'callejón|cuesta|urbanización|vía|carrer|avinguda|passeig|plaça|via|viale|piazza|piazzale|corso|largo|vicolo|' +
    'strada|lungomare|lungotevere|contrada|località|borgo|salita|vico|traversa|circonvallazione|drève|galerie|' +
    'porte|parc|jardin|cour|clos|venelle|chaussée|rempart|hameau|résidence|cité|domaine|pasaje|bulevar|alameda',
);
/** Spanish and Italian floor and door after the number ("5º A", "2º dcha.", "int. 4"); NFKC folds º to o. */
const FLOOR =
  String.raw`(?:\d{1,2}[º°ªoa](?![\p{L}])(?:[ \t]?(?:dcha|izda|izq|centro|ctro|[A-Z\d](?:[º°ªoa](?![\p{L}]))?)\.?)?|` +
  String.raw`bajo|[Pp]iso[ \t]\d{1,2}|[Pp]uerta[ \t][\p{L}\d]{1,3}|[Ee]sc\.?[ \t][\p{L}\d]{1,2}|int\.?[ \t]?\d{1,3}|` +
  String.raw`[Ss]cala[ \t][A-Z]|[Pp]iano[ \t]\d{1,2})`;
/** A unit or floor between a street and its postcode ("Apt 8D", "Suite 200", "5º A"). */
const UNIT = String.raw`(?:,?[ \t]{0,3}(?:(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Flat|Floor|Fl\.?|#)[ \t]{0,2}#?[A-Za-z0-9-]{1,6}(?![\p{L}\p{N}])|${FLOOR}))`;
const ROMANCE_TYPE_ABBR = String.raw`[Cc]\/|[Aa]v\.|[Aa]vda\.|[Bb]d\.|[Bb]lvd\.|[Pp]za\.|[Cc]tra\.|Pº|Pl\.|P\.zz?a|V\.le|C\.so|[Ll]oc\.`;
const PARTICLE = String.raw`(?:de|du|des|la|le|les|aux|au|à|sur|sous|en|et|del|dels|los|las|el|y|i|dei|degli|della|delle|dello|dal|dalla|di|da)`;
const STREET_NAME_PART = String.raw`(?:${PARTICLE}[ \t]+){0,3}(?:[dlDL]['’])?(?:${CAP_WORD}|[IVXL]{1,5}(?![\p{L}]))`;

/**
 * FR/ES/IT street, type word first: "12 rue de la Paix", "Calle Mayor, 5, 3º B", "Via dei Mille 4/B".
 * Groups: 1 leading number, 2 type word, 3 street name, 4 trailing number.
 */
export const ROMANCE_STREET_RE = latin(
  `${NOT_AFTER_WORD}(?:(\\d{1,4})(?:[ \\t]?(?:bis|ter|quater|[A-Da-d])(?![\\p{L}]))?,?[ \\t]{1,2})?` +
    `((?:${ROMANCE_TYPE_WORDS})[ \\t]+|(?:${ROMANCE_TYPE_ABBR})[ \\t]*)` +
    `(${STREET_NAME_PART}(?:[ \\t]+${STREET_NAME_PART}){0,5})` +
    `(?:,?[ \\t]{0,2}(?:n[º°o]\\.?|núm\\.?|número|n\\.)?[ \\t]?(\\d{1,4}(?:[ \\t]?\\/[ \\t]?[A-Za-z0-9]{1,3}|[A-Za-z](?![\\p{L}\\p{N}]))?|s\\/n)(?![\\p{N}]|[.,]\\d))?` +
    String.raw`(?:,?[ \t]{0,3}${FLOOR}){0,3}`,
  'gu',
);

const EN_TYPES =
  'Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Crescent|Cres|Terrace|Tce|Mews|Highway|Hwy|Parkway|Pkwy|' +
  'Gardens|Gdns|Grove|Esplanade|Embankment|Drive|Dr|Close|Court|Ct|Place|Pl|Square|Sq|Way|Hill|Row|Walk|Park|' +
  'Parade|Green|Rise|Circle|Cir|Trail|Plaza|Loop|Alley|Pike|Wharf|Quay';

/** EN types that are unambiguous on their own; the others need a postcode or an address cue. */
export const STRONG_EN_TYPES: ReadonlySet<string> = new Set(
  'Street St Road Rd Avenue Ave Lane Ln Boulevard Blvd Crescent Cres Terrace Tce Mews Highway Hwy Parkway Pkwy Gardens Gdns Grove Esplanade Embankment'.split(' '),
);

/**
 * UK/US street, number first: "221B Baker Street", "1600 Pennsylvania Ave NW, Suite 200", "350 5th Avenue".
 * Groups: 1 type word.
 */
export const EN_STREET_RE = latin(
  `(?<![\\p{L}\\p{M}\\p{N}.,/#$€£-])\\d{1,5}[A-Za-z]?(?:[ \\t]?-[ \\t]?\\d{1,5}[A-Za-z]?)?,?[ \\t]{1,2}` +
    `(?:(?:[NSEW]|North|South|East|West)\\.?[ \\t]+)?(?:\\p{Lu}[\\p{L}\\p{M}'’-]*|\\d{1,3}(?:st|nd|rd|th))` +
    `(?:[ \\t]+\\p{Lu}[\\p{L}\\p{M}'’-]*){0,3}[ \\t]+(${EN_TYPES})\\.?(?![\\p{L}\\p{M}])` +
    String.raw`(?:[ \t]+(?:NW|NE|SW|SE|N|S|E|W)\.?(?![\p{L}]))?` +
    String.raw`(?:,?[ \t]*(?:Suite|Ste\.?|Apt\.?|Apartment|Unit|Flat|Floor|Fl\.?|#)[ \t]*#?[A-Za-z0-9-]{1,6}(?![\p{L}\p{N}]))?`,
  'gu',
);

/** Compound street types by their last two letters ("ße" → straße); the tails also as numbers, for ASCII text. */
const SUFFIXES = COMPOUND_SUFFIXES.replace(/\\/gu, '').split('|');
const SUFFIXES_BY_TAIL = new Map(SUFFIXES.map((s) => [s.slice(-2), SUFFIXES.filter((x) => x.endsWith(s.slice(-2)))]));
const tailCode = (a: number, b: number): number => (a | 32) * 128 + (b | 32); // | 32 lowercases ASCII letters
const ASCII_TAILS = new Set([...SUFFIXES_BY_TAIL.keys()].map((t) => tailCode(t.charCodeAt(0), t.charCodeAt(1))));
/**
 * Whether the word `ws..we`, lowercased, ends in a compound street type ("Hauptstraße", "Kerkstraat", "Str."):
 * a Map lookup and endsWith, where a regex of all the suffixes anchored at the end took ~250 ns a word.
 */
export function isStreetWord(text: string, ws: number, we: number): boolean {
  const a = text.charCodeAt(we - 2);
  const b = text.charCodeAt(we - 1);
  if (b < 128 && (we - ws === 1 || (a < 128 && !ASCII_TAILS.has(tailCode(a, b))))) return false;
  const lower = text.slice(ws, we).toLowerCase();
  return SUFFIXES_BY_TAIL.get(lower.slice(-2))?.some((suffix) => lower.endsWith(suffix)) === true;
}
/** A FR/ES/IT street-type word anywhere in a short window: a cheap gate before the full pattern. */
export const ROMANCE_TYPE_RE = latin(`(?<![\\p{L}\\p{M}])(?:${ROMANCE_TYPE_WORDS})(?![\\p{L}\\p{M}])|${ROMANCE_TYPE_ABBR}`, 'u');
/** First words of preposition streets ("Am", "An der", "Laan van") and adjectives before a street ("Alter"). */
export const PREPOSITION_HEADS: ReadonlySet<string> = new Set(
  ('am an auf im in zum zur unter hinter vor bei laan plein kade alt alte alter altes neue neuer große großer ' +
    'kleine kleiner hohe hoher lange langer obere oberer untere unterer sankt').split(' '),
);

/** The same patterns, anchored where a number starts (number-first EN and FR streets). */
export const EN_STREET_AT = new RegExp(EN_STREET_RE.source, 'uy');
export const ROMANCE_STREET_AT = new RegExp(ROMANCE_STREET_RE.source, 'uy');

/** "Flat 3, " before a UK street. */
export const UNIT_BEFORE_RE = /(?:Flat|Apartment|Apt\.?|Unit|Suite)[ \t]+[A-Za-z0-9]{1,5},?[ \t]*$/u;

const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|' +
  'OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR';
const UK_POSTCODE = String.raw`[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}(?![\p{L}\p{N}])`;
const CITY =
  String.raw`(?:'s-)?${CAP_WORD}(?:[ \t](?:(?:am|an der|an|im|bei|ob|sur|sous|lès|les|de|del|de la|di|da|aan|aan den|aan de|op|upon|on|en)[ \t])?(?!CEDEX)${CAP_WORD}){0,2}`;
const EU_POSTCODE_CITY =
  String.raw`(?:[A-Z]{1,2}-)?\d{5}[ \t]{1,3}${CITY}(?:[ \t]{0,3}\([\p{L}. ]{2,20}\)|[ \t]{1,3}[A-Z]{2}(?![\p{L}\p{N}]))?(?:[ \t]{1,3}CEDEX(?:[ \t]{1,3}\d{1,2})?)?` +
  String.raw`|(?:[A-Z]{1,2}-)?\d{4}[ \t]{1,3}${CITY}|\d{4}[ \t]?[A-Z]{2}[ \t]{1,3}${CITY}`;

/** Postcode and city (or city, state and ZIP) right after a street, across one comma and/or line break. */
export const CONTINUATION_RE = latin(
  String.raw`${UNIT}{0,2}(?:[ \t]{0,3}[,-][ \t]{0,3}(?:\r?\n[ \t]{0,3})?|[ \t]{0,3}\r?\n[ \t]{0,3}|[ \t]{1,3})(?:${EU_POSTCODE_CITY}` +
    String.raw`|${CITY},?[ \t]{1,3}(?:(?:${US_STATES})[ \t]{1,3}\d{5}(?:-\d{4})?(?![\p{N}-])|${UK_POSTCODE})` +
    String.raw`|${CITY},?[ \t]{0,3}\r?\n[ \t]{0,3}${UK_POSTCODE}|${UK_POSTCODE})`,
  'uy',
);

/** A postcode-and-city line on its own, anchored at its first character. */
export const POSTCODE_CITY_AT = latin(`(?:${EU_POSTCODE_CITY})`, 'uy');

/** A US state code and ZIP, anchored at the comma after the city: ", IL 62704". */
export const STATE_ZIP_AT = latin(
  String.raw`,[ \t]{0,3}(?:${US_STATES})[ \t]{1,3}\d{5}(?:-\d{4})?(?![\p{N}-])`,
  'uy',
);
/** A UK postcode, anchored at its first letter. */
export const UK_POSTCODE_AT = latin(UK_POSTCODE, 'uy');
/** A number-first street line before a city ("6700 Nikolaus Overpass, Apt 8D, "); 80-character window. */
export const STREET_BEFORE_CITY_RE = latin(
  String.raw`(?:^|[\s,:;"(])(\d{1,5}[A-Za-z]?[ \t]{1,2}(?:\p{Lu}[\p{L}\p{M}'’-]*[ \t]{1,2}){0,3}\p{Lu}[\p{L}\p{M}'’-]*${UNIT}{0,2})[ \t]{0,3}(?:,[ \t]{0,3}|
?
[ \t]{0,3})$`,
  'u',
);
/** "Gran Vía 26", Madrid's street without a type word. */
export const GRAN_VIA_RE = /[Gg]ran[ \t]V[ií]a,?[ \t]{0,2}$/u;

/** The city that ends right before a state code or postcode; run on a 40-character window only. */
export const CITY_BEFORE_RE = latin(`(?<![\\p{L}\\p{M}])${CITY},?[ \\t]*$`, 'u');

/** Address field labels ending right before the value (same line or the line above). */
export const ADDRESS_LABEL_RE =
  /(?:address|adresse|anschrift|lieferadresse|lieferanschrift|rechnungsadresse|postanschrift|wohnort|dirección|direccion|domicilio|indirizzo|adres|afleveradres|factuuradres|plz\/ort|plz|ort|ville|city|ciudad|città|plaats|woonplaats|code postal|cp|cap|postcode|zip(?: code)?|ship to|deliver to|bill to)[ \t]*:[ \t]*(?:\r?\n[ \t]*)?$|(?:ship to|deliver to|bill to|liefern an|lieferung an|envoyer à|livrer à|enviar a|spedire a|bezorgen op)[ \t]*:?[ \t]*(?:\r?\n[ \t]*)?$/iu;

/** Words near a weak street that make it an address ("wohnt", "ship to", "livrer", "indirizzo"). */
export const ADDRESS_CUE_RE =
  /address|adresse|anschrift|wohn|live[sd]? |living|lebe|ship|deliver|liefer|versand|send |envoy|livr|habite|vivo|vive |abito|abita|envi|spedi|consegn|woon|bezorg|verzend|located|situé|ubicad|domicil|indirizzo|dirección|adres/iu;

/** A line ending in a house number directly above a postcode line: "Damrak 1\n". Run on an 80-character window. */
export const STREET_LINE_BEFORE_RE =
  latin(String.raw`(?:^|\n)[ \t]*(\p{Lu}[^\n\d]{1,40}[ \t]\d{1,4}[a-zA-Z]?)[ \t]*,?[ \t]*\r?\n[ \t]*$`, 'u');

/** Capitalised words that make a "street name" a product, a service or a brand ("Avenue Sofa", "Via Bluetooth"). */
export const NOT_STREET_NAMES: ReadonlySet<string> = new Set(
  ('sofa sofas couch chair chairs table tables lamp lamps bed beds shelf desk rug set collection edition series ' +
    'model version size color colour pack bundle kit amazon ebay paypal dhl ups fedex hermes gls dpd bluetooth usb ' +
    'wifi wi-fi email e-mail mail whatsapp telegram zoom teams slack google apple prime express standard premium ' +
    'app web online internet hotel restaurant mall store shop outlet your our the my this way artikel menge ' +
    'position pos seite nr größe anzahl stück kapitel teil band heft folge staffel episode item page qty room ' +
    'chapter step order invoice ticket level stufe rang tag woche').split(' '),
);

/** Number markers between a street name and its number ("nº 5", "n. 12", "núm. 3"): "n" and up to six letters. */
export const NUMBER_MARKS: ReadonlySet<string> = new Set(['n', 'n.', 'nº', 'n°', 'no', 'no.', 'núm', 'núm.', 'número']);

/** Capitalised words after a postcode that are a count, not a city ("10000 Stück", "50000 Euro"). */
export const NOT_CITIES: ReadonlySet<string> = new Set(
  ('stück stk euro eur einheiten units pieces pcs kunden customers mal jahre tage punkte mitarbeiter besucher ' +
    'exemplare artikel teile seiten follower views downloads dollar franken pfund').split(' '),
);

/** Capitalised words and a house number ending right before ", 12345 City" on the same line; 80-character window. */
export const SAME_LINE_STREET_RE =
  latin(String.raw`(?<![\p{L}\p{M}])((?:\p{Lu}[\p{L}\p{M}.'’-]*[ \t]){0,4}\p{Lu}[\p{L}\p{M}.'’-]*,?[ \t](?:\d{1,4}[a-zA-Z]?(?:[ \t]?[-/][ \t]?\d{1,4}[a-zA-Z]?)?|s\/n\.?)),[ \t]*$`, 'u');

/** Dutch name parts before a compound street ("van der Heydenweg", "Jan van Galenstraat", "de Vosstraat"). */
/** A lone "de" is usually the article ("aan de Kalverstraat"), so a name part needs "van", "ter" or a given name. */
export const DUTCH_PREFIX_RE =
  latin(String.raw`(?<![\p{L}\p{M}])(?:\p{Lu}\p{Ll}+[ \t](?:(?:van|de|der|den|het|ter|ten|'t)[ \t]){1,3}|(?:van|ter|ten)[ \t](?:(?:de|der|den|het|'t)[ \t]){0,2})$`, 'u');

// Character tests used while scanning around digits; ASCII first, a Unicode regex only for other letters.

/** Characters before digits that make them a price, a decimal, a list number or a code: . , / # $ € £ - */
export const isNotBeforeNumber = (c: number): boolean =>
  c === 46 || c === 44 || c === 47 || c === 35 || c === 36 || c === 0x20ac || c === 0xa3 || c === 45;
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
export const isBlank = (c: number): boolean => c === 32 || c === 9;
export const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Marks inside a word before a house number (. - / ' º °: "Str.", "C/"); what skipBack() passes over. */
export const isWordMark = (c: number): boolean =>
  c === 46 || c === 45 || c === 47 || c === 39 || c === 0xba || c === 0xb0;
export const isBlankOrComma = (c: number): boolean => c === 32 || c === 9 || c === 44;
const ROMAN_OR_ELIDED_RE = /^(?:[IVXL]+|[dlDL]['’]\p{Lu}.*)$/u;
/** Whether an uncapitalised word before a house number still names a street: only as "d'Artagnan", "l'Église". */
export const isElidedName = (text: string, ws: number, we: number): boolean =>
  'dl'.includes(text.charAt(ws)) && ROMAN_OR_ELIDED_RE.test(text.slice(ws, we));
const LETTER = /[\p{L}\p{M}]/u;
export const isUpperAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90; // ASCII: the same answer as the case mapping below, without a string
  const ch = text.charAt(i);
  return ch !== ch.toLowerCase();
};
export const isLetterAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return isAsciiLetter(c) || (c > 127 && LETTER.test(text.charAt(i)));
};
