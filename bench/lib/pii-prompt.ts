/**
 * The prompt of the benchmark's full-pipeline rows: a shop/CRM support ticket (the customer's message, the
 * agent's notes, a policy excerpt and a draft reply) of exactly PROMPT_BYTES, like the plain prompt, with exactly
 * ten values the policy must replace, each written once. The expected findings are pinned here so that the
 * run can prove, before measuring, that the gateway replaced all ten and that none reached the backend.
 */
import { PROMPT_BYTES } from './fixtures.ts';

/** The term in the full policy's `business.terms` (an unreleased product line's code name). */
export const BUSINESS_TERM = 'Project Alpenglow';

/** The ten values, in the order they appear, with the type the gateway is expected to find for each. */
export const PII_VALUES: ReadonlyArray<readonly [type: string, value: string]> = [
  ['IBAN', 'DE89 3704 0044 0532 0130 00'],
  ['EMAIL', 'katharina.vogel@example.de'],
  ['PHONE', '+49 151 23456789'],
  ['ADDRESS', 'Lindenstrasse 14, 10969 Berlin'],
  ['PERSON', 'Katharina Vogel'],
  ['BUSINESS_TERM', BUSINESS_TERM],
  ['EMAIL', 'm.keller@example.com'],
  ['PHONE', '+44 20 7946 0958'],
  ['EMAIL', 'returns-desk@example.net'],
  ['PERSON', 'Jonas Becker'],
];

const v = (i: number): string => (PII_VALUES[i] as readonly [string, string])[1];

const HEAD =
  'You are assisting a support agent of an outdoor gear shop. Review the ticket below and improve the draft reply; ' +
  'keep it short and friendly, and do not promise anything the notes do not support.\n\n' +
  'Support ticket 20931, queue: returns and refunds, channel: web form, priority: normal.\n\n' +
  'Customer message:\n' +
  'Hello, I ordered a pair of waterproof hiking boots (order #48213, size 43, colour slate grey) on Monday with express ' +
  'shipping, but the tracking page still says "label created" and the parcel has not moved for three days. I need them ' +
  'for a trip on Saturday. Can you check with the carrier, tell me when they will arrive, and if they cannot make it in ' +
  'time, cancel the order and refund the express shipping fee to my original payment method? I paid by bank transfer ' +
  `from my account ${v(0)}, so please send the refund there. You can reach me at ${v(1)} or on my mobile ${v(2)} during ` +
  `the day. The delivery address on the order is ${v(3)}, and I will be at home on Thursday and Friday.\n` +
  `Kind regards,\n${v(4)}\n\n` +
  'Agent notes:\n' +
  `Customer since 2019, eleven orders, no previous complaints. The boots are part of the ${v(5)} launch batch, so the ` +
  'carrier has them on the priority lane; the warehouse confirmed the parcel was handed over late because of a scanner ' +
  "fault at the loading dock. Escalated to the carrier's account manager, who can be reached at " +
  `${v(6)} or on ${v(7)} for anything urgent this week. Refund of the express fee approved by the team lead. Copy of ` +
  `the case summary sent to the returns desk at ${v(8)} so that a store return can be accepted if the size does not fit.\n\n` +
  'Policy excerpt for the agent:\n';

/** Benign knowledge-base text, longer than needed and cut where the prompt reaches exactly PROMPT_BYTES. */
const POLICY_TEXT =
  'Express shipping fees are refunded in full when a parcel misses the promised delivery day, whatever the reason. ' +
  'Standard shipping fees are refunded only when the whole order is cancelled before dispatch. Unworn footwear may be ' +
  'returned within thirty days, in store or by post, with the order confirmation or the receipt; worn items are ' +
  'assessed by the returns team. Refunds go back to the original payment method and usually appear within three to ' +
  'five working days. Agents may approve goodwill vouchers up to the value of the shipping fee without a team lead; ' +
  'anything above needs approval in the case notes. Never ask a customer to send payment details by chat or e-mail. ' +
  'When a carrier reports a fault, record the reason in the case and tell the customer plainly what happened and when ' +
  'the parcel will arrive. Offer a cancellation only if the new delivery date is after the date the customer needs ' +
  'the goods, and explain that a cancelled order is refunded in full. Exchanges for another size are free of charge ' +
  'and are shipped as soon as the returned pair has been scanned at the warehouse; the customer does not need to wait ' +
  'for the refund of the first pair. Items bought in a sale can be exchanged but not refunded in cash. Store returns ' +
  'are booked on the original order, so the refund follows the same rules as a return by post. Loyalty points earned ' +
  'on a returned item are removed when the refund is issued, and points spent on the order are credited back. Manufacturer ' +
  'warranty claims for waterproof footwear are handled by the returns team, who inspect the seams and the membrane ' +
  'before deciding whether to repair, replace or refund the item. Gift cards cannot be refunded or exchanged for cash, ' +
  'but an unused balance stays valid for three years from the date of purchase. ';

const TAIL =
  '\n\nDraft reply to review:\n' +
  'Thank you for your patience. I am sorry about the delay: the carrier has confirmed that your parcel will be collected ' +
  'today and delivered on Friday before noon. We have already refunded the express shipping fee, and you will see it on ' +
  'your account within three to five working days. If the boots do not fit, unworn items can be returned in any of our ' +
  'stores within 30 days, together with the original receipt or the order confirmation. Should the parcel not arrive ' +
  'in time, reply to this message and we will cancel the order and refund the full amount at once.\n' +
  `Best wishes,\n${v(9)}`;

function buildPiiPrompt(): string {
  const room = PROMPT_BYTES - HEAD.length - TAIL.length;
  // ASCII only, as for the plain prompt: characters are bytes.
  const prompt = HEAD + POLICY_TEXT.slice(0, room) + TAIL;
  if (prompt.length !== PROMPT_BYTES || !/^[\x20-\x7e\n]*$/.test(prompt)) throw new Error('the PII prompt is not 4096 ASCII bytes');
  return prompt;
}

export const PII_PROMPT = buildPiiPrompt();
