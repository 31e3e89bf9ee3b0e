/**
 * The parts of a URL the reply guard decides with: its scheme and the host a browser would contact, and whether
 * that host is on an allow-list. They are read the way browsers read them (stray tabs and line breaks dropped,
 * userinfo and backslash tricks resolved, Unicode hosts in punycode), because an attacker writes URLs that look
 * like one host to a naive parser and reach another; a URL no browser accepts still names its would-be host, so
 * an allow-list check on it fails closed.
 */

/** A URL's scheme and its colon; group 1 is the scheme as written. */
export const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/** Lower-cased host of an http(s)/ftp/ws(s), protocol-relative, `www.` or `mailto:` URL; null when it names none. */
export function hostOf(url: string): string | null {
  const cleaned = cleanUrl(url);
  if (/^[\\/]{2}/.test(cleaned)) return parsedHost(cleaned, RELATIVE_BASE) ?? fallbackHost(cleaned);
  if (/^www\./i.test(cleaned)) return parsedHost(`http://${cleaned}`) ?? fallbackHost(`http://${cleaned}`);
  const scheme = schemeOf(cleaned);
  if (scheme === 'mailto') return mailtoHost(cleaned);
  if (scheme !== null && HOST_SCHEMES.has(scheme)) return parsedHost(cleaned) ?? fallbackHost(cleaned);
  return null;
}

/** Lower-cased scheme, or null for a relative URL. Tabs and line breaks anywhere and leading controls are ignored, as browsers do. */
export function schemeOf(url: string): string | null {
  const match = SCHEME.exec(cleanUrl(url));
  return match?.[1]?.toLowerCase() ?? null;
}

/**
 * Whether `host` is on the allow-list. Entries are `shop.example` (that host only) or `*.shop.example` (that host
 * and its subdomains). Case, a trailing dot and Unicode versus punycode spelling make no difference.
 */
export function hostAllowed(host: string, allowHosts: readonly string[]): boolean {
  const normalized = normalizeHost(host);
  if (normalized === '') return false;
  return allowHosts.some((entry) => allowEntryMatches(normalized, entry));
}

const HOST_SCHEMES = new Set(['http', 'https', 'ftp', 'ws', 'wss']);
// A protocol-relative URL resolves against the page showing the reply; any https base gives the same host.
const RELATIVE_BASE = 'https://relative.invalid/';

/** Browsers drop tabs and line breaks anywhere in a URL and C0 controls and spaces around it. */
export function cleanUrl(url: string): string {
  const stripped = url.replace(/[\t\n\r]/g, '');
  let start = 0;
  let end = stripped.length;
  while (start < end && stripped.charCodeAt(start) <= 0x20) start++;
  while (end > start && stripped.charCodeAt(end - 1) <= 0x20) end--;
  return stripped.slice(start, end);
}

function parsedHost(url: string, base?: string): string | null {
  try {
    const host = new URL(url, base).hostname;
    return host === '' || (base !== undefined && host === new URL(base).hostname) ? null : host;
  } catch {
    return null;
  }
}

/** A URL that WHATWG rejects is not fetched, but its would-be host still fails an allow-list check. */
function fallbackHost(url: string): string | null {
  const authority = /^(?:[A-Za-z][A-Za-z0-9+.-]*:)?[\\/]*([^\\/?#]*)/.exec(url)?.[1] ?? '';
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
  const host = hostAndPort.startsWith('[') ? hostAndPort.slice(0, hostAndPort.indexOf(']') + 1) : hostAndPort.replace(/:[^:]*$/, '');
  return host === '' ? null : host.toLowerCase();
}

function mailtoHost(url: string): string | null {
  const address = url.slice('mailto:'.length).split('?')[0]?.split(',')[0] ?? '';
  const decoded = safeDecodeURIComponent(address);
  const at = decoded.lastIndexOf('@');
  if (at < 0) return null;
  const host = normalizeHost(decoded.slice(at + 1));
  return host === '' ? null : host;
}

function safeDecodeURIComponent(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function normalizeHost(host: string): string {
  return toAsciiHost(host.trim().toLowerCase().replace(/\.+$/, ''));
}

/** IDN hosts are compared in the punycode form WHATWG URL gives them. */
function toAsciiHost(host: string): string {
  if (!/[^\x20-\x7e]/.test(host)) return host;
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return host;
  }
}

function allowEntryMatches(host: string, entry: string): boolean {
  const wildcard = entry.startsWith('*.');
  const base = normalizeHost(wildcard ? entry.slice(2) : entry);
  if (base === '') return false;
  return host === base || (wildcard && host.endsWith(`.${base}`));
}

