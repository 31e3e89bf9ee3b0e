/**
 * The catch-all credential rule: a random-looking value bound to a credential key (`token`, `api_key`,
 * `client_secret`, `X-Api-Key`, `auth`, bare `key=`) that no provider row recognised. Work starts from the key
 * words, so prose without them costs one regex test, and the entropy test runs only on the value next to a key.
 * "Random-looking" means: 16+ characters, at least two of upper/lower/digit, Shannon entropy above what 99.9% of
 * random strings of that length and alphabet reach, and not a UUID, placeholder, identifier or file payload.
 */
import type { Detector, RawFinding } from '../types.ts';
import { keyWords } from './gate.ts';
import { isJwt } from './jwt.ts';
import { keyComponents, lowerCaseIn, unquotedEnd, wordBefore } from './key-value.ts';
import { matchesProviderRule } from './provider-detector.ts';
import { scanText } from './scan.ts';
import { alnumClassCount, charClasses, finding, isPlaceholderToken, LOWER, shannonEntropy, UPPER } from './shared.ts';

const DETECTOR_ID = 'secret.entropy';
const SCORE = 0.75;
const MIN_LENGTH = 16;
const MAX_LENGTH = 512;

/**
 * 0.1th percentile of the Shannon entropy of random strings, by length, for hex, 36-symbol (one letter case and
 * digits) and 62/64-symbol alphabets (measured over 5,000 samples each).
 */
const LENGTHS = [16, 20, 24, 32, 40, 64];
const THRESHOLDS: Record<'hex' | 'mono' | 'mixed', readonly number[]> = {
  hex: [2.45, 2.66, 2.9, 3.1, 3.25, 3.55],
  mono: [3.0, 3.25, 3.45, 3.75, 3.95, 4.35],
  mixed: [3.15, 3.45, 3.7, 4.05, 4.3, 4.75],
};

const HEX = /^(?:[0-9a-f]+|[0-9A-F]+)$/;

function entropyThreshold(value: string): number {
  const classes = charClasses(value);
  const mixedCase = (classes & UPPER) !== 0 && (classes & LOWER) !== 0;
  const table = HEX.test(value) ? THRESHOLDS.hex : mixedCase ? THRESHOLDS.mixed : THRESHOLDS.mono;
  const n = value.length;
  for (let i = 1; i < LENGTHS.length; i++) {
    const hi = LENGTHS[i]!;
    if (n <= hi) {
      const lo = LENGTHS[i - 1]!;
      return table[i - 1]! + ((table[i]! - table[i - 1]!) * (n - lo)) / (hi - lo);
    }
  }
  return table[table.length - 1]!;
}

/** What generated credentials are made of; brackets, quotes, colons and spaces mean code or prose. */
const CREDENTIAL_CHARS = /^[A-Za-z0-9+/=_.~!@#$%^&*-]+$/;
const PRINTABLE = /^[\x21-\x7e]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** base64 of PNG, JPEG, GIF, WebP, PDF, SVG and XML files, and data: URLs: payloads, not credentials. */
const FILE_PAYLOAD = /^(?:iVBORw0KGgo|\/9j\/|R0lGOD|UklGR|JVBERi|PHN2Zy|PD94bWw|data:)/;
/** `https://…`, `urn:uuid:…`, `mailto:…`: addresses, not credentials. */
const URI = /^(?:urn|mailto|tel|data|https?|ftp|file|s3|gs|arn):|:\/\//i;
const WORD_SEGMENT = /^(?:[0-9]+|[A-Za-z]{1,2}[0-9]{1,3}|[A-Z]+)$/;

/**
 * A word or camelCase identifier: letters only, few capitals and many vowels. Random letters are half capitals
 * and a fifth vowels; `McpOauthTokenEndpointAuth` is a quarter capitals and two fifths vowels.
 */
function isWordLike(segment: string): boolean {
  if (segment.length === 0 || WORD_SEGMENT.test(segment)) return true;
  if (!/^[A-Za-z]+$/.test(segment)) return false;
  const capitals = segment.slice(1).replace(/[a-z]+/g, '').length;
  const vowels = segment.replace(/[^aeiouAEIOU]+/g, '').length;
  return capitals / segment.length <= 0.35 && (segment.length < 5 || vowels / segment.length >= 0.3);
}

/**
 * Every `-`/`_`/`.` separated part is a word, acronym, number or version (`checkout_label_v2`, `SKU-2024-RED-XL`,
 * `McpOauthTokenEndpointAuth`), or the value reads a member (`exports.rememberX509Credential`): a name, not a key.
 */
function isIdentifierLike(value: string): boolean {
  if (/^[a-z][A-Za-z]{0,19}\.[A-Za-z_$]/.test(value)) return true;
  return value.split(/[-_.]+/).every(isWordLike);
}

/**
 * True when `value` looks machine-generated enough to be a credential; UUIDs only when `allowUuid`. A quoted
 * value may hold any printable character (WordPress salts do); an unquoted one with brackets or quotes is code.
 */
export function isCredentialToken(value: string, allowUuid = false, quoted = false): boolean {
  if (value.length < MIN_LENGTH || value.length > MAX_LENGTH) return false;
  if (!(quoted ? PRINTABLE : CREDENTIAL_CHARS).test(value)) return false;
  if (UUID.test(value)) return allowUuid;
  if (FILE_PAYLOAD.test(value) || URI.test(value) || value.startsWith('/')) return false;
  if (alnumClassCount(value) < 2 || isPlaceholderToken(value) || isIdentifierLike(value)) return false;
  return shannonEntropy(value) >= entropyThreshold(value);
}

const KEY_QUALIFIERS = new Set([
  'api', 'secret', 'access', 'private', 'auth', 'app', 'master', 'account', 'client', 'consumer', 'subscription',
  'encryption', 'signing', 'session', 'service', 'admin', 'server', 'hmac', 'shared', 'webhook', 'sdk', 'license',
  'deploy', 'write', 'read', 'ingest', 'live', 'prod', 'production', 'integration', 'merchant', 'partner',
  'storage', 'bot', 'personal', 'developer', 'rest', 'management', 'restricted',
]);
// Tokens that are not credentials: pagination cursors and LLM token counts.
const NON_SECRET_TOKENS = new Set([
  'page', 'next', 'continuation', 'cursor', 'sync', 'max', 'input', 'output', 'total', 'completion', 'prompt',
  'count', 'limit', 'stop', 'special', 'pad', 'eos', 'bos', 'unk', 'mask',
]);
const COMPOUND_KEYS =
  /^(?:api|secret|access|private|auth|app|master|client|consumer|account|subscription|session|service|admin)(?:key|token)$/;
const AUTH_WORDS = new Set(['auth', 'authorization', 'credential', 'credentials', 'creds', 'apikey', 'accesskey']);
/** Words after `secret` that keep the key a secret: `secret_key`, `secret_access_key`, `SECRET_KEY_BASE`. */
const SECRET_TRAIL = new Set(['key', 'access', 'token', 'value', 'base', 'phrase', 'string']);

/** `secret`, `client_secret`, `appSecret`, `secret_key`; not `secretName` or `secretKeyRef`. */
export function isSecretKey(parts: readonly string[]): boolean {
  const at = parts.findLastIndex((part) => part === 'secret' || part.endsWith('secret'));
  return at >= 0 && parts.slice(at + 1).every((part) => SECRET_TRAIL.has(part));
}

/** 'named' for `api_key`-like keys, 'bare' for `key`/`token` alone (a separator is then required), else null. */
function credentialKey(parts: readonly string[]): 'named' | 'bare' | null {
  const last = parts.at(-1);
  if (last === undefined) return null;
  if (isSecretKey(parts)) return 'named';
  if (parts.length === 1 && (last === 'key' || last === 'token')) return 'bare';
  const previous = parts.at(-2) ?? '';
  if (last === 'key') return KEY_QUALIFIERS.has(previous) ? 'named' : null;
  if (last === 'token' || last.endsWith('token')) return NON_SECRET_TOKENS.has(previous) ? null : 'named';
  return COMPOUND_KEYS.test(last) || AUTH_WORDS.has(last) ? 'named' : null;
}

/** "key" in the languages of the shops Airlock serves: `API-Schlüssel`, `clé API`. */
const KEY_SYNONYMS = new Set([
  'schlüssel', 'schluessel', 'clé', 'cle', 'clave', 'chiave', 'sleutel', 'nyckel', 'klucz',
]);
/** Words before a key that qualify nothing: "the key: …", "mein Schlüssel: …". */
const NEUTRAL = new Set([
  'the', 'a', 'an', 'my', 'our', 'your', 'this', 'that', 'new', 'der', 'die', 'das', 'mein', 'meine', 'unser',
  'ihr', 'le', 'la', 'ma', 'mon', 'votre', 'el', 'mi', 'su', 'il', 'de', 'het', 'onze', 'is', 'here', 'hier',
]);

/** Key components, with a one-word key qualified by the word before it: "API key", "cache key", "access token". */
function qualifiedParts(text: string, keyStart: number, key: string): readonly string[] {
  const parts = keyComponents(key).map((part) => (KEY_SYNONYMS.has(part) ? 'key' : part));
  if (parts.length !== 1) return parts;
  const previous = wordBefore(text, keyStart);
  const qualifier = previous === null ? [] : keyComponents(text.slice(previous[0], previous[1]));
  const word = qualifier.at(-1) ?? '';
  if (parts[0] === 'api' && (word === 'key' || KEY_SYNONYMS.has(word))) return ['api', 'key']; // "clé API"
  return qualifier.length === 0 || NEUTRAL.has(word) ? parts : [...qualifier, ...parts];
}

const COPULAS = new Set(['is', 'ist', 'lautet', 'est', 'es', 'era', 'was', 'are', 'sind', 'er', 'är']);
const isCopula = lowerCaseIn(COPULAS);

/**
 * The key word before a value without separator, over a copula: "token 8f2…", "the API key is 8f2…". A copula
 * binds like a separator, so it lets a bare "key" count.
 */
function keyBeforeValue(text: string, valueStart: number): { key: [number, number]; copula: boolean } | null {
  const word = wordBefore(text, valueStart);
  if (word === null) return null;
  if (!isCopula(text, word[0], word[1])) return { key: word, copula: false };
  const key = wordBefore(text, word[0]);
  return key === null ? null : { key, copula: true };
}

const CREDENTIAL_WORD = /token|secret|key|auth|cred|schl|clé|cle|clave|chiave|sleutel|api/i;
const hasCredentialWord = keyWords(CREDENTIAL_WORD).test;
const UUID_KEYS = new Set(['api', 'apikey', 'secret', 'private', 'access', 'client', 'server', 'auth']);

/** The finding for a value bound to a credential key, or null. */
/** How the value was bound to its key: by a separator or copula (structured), and whether it was quoted. */
interface Binding {
  readonly structured: boolean;
  readonly quoted: boolean;
}

function judge(text: string, keyStart: number, key: string, how: Binding, start: number, end: number): RawFinding | null {
  const parts = qualifiedParts(text, keyStart, key);
  const strength = credentialKey(parts);
  // A bare `key` needs a separator ("key=…"); "token 8f2…" is a credential either way.
  if (strength === null || (strength === 'bare' && !how.structured && parts[0] !== 'token')) return null;
  const value = text.slice(start, end);
  // `apiKey = apiKey`, `token: tokenValue`: code passing a name along.
  if (value.toLowerCase().includes(parts.at(-1) ?? '\0')) return null;
  const allowUuid = parts.some((part) => UUID_KEYS.has(part));
  // Most values next to a credential key are provider keys: the row test settles those cheaply, before the
  // entropy test (all three are pure, so the order changes only the cost).
  if (matchesProviderRule(value) || isJwt(value) || !isCredentialToken(value, allowUuid, how.quoted)) return null;
  return finding('CREDENTIAL', start, end, SCORE, DETECTOR_ID);
}

export const entropyDetector: Detector = {
  id: DETECTOR_ID,
  types: ['CREDENTIAL'],
  detect(text: string): RawFinding[] {
    const scan = scanText(text);
    const out: RawFinding[] = [];
    const taken = new Set<number>();
    for (const pair of scan.pairs) {
      const structured = pair.separator === 'assign' || pair.separator === 'colon';
      const how = { structured, quoted: pair.valueQuoted };
      const found = judge(text, pair.keyStart, pair.key, how, pair.valueStart, pair.valueEnd);
      if (found === null) continue;
      out.push(found);
      taken.add(found.start);
    }
    // Without a separator: "token 8f2…", "API key 8f2…", "Authorization: Token 8f2…".
    for (const token of scan.longTokens) {
      const before = taken.has(token.start) ? null : keyBeforeValue(text, token.start);
      if (before === null || !hasCredentialWord(text, before.key[0], before.key[1])) continue;
      const key = text.slice(before.key[0], before.key[1]);
      const end = Math.min(token.end, unquotedEnd(text, token.start));
      const found = judge(text, before.key[0], key, { structured: before.copula, quoted: false }, token.start, end);
      if (found) out.push(found);
    }
    return out;
  },
};
