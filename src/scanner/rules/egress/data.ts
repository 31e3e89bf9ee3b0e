/**
 * The commerce and CRM data visible in a function, named in findings as what may flow into an AI call. Names
 * (variables, properties, functions called) and keys (`'billing_email'`, `["customer"]`) are split into words
 * (`getCustomerEmail` → get, customer, email) and mapped to kinds: order, customer, address, product, cart,
 * payment, contact details. Salesforce objects are named as such: SOQL `FROM Opportunity`, Apex types
 * `Contact`, `List<Lead>`, custom objects `Invoice__c`.
 */

import type { Scope } from './scopes.ts';
import type { Source } from './source.ts';
import type { Token } from './tokens.ts';

export interface DataSeen {
  /** Kinds, sorted: `address`, `customer`, `order`, …, and Salesforce object names. */
  readonly data: readonly string[];
  /** Up to eight names or keys that showed them, in source order. */
  readonly evidence: readonly string[];
}

const WORD_KINDS: Readonly<Record<string, string>> = {
  order: 'order', orders: 'order', invoice: 'order', invoices: 'order', shipment: 'order', refund: 'order', creditmemo: 'order',
  customer: 'customer', customers: 'customer', buyer: 'customer', shopper: 'customer', subscriber: 'customer',
  address: 'address', addresses: 'address', billing: 'address', shipping: 'address', postcode: 'address', zipcode: 'address', street: 'address',
  product: 'product', products: 'product', sku: 'product', catalog: 'product',
  cart: 'cart', basket: 'cart', checkout: 'cart',
  payment: 'payment', iban: 'payment',
  email: 'contact details', phone: 'contact details', telephone: 'contact details', firstname: 'contact details', lastname: 'contact details',
};
// Words that make `order` mean sorting (`orderBy`, `sort_order`, WordPress `menu_order`) rather than a purchase.
const NOT_PURCHASE = new Set(['by', 'sort', 'menu', 'asc', 'desc', 'ordering', 'reorder']);
const SOBJECTS = new Set([
  'Account', 'Contact', 'Lead', 'Opportunity', 'OpportunityLineItem', 'Case', 'Order', 'OrderItem', 'Quote', 'QuoteLineItem',
  'Contract', 'Product2', 'PricebookEntry', 'Asset', 'Campaign', 'CampaignMember', 'Individual', 'Task', 'Event',
  'EmailMessage', 'ContactPointEmail', 'ContactPointPhone', 'Invoice',
]);

const cache = new WeakMap<Source, Map<Scope | null, DataSeen>>();

/** Data seen in the given scopes; a null scope means the file's top-level code (outside every function). */
export function dataIn(source: Source, scopes: readonly (Scope | null)[]): DataSeen {
  let perScope = cache.get(source);
  if (perScope === undefined) {
    perScope = new Map();
    cache.set(source, perScope);
  }
  const kinds = new Set<string>();
  const evidence: string[] = [];
  for (const scope of scopes) {
    let seen = perScope.get(scope);
    if (seen === undefined) {
      seen = dataInScope(source, scope);
      perScope.set(scope, seen);
    }
    for (const kind of seen.data) kinds.add(kind);
    for (const name of seen.evidence) if (evidence.length < 8 && !evidence.includes(name)) evidence.push(name);
  }
  return { data: [...kinds].sort(), evidence };
}

function dataInScope(source: Source, scope: Scope | null): DataSeen {
  const kinds = new Set<string>();
  const evidence: string[] = [];
  const note = (kind: string, name: string): void => {
    kinds.add(kind);
    if (evidence.length < 8 && !evidence.includes(name)) evidence.push(name);
  };
  for (const i of tokensIn(source, scope)) {
    const token = source.tokens[i];
    if (token !== undefined) noteToken(source, i, token, note);
  }
  for (const { token, host } of source.embedded) {
    if (inScope(source, scope, host)) noteToken(source, host, token, note);
  }
  return { data: [...kinds].sort(), evidence };
}

function noteToken(source: Source, i: number, token: Token, note: (kind: string, name: string) => void): void {
  if (source.language === 'apex') noteSalesforce(source, i, token, note);
  const name = token.kind === 'string' ? keyLike(token.value) : token.kind === 'ident' || token.kind === 'variable' ? token.text : null;
  if (name === null) return;
  for (const kind of kindsOf(name)) note(kind, name);
}

/**
 * A string that is a key (`billing_email`), not prose, a text domain or a CSS class (`ai-product-assistant`);
 * a bare `order` key is WordPress query sorting.
 */
function keyLike(value: string | undefined): string | null {
  if (value === undefined || !/^[A-Za-z_][A-Za-z0-9_]{1,39}$/.test(value)) return null;
  return value.toLowerCase() === 'order' ? null : value;
}

export function kindsOf(name: string): string[] {
  const words = name.replace(/^\$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
  const kinds: string[] = [];
  const joined = words.join('');
  words.forEach((word, k) => {
    const kind = WORD_KINDS[word];
    if (kind === undefined) return;
    if (kind === 'order' && word.startsWith('order') && (NOT_PURCHASE.has(words[k + 1] ?? '') || NOT_PURCHASE.has(words[k - 1] ?? ''))) return;
    kinds.push(kind);
  });
  if (/firstname|lastname|phonenumber/.test(joined) && !kinds.includes('contact details')) kinds.push('contact details');
  return kinds;
}

function noteSalesforce(source: Source, i: number, token: Token, note: (kind: string, name: string) => void): void {
  if (token.kind === 'ident' && (SOBJECTS.has(token.text) || /__c$/i.test(token.text)) && isTypeOrSoqlObject(source, i)) {
    note(token.text, token.text);
  }
  if (token.kind === 'string' && token.value !== undefined) {
    const from = /\bfrom\s+([A-Za-z][A-Za-z0-9_]*)/i.exec(token.value);
    if (from?.[1] !== undefined && /^\s*select\b/i.test(token.value)) note(from[1], from[1]);
  }
}

/** `FROM Opportunity` in SOQL, a declaration `Contact c`, `List<Lead>`, `new Account(`. */
function isTypeOrSoqlObject(source: Source, i: number): boolean {
  const before = source.tokens[i - 1]?.text.toLowerCase() ?? '';
  const after = source.tokens[i + 1];
  if (before === 'from' || before === '<' || before === 'new') return true;
  return after?.kind === 'ident' || after?.text === '>' || after?.text === '[';
}

function* tokensIn(source: Source, scope: Scope | null): Generator<number> {
  if (scope !== null) {
    // Parameters (`WC_Order $order`) are data the function sees too.
    for (let i = scope.params >= 0 ? scope.params : scope.from; i < scope.to; i++) yield i;
    return;
  }
  for (let i = 0; i < source.tokens.length; i++) if (inScope(source, null, i)) yield i;
}

/** Whether token `i` is in the scope; for null (top level), outside every function. */
function inScope(source: Source, scope: Scope | null, i: number): boolean {
  if (scope !== null) return i >= (scope.params >= 0 ? scope.params : scope.from) && i < scope.to;
  return source.scopeOf[i] === -1;
}
