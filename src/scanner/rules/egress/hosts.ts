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

/** A pattern's literal parts escaped for a RegExp and its `*` replaced by `wildcard`. */
function patternSource(pattern: string, wildcard: string): string {
  return pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\-]/g, '\\$&')).join(wildcard);
}

const HOST_WILDCARD = `[a-z0-9.${HOLE}-]+`;
const PATH_WILDCARD = `[^/]+`;
const CONFIGURED_WILDCARD = '[a-z0-9.-]+';

/** A provider pattern compiled once: its host as an anchored RegExp, its path prefix (if any) as another, an example host. */
interface CompiledPattern {
  readonly host: RegExp;
  readonly path: RegExp | null;
  /** The pattern's host with `x` for each `*`, what a configured wildcard pattern is tried against. */
  readonly example: string;
  /** The path prefix as written ('' for none). */
  readonly pathText: string;
}

const compiledPatterns = new Map<string, CompiledPattern>();

/** `api.openai.com`, `*.openai.azure.com`, `bedrock-runtime.*.amazonaws.com`, `openrouter.ai/api/`, compiled on first use. */
function compiled(pattern: string): CompiledPattern {
  let entry = compiledPatterns.get(pattern);
  if (entry === undefined) {
    const parts = splitPattern(pattern);
    entry = {
      host: new RegExp(`^${patternSource(parts.host, HOST_WILDCARD)}$`, 'i'),
      // The prefix ends in `/`; `/api` alone counts as `/api/` (see pathStartsWith).
      path: parts.path === '' ? null : new RegExp(`^${patternSource(parts.path, PATH_WILDCARD)}`, 'i'),
      example: parts.host.replaceAll('*', 'x'),
      pathText: parts.path,
    };
    compiledPatterns.set(pattern, entry);
  }
  return entry;
}

/** Configured wildcard patterns (`*.openai.com`) as RegExps; few distinct ones per project, so kept. */
const configuredPatterns = new Map<string, RegExp>();

function configuredRegex(pattern: string): RegExp {
  let regex = configuredPatterns.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(`^${patternSource(pattern, CONFIGURED_WILDCARD)}$`, 'i');
    configuredPatterns.set(pattern, regex);
  }
  return regex;
}

export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
}

function splitPattern(pattern: string): { host: string; path: string } {
  const slash = pattern.indexOf('/');
  return slash < 0 ? { host: pattern, path: '' } : { host: pattern.slice(0, slash), path: pattern.slice(slash) };
}

/** Whether `host` + `path` is what a provider pattern names. */
export function matchHost(pattern: string, host: string, path: string): HostMatch | null {
  return matchNormalizedHost(pattern, normalizeHost(host), path);
}

/** matchHost for a host already passed through normalizeHost (callers trying many patterns normalise once). */
export function matchNormalizedHost(pattern: string, normalized: string, path: string): HostMatch | null {
  const entry = compiled(pattern);
  if (!entry.host.test(normalized)) return null;
  if (entry.path !== null && !pathStartsWith(path, entry.path)) return null;
  return { host: normalized };
}

function pathStartsWith(path: string, prefix: RegExp): boolean {
  const withSlash = path.endsWith('/') ? path : `${path}/`;
  return prefix.test(withSlash);
}

/**
 * Whether a host pattern from configuration (`*.openai.com`, `*.azure.com`, `api.openai.com`) admits a host
 * the provider pattern names. A pattern is tried against an example host of the provider.
 */
export function matchHostPattern(providerPattern: string, configured: string): HostMatch | null {
  const normalized = normalizeHost(configured);
  const entry = compiled(providerPattern);
  // normalizeHost again, as before (it is not idempotent for odd inputs like `[::1].`).
  if (!normalized.includes('*')) return matchHost(providerPattern, normalized, entry.pathText || '/');
  return configuredRegex(normalized).test(entry.example) ? { host: normalized } : null;
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
