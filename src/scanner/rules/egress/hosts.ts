/**
 * Host matching for the provider table: exact hosts, `*` patterns, path-restricted entries, wildcard patterns
 * written in platform configuration, and the hosts that never count as egress (loopback, private networks,
 * cluster-internal names and the Airlock gateway itself). Hosts read from code may hold HOLE where the code
 * interpolates a value (`https://${region}-aiplatform.googleapis.com`); a `*` in a provider pattern admits it.
 */

import { HOLE } from './tokens.ts';

export interface HostMatch {
  readonly host: string;
}

const patternCache = new Map<string, RegExp>();

/** A pattern's literal parts escaped for a RegExp and its `*` replaced by `wildcard`. */
function patternSource(pattern: string, wildcard: string): string {
  return pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\-]/g, '\\$&')).join(wildcard);
}

/** `api.openai.com`, `*.openai.azure.com`, `bedrock-runtime.*.amazonaws.com` as an anchored, case-insensitive RegExp. */
function hostRegex(pattern: string, wildcard: string): RegExp {
  const key = `${wildcard}\n${pattern}`;
  let regex = patternCache.get(key);
  if (regex === undefined) {
    regex = new RegExp(`^${patternSource(pattern, wildcard)}$`, 'i');
    patternCache.set(key, regex);
  }
  return regex;
}

const HOST_WILDCARD = `[a-z0-9.${HOLE}-]+`;
const PATH_WILDCARD = `[^/]+`;

export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
}

function splitPattern(pattern: string): { host: string; path: string } {
  const slash = pattern.indexOf('/');
  return slash < 0 ? { host: pattern, path: '' } : { host: pattern.slice(0, slash), path: pattern.slice(slash) };
}

/** Whether `host` + `path` is what a provider pattern names. */
export function matchHost(pattern: string, host: string, path: string): HostMatch | null {
  const normalized = normalizeHost(host);
  const parts = splitPattern(pattern);
  if (!hostRegex(parts.host, HOST_WILDCARD).test(normalized)) return null;
  if (parts.path !== '' && !pathStartsWith(path, parts.path)) return null;
  return { host: normalized };
}

function pathStartsWith(path: string, prefixPattern: string): boolean {
  // The prefix ends in `/`; `/api` alone counts as `/api/`.
  const withSlash = path.endsWith('/') ? path : `${path}/`;
  return new RegExp(`^${patternSource(prefixPattern, PATH_WILDCARD)}`, 'i').test(withSlash);
}

/**
 * Whether a host pattern from configuration (`*.openai.com`, `*.azure.com`, `api.openai.com`) admits a host
 * the provider pattern names. A pattern is tried against an example host of the provider.
 */
export function matchHostPattern(providerPattern: string, configured: string): HostMatch | null {
  const normalized = normalizeHost(configured);
  if (!normalized.includes('*')) return matchHost(providerPattern, normalized, splitPattern(providerPattern).path || '/');
  const example = splitPattern(providerPattern).host.replaceAll('*', 'x');
  return hostRegex(normalized, '[a-z0-9.-]+').test(example) ? { host: normalized } : null;
}

const PRIVATE_SUFFIXES = ['.localhost', '.local', '.internal', '.lan', '.home.arpa', '.intranet', '.corp', '.localdomain', '.svc'];

/**
 * Hosts that are not the internet: loopback, RFC 1918 and link-local addresses, carrier-grade NAT (VPN meshes),
 * IPv6 unique-local, single-label names (containers, Kubernetes services) and internal suffixes, plus anything
 * named like the Airlock gateway. Calls to these are self-hosted, never egress.
 */
export function isSelfHostedHost(host: string): boolean {
  const normalized = normalizeHost(host);
  if (normalized === '' || normalized.includes(HOLE)) return false;
  if (normalized === 'localhost' || PRIVATE_SUFFIXES.some((suffix) => normalized.endsWith(suffix))) return true;
  if (normalized.split('.').some((label) => label.startsWith('airlock'))) return true;
  if (normalized.includes(':')) return isPrivateIpv6(normalized);
  const ipv4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(normalized);
  if (ipv4 !== null) return isPrivateIpv4(Number(ipv4[1]), Number(ipv4[2]));
  return !normalized.includes('.');
}

function isPrivateIpv4(a: number, b: number): boolean {
  return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) ||
    (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
}

function isPrivateIpv6(host: string): boolean {
  return host === '::1' || host === '::' || /^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host);
}
