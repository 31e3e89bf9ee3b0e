/**
 * Passwords inside URLs: `scheme://user:PASSWORD@host` for databases, brokers and caches (`postgres://`,
 * `mongodb+srv://`, `redis://:pw@`, `amqp://`, `mysql://`) and any other scheme (`https://user:pw@host`). The
 * span is the password only. The authority is read by hand up to the first `/`, `?`, `#`, quote or space; its
 * last `@` ends the password, so an unencoded `@` inside a password is kept. Variables and placeholders
 * (`${DB_PASSWORD}`, `****`, `password`) are not reported. `key=value` passwords in query strings and ADO/JDBC
 * lists are passwords.ts's.
 */
import type { Detector, RawFinding } from '../types.ts';
import { finding } from './shared.ts';

const DETECTOR_ID = 'secret.connection-string';
const MAX_AUTHORITY = 512;
const MAX_SCHEME = 31;
const DATA_STORES =
  /^(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|oracle|jdbc|clickhouse|cockroachdb|neo4j(?:\+s)?|couchbases?|cassandra|elasticsearch|kafka|nats|ldaps?|s?ftp|smtps?|imaps?)$/i;
const PLACEHOLDER = /^(?:[*xX•.#?_-]+|password|passwd|pass|pwd|secret|changeme|pw|\$.*|%.*|<.*|\{.*|\[.*|your[-_]?.*)$/i;
const HOST_START = /[A-Za-z0-9[]/;

function isAuthorityEnd(c: number): boolean {
  // whitespace / ? # " ' ` < > \
  return c <= 32 || c === 47 || c === 63 || c === 35 || c === 34 || c === 39 || c === 96 || c === 60 || c === 62 || c === 92;
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

function passwordAt(text: string, sep: number): { start: number; end: number; authorityEnd: number; scheme: string } | null {
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
    for (let sep = text.indexOf('://'); sep !== -1; sep = text.indexOf('://', sep + 3)) {
      const found = passwordAt(text, sep);
      if (found === null) continue;
      const score = DATA_STORES.test(found.scheme) ? 0.95 : 0.9;
      out.push(finding('PASSWORD', found.start, found.end, score, DETECTOR_ID));
      sep = found.authorityEnd - 3;
    }
    return out;
  },
};
