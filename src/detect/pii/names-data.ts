/**
 * Word classes for the person-name detector: given names and surnames from @faker-js/faker's locale data (English,
 * German, French, Spanish, Italian, Dutch and regional variants), everyday words that also occur as names, and the
 * hand-kept stop words, brands, place prefixes and legal forms, all folded at module load into one Map from a
 * lowercase word to flag bits. Per-locale modules are imported: the package root loads every locale (about three
 * times slower).
 */
import type { LocaleDefinition } from '@faker-js/faker';
import { faker as de } from '@faker-js/faker/locale/de';
import { faker as deCH } from '@faker-js/faker/locale/de_CH';
import { faker as en } from '@faker-js/faker/locale/en';
import { faker as es } from '@faker-js/faker/locale/es';
import { faker as esMX } from '@faker-js/faker/locale/es_MX';
import { faker as fr } from '@faker-js/faker/locale/fr';
import { faker as frBE } from '@faker-js/faker/locale/fr_BE';
import { faker as frCH } from '@faker-js/faker/locale/fr_CH';
import { faker as it } from '@faker-js/faker/locale/it';
import { faker as nl } from '@faker-js/faker/locale/nl';
import { faker as nlBE } from '@faker-js/faker/locale/nl_BE';
import {
  CAP_PARTICLES, GREETINGS, ROLE_WORDS, SIGNOFFS, SIGNOFF_LEADS, TEAM_SUFFIXES, TITLES,
} from './language-words.ts';

const words = (s: string): string[] => s.trim().split(/\s+/);

/**
 * Capitalised words that are never a surname: shop, product and service nouns, function words of title-case
 * headings, group addressees ("Team", "Kunden"), places and street types, in the six languages.
 */
const STOP_WORDS: readonly string[] = words(`
  the a an and or of for with from to in on at by as is are be our your my his her their its this that these
  those new all any best top free more most now get buy shop sale off only just we you it us me about contact
  home page welcome thank thanks please note order orders item items product products price prices total
  subtotal shipping delivery return returns refund invoice payment account login cart checkout wishlist size
  color colour qty quantity sku ref number date time day week month year today tomorrow yesterday team support
  service services customer customers client clients madam everyone everybody there folks guys friends
  colleagues partners members member staff manager department sales marketing admin office company store online
  app website email mail phone call chat message news newsletter update info information details summary report
  review reviews rating feedback question questions answer help faq terms conditions policy privacy valued
  shopper subscriber user users applicant hiring world dept
  sofa couch chair table desk bed lamp shelf cabinet wardrobe mirror rug carpet curtain pillow cushion blanket
  towel mattress stool bench dresser drawer bookcase sideboard ottoman armchair recliner biscuits biscuit cookies
  chocolate coffee tea wine beer whisky whiskey gin vodka rum juice water milk cheese bread cake pasta pizza
  sauce oil jam sugar salt soap shampoo perfume fragrance cream lotion serum makeup dress shirt blouse skirt jeans
  trousers pants shorts jacket coat hoodie sweater jumper cardigan shoes sneakers boots sandals heels bag handbag
  backpack wallet belt hat cap scarf gloves socks watch necklace bracelet earrings pendant laptop tablet camera
  headphones speaker charger cable case cover keyboard mouse monitor printer tv television console controller
  game toy doll puzzle book kit set bundle pack box gift card voucher collection edition series model version pro
  plus mini ultra lite deluxe premium classic original vintage limited special standard basic garden kitchen
  bath bathroom bedroom living dining outdoor patio maker machine blender mixer toaster kettle oven grill fridge
  freezer vacuum cleaner heater gold silver platinum steel leather cotton wool silk linen street road avenue lane
  drive boulevard square station airport hotel restaurant cafe bar church school university hospital museum
  bridge tower park island lake river mountain beach city town village center centre mall market
  sofas chairs tables lamps shelves bags bottles glasses plates cups mugs candles sets packs
  sessel stuhl tisch schreibtisch bett lampe leuchte regal schrank kleiderschrank spiegel teppich vorhang kissen
  decke handtuch matratze hocker kommode kekse plätzchen schokolade kaffee tee wein bier saft wasser milch käse
  brot kuchen nudeln soße öl marmelade zucker salz seife parfum parfüm creme kleid hemd bluse rock hose jacke
  mantel pullover schuhe stiefel sandalen tasche handtasche rucksack geldbörse gürtel mütze schal handschuhe
  socken uhr kette armband ohrringe handy kamera kopfhörer lautsprecher ladegerät kabel hülle tastatur maus
  drucker fernseher spielzeug puppe buch paket geschenk gutschein kollektion serie modell küche bad wohnzimmer
  schlafzimmer bestellung bestellnummer rechnung lieferung versand rücksendung retoure erstattung zahlung konto
  kunden kundin kundinnen kundenservice kundendienst abteilung firma unternehmen geschäft laden filiale artikel
  produkt produkte preis preise menge größe farbe datum woche monat jahr tag heute morgen gestern bitte frage
  fragen antwort hilfe problem angebot rabatt aktion damen herren kinder mädchen jungen kollegen kolleginnen
  leute zusammen alle neu neue neuer neues straße strasse platz stadt markt schloss kirche schule bahnhof
  flughafen wald brücke turm insel ufer und oder für mit aus bei die das der dem ein eine unsere ihre
  ihr ihre euer sie wir ich bescheid geld zeit recht glück lust angst spaß ärger feedback infos unterlagen zugang
  termin nachricht daten dokumente ware waren
  canapé fauteuil chaise bureau lit étagère armoire miroir tapis rideau coussin couverture serviette matelas
  chocolat café thé vin bière jus eau lait fromage pain gâteau pâtes huile miel confiture sucre sel savon crème
  robe chemise jupe pantalon veste manteau pull chaussures bottes sac ceinture chapeau écharpe gants chaussettes
  montre bague collier téléphone ordinateur jouet livre coffret cadeau série modèle jardin cuisine commande
  facture livraison retour remboursement paiement compte clientèle équipe boutique magasin article produit prix
  taille couleur bonjour mesdames tous toutes tout monde ville église école gare château pont musée les une pour
  avec sur dans et nous vous
  sofá sillón silla mesa escritorio cama lámpara estantería armario espejo alfombra cortina cojín manta toalla
  colchón galletas zumo jugo agua leche queso pan pastel tarta salsa aceite mermelada azúcar sal jabón perfume
  crema vestido camisa falda pantalón chaqueta abrigo jersey zapatos botas bolso cinturón sombrero bufanda
  guantes calcetines reloj anillo collar pulsera teléfono ordenador juguete libro regalo colección modelo jardín
  cocina pedido factura envío entrega devolución reembolso pago cuenta clientes servicio equipo soporte tienda
  artículo producto precio talla gracias señores todos todas amigos calle avenida plaza paseo ciudad iglesia
  escuela estación castillo puente torre museo playa para con por una
  divano poltrona sedia tavolo scrivania letto lampada scaffale armadio specchio tappeto tenda cuscino coperta
  asciugamano materasso biscotti cioccolato caffè birra succo acqua latte formaggio pane torta olio miele
  marmellata zucchero sale sapone profumo vestito camicia gonna pantaloni giacca cappotto maglione scarpe stivali
  borsa cintura cappello sciarpa guanti calzini orologio anello collana bracciale telefono giocattolo regalo
  collezione modello giardino cucina ordine fattura spedizione consegna reso rimborso pagamento conto servizio
  squadra supporto assistenza negozio articolo prodotto prezzo taglia colore tutti amici ragazzi viale piazza
  corso città chiesa scuola stazione castello ponte museo vita mare sole dolce amore notte moda gusto sapori
  forno gelato espresso cappuccino per gli il lo el uno
  stoel tafel lamp kast tapijt gordijn kussen deken handdoek matras koekjes chocolade koffie thee wijn sap melk
  kaas brood taart saus olie honing suiker zout zeep jurk overhemd rok broek jas trui schoenen laarzen tas riem
  hoed sjaal handschoenen sokken horloge ketting telefoon speelgoed boek collectie tuin keuken bestelling factuur
  levering verzending terugbetaling betaling rekening klant klanten klantenservice ondersteuning winkel prijs
  maat kleur bedankt allemaal iedereen straat laan plein gracht stad kerk kasteel brug toren huis een voor met op
  gmbh ag kg ohg ug se sa sas sarl srl spa bv nv ltd inc llc plc corp co group gruppe holding asociados hermanos
  hijos figli associati associés partners heights hills springs falls valley harbor harbour groep combinatie
  bedrijf bedrijven name vorname nachname nom prénom nombre apellido nome cognome naam voornaam achternaam phone
  tel telefon téléphone teléfono telefono telefoon address adresse dirección indirizzo adres subject betreff blumen
  sure super klar bien où perfekt je j'ai perfecto perfect parfait does do did where what when why how who great
  claro wo was wie wann warum devo certo necesito ho yes ok okay ja nein genau gerne prima oui non vale sí bueno
  perfetto bene ecco nee goed graag care logistics logistik möbel trading retail textiles outfitters supplies goods
  handel vertrieb tuurlijk natuurlijk zeker klopt oké nie dni nif cif ssn vat iban bic via rue calle avenida
  plaza paseo piazza corso viale largo straße strasse weg allee platz gasse straat laan plein gracht street road
  avenue boulevard passage chemin quai impasse allée`);

/** Common given names the faker dictionaries lack (older German names, and names frequent among EU residents). */
const EXTRA_FIRST_NAMES: readonly string[] = words(`
  jürgen uwe günter günther heike birgit jörg björn sören bärbel gisela helga ingrid erika renate karin gabriele
  brigitte rüdiger detlef jens kai lars sven torsten thorsten holger volker rainer reinhard manfred gerhard dörte
  priya raj rahul anil sunil deepak arjun amit pooja neha mehmet ahmet mustafa ali fatma ayşe emine hatice zeynep
  elif murat hakan emre burak yusuf ibrahim mohammed mohamed muhammad ahmed fatima aisha youssef karim omar hassan
  hussein amir leila yasmin samir nadia rachid piotr krzysztof tomasz paweł agnieszka katarzyna małgorzata
  wojciech marcin andrzej jakub dmitri olga svetlana sergei oleksandr olena iñaki aitor nuria montserrat xavier
  gianluca giorgia federica matteo daan bram sem jesse femke lotte eline anouk wei minh linh hiroshi yuki kenji`);

/** Given names that are also everyday words; they need a dictionary surname to count without context. */
const AMBIGUOUS_FIRST: readonly string[] = words(`
  will may june april august mark bill bob pat sue jack frank guy chase art rich don sandy dusty rusty misty lane
  dale glen cliff reed drew page grace hope faith joy charity patience mercy prudence constance honor destiny
  harmony melody summer autumn winter dawn eve ivy holly daisy lily iris poppy jasmine fern pearl crystal coral
  ruby amber jade olive hazel violet scarlett ginger honey candy sky skye sunny storm river ocean brook star
  stella luna bella sol mar luz paz alba aurora perla gioia fortuna marina estrella esperanza rosa rose lila
  bianca blanca viola celeste ernst fidel domingo paris florence georgia virginia austin sydney chelsea jordan
  india china jean baby king major royal golden precious unique sage basil berry`);

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

/** Legal-form suffixes: a name followed by one of these is a company ("Peter Kaiser GmbH"). */
export const COMPANY_AFTER_RE =
  /^[ \t]{0,2}(?:&[ \t]{0,2}(?:Co\.?|Partner|Söhne|Sohn|Sons|Fils|Hijos|Figli|Zonen)[ \t]{0,2})?,?[ \t]{0,2}(?:GmbH|AG|KGaA|KG|OHG|UG|SE|e\.[ \t]?V\.|S\.?A\.?S?|SARL|S\.à[ \t]?r\.l\.|S\.?L\.?|S\.?r\.?l\.?|SRL|S\.?p\.?A\.?|SPA|SNC|B\.?V\.?|N\.?V\.?|VOF|Ltd|Limited|Inc|LLC|LLP|PLC|plc|Corp|Co\.|Company|Group|Gruppe|Holding|GbR|e\.[ \t]?K\.|S\.[ \t]?n\.[ \t]?c\.|Snc|S\.[ \t]?a\.[ \t]?s\.|V\.[ \t]?O\.[ \t]?F\.|C\.[ \t]?V\.|eG|mbH|e\.[ \t]?Kfm\.|Asociados|Hermanos|e Hijos|e [Ff]igli|& Fils|Associés|Associati|Partners?|Groep|Combinatie|Bedrijf)(?![\p{L}\p{N}])/u;

/** Places: never a surname, unless the dictionaries know them as one ("Madrid", "Paris", "Valencia"). */
const PLACE_WORDS: readonly string[] = words(`
  berlin münchen hamburg köln frankfurt stuttgart düsseldorf dresden leipzig wien zürich genf basel bern paris
  lyon marseille toulouse nice bordeaux lille madrid barcelona valencia sevilla bilbao roma rome milano milan
  napoli torino firenze venezia bologna amsterdam rotterdam utrecht brussel bruxelles london manchester dublin
  europe europa germany deutschland france spain españa italy italia netherlands nederland mallorca compostela
  tenerife canaria henares chapel`);

const LOCALES: readonly LocaleDefinition[] = [en, de, deCH, fr, frBE, frCH, es, esMX, it, nl, nlBE].map(
  (f) => f.rawDefinitions,
);

/** Removes combining accents so "Jose" in a prompt finds "José" in the dictionary. */
function foldAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

const NON_ASCII = /[\u0080-\uffff]/;

function addLower(into: Set<string>, lower: string): void {
  into.add(lower);
  if (NON_ASCII.test(lower)) into.add(foldAccents(lower));
}

const addWord = (into: Set<string>, word: string): void => addLower(into, word.toLowerCase());

/** Arrays already read: regional locales share their parent's arrays (and English ones as fallback). */
const seen = new Set<unknown>();

/** Flattens a faker entry (array, or object of arrays such as {female, male}) into its strings, once. */
function stringsOf(entry: unknown): string[] {
  if (seen.has(entry)) return [];
  if (Array.isArray(entry)) {
    seen.add(entry);
    return entry.filter((x): x is string => typeof x === 'string');
  }
  if (entry !== null && typeof entry === 'object') return Object.values(entry).flatMap(stringsOf);
  return [];
}

function addNameToken(into: Set<string>, token: string): void {
  const lower = token.toLowerCase();
  // Lowercase tokens are particles ("de los"); faker also has a few mojibake entries ("Ãmer"), skipped here.
  if (token.length < 2 || lower === token || CAP_PARTICLES.has(lower) || TITLES.has(lower)) return;
  if (token.charCodeAt(0) !== 0xc3) addLower(into, lower);
}

/** Capitalised tokens of multi-word entries ("María José", "van der Berg"), particles and titles left out. */
function nameTokens(entries: string[], into: Set<string>): void {
  for (const entry of entries) {
    if (entry.indexOf(' ') < 0) addNameToken(into, entry);
    else for (const token of entry.split(' ')) addNameToken(into, token);
  }
}

/** Single-word entries of faker's non-person vocabularies. */
const singleWords = (lists: unknown[]): string[] => lists.flatMap(stringsOf).filter((w) => !w.includes(' '));

/** Shop nouns ("Chair", "Shoes"): never a surname. */
const productWords = (def: LocaleDefinition): string[] =>
  singleWords([def.commerce?.department, def.commerce?.product_name?.product]);

/** Colours, materials, foods, months, countries...: words that are also given names or surnames now and then. */
const everydayWords = ({ color, commerce, food, vehicle, date, location }: LocaleDefinition): string[] =>
  singleWords([
    color?.human, commerce?.product_name?.adjective, commerce?.product_name?.material, food?.fruit, food?.vegetable,
    food?.spice, food?.ingredient, vehicle?.manufacturer, vehicle?.model, vehicle?.type, date?.month?.wide,
    date?.weekday?.wide, location?.country, location?.state,
  ]);

function build(): Record<'first' | 'last' | 'stop' | 'ambiguous' | 'wordlike', Set<string>> {
  const first = new Set<string>();
  const last = new Set<string>();
  const stop = new Set<string>();
  const wordlike = new Set<string>();
  for (const def of LOCALES) {
    nameTokens(stringsOf(def.person?.first_name), first);
    nameTokens(stringsOf(def.person?.last_name), last);
    for (const w of productWords(def)) addWord(stop, w);
    for (const w of everydayWords(def)) addWord(wordlike, w);
  }
  for (const w of EXTRA_FIRST_NAMES) addWord(first, w);
  for (const w of STOP_WORDS) addWord(stop, w);
  for (const w of PLACE_WORDS) if (!last.has(w)) addWord(stop, w);
  for (const w of CAP_PARTICLES) stop.delete(w);
  for (const w of [...CAP_PARTICLES, ...stop]) first.delete(w);
  for (const w of stop) wordlike.add(w);
  const ambiguous = new Set(AMBIGUOUS_FIRST);
  for (const w of wordlike) if (first.has(w)) ambiguous.add(w);
  return { first, last, stop, ambiguous, wordlike };
}

const DATA = build();

/** Bit flags of a lowercase word, so a token is classified with one Map lookup. */
export const W = {
  stop: 1, greeting: 2, title: 4, signoff: 8, role: 16, signoffLead: 32, capParticle: 64, first: 128, last: 256,
  ambiguous: 512, common: 1024,
} as const;

function buildFlags(): Map<string, number> {
  const flags = new Map<string, number>();
  const sources: [Iterable<string>, number][] = [
    [DATA.stop, W.stop], [GREETINGS, W.greeting | W.stop], [SIGNOFFS, W.signoff | W.stop], [TITLES, W.title],
    [ROLE_WORDS, W.role], [SIGNOFF_LEADS, W.signoffLead], [CAP_PARTICLES, W.capParticle], [DATA.first, W.first],
    [DATA.last, W.last], [DATA.ambiguous, W.ambiguous], [DATA.wordlike, W.common],
  ];
  for (const [words, bit] of sources) for (const w of words) flags.set(w, (flags.get(w) ?? 0) | bit);
  return flags;
}

/** Flags of every word any list knows; words absent from it have none. */
const WORD_FLAGS: ReadonlyMap<string, number> = buildFlags();

const NAME_FLAGS = W.first | W.last;
/** Long words ending like a street or a team are never a surname ("Goethestraße", "Kundenservice"). */
const NON_NAME_END_RE = new RegExp(`(?:straße|strasse|straat|gasse|allee|gracht|plein|platz|${TEAM_SUFFIXES})$`, 'u');

/** Flags of words absent from the lists, remembered across calls; prompts repeat their words. Bounded. */
const derived = new Map<string, number>();
const DERIVED_LIMIT = 20_000;

/** Flags from the word lists; hyphenated and accented forms fall back to their parts and accent-free spelling. */
export function flagsOf(lower: string): number {
  const known = WORD_FLAGS.get(lower) ?? derived.get(lower);
  if (known !== undefined) return known;
  let flags = 0;
  if (lower.includes('-')) {
    const parts = lower.split('-').map((p) => WORD_FLAGS.get(p) ?? 0);
    if (parts.every((f) => (f & W.first) !== 0)) flags |= W.first;
    if (parts.some((f) => (f & W.last) !== 0)) flags |= W.last;
    if (parts.some((f) => (f & W.stop) !== 0 && (f & NAME_FLAGS) === 0)) flags |= W.stop; // "Marie-Kekse"
  } else if (NON_ASCII.test(lower)) {
    flags = (WORD_FLAGS.get(foldAccents(lower)) ?? 0) & (NAME_FLAGS | W.ambiguous);
  }
  if (lower.length > 6 && NON_NAME_END_RE.test(lower)) flags |= W.stop;
  if (derived.size >= DERIVED_LIMIT) derived.clear();
  derived.set(lower, flags);
  return flags;
}
