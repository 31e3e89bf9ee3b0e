/**
 * JSON tool payloads an agent exchanges with shop systems: order look-ups, refunds, customer updates, CRM
 * syncs and integration configs. Keys are English as in real APIs; the surrounding request is in the user's
 * language. Values under sensitive keys are spans of their type; order ids, SKUs and amounts stay unlabeled.
 */
import { randomDate } from '../locales.ts';
import { markedValue, nationalIdValue, org } from '../slots-entities.ts';
import { BENIGN_SLOTS } from '../slots-benign.ts';
import { ENTITY_SLOTS } from '../slots-entities.ts';
import { createSink, fillInto } from '../template.ts';
import type { Filled } from '../template.ts';
import { writeJson } from '../json.ts';
import type { Json, JsonStyle } from '../json.ts';
import { mark } from '../types.ts';
import type { Ctx, GoldType, Lang } from '../types.ts';

const INTROS: Record<Lang, readonly string[]> = {
  en: ['Here is the tool result, summarise it for the customer:', 'Function call arguments:', 'Check this payload before we send it to the ERP:', 'The agent produced this tool call:'],
  de: ['Hier das Ergebnis des Tool-Aufrufs, bitte für den Kunden zusammenfassen:', 'Funktionsargumente:', 'Bitte prüf diesen Payload, bevor er ans ERP geht:', 'Der Agent hat diesen Tool-Call erzeugt:'],
  fr: ['Voici le résultat de l’outil, résume-le pour le client :', 'Arguments de l’appel de fonction :', 'Vérifie ce payload avant l’envoi à l’ERP :', 'L’agent a généré cet appel d’outil :'],
  es: ['Este es el resultado de la herramienta, resúmelo para el cliente:', 'Argumentos de la llamada a función:', 'Revisa este payload antes de enviarlo al ERP:', 'El agente generó esta llamada:'],
  it: ['Ecco il risultato del tool, riassumilo per il cliente:', 'Argomenti della chiamata di funzione:', 'Controlla questo payload prima di inviarlo all’ERP:', 'L’agente ha prodotto questa chiamata:'],
  nl: ['Hier is het resultaat van de tool, vat het samen voor de klant:', 'Argumenten van de functieaanroep:', 'Controleer deze payload voordat hij naar het ERP gaat:', 'De agent maakte deze tool-call:'],
};

const NATID_KEYS: Partial<Record<GoldType, string>> = {
  US_SSN: 'ssn', UK_NINO: 'ni_number', DE_TAX_ID: 'steuer_id', FR_NIR: 'nir', ES_DNI: 'dni', ES_NIE: 'nie', IT_FISCAL_CODE: 'codice_fiscale', NL_BSN: 'bsn',
};

const b = (ctx: Ctx, slot: string): string => BENIGN_SLOTS[slot]?.(ctx) ?? '';
const money = (ctx: Ctx): number => ctx.rng.int(5, 600) - ctx.rng.pick([0.01, 0.05, 0.5]);
const lit = (value: number | string): Json => ({ literal: String(value), type: 'BUSINESS_FIELD' });

function getOrder(ctx: Ctx): Json {
  const { rng } = ctx;
  return {
    order_id: b(ctx, 'order'), status: rng.pick(['shipped', 'processing', 'delivered']),
    customer: { name: markedValue(ctx, 'NAME'), email: markedValue(ctx, 'EMAIL'), phone: markedValue(ctx, 'PHONE') },
    shipping_address: markedValue(ctx, 'ADDRESS'),
    items: [{ sku: b(ctx, 'sku'), qty: rng.int(1, 4), unit_price: money(ctx), ...(rng.chance(0.5) ? { cost_price: lit(Math.round(money(ctx) * 33) / 100) } : {}) }],
    carrier: b(ctx, 'carrier'), tracking: b(ctx, 'tracking'), payment: rng.chance(0.3) ? { method: 'card', card_number: markedValue(ctx, 'CARD') } : { method: 'card', last4: rng.digits(4) },
  };
}

function createRefund(ctx: Ctx): Json {
  return {
    tool: 'create_refund',
    arguments: {
      order_id: b(ctx, 'order'), amount: money(ctx), currency: 'EUR', reason: ctx.rng.pick(['damaged', 'wrong_size', 'late_delivery']),
      refund_to: { account_holder: markedValue(ctx, 'NAME'), iban: markedValue(ctx, 'IBAN'), bic: markedValue(ctx, 'BIC') },
      ...(ctx.rng.chance(0.5) ? { margin: lit(Math.round(ctx.rng.next() * 60) / 100) } : {}),
    },
  };
}

function updateCustomer(ctx: Ctx): Json {
  const d = randomDate(ctx.rng, 1945, 2005);
  const dob = `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
  const [type, value] = nationalIdValue(ctx);
  return {
    name: 'update_customer',
    arguments: {
      customer_id: b(ctx, 'uuid'), full_name: markedValue(ctx, 'NAME'), date_of_birth: mark('DATE_OF_BIRTH', dob),
      [NATID_KEYS[type] ?? 'national_id']: mark(type, value), email: markedValue(ctx, 'EMAIL'), address: markedValue(ctx, 'ADDRESS'),
      marketing_opt_in: ctx.rng.chance(0.3), last_login_ip: markedValue(ctx, 'IP'),
    },
  };
}

function crmSync(ctx: Ctx): Json {
  return {
    account: { name: org(ctx), vat_id: markedValue(ctx, 'VAT'), contact: { name: markedValue(ctx, 'CONTACT'), email: markedValue(ctx, 'WORKEMAIL'), phone: markedValue(ctx, 'PHONE') } },
    deal: { id: b(ctx, 'sfid'), codename: markedValue(ctx, 'TERM'), contract: markedValue(ctx, 'PATTERN'), margin_pct: lit(ctx.rng.int(80, 450) / 10), supplier: mark('BUSINESS_FIELD', b(ctx, 'company')) },
    updated_at: `2025-${String(ctx.rng.int(1, 12)).padStart(2, '0')}-${String(ctx.rng.int(10, 28))}T${ctx.rng.int(10, 23)}:${ctx.rng.int(10, 59)}:00Z`,
  };
}

function integrationConfig(ctx: Ctx): Json {
  const { rng } = ctx;
  const pieces = (slot: string) => ENTITY_SLOTS[slot]?.(ctx) ?? [];
  const variants: (() => Json)[] = [
    () => ({ provider: rng.pick(['openai', 'anthropic', 'google', 'groq', 'huggingface', 'stripe']), api_key: markedValue(ctx, 'APIKEY'), timeout_ms: rng.int(5, 60) * 1000 }),
    () => ({ database: { url: { parts: pieces('DSN') }, pool: rng.int(2, 20) }, version: b(ctx, 'version') }),
    () => ({ request: { method: 'GET', url: `https://api.shop.example/v2/orders/${b(ctx, 'order')}`, headers: { Authorization: { parts: ['Bearer ', markedValue(ctx, 'JWT')] } } } }),
    () => ({ ci: { github_token: markedValue(ctx, 'GHP'), slack_bot_token: markedValue(ctx, 'SLACK'), commit: b(ctx, 'commit') } }),
    () => ({ type: 'service_account', project_id: `shop-prod-${rng.int(100, 999)}`, private_key: markedValue(ctx, 'PEM'),
      client_email: mark('EMAIL', `erp-sync@shop-prod-${rng.int(100, 999)}.iam.gserviceaccount.com`) }),
    () => ({ aws: { access_key_id: markedValue(ctx, 'AWS'), region: 'eu-central-1', bucket: `shop-exports-${rng.int(10, 99)}` } }),
  ];
  // Wrapped with a request id so that even a config payload carries a UUID look-alike.
  return { request_id: b(ctx, 'uuid'), shop_version: b(ctx, 'version'), config: rng.pick(variants)() };
}

export function toolPayload(ctx: Ctx): Filled {
  const { rng } = ctx;
  const sink = createSink();
  fillInto(sink, rng.pick(INTROS[ctx.lang]), ctx);
  const body = rng.weighted<(c: Ctx) => Json>([[getOrder, 3], [createRefund, 2], [updateCustomer, 2], [crmSync, 2], [integrationConfig, 3]])(ctx);
  const style = rng.weighted<JsonStyle>([['pretty2', 5], ['pretty4', 1], ['compact', 3], ['spaced', 1]]);
  const fence = rng.chance(0.35);
  sink.push(fence ? '\n```json\n' : '\n');
  writeJson(sink, body, style);
  sink.push(fence ? '\n```' : '');
  return sink.result();
}
