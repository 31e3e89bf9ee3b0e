/**
 * Passwords inside URLs: `scheme://user:PASSWORD@host` for databases, brokers and caches (`postgres://`,
 * `mongodb+srv://`, `redis://:pw@`, `amqp://`, `mysql://`) and any other scheme (`https://user:pw@host`). The
 * span is the password only. The authority is read by hand up to the first `/`, `?`, `#`, quote or space; its
 * last `@` ends the password, so an unencoded `@` inside a password is kept. Variables and placeholders
 * (`${DB_PASSWORD}`, `****`, `password`) are not reported. `key=value` passwords in query strings and ADO/JDBC
 * lists are passwords.ts's.
 */
import type { Detector, RawFinding } from '../types.ts';
import { scanText } from './scan.ts';
import { finding } from './shared.ts';

const DETECTOR_ID = 'secret.connection-string';
const MAX_AUTHORITY = 512;
const MAX_SCHEME = 31;
const DATA_STORES = new Set([
  'postgres', 'postgresql', 'mysql', 'mariadb', 'mongodb', 'mongodb+srv', 'redis', 'rediss', 'amqp', 'amqps', 'mssql',
  'sqlserver', 'oracle', 'jdbc', 'clickhouse', 'cockroachdb', 'neo4j', 'neo4j+s', 'couchbase', 'couchbases',
  'cassandra', 'elasticsearch', 'kafka', 'nats', 'ldap', 'ldaps', 'ftp', 'sftp', 'smtp', 'smtps', 'imap', 'imaps',
]);
// Masks, the word "password", variables (`${DB_PASS}`, `%s`, `<pw>`, `{pw}`, `[pw]`) and "your-…".
const PLACEHOLDER = /^(?:[*xX•.#?_-]+|password|passwd|pass|pwd|secret|changeme|pw|[$%<{[].*|your[-_]?.*)$/i;
const HOST_START = /[A-Za-z0-9[]/;

/** Whitespace and / ? # " ' ` < > \ end an authority. */
const AUTHORITY_END = new Set([47, 63, 35, 34, 39, 96, 60, 62, 92]);

function isAuthorityEnd(c: number): boolean {
  return c <= 32 || AUTHORITY_END.has(c);
}

/** The password span of the URL whose `://` is at `sep`, with the end of its authority, or null. */
function isSchemeChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 43 || c === 46 || c === 45;
}

/** The URL scheme ending at `sep` ("postgres", "mongodb+srv"), or undefined. */
function schemeBefore(text: string, sep: number): string | undefined {
  let i = sep;
  while (i > 0 && sep - i < MAX_SCHEME && isSchemeChar(text.charCodeAt(i - 1))) i--;
  while (i < sep && !/[A-Za-z]/.test(text.charAt(i))) i++; // a scheme starts with a letter
  return i < sep ? text.slice(i, sep) : undefined;
}

interface UrlPassword {
  readonly start: number;
  readonly end: number;
  readonly authorityEnd: number;
  readonly scheme: string;
}

function passwordAt(text: string, sep: number): UrlPassword | null {
  const scheme = schemeBefore(text, sep);
  if (scheme === undefined) return null;
  const start = sep + 3;
  const limit = Math.min(text.length, start + MAX_AUTHORITY);
  let end = start;
  while (end < limit && !isAuthorityEnd(text.charCodeAt(end))) end++;
  const authority = text.slice(start, end);
  const at = authority.lastIndexOf('@');
  const colon = authority.indexOf(':');
  if (at <= 0 || colon < 0 || colon >= at - 1 || !HOST_START.test(authority.charAt(at + 1))) return null;
  if (PLACEHOLDER.test(authority.slice(colon + 1, at))) return null;
  return { start: start + colon + 1, end: start + at, authorityEnd: end, scheme };
}

export const connectionStringDetector: Detector = {
  id: DETECTOR_ID,
  types: ['PASSWORD'],
  detect(text: string): RawFinding[] {
    const out: RawFinding[] = [];
    if (!text.includes('@')) return out;
    // Each `://` among the scan's separators; searching the text for it cost 1.7 µs per dense 4 KB prompt.
    let from = 0;
    for (const sep of scanText(text).separators) {
      if (sep < from || text.charCodeAt(sep) !== 58 || !text.startsWith('//', sep + 1)) continue;
      from = sep + 3;
      const found = passwordAt(text, sep);
      if (found === null) continue;
      const score = DATA_STORES.has(found.scheme.toLowerCase()) ? 0.95 : 0.9;
      out.push(finding('PASSWORD', found.start, found.end, score, DETECTOR_ID));
      from = found.authorityEnd;
    }
    return out;
  },
};
