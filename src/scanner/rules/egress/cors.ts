/**
 * CORS that reflects any Origin together with credentials: PHP `header('Access-Control-Allow-Origin: ' .
 * $_SERVER['HTTP_ORIGIN'])` or `get_http_origin()`, Node `res.setHeader('Access-Control-Allow-Origin',
 * req.headers.origin)` and `cors({ origin: true, credentials: true })`, Python Flask-CORS and Starlette's
 * CORSMiddleware with `*` origins and credentials (both then echo the Origin). An origin compared with an
 * allow-list in the same function (`in_array`, `includes`, `===`, `in`) is not reflected. The egress rule reports
 * these only in files that call an AI provider, where any website could spend a visitor's session on it.
 */

import { isName, isPunct, lineEndToken, nameKey, type Source } from './source.ts';
import { enclosingScope } from './scopes.ts';
import { argumentsOf, calleeAt, isMemberOp, keyedValues, statementStart, valueRange, type Range } from './syntax.ts';
import type { Token } from './tokens.ts';

const ALLOW_ORIGIN = 'access-control-allow-origin';
const ALLOW_CREDENTIALS = 'access-control-allow-credentials';
const VALIDATORS = new Set([
  'in_array', 'array_key_exists', 'preg_match', 'strpos', 'str_ends_with', 'str_starts_with', 'is_allowed_http_origin',
  'allowed_http_origin', 'wp_validate_redirect', 'includes', 'indexof', 'has', 'test', 'match', 'startswith', 'endswith', 'some', 'find',
]);
const COMPARISONS = new Set(['==', '===', '!=', '!==', 'in']);

/** Token indices where an Origin is reflected with credentials allowed. */
export function reflectedOrigins(source: Source): number[] {
  const origins = originVariables(source);
  const found: number[] = [];
  const credentials = allowsCredentials(source);
  source.tokens.forEach((token, i) => {
    if (token.kind !== 'string' || token.value === undefined) return;
    const value = headerValue(source, i, token.value.trim().toLowerCase());
    if (value !== null && credentials && refersToOrigin(source, value, origins) && !validated(source, i, origins)) found.push(i);
  });
  if (source.language === 'js') found.push(...reflectingCorsOptions(source));
  if (source.language === 'python') found.push(...pythonCorsMiddleware(source));
  return found.sort((a, b) => a - b);
}

/** The range holding the value given to the Allow-Origin header named by the string at `i`; null when it is not one. */
function headerValue(source: Source, i: number, lower: string): Range | null {
  const { tokens } = source;
  if (lower.startsWith(`${ALLOW_ORIGIN}:`)) return { from: i, to: valueRange(source, i).to };
  if (lower !== ALLOW_ORIGIN) return null;
  const next = tokens[i + 1]?.text;
  if (next === ',' && isPunct(tokens[source.parent[i] ?? -1], '(')) return valueRange(source, i + 2);
  if (next === ':' || next === '=>') return valueRange(source, i + 2);
  if (next === ']' && isPunct(tokens[i + 2], '=')) return { from: i + 3, to: lineEndToken(source, i + 3, ';') };
  return null;
}

/**
 * Whether a token reads the request's Origin: `HTTP_ORIGIN`, `get_http_origin()`, `.origin`, `['origin']`,
 * `req.get('Origin')`, or a name assigned from one of those.
 */
function isOriginRef(source: Source, token: Token, member: boolean, origins: ReadonlySet<string>): boolean {
  const text = token.kind === 'string' ? (token.value ?? '') : token.text;
  const lower = text.replace(/^\$/, '').toLowerCase();
  if (lower === 'http_origin' || lower === 'get_http_origin') return true;
  if (lower === 'origin' && (token.kind === 'string' || member)) return true;
  return isName(token) && origins.has(nameKey(source, token.text));
}

/** Whether a range (with the names inside its interpolated strings) reads the request's Origin. */
function refersToOrigin(source: Source, range: Range, origins: ReadonlySet<string>): boolean {
  for (let i = range.from; i < range.to; i++) {
    const token = source.tokens[i];
    // The header line itself (`'Access-Control-Allow-Origin: ' . $origin`) starts the range; it is not the Origin.
    if (token === undefined || (token.kind === 'string' && i === range.from)) continue;
    if (isOriginRef(source, token, isMemberOp(source, source.tokens[i - 1]), origins)) return true;
  }
  return source.embedded.some(({ token, host }) => host >= range.from && host < range.to && isOriginRef(source, token, false, origins));
}

/** Names assigned from the Origin: `$origin = $_SERVER['HTTP_ORIGIN']`, `const o = req.headers.origin`. */
function originVariables(source: Source): Set<string> {
  const names = new Set<string>();
  source.tokens.forEach((token, i) => {
    if (!isOriginRef(source, token, isMemberOp(source, source.tokens[i - 1]), names)) return;
    let outer = i;
    while (/^[[(]$/.test(source.tokens[source.parent[outer] ?? -1]?.text ?? '')) outer = source.parent[outer] ?? outer;
    let start = statementStart(source, outer);
    while (/^(const|let|var|final|string)$/i.test(source.tokens[start]?.text ?? '')) start++;
    const target = source.tokens[start];
    if (isName(target) && isPunct(source.tokens[start + 1], '=') && start + 1 < i) names.add(nameKey(source, target.text));
  });
  return names;
}

/** `Access-Control-Allow-Credentials: true` set anywhere in the file (header line, header name and value, header map). */
function allowsCredentials(source: Source): boolean {
  return source.tokens.some((token, i) => {
    const lower = token.kind === 'string' ? (token.value ?? '').trim().toLowerCase() : '';
    if (lower.startsWith(`${ALLOW_CREDENTIALS}:`)) return /:\s*true\b/.test(lower);
    // The value follows `,`, `:`, `=>` (two tokens on) or `] =` (three).
    return lower === ALLOW_CREDENTIALS && (isTrue(source.tokens[i + 2]) || isTrue(source.tokens[i + 3]));
  });
}

function isTrue(token: Token | undefined): boolean {
  return /^true$/i.test(token?.kind === 'string' ? (token.value ?? '') : (token?.text ?? ''));
}

/** An allow-list check on the Origin in the function around token `i` (or the file's top level). */
function validated(source: Source, i: number, origins: ReadonlySet<string>): boolean {
  const scope = enclosingScope(source, i);
  const from = scope?.from ?? 0;
  const to = scope?.to ?? source.tokens.length;
  for (let j = from; j < to; j++) {
    const token = source.tokens[j];
    if (token === undefined) continue;
    if (token.kind === 'ident' && VALIDATORS.has(token.text.toLowerCase()) && isPunct(source.tokens[j + 1], '(')) {
      const close = source.partner[j + 1] ?? j + 1;
      if (refersToOrigin(source, { from: j + 2, to: close }, origins)) return true;
    }
    if (COMPARISONS.has(token.text) && refersToOrigin(source, { from: Math.max(from, j - 3), to: Math.min(to, j + 4) }, origins)) return true;
  }
  return false;
}

/** `cors({ origin: true, credentials: true })` and origin callbacks that accept every origin. */
function reflectingCorsOptions(source: Source): number[] {
  const found: number[] = [];
  source.tokens.forEach((token, open) => {
    if (!isPunct(token, '{') || (source.partner[open] ?? -1) < 0) return;
    const origin = keyedValues(source, open, new Set(['origin'])).find((range) => source.parent[range.from - 2] === open);
    const credentials = keyedValues(source, open, new Set(['credentials'])).find((range) => source.parent[range.from - 2] === open);
    if (origin === undefined || credentials === undefined || source.tokens[credentials.from]?.text !== 'true') return;
    if (acceptsEveryOrigin(source, origin)) found.push(origin.from - 2);
  });
  return found;
}

function acceptsEveryOrigin(source: Source, range: Range): boolean {
  const first = source.tokens[range.from];
  if (first?.text === 'true' && range.to === range.from + 1) return true;
  const isFunction = first?.text === 'function' || first?.text === 'async' || isPunct(first, '(') ||
    (isName(first) && isPunct(source.tokens[range.from + 1], '=>'));
  if (!isFunction) return false;
  for (let j = range.from; j < range.to; j++) {
    const text = source.tokens[j]?.text.toLowerCase() ?? '';
    if (VALIDATORS.has(text) || COMPARISONS.has(text)) return false;
  }
  return true;
}

/** Flask-CORS `CORS(app, supports_credentials=True)` and `add_middleware(CORSMiddleware, allow_origins=['*'], allow_credentials=True)`. */
function pythonCorsMiddleware(source: Source): number[] {
  const found: number[] = [];
  source.tokens.forEach((token, open) => {
    if (!isPunct(token, '(')) return;
    const callee = calleeAt(source, open);
    const name = callee?.path.at(-1) ?? '';
    const middleware = name === 'add_middleware' && argumentsOf(source, open).some((arg) => source.tokens[arg.from]?.text === 'CORSMiddleware');
    if (callee === null || (name !== 'CORS' && name !== 'CORSMiddleware' && !middleware)) return;
    const kwarg = (key: string): Range | undefined => keyedValues(source, open, new Set([key])).find((range) => source.parent[range.from] === open);
    const credentials = kwarg('supports_credentials') ?? kwarg('allow_credentials');
    if (credentials === undefined || source.tokens[credentials.from]?.text !== 'True') return;
    const origins = kwarg('origins') ?? kwarg('allow_origins');
    const regex = kwarg('allow_origin_regex');
    const star = (range: Range | undefined): boolean => range !== undefined && rangeHasString(source, range, /^(\*|\.\*|\.\+)$/);
    if (star(origins) || star(regex) || (origins === undefined && regex === undefined && name === 'CORS')) found.push(callee.first);
  });
  return found;
}

function rangeHasString(source: Source, range: Range, pattern: RegExp): boolean {
  for (let j = range.from; j < range.to; j++) if (pattern.test(source.tokens[j]?.value ?? '\u0001')) return true;
  return false;
}
