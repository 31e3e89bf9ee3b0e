/**
 * A cheap test run before a file is lexed: can it yield any egress site at all (and so any egress, CORS or
 * WordPress finding)? Every site needs a provider host (`egress.host-literal`, an SDK base URL), an SDK module or
 * class name from AI_SDKS (`egress.sdk`) or `callout:` (`egress.apex-callout`) in the file, and each of those needs
 * some literal piece of text the tables name: a distinctive label of every provider host pattern, a distinctive part
 * of every SDK module or PHP class name (every part of such a name is written somewhere in the file: imports, the
 * namespace or the call itself). The literals are derived from providers.ts, so the filter cannot drift from the
 * tables. Escape sequences in strings (`\x61`, `\u0061`, `\a`) are decoded before a second look, as the lexers
 * decode them. The one assumption: code does not split a single label or name across concatenated literals
 * (`'api.open' . 'ai.com'`).
 */

import { AI_PROVIDERS, AI_SDKS } from '../providers.ts';

/** Labels and name parts too common to tell anything; another part of the same name is chosen instead. */
const GENERIC = new Set([
  'api', 'www', 'com', 'ai', 'io', 'co', 'cn', 'sh', 'xyz', 'net', 'org', 'cloud', 'models', 'gateway', 'services', 'inference',
  'router', 'integrate', 'endpoints', 'open', 'runtime', 'agent', 'amazonaws', 'googleapis', 'client', 'sdk', 'js', 'google',
  'chat', 'manager', 'provider', 'aws', 'intl', 'v1', 'v2', 'v4', 'rpc', 'accounts',
]);

/** The longest part of three or more characters that is not GENERIC; the whole text when there is none. */
function distinctive(text: string, separators: RegExp): string {
  const parts = text.split(separators).filter((part) => part.length >= 3 && !GENERIC.has(part.toLowerCase()));
  const best = parts.reduce((a, b) => (b.length > a.length ? b : a), '');
  return (best === '' ? text : best).toLowerCase();
}

/** A pattern's host part, and of its `*`-separated literal segments (each must appear whole in a matching value) the longest. */
function hostLiteral(pattern: string): string {
  const slash = pattern.indexOf('/');
  const host = slash < 0 ? pattern : pattern.slice(0, slash);
  const segments = host.split('*').filter((s) => s !== '');
  const longest = segments.reduce((a, b) => (b.length > a.length ? b : a), '');
  return distinctive(longest.replace(/^[.-]+|[.-]+$/g, ''), /[.-]/);
}

function sdkLiteral(language: string, module: string): string {
  if (language === 'php') return distinctive(module, /\\/);
  if (language === 'python') return distinctive(module, /\./);
  return distinctive(module, /[^A-Za-z0-9_]/);
}

/** Every literal one of which a file must contain (case-insensitively) to have an egress site, sorted. */
export const EGRESS_LITERALS: readonly string[] = [...new Set([
  ...AI_PROVIDERS.flatMap((provider) => provider.hosts.map(hostLiteral)),
  ...AI_SDKS.map((entry) => sdkLiteral(entry.language, entry.module)),
  'callout:',
])].sort();

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
const ANY_LITERAL = new RegExp(EGRESS_LITERALS.map(escapeRegex).join('|'), 'i');
const ESCAPE = /\\(?:x([0-9a-fA-F]{2})|u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|([\s\S]))/g;

function decodeEscapes(text: string): string {
  return text.replace(ESCAPE, (_all, x?: string, braced?: string, u?: string, other?: string) => {
    if (other !== undefined) return other;
    const code = Number.parseInt(x ?? braced ?? u ?? '0', 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** False only when the file certainly has no egress site; true means "lex it and look". */
export function mayHaveEgress(text: string): boolean {
  if (ANY_LITERAL.test(text)) return true;
  return text.includes('\\') && ANY_LITERAL.test(decodeEscapes(text));
}
