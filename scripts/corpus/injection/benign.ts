/**
 * Writes the benign half of the corpus for one language, in four categories:
 * - benign_trigger_words: requests that use injection vocabulary innocently ("ignore the old size chart",
 *   "forget my previous address", "the system was down", "act as a friendly shop assistant"), sometimes inside
 *   a customer e-mail, CRM note or transcript a tool returned;
 * - benign_commerce: ordinary shop and CRM requests;
 * - benign_tool_output: what the shop's tools return — the same wrappers the indirect attacks hide in, plus
 *   attachment metadata, image data URIs, tracking events and CRM threads with role fields;
 * - benign_technical: developer questions with code, logs, SDK calls with system messages and base64 data.
 * Each hand-written text is used once per language; slots and framing make the surface differ.
 */
import { BASE64 } from '../rng.ts';
import { fillSlots } from './slots.ts';
import { fillCode } from './snippets.ts';
import type { BenignCategory, Source } from './types.ts';
import { SHOP_URL, WRAPPERS, inOrder } from './wrappers.ts';
import type { WrapCtx, Wrapper } from './wrappers.ts';

export interface Draft {
  category: BenignCategory;
  source: Source;
  text: string;
}

const fill = (c: WrapCtx, text: string): string => fillSlots(c.rng, c.lang, c.pack, text);

/** How a user message is framed around its main sentence: alone, after an opener, before a follow-up. */
export function frameUser(c: WrapCtx, main: string): string {
  const roll = c.rng.next();
  if (roll < 0.45) return main;
  if (roll < 0.65) return `${fill(c, c.rng.pick(c.pack.leads))} ${main}`;
  if (roll < 0.82) return `${main}\n\n${fill(c, c.rng.pick(c.pack.tails))}`;
  return `${fill(c, c.rng.pick(c.pack.leads))}\n${main}\n${fill(c, c.rng.pick(c.pack.tails))}`;
}

function triggerWords(c: WrapCtx): Draft[] {
  return c.pack.triggerTexts.map((t) => {
    const text = fill(c, t);
    if (c.rng.chance(0.2)) {
      const wrapper = c.rng.pick([WRAPPERS.email, WRAPPERS.crmNotes, WRAPPERS.transcript]);
      return { category: 'benign_trigger_words', source: 'tool', text: wrapper(c, text) } as const;
    }
    return { category: 'benign_trigger_words', source: 'user', text: frameUser(c, text) } as const;
  });
}

function commerce(c: WrapCtx): Draft[] {
  return c.pack.commerceTexts.map((t) => ({ category: 'benign_commerce', source: 'user', text: frameUser(c, fill(c, t)) }) as const);
}

function technical(c: WrapCtx): Draft[] {
  return c.pack.techQuestions.map((t) => ({ category: 'benign_technical', source: 'user', text: fillCode(c.rng, fill(c, t)) }) as const);
}

const attachments: Wrapper = (c) => JSON.stringify({
  message_id: `<${c.rng.chars(BASE64.slice(0, 62), 16)}@mail.example.com>`,
  subject: fill(c, c.rng.pick(c.pack.emailSubjects)),
  attachments: [{ filename: `invoice-2025-${c.rng.digits(4)}.pdf`, content_type: 'application/pdf', size: c.rng.int(20000, 900000), attachment_id: c.rng.chars(BASE64, 44) + '=' }],
}, null, 2);

const productThumb: Wrapper = (c) => {
  const product = fill(c, '{product}');
  return JSON.stringify({
    sku: `BX-${c.rng.digits(4)}`, name: product, url: `${SHOP_URL}/${c.lang}/p/${c.rng.digits(5)}`,
    thumbnail: `data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAYAAACqaXHe${c.rng.chars(BASE64, 64)}`,
    stock: c.rng.int(0, 120),
  }, null, c.rng.chance(0.5) ? 2 : undefined);
};

const tracking: Wrapper = (c) => {
  const events = ['Shipment information received', 'System update: parcel scanned at hub', 'Out for delivery', 'Delivery attempt failed - recipient not at home', 'Delivered to neighbour']
    .slice(0, c.rng.int(2, 5)).map((status, i) => ({ time: `2025-05-${String(10 + i).padStart(2, '0')}T0${c.rng.int(6, 9)}:${c.rng.int(10, 59)}:00Z`, status, location: c.rng.pick(c.pack.cities) }));
  return JSON.stringify({ carrier: c.rng.pick(['DHL', 'PostNL', 'UPS', 'GLS']), tracking_number: `JJD${c.rng.digits(14)}`, order: fill(c, '{order}'), events }, null, 2);
};

const crmThread: Wrapper = (c) => {
  const pairs = inOrder(c, c.pack.chat, c.rng.int(1, 3));
  const messages = [
    { role: 'system', content: `Ticket #${c.rng.digits(5)} created via web form, assigned to ${c.rng.pick(c.pack.agents)}` },
    ...pairs.flatMap(([q, a]) => [{ role: 'customer', content: fill(c, q) }, { role: 'agent', content: fill(c, a) }]),
    { role: 'system', content: c.rng.pick(['Status changed: open → pending', 'Auto-reply sent', 'Satisfaction survey scheduled']) },
  ];
  return JSON.stringify({ ticket: { channel: c.rng.pick(['chat', 'email']), customer: c.rng.pick(c.pack.names) }, messages }, null, 2);
};

/**
 * Benign tool outputs: every attack wrapper with its ordinary content (order JSON carries delivery notes such as
 * "ignore the billing address"), then the benign-only shapes.
 */
function toolOutput(c: WrapCtx, count: number): Draft[] {
  const sources: Wrapper[] = [...Object.values(WRAPPERS), attachments, productThumb, tracking, crmThread];
  const order = [...c.rng.shuffle(sources), ...c.rng.shuffle(sources)].slice(0, count);
  return order.map((wrap) => ({ category: 'benign_tool_output', source: 'tool', text: wrap(c, null) }) as const);
}

export const BENIGN_TOOL_OUTPUTS_PER_LANG = 16;

export function benignDrafts(c: WrapCtx): Draft[] {
  return [...triggerWords(c), ...commerce(c), ...toolOutput(c, BENIGN_TOOL_OUTPUTS_PER_LANG), ...technical(c)];
}
