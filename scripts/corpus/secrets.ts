/**
 * Secrets shaped exactly like the real ones, with fresh random bodies from the corpus PRNG: provider API keys,
 * access tokens (GitHub tokens even carry their CRC32 checksum), JWTs with a genuine base64url JSON header,
 * PEM private keys whose DER prefix is the real structure, and passwords as they appear in connection strings
 * and config lines. None of these values was ever a live credential.
 */
import { crc32 } from 'node:zlib';
import type { Rng } from './rng.ts';
import { ALNUM, BASE64URL, DIGITS, LOWER, UPPER } from './rng.ts';
import type { Lang } from './types.ts';

export type ApiKeyKind = 'openai' | 'anthropic' | 'google' | 'groq' | 'huggingface' | 'aws' | 'stripe';
export type TokenKind = 'github' | 'gitlab' | 'slack';

export function apiKey(rng: Rng, kind: ApiKeyKind): string {
  switch (kind) {
    case 'openai': return `sk-proj-${rng.chars(BASE64URL, 74)}T3BlbkFJ${rng.chars(BASE64URL, 74)}`;
    case 'anthropic': return `sk-ant-api03-${rng.chars(BASE64URL, 93)}AA`;
    case 'google': return `AIza${rng.chars(BASE64URL, 35)}`;
    case 'groq': return `gsk_${rng.chars(ALNUM, 52)}`;
    case 'huggingface': return `hf_${rng.chars(UPPER + LOWER, 34)}`;
    case 'aws': return `AKIA${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;
    case 'stripe': return rng.chance(0.5) ? `sk_live_${rng.chars(ALNUM, 24)}` : `sk_live_51${rng.chars(ALNUM, 97)}`;
  }
}

const BASE62 = DIGITS + UPPER + LOWER;

function base62(value: number, width: number): string {
  let out = '';
  let rest = value;
  while (rest > 0) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, '0');
}

export function accessToken(rng: Rng, kind: TokenKind): string {
  switch (kind) {
    case 'github': {
      // GitHub's format: 30 random base62 characters followed by the base62 CRC32 of them.
      const body = rng.chars(ALNUM, 30);
      return `ghp_${body}${base62(crc32(body), 6)}`;
    }
    case 'gitlab': return `glpat-${rng.chars(BASE64URL, 20)}`;
    case 'slack': return `xoxb-${rng.digits(12)}-${rng.digits(13)}-${rng.chars(ALNUM, 24)}`;
  }
}

function randomBytes(rng: Rng, n: number): Buffer {
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = rng.int(0, 255);
  return out;
}

function lenPrefixed(data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  return Buffer.concat([len, data]);
}

function wrap(b64: string, width: number): string {
  return (b64.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join('\n');
}

export type KeyKind = 'rsa' | 'ec' | 'pkcs8' | 'openssh';

/** A PEM block; the DER/OpenSSH framing is real, the key material random. */
export function privateKey(rng: Rng, kind: KeyKind): string {
  switch (kind) {
    case 'rsa': {
      const head = Buffer.from('308204a40201000282010100', 'hex');
      const der = Buffer.concat([head, randomBytes(rng, 1192 - head.length)]);
      return `-----BEGIN RSA PRIVATE KEY-----\n${wrap(der.toString('base64'), 64)}\n-----END RSA PRIVATE KEY-----`;
    }
    case 'ec': {
      const der = Buffer.concat([Buffer.from('30770201010420', 'hex'), randomBytes(rng, 32),
        Buffer.from('a00a06082a8648ce3d030107a144034200', 'hex'), Buffer.from([4]), randomBytes(rng, 64)]);
      return `-----BEGIN EC PRIVATE KEY-----\n${wrap(der.toString('base64'), 64)}\n-----END EC PRIVATE KEY-----`;
    }
    case 'pkcs8': {
      const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), randomBytes(rng, 32)]);
      return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64')}\n-----END PRIVATE KEY-----`;
    }
    case 'openssh': {
      const pub = Buffer.concat([lenPrefixed(Buffer.from('ssh-ed25519')), lenPrefixed(randomBytes(rng, 32))]);
      const check = randomBytes(rng, 4);
      const priv = Buffer.concat([check, check, pub, lenPrefixed(randomBytes(rng, 64)),
        lenPrefixed(Buffer.from(`deploy@shop-${rng.int(1, 9)}`)), Buffer.from([1, 2, 3, 4, 5])]);
      const blob = Buffer.concat([Buffer.from('openssh-key-v1\0'), lenPrefixed(Buffer.from('none')),
        lenPrefixed(Buffer.from('none')), lenPrefixed(Buffer.alloc(0)), Buffer.from([0, 0, 0, 1]), lenPrefixed(pub), lenPrefixed(priv)]);
      return `-----BEGIN OPENSSH PRIVATE KEY-----\n${wrap(blob.toString('base64'), 70)}\n-----END OPENSSH PRIVATE KEY-----`;
    }
  }
}

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export function jwt(rng: Rng): string {
  const alg = rng.weighted<string>([['HS256', 6], ['ES256', 2], ['RS256', 1]]);
  const header = rng.chance(0.5) ? { alg, typ: 'JWT' } : { alg, typ: 'JWT', kid: rng.chars(BASE64URL, 12) };
  const iat = 1735689600 + rng.int(0, 40_000_000);
  const payload = {
    sub: rng.chance(0.5) ? `usr_${rng.chars(ALNUM, 14)}` : String(rng.int(10000, 999999)),
    scope: rng.pick(['orders:read', 'orders:write customers:read', 'admin', 'catalog:read']),
    iat,
    exp: iat + rng.pick([900, 3600, 86400]),
  };
  const sigBytes = alg === 'HS256' ? 32 : alg === 'ES256' ? 64 : 256;
  return `${b64url(header)}.${b64url(payload)}.${randomBytes(rng, sigBytes).toString('base64url')}`;
}

const PASSWORD_WORDS: Record<Lang, readonly string[]> = {
  en: ['Summer', 'Dragon', 'Sunshine', 'Harbour', 'Maple', 'Falconry', 'Biscuit'],
  de: ['Sommer', 'Schatzi', 'Fussball', 'Kaffee', 'Sonnenblume', 'Wintergarten'],
  fr: ['Soleil', 'Chocolat', 'Bonjour', 'Papillon', 'Marseille'],
  es: ['Verano', 'Futbol', 'Mariposa', 'Sevilla', 'Tortilla'],
  it: ['Estate', 'Pallone', 'Farfalla', 'Girasole', 'Gelato'],
  nl: ['Zomer', 'Voetbal', 'Fietsen', 'Stroopwafel', 'Tulpen'],
};

/** A password a person or an ops script would set; `urlSafe` keeps it usable inside a connection URL. */
export function password(rng: Rng, lang: Lang, urlSafe: boolean): string {
  if (rng.chance(0.45)) {
    const sym = rng.pick(urlSafe ? ['!', '*', '-', '_'] : ['!', '#', '$', '*', '?', '&', '%']);
    return `${rng.pick(PASSWORD_WORDS[lang])}${rng.int(1970, 2026)}${sym}`;
  }
  const extra = urlSafe ? '-_.~!*' : '-_.!#$%&*+=?';
  let pw = '';
  // A trailing dot would read as the end of the sentence, making the span ambiguous.
  while (!/\d/.test(pw) || !/[A-Z]/.test(pw) || !/[a-z]/.test(pw) || pw.endsWith('.')) pw = rng.chars(ALNUM + ALNUM + extra, rng.int(12, 22));
  return pw;
}
