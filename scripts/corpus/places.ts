/**
 * Cities, postcodes and postal addresses per country. Cities are real and paired with a plausible postcode
 * range, because faker invents city names that contain first names ("Martastadt"), which would put an
 * unlabeled name-like token into benign texts. Street names come from faker where its lists are realistic
 * and from our own lists for Spain and Italy. Each country writes the address in its own order.
 */
import type { Rng } from './rng.ts';
import type { Country, Ctx } from './types.ts';

/** [city, lowest postcode, highest postcode, extra] — extra is the US state or Italian province. */
type CityRow = readonly [string, number, number, string?];

const CITIES: Record<Country | 'BE-nl', readonly CityRow[]> = {
  DE: [['Berlin', 10115, 14199], ['Hamburg', 20095, 22769], ['München', 80331, 81929], ['Köln', 50667, 51149],
    ['Frankfurt am Main', 60311, 60599], ['Stuttgart', 70173, 70619], ['Düsseldorf', 40210, 40629],
    ['Leipzig', 4103, 4357], ['Dresden', 1067, 1328], ['Hannover', 30159, 30669], ['Nürnberg', 90402, 90491],
    ['Bremen', 28195, 28779], ['Münster', 48143, 48167], ['Freiburg im Breisgau', 79098, 79117]],
  AT: [['Wien', 1010, 1230], ['Graz', 8010, 8054], ['Linz', 4020, 4040], ['Salzburg', 5020, 5026], ['Innsbruck', 6020, 6080]],
  GB: [['London', 0, 0, 'EC1V|N1|SE1|SW11|E14|NW1|W2'], ['Manchester', 0, 0, 'M1|M4|M20'], ['Birmingham', 0, 0, 'B1|B15'],
    ['Leeds', 0, 0, 'LS1|LS6'], ['Bristol', 0, 0, 'BS1|BS8'], ['Edinburgh', 0, 0, 'EH1|EH3'], ['Glasgow', 0, 0, 'G1|G12'],
    ['Liverpool', 0, 0, 'L1|L8'], ['Cardiff', 0, 0, 'CF10|CF24'], ['Brighton', 0, 0, 'BN1|BN2']],
  US: [['New York', 10001, 10040, 'NY'], ['Chicago', 60601, 60661, 'IL'], ['Austin', 78701, 78759, 'TX'],
    ['Seattle', 98101, 98199, 'WA'], ['Denver', 80202, 80239, 'CO'], ['Boston', 2108, 2136, 'MA'],
    ['San Francisco', 94102, 94134, 'CA'], ['Portland', 97201, 97239, 'OR'], ['Atlanta', 30303, 30350, 'GA']],
  FR: [['Paris', 75001, 75020], ['Lyon', 69001, 69009], ['Marseille', 13001, 13016], ['Toulouse', 31000, 31500],
    ['Nantes', 44000, 44300], ['Bordeaux', 33000, 33800], ['Lille', 59000, 59800], ['Strasbourg', 67000, 67200],
    ['Rennes', 35000, 35700], ['Montpellier', 34000, 34090], ['Nice', 6000, 6300]],
  BE: [['Bruxelles', 1000, 1210], ['Liège', 4000, 4032], ['Namur', 5000, 5024], ['Charleroi', 6000, 6061], ['Mons', 7000, 7034]],
  'BE-nl': [['Antwerpen', 2000, 2660], ['Gent', 9000, 9051], ['Brugge', 8000, 8310], ['Leuven', 3000, 3012],
    ['Mechelen', 2800, 2812], ['Brussel', 1000, 1210]],
  ES: [['Madrid', 28001, 28055], ['Barcelona', 8001, 8042], ['Valencia', 46001, 46026], ['Sevilla', 41001, 41020],
    ['Zaragoza', 50001, 50018], ['Málaga', 29001, 29018], ['Bilbao', 48001, 48015], ['Alicante', 3001, 3016],
    ['Granada', 18001, 18015], ['Valladolid', 47001, 47016]],
  IT: [['Milano', 20121, 20162, 'MI'], ['Roma', 118, 199, 'RM'], ['Torino', 10121, 10156, 'TO'],
    ['Napoli', 80121, 80147, 'NA'], ['Bologna', 40121, 40141, 'BO'], ['Firenze', 50121, 50145, 'FI'],
    ['Genova', 16121, 16167, 'GE'], ['Verona', 37121, 37142, 'VR'], ['Padova', 35121, 35143, 'PD'], ['Bari', 70121, 70132, 'BA']],
  NL: [['Amsterdam', 1011, 1109], ['Rotterdam', 3011, 3089], ['Den Haag', 2491, 2597], ['Utrecht', 3511, 3585],
    ['Eindhoven', 5611, 5658], ['Groningen', 9711, 9747], ['Tilburg', 5011, 5049], ['Almere', 1311, 1364],
    ['Breda', 4811, 4841], ['Nijmegen', 6511, 6546], ['Haarlem', 2011, 2037], ['Arnhem', 6811, 6846]],
};

const ES_STREETS = ['Calle Mayor', 'Calle de Alcalá', 'Avenida de la Constitución', 'Calle de Cervantes', 'Calle de Goya',
  'Calle de Serrano', 'Gran Vía', 'Paseo de la Castellana', 'Calle de Colón', 'Avenida de los Reyes Católicos',
  'Calle de Sagasta', 'Avenida de Blasco Ibáñez', 'Calle Ramón y Cajal', 'Avenida de Andalucía', 'Carrer de Mallorca',
  'Ronda de Sant Pere', 'Plaza de España', 'Calle San Vicente'];
const IT_STREETS = ['Via Roma', 'Via Garibaldi', 'Via Mazzini', 'Corso Cavour', 'Via Dante Alighieri',
  'Corso Vittorio Emanuele II', 'Viale della Repubblica', 'Via XX Settembre', 'Via Manzoni', 'Via Giuseppe Verdi',
  'Via dei Mille', 'Viale Guglielmo Marconi', 'Piazza San Francesco', 'Via Matteotti', 'Corso Torino', 'Via Nazionale'];
const NL_LETTERS = 'ABCDEFGHJKLMNPRTVWXZ';
const GB_INWARD = 'ABDEFGHJLNPQRSTUWXYZ';

export interface City {
  name: string;
  postcode: string;
  /** US state or Italian province code, when the country writes one. */
  region?: string;
}

function cityRows(ctx: Pick<Ctx, 'lang' | 'country'>): readonly CityRow[] {
  return CITIES[ctx.country === 'BE' && ctx.lang === 'nl' ? 'BE-nl' : ctx.country];
}

export function cityName(rng: Rng, ctx: Pick<Ctx, 'lang' | 'country'>): string {
  return rng.pick(cityRows(ctx))[0];
}

export function city(rng: Rng, ctx: Pick<Ctx, 'lang' | 'country'>): City {
  const [name, low, high, extra] = rng.pick(cityRows(ctx));
  const n = rng.int(low, high);
  switch (ctx.country) {
    case 'GB': {
      const outward = rng.pick((extra ?? 'EC1V').split('|'));
      return { name, postcode: `${outward} ${rng.int(1, 9)}${rng.chars(GB_INWARD, 2)}` };
    }
    case 'US':
      return { name, postcode: String(n).padStart(5, '0'), region: extra ?? 'NY' };
    case 'NL':
      return { name, postcode: `${n} ${rng.chars(NL_LETTERS, 2)}` };
    case 'AT':
    case 'BE':
      return { name, postcode: String(n) };
    case 'IT':
      return { name, postcode: String(n).padStart(5, '0'), region: extra ?? 'RM' };
    default:
      return { name, postcode: String(n).padStart(5, '0') };
  }
}

function houseNumber(rng: Rng): string {
  const n = String(rng.int(1, rng.chance(0.8) ? 60 : 240));
  return rng.chance(0.12) ? n + rng.pick(['a', 'b', 'c']) : n;
}

/** A faker street name; a few of faker's Austrian names carry a hamlet in brackets, which no form would. */
function streetName(ctx: Ctx): string {
  for (;;) {
    const name = ctx.faker.location.street();
    if (!name.includes('(')) return name;
  }
}

/** Street and number in the country's order, e.g. "Lindenstraße 12" or "14 Brook Road". */
export function streetLine(ctx: Ctx): string {
  const { rng } = ctx;
  const faker = { location: { street: () => streetName(ctx) } };
  const num = houseNumber(rng);
  switch (ctx.country) {
    case 'GB':
    case 'FR':
      return `${num} ${faker.location.street()}`;
    case 'US': {
      const line = `${rng.int(100, 9899)} ${faker.location.street()}`;
      return rng.chance(0.2) ? `${line}, Apt ${rng.int(1, 30)}${rng.pick(['A', 'B', 'C', 'D'])}` : line;
    }
    case 'ES': {
      const street = rng.pick(ES_STREETS);
      const floor = rng.chance(0.5) ? `, ${rng.int(1, 8)}º ${rng.pick(['A', 'B', 'C', 'D', 'izda.', 'dcha.'])}` : '';
      return rng.chance(0.5) ? `${street}, ${num}${floor}` : `${street} ${num}${floor}`;
    }
    case 'IT':
      return rng.chance(0.5) ? `${rng.pick(IT_STREETS)}, ${num}` : `${rng.pick(IT_STREETS)} ${num}`;
    case 'AT':
      return rng.chance(0.3) ? `${faker.location.street()} ${num}/${rng.int(1, 12)}` : `${faker.location.street()} ${num}`;
    default:
      return `${faker.location.street()} ${num}`;
  }
}

/** Postcode and city the way the country writes them after the street. */
export function cityLine(rng: Rng, ctx: Ctx): string {
  const c = city(rng, ctx);
  if (ctx.country === 'GB') return `${c.name} ${c.postcode}`;
  if (ctx.country === 'US') return `${c.name}, ${c.region ?? ''} ${c.postcode}`;
  if (ctx.country === 'IT') return `${c.postcode} ${c.name} (${c.region ?? ''})`;
  return `${c.postcode} ${c.name}`;
}

/** A full postal address on one line (", ") or two ("\n"), as one value. */
export function fullAddress(ctx: Ctx, multiline: boolean): string {
  const sep = multiline ? '\n' : ctx.country === 'IT' && ctx.rng.chance(0.4) ? ' - ' : ', ';
  return `${streetLine(ctx)}${sep}${cityLine(ctx.rng, ctx)}`;
}
