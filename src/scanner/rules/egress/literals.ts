/**
 * String values as code builds them, and whether such a value is an API endpoint. Concatenations (`.` in PHP,
 * `+` elsewhere, adjacent strings in Python) are joined, with HOLE for each non-literal operand; `sprintf`
 * (`%s`), `str.format` and Apex `String.format` (`{0}`) placeholders become HOLE too. An endpoint is the whole
 * value: a URL with a host, or a host alone (optionally with a path), never a word inside prose, so
 * `'Get your key at platform.openai.com'` is no endpoint while `'https://api.openai.com/v1'` is.
 */

import { isName, isPunct, type Source } from './source.ts';
import { isMemberOp } from './syntax.ts';
import { HOLE } from './tokens.ts';

export interface LiteralExpr {
  /** Token range of the expression (inclusive). */
  readonly first: number;
  readonly last: number;
  /** Joined value, HOLE for the parts code supplies. */
  readonly value: string;
  /** Token indices of the string literals in it. */
  readonly strings: readonly number[];
}

const CONCAT: Readonly<Record<Source['language'], string>> = { php: '.', js: '+', python: '+', apex: '+' };

const cache = new WeakMap<Source, LiteralExpr[]>();

/** Every string-valued expression in the file (maximal concatenations, single literals), in source order. */
export function literalExpressions(source: Source): LiteralExpr[] {
  let exprs = cache.get(source);
  if (exprs === undefined) {
    exprs = findExpressions(source);
    cache.set(source, exprs);
  }
  return exprs;
}

function findExpressions(source: Source): LiteralExpr[] {
  const exprs: LiteralExpr[] = [];
  const claimed = new Set<number>();
  for (let i = 0; i < source.tokens.length; i++) {
    if (claimed.has(i) || isConcatOp(source, i - 1)) continue;
    const parts = concatenation(source, i);
    if (parts.length === 0 || !parts.some(([from, to]) => from === to && source.tokens[from]?.kind === 'string')) continue;
    for (const [from] of parts) claimed.add(from);
    const strings = parts.filter(([from, to]) => from === to && source.tokens[from]?.kind === 'string').map(([from]) => from);
    const value = parts.map(([from, to]) => (from === to ? (source.tokens[from]?.value ?? HOLE) : HOLE)).join('');
    exprs.push({ first: parts[0]?.[0] ?? i, last: parts.at(-1)?.[1] ?? i, value, strings });
  }
  return exprs;
}

function isConcatOp(source: Source, i: number): boolean {
  return isPunct(source.tokens[i], CONCAT[source.language]);
}

/** Operand ranges of the concatenation starting at `start` (one range when there is no operator). */
function concatenation(source: Source, start: number): [number, number][] {
  const parts: [number, number][] = [];
  let from = start;
  for (;;) {
    const to = operandEnd(source, from);
    if (to < 0) break;
    parts.push([from, to]);
    const adjacent = source.language === 'python' && source.tokens[to]?.kind === 'string' && source.tokens[to + 1]?.kind === 'string';
    if (adjacent) from = to + 1;
    else if (isConcatOp(source, to + 1)) from = to + 2;
    else break;
  }
  return parts;
}

/** Last token index of the operand starting at `i` (a literal, a name with member/call/index suffixes, or a group); -1 if none. */
function operandEnd(source: Source, i: number): number {
  const { tokens, partner } = source;
  const token = tokens[i];
  if (token === undefined) return -1;
  if (token.kind === 'string' || token.kind === 'number') return i;
  if (isPunct(token, '(') && !isName(tokens[i - 1]) && (partner[i] ?? -1) > i) return partner[i] ?? i;
  if (!isName(token)) return -1;
  let j = i;
  for (;;) {
    const next = tokens[j + 1];
    if ((isPunct(next, '(') || isPunct(next, '[')) && (partner[j + 1] ?? -1) > j) j = partner[j + 1] ?? j;
    else if (isMemberOp(source, next) && isName(tokens[j + 2])) j += 2;
    else return j;
  }
}

export interface Endpoint {
  /** Lower-case host; may hold HOLE where code supplies part of it. */
  readonly host: string;
  readonly path: string;
  /** Written as a URL (`https://…`, `//…`) rather than a bare host. */
  readonly isUrl: boolean;
}

const FORMAT_PLACEHOLDER = /%(?:\d+\$)?[-+ 0#]*\d*(?:\.\d+)?[sdfuxX]|\{[^{}\s]{0,40}\}/g;
const SCHEME_URL = /^(?:(?:https?|wss?|\uFFFC):)?\/\/([^/?#]*)(.*)$/i;
// A DNS name, an IPv4 address, or a single label with a port (`localhost:8080`, `airlock:8080`).
const HOST_ONLY = /^((?:[a-z0-9\uFFFC-]+\.)+[a-z\uFFFC][a-z0-9\uFFFC-]*|\d{1,3}(?:\.\d{1,3}){3}|[a-z0-9\uFFFC-]+(?=:[0-9\uFFFC]))(:[0-9\uFFFC]+)?([/?#].*)?$/i;

/** The endpoint a value is as a whole (URL or host, placeholders as HOLE), or null for anything else. */
export function endpointOf(value: string): Endpoint | null {
  const normalized = value.replace(FORMAT_PLACEHOLDER, HOLE).replace(/\uFFFC+/g, HOLE).trim();
  if (normalized === '' || /[\s<>"'`\\^|]/.test(normalized)) return null;
  const url = SCHEME_URL.exec(normalized);
  if (url !== null) return endpointFrom(url[1] ?? '', url[2] ?? '', true);
  const host = HOST_ONLY.exec(normalized);
  if (host === null) return null;
  return endpointFrom(host[1] ?? '', host[3] ?? '', false);
}

function endpointFrom(authority: string, rest: string, isUrl: boolean): Endpoint | null {
  const host = authority.replace(/^[^@]*@/, '').replace(/:[0-9\uFFFC]*$/, '').toLowerCase();
  if (host === '' || !/^[a-z0-9.\uFFFC:[\]-]+$/.test(host)) return null;
  const path = rest.replace(/[?#].*$/, '');
  return { host, path: path === '' ? '/' : path, isUrl };
}

// Values passed to these are shown to people (translations, output, escaping for HTML), not sent anywhere. One-letter
// i18n helpers (`t`, `_`) are left out: minified bundles give their HTTP wrappers such names.
const DISPLAY_CALLS = new Set([
  '__', '_e', '_x', '_ex', '_n', '_nx', 'esc_html__', 'esc_html_e', 'esc_html_x', 'esc_attr__', 'esc_attr_e', 'esc_attr_x',
  'translate', 'esc_url', 'esc_html', 'esc_attr', 'wp_kses_post', 'gettext', 'ngettext', 'printf', 'print',
  'echo', 'log', 'warn', 'info', 'debug', 'error_log', 'addmessage', 'adderror', 'adderrormessage', 'addnotice',
  'escapehtml', 'escapeurl', 'escapehtmlattr',
]);
// Values under these keys or attributes are UI text or documentation links.
const DISPLAY_KEYS = new Set([
  'placeholder', 'description', 'desc', 'help', 'label', 'title', 'tooltip', 'hint', 'example', 'href', 'link', 'doc',
  'docs', 'documentation', 'text', 'message', 'notice', 'caption', 'helptext', 'help_text', 'comment',
]);

// A value compared or searched for names a host the code recognises; it is not where the code sends data.
const MATCH_CALLS = new Set([
  'strpos', 'stripos', 'str_contains', 'str_starts_with', 'str_ends_with', 'in_array', 'preg_match', 'includes', 'startswith',
  'endswith', 'indexof', 'match', 'test', 'contains', 'equals', 'equalsignorecase', 'nock', 'intercept',
]);
const COMPARISONS = new Set(['==', '===', '!=', '!==', 'in', 'not']);

/** Whether the expression is shown to people, documents something, or is compared with, rather than used as an endpoint. */
export function isDisplayText(source: Source, expr: LiteralExpr, bindingName: string | null): boolean {
  if (bindingName !== null && DISPLAY_KEYS.has(bindingName.toLowerCase())) return true;
  const callName = surroundingCall(source, expr.first);
  if (callName !== undefined && (DISPLAY_CALLS.has(callName) || MATCH_CALLS.has(callName))) return true;
  if (COMPARISONS.has(source.tokens[expr.first - 1]?.text ?? '') || COMPARISONS.has(source.tokens[expr.last + 1]?.text ?? '')) return true;
  if (source.language === 'php' && /^(echo|print)$/i.test(source.tokens[statementHead(source, expr.first)]?.text ?? '')) return true;
  return source.language === 'python' && isExpressionStatement(source, expr);
}

/** The called name the value is an argument of, looking through array and object literals (`in_array( $h, [ '…' ] )`). */
function surroundingCall(source: Source, i: number): string | undefined {
  let open = source.parent[i] ?? -1;
  for (let depth = 0; open >= 0 && depth < 4; depth++, open = source.parent[open] ?? -1) {
    const token = source.tokens[open];
    const name = isPunct(token, '(') ? source.tokens[open - 1]?.text.toLowerCase() : undefined;
    if (name !== undefined && name !== 'array') return name;
    if (!isPunct(token, '[') && !isPunct(token, '{') && name !== 'array') return undefined;
  }
  return undefined;
}

function statementHead(source: Source, i: number): number {
  let j = i;
  while (j > 0 && source.parent[j - 1] === source.parent[i] && !/^[;{}]$/.test(source.tokens[j - 1]?.text ?? '')) j--;
  return j;
}

/** A Python string standing alone on its lines, outside brackets, is a docstring or a comment in disguise. */
function isExpressionStatement(source: Source, expr: LiteralExpr): boolean {
  const { tokens, lines } = source;
  if (source.parent[expr.first] !== -1) return false;
  const before = tokens[expr.first - 1];
  const after = tokens[expr.last + 1];
  const startsLine = before === undefined ||
    (lines.position(before.end).line < lines.position(tokens[expr.first]?.start ?? 0).line && !/^[=+\\,.%]$/.test(before.text));
  const endsLine = after === undefined || lines.position(after.start).line > lines.position(tokens[expr.last]?.end ?? 0).line;
  return startsLine && endsLine && !/^[.%([]$/.test(after?.text ?? '');
}
