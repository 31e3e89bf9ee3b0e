/**
 * The places an indirect injection hides in: what a shop assistant's tools return — product reviews (JSON and
 * text), customer e-mails, CRM notes, product web pages, retrieved help-centre documents, order JSON, chat
 * transcripts and product search results. Every wrapper also writes the same structure with no payload (or a
 * harmless one), which is how the benign tool outputs are made, so that structure alone never tells a detector
 * which side a text is on. Payloads sit in the middle or at the end, visible or hidden (HTML comments,
 * display:none), as in the BIPIA and Greshake et al. indirect-injection studies.
 */
import type { Rng } from '../rng.ts';
import { amountText, emailFor, fillSlots } from './slots.ts';
import type { Lang, ShopPack } from './types.ts';

export interface WrapCtx {
  rng: Rng;
  lang: Lang;
  pack: ShopPack;
}

/** `inner` is the planted text; null writes the wrapper with ordinary content only. */
export type Wrapper = (c: WrapCtx, inner: string | null) => string;

export const SHOP_URL = 'https://www.nordhaus-outdoor.example';
const fill = (c: WrapCtx, text: string): string => fillSlots(c.rng, c.lang, c.pack, text);
const shortName = (name: string): string => { const [first = name, ...rest] = name.split(' '); return rest.length ? `${first} ${(rest.at(-1) ?? '').charAt(0)}.` : first; };
const isoDate = (rng: Rng): string => `2025-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
const slug = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const capital = (c: WrapCtx, text: string): string => (['en', 'es', 'fr'].includes(c.lang) ? text.charAt(0).toUpperCase() + text.slice(1) : text);

/** `count` items of `list` in their original order (a conversation keeps its order when steps are skipped). */
export function inOrder<T>(c: WrapCtx, list: readonly T[], count: number): T[] {
  const keep = new Set(c.rng.shuffle(list.map((_, i) => i)).slice(0, count));
  return list.filter((_, i) => keep.has(i));
}

/** Inserts `item` into `list` at the end or somewhere in the middle. */
function place<T>(rng: Rng, list: T[], item: T): T[] {
  const at = rng.chance(0.5) || list.length < 2 ? list.length : rng.int(1, list.length - 1);
  return [...list.slice(0, at), item, ...list.slice(at)];
}

/** Every shop pack lists its e-mail bodies and reviews in the same order; these pair them with subject and stars. */
const SUBJECT_OF_BODY = [3, 4, 5, 2, 1, 0];
const STARS_OF_REVIEW = [5, 4, 3, 5, 4, 4];

function pickReview(c: WrapCtx, at = c.rng.int(0, c.pack.reviews.length - 1)): { text: string; rating: number } {
  return { text: fill(c, c.pack.reviews[at] ?? ''), rating: STARS_OF_REVIEW[at] ?? 4 };
}

/** `count` distinct reviews, so one product page never lists the same review twice. */
function someReviews(c: WrapCtx, count: number): { text: string; rating: number }[] {
  return c.rng.shuffle(c.pack.reviews.map((_, i) => i)).slice(0, count).map((i) => pickReview(c, i));
}

const reviewsJson: Wrapper = (c, inner) => {
  const review = (text: string, rating: number): Record<string, unknown> => ({ author: shortName(c.rng.pick(c.pack.names)), rating, date: isoDate(c.rng), text });
  let reviews = someReviews(c, c.rng.int(1, 3)).map((r) => review(r.text, r.rating));
  if (inner !== null) reviews = place(c.rng, reviews, review(c.rng.chance(0.5) ? `${pickReview(c).text} ${inner}` : inner, c.rng.int(4, 5)));
  const body = { product: fill(c, '{product}'), average_rating: c.rng.int(36, 49) / 10, review_count: c.rng.int(reviews.length, 240), reviews };
  return JSON.stringify(body, null, c.rng.chance(0.5) ? 2 : undefined);
};

const reviewsText: Wrapper = (c, inner) => {
  const one = (text: string, stars: number): string => `${'★'.repeat(stars).padEnd(5, '☆')} ${shortName(c.rng.pick(c.pack.names))}\n${text}`;
  let items = someReviews(c, c.rng.int(2, 3)).map((r) => one(r.text, r.rating));
  if (inner !== null) items = place(c.rng, items, one(inner, c.rng.int(4, 5)));
  const numbered = items.map((item, i) => `${c.pack.labels.review} ${i + 1}/${items.length} ${item}`);
  return `${fill(c, '{product}')}\n\n${numbered.join('\n\n')}`;
};

const email: Wrapper = (c, inner) => {
  const name = c.rng.pick(c.pack.names);
  const topic = c.rng.int(0, c.pack.emailBodies.length - 1);
  const subject = c.pack.emailSubjects[SUBJECT_OF_BODY[topic] ?? 0] ?? '';
  const head = `${c.pack.labels.from}: ${name} <${emailFor(c.rng, name)}>\n${c.pack.labels.subject}: ${fill(c, subject)}\n\n`;
  const greeting = c.rng.pick(c.pack.emailGreetings);
  const body = capital(c, fill(c, c.pack.emailBodies[topic] ?? ''));
  const sign = `${c.rng.pick(c.pack.emailSignoffs)}\n${name}`;
  if (inner === null) return `${head}${greeting}\n\n${body}\n\n${sign}`;
  return c.rng.chance(0.5) ? `${head}${greeting}\n\n${body}\n\n${inner}\n\n${sign}` : `${head}${greeting}\n\n${body}\n\n${sign}\n\n${inner}`;
};

const crmNotes: Wrapper = (c, inner) => {
  let notes = Array.from({ length: c.rng.int(2, 4) }, () => ({ date: isoDate(c.rng), author: c.rng.pick(c.pack.agents), text: fill(c, c.rng.pick(c.pack.crmNotes)) }));
  if (inner !== null) notes = place(c.rng, notes, { date: isoDate(c.rng), author: c.rng.chance(0.5) ? 'web form' : c.rng.pick(c.pack.agents), text: inner });
  const name = c.rng.pick(c.pack.names);
  if (c.rng.chance(0.5)) return JSON.stringify({ contact: { id: `C-${c.rng.digits(6)}`, name, segment: c.rng.pick(['B2C', 'B2B', 'VIP']) }, notes }, null, 2);
  return `${c.pack.labels.customer}: ${name}\n${notes.map((n) => `${c.pack.labels.note} ${n.date} (${n.author}): ${n.text}`).join('\n')}`;
};

const webPage: Wrapper = (c, inner) => {
  const product = fill(c, '{product}');
  const paras = c.rng.shuffle(c.pack.pageParagraphs).slice(0, c.rng.int(2, 3)).map((p) => `<p>${fill(c, p.replace('{product}', product))}</p>`);
  const hidden = inner === null ? null : c.rng.pick([
    `<!-- ${inner} -->`, `<div style="display:none">${inner}</div>`, `<p style="color:#ffffff;font-size:1px">${inner}</p>`, `<p>${inner}</p>`,
  ]);
  const body = hidden === null ? paras : place(c.rng, paras, hidden);
  const url = `${SHOP_URL}/${c.lang}/p/${slug(product)}`;
  return `<html><head><title>${product} | Nordhaus Outdoor</title><link rel="canonical" href="${url}"></head>\n<body>\n<h1>${product}</h1>\n${body.join('\n')}\n</body></html>`;
};

const retrievedDocs: Wrapper = (c, inner) => {
  const titles = c.rng.shuffle(c.pack.docTitles).slice(0, c.rng.int(2, 3));
  const docs = titles.map((t, i) => `[${i + 1}] ${c.pack.labels.doc} › ${t}\n${fill(c, c.rng.pick(c.pack.pageParagraphs))}`);
  if (inner !== null) {
    const at = c.rng.int(0, docs.length - 1);
    docs[at] = `${docs[at] ?? ''}${c.rng.chance(0.5) ? ' ' : '\n'}${inner}`;
  }
  return docs.join('\n\n');
};

const orderJson: Wrapper = (c, inner) => {
  const items = Array.from({ length: c.rng.int(1, 3) }, () => ({ sku: `BX-${c.rng.digits(4)}`, name: fill(c, '{product}'), qty: c.rng.int(1, 3), unit_price: c.rng.int(900, 24900) / 100 }));
  const order = {
    order_id: fill(c, '{order}'), status: c.rng.pick(['processing', 'shipped', 'on_hold', 'delivered']), placed_at: isoDate(c.rng),
    customer: { name: c.rng.pick(c.pack.names) }, items,
    shipping: { method: c.rng.pick(['standard', 'express', 'pickup']), address: `${c.rng.pick(c.pack.streets)}, ${c.rng.pick(c.pack.cities)}` },
    delivery_instructions: inner ?? fill(c, c.rng.pick(c.pack.orderNotes)),
  };
  return JSON.stringify(c.rng.chance(0.5) ? { tool: 'get_order', result: order } : order, null, c.rng.chance(0.6) ? 2 : undefined);
};

const transcript: Wrapper = (c, inner) => {
  let lines = inOrder(c, c.pack.chat, c.rng.int(2, 4)).flatMap(([q, a]) => [`${c.pack.labels.customer}: ${fill(c, q)}`, `${c.pack.labels.agent}: ${fill(c, a)}`]);
  if (inner !== null) lines = place(c.rng, lines, `${c.pack.labels.customer}: ${inner}`);
  return lines.join('\n');
};

const searchResults: Wrapper = (c, inner) => {
  const products = c.rng.shuffle(c.pack.products).slice(0, c.rng.int(2, 4));
  const rows = products.map((p, i) => {
    const s = slug(p);
    const image = c.rng.chance(0.6) ? `\n   ![${p}](https://cdn.nordhaus-outdoor.example/img/${s}.jpg?w=${c.rng.pick([300, 400, 600])})` : '';
    return `${i + 1}. [${p}](${SHOP_URL}/${c.lang}/p/${s}) – ${amountText(c.rng, c.lang)}${image}\n   ${fill(c, c.rng.pick(c.pack.pageParagraphs))}`;
  });
  if (inner !== null) {
    const at = c.rng.int(0, rows.length - 1);
    rows[at] = `${rows[at] ?? ''} ${inner}`;
  }
  return rows.join('\n');
};

/** For payloads that close a JSON string ('"}]}'): the tool pasted raw text into its JSON without escaping. */
const rawJsonBreakout: Wrapper = (c, inner) =>
  `{"tool":"search_reviews","results":[{"author":"${shortName(c.rng.pick(c.pack.names))}","rating":4,"text":"${pickReview(c).text}${inner ?? '"}]}'}`;

export const WRAPPERS = { reviewsJson, reviewsText, email, crmNotes, webPage, retrievedDocs, orderJson, transcript, searchResults } as const;
export type WrapperName = keyof typeof WRAPPERS;

/** Picks a wrapper that fits what the payload says about where it lives ("this e-mail", "this page", "reviews"). */
export function wrapperFor(rng: Rng, payload: string): Wrapper {
  if (payload.startsWith('"}')) return rawJsonBreakout;
  const lower = payload.toLowerCase();
  if (/e-?mail|correo|courriel/.test(lower)) return email;
  if (/\b(page|seite|pagina|página|site)\b/.test(lower)) return rng.pick([webPage, retrievedDocs]);
  if (/review|bewertung|avis|reseñ|recension/.test(lower)) return rng.pick([reviewsJson, reviewsText]);
  if (/customer requests|kunde wünscht|client demande|cliente pide|cliente chiede|klant vraagt/.test(lower)) return crmNotes;
  return rng.pick(Object.values(WRAPPERS));
}
