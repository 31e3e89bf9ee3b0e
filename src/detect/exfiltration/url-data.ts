/**
 * String heuristics for "this URL carries data out": an injected prompt that makes a model emit
 * `https://evil.example/p?d=<base64 of the conversation>` hides the data in an encoded blob or spells it out as
 * a long parameter. `encodedPayload` tells why a URL looks like that; `decodedParts` returns its pieces
 * percent-decoded so the caller's secret and PII detectors can read them. Neither throws on any input.
 */

import { alnumClassCount } from '../secrets/shared.ts';
import { cleanUrl, SCHEME } from './url-parts.ts';

/** Why a URL looks like it carries data out, or null. Pure string heuristics; no PII detection here (the caller runs its own detectors on the decoded text). */
export function encodedPayload(url: string): 'long-value' | 'encoded' | null {
  const parts = splitUrl(url);
  if (hasEncodedPiece(parts)) return 'encoded';
  if (hasLongValue(parts)) return 'long-value';
  return null;
}

/**
 * The URL's pieces, percent-decoded, one per line: host, userinfo, path segments, query keys and values
 * (`+` read as a space) and fragment. Invalid percent sequences are kept as written.
 */
export function decodedParts(url: string): string {
  const parts = splitUrl(url);
  const pieces = [
    parts.host,
    ...(parts.userinfo === null ? [] : parts.userinfo.split(':').map(percentDecode)),
    ...parts.pathSegments.map(percentDecode),
    ...parts.query.flatMap(([key, value]) => [formDecode(key), formDecode(value)]),
    ...(parts.fragment === null ? [] : [percentDecode(parts.fragment)]),
  ];
  return pieces.filter((piece) => piece !== '').join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Thresholds (each is tested on both sides)
// ---------------------------------------------------------------------------------------------------------

/** Base64 shorter than this is too short to carry much and too common in ordinary ids. */
const MIN_BASE64_LENGTH = 24;
/** Hex in a query value, fragment, userinfo or subdomain label: an MD5 (32) or longer. */
const MIN_HEX_LENGTH = 32;
/** Hex in a path segment: content hashes of CDNs and code hosts are common there, so only SHA-1 (40) and longer. */
const MIN_HEX_LENGTH_IN_PATH = 40;
/** Share of printable characters for decoded base64 to count as text. */
const MIN_PRINTABLE_SHARE = 0.9;
/**
 * Share of neighbouring characters that switch class (upper, lower, digit, other). Random base64 switches at
 * about 0.65; camelCase identifiers stay near 0.4.
 */
const MIN_CLASS_SWITCH_SHARE = 0.45;
/** A query value or fragment this long is a paragraph, not a parameter. */
const LONG_VALUE_LENGTH = 64;
/** This many words across multi-word query values and the fragment is a sentence smuggled as parameters. */
const SENTENCE_WORDS = 5;

// ---------------------------------------------------------------------------------------------------------
// Splitting
// ---------------------------------------------------------------------------------------------------------

interface UrlParts {
  readonly host: string;
  readonly userinfo: string | null;
  readonly pathSegments: readonly string[];
  /** Raw (still encoded) key and value pairs. */
  readonly query: readonly (readonly [string, string])[];
  readonly fragment: string | null;
}

// WHATWG special schemes: their host may follow `scheme:` without slashes.
const SPECIAL_SCHEMES = new Set(['http', 'https', 'ftp', 'ws', 'wss', 'file']);

/** A forgiving split that never throws: relative, malformed and non-hierarchical URLs all yield parts. */
function splitUrl(url: string): UrlParts {
  let rest = cleanUrl(url);
  const hash = rest.indexOf('#');
  const fragment = hash < 0 ? null : rest.slice(hash + 1);
  if (hash >= 0) rest = rest.slice(0, hash);
  const question = rest.indexOf('?');
  const query = question < 0 ? '' : rest.slice(question + 1);
  if (question >= 0) rest = rest.slice(0, question);
  const scheme = SCHEME.exec(rest);
  if (scheme !== null) rest = rest.slice(scheme[0].length);
  const slashes = /^[\\/]{2,}/.exec(rest)?.[0] ?? '';
  const special = SPECIAL_SCHEMES.has(scheme?.[1]?.toLowerCase() ?? '');
  const hasAuthority = slashes !== '' || (scheme === null ? /^www\./i.test(rest) : special);
  let authority = '';
  if (hasAuthority) {
    rest = rest.slice(slashes.length);
    const pathStart = rest.search(/[\\/]/);
    authority = pathStart < 0 ? rest : rest.slice(0, pathStart);
    rest = pathStart < 0 ? '' : rest.slice(pathStart);
  }
  const at = authority.lastIndexOf('@');
  return {
    host: hostWithoutPort(authority.slice(at + 1)).toLowerCase(),
    userinfo: at < 0 ? null : authority.slice(0, at),
    pathSegments: rest.split(/[\\/]/).filter((segment) => segment !== ''),
    query: query === '' ? [] : query.split('&').map(splitPair),
    fragment,
  };
}

function hostWithoutPort(hostAndPort: string): string {
  if (hostAndPort.startsWith('[')) return hostAndPort.slice(0, hostAndPort.indexOf(']') + 1);
  return hostAndPort.replace(/:\d*$/, '');
}

function splitPair(pair: string): readonly [string, string] {
  const equals = pair.indexOf('=');
  return equals < 0 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)];
}

// ---------------------------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------------------------

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes %XX runs as UTF-8; a run that is not valid UTF-8 keeps its non-ASCII bytes as written. */
function percentDecode(value: string): string {
  if (!value.includes('%')) return value;
  return value.replace(/(?:%[0-9A-Fa-f]{2})+/g, decodePercentRun);
}

function decodePercentRun(run: string): string {
  const hexes = run.slice(1).split('%');
  const bytes = Uint8Array.from(hexes, (hex) => Number.parseInt(hex, 16));
  try {
    return UTF8.decode(bytes);
  } catch {
    return hexes.map((hex, i) => ((bytes[i] ?? 0x80) < 0x80 ? String.fromCharCode(bytes[i] ?? 0) : `%${hex}`)).join('');
  }
}

/** Query strings are form-encoded: `+` is a space. */
function formDecode(value: string): string {
  return percentDecode(value.replace(/\+/g, ' '));
}

// ---------------------------------------------------------------------------------------------------------
// 'encoded'
// ---------------------------------------------------------------------------------------------------------

function hasEncodedPiece(parts: UrlParts): boolean {
  if (subdomainLabels(parts.host).some((label) => looksEncoded(label, MIN_HEX_LENGTH))) return true;
  if (parts.userinfo !== null && looksEncoded(parts.userinfo, MIN_HEX_LENGTH)) return true;
  // `+` stays in query pieces: there it is more often base64 than a space.
  for (const [key, value] of parts.query) {
    if (looksEncoded(key, MIN_HEX_LENGTH) || looksEncoded(value, MIN_HEX_LENGTH)) return true;
  }
  if (parts.fragment !== null && looksEncoded(parts.fragment, MIN_HEX_LENGTH)) return true;
  return parts.pathSegments.some((segment) => looksEncoded(segment, MIN_HEX_LENGTH_IN_PATH));
}

/** Host labels left of the last two (the registrable domain and its suffix, roughly); none for IP addresses. */
function subdomainLabels(host: string): string[] {
  if (host.startsWith('[') || /^[\d.]+$/.test(host)) return [];
  return host.split('.').slice(0, -2);
}

/** `raw` is still percent-encoded; decoding never makes it longer, so short pieces are skipped undecoded. */
function looksEncoded(raw: string, minHex: number): boolean {
  if (raw.length < MIN_BASE64_LENGTH) return false;
  const piece = percentDecode(raw);
  for (const [word] of piece.matchAll(/[A-Za-z0-9]+/g)) {
    if (word.length >= minHex && /^[0-9A-Fa-f]+$/.test(word)) return true;
  }
  for (const [run] of piece.matchAll(/[A-Za-z0-9+/_-]+={0,2}/g)) {
    if (looksLikeBase64(run)) return true;
  }
  return false;
}

const UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

function looksLikeBase64(run: string): boolean {
  const body = run.replace(/=+$/, '');
  if (body.length < MIN_BASE64_LENGTH || UUID.test(body) || isSlug(body)) return false;
  return hasRandomClassMix(body) || decodesToText(body);
}

/** Words joined by `-` or `_` (`blue-cotton-shirt`, `Size_XL_2024`): readable, not encoded. */
function isSlug(body: string): boolean {
  const words = body.split(/[-_]+/).filter((w) => w !== '');
  return words.length > 1 && words.every((w) => w.length <= 20 && /^(?:[a-z]+|[A-Z][a-z]*|[A-Z]+|[0-9]+)$/.test(w));
}

function classOf(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return 0;
  if (c >= 0x61 && c <= 0x7a) return 1;
  if (c >= 0x30 && c <= 0x39) return 2;
  return 3;
}

/** Upper case, lower case and digits, switching as often as random text does. */
function hasRandomClassMix(body: string): boolean {
  if (alnumClassCount(body) < 3) return false;
  let switches = 0;
  for (let i = 1; i < body.length; i++) {
    if (classOf(body.charCodeAt(i)) !== classOf(body.charCodeAt(i - 1))) switches++;
  }
  return switches / (body.length - 1) >= MIN_CLASS_SWITCH_SHARE;
}

/** Base64 (or base64url) of readable UTF-8 text. */
function decodesToText(body: string): boolean {
  if (body.length % 4 === 1) return false; // no base64 has this length
  let decoded: string;
  try {
    decoded = UTF8.decode(Buffer.from(body.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  } catch {
    return false;
  }
  const chars = [...decoded];
  if (chars.length === 0) return false;
  const printable = chars.filter((ch) => /[\t\n\r\x20-\x7e]|[^\p{C}]/u.test(ch)).length;
  return printable / chars.length >= MIN_PRINTABLE_SHARE;
}

// ---------------------------------------------------------------------------------------------------------
// 'long-value'
// ---------------------------------------------------------------------------------------------------------

function hasLongValue(parts: UrlParts): boolean {
  const values = parts.query.map(([, value]) => formDecode(value));
  if (parts.fragment !== null) values.push(percentDecode(parts.fragment));
  let words = 0;
  for (const value of values) {
    if (value.length >= LONG_VALUE_LENGTH) return true;
    // Only values of several words count: `?a=1&b=2&c=3&d=4&e=5` is a form, not a sentence.
    const count = /\s/.test(value) ? wordCount(value) : 1;
    if (count > 1) words += count;
  }
  return words >= SENTENCE_WORDS;
}

/** Whitespace-separated tokens with a letter in them. */
function wordCount(value: string): number {
  return value.split(/\s+/).filter((token) => /\p{L}/u.test(token)).length;
}
