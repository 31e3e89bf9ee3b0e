/**
 * IP addresses. IPv4: four dotted octets 0-255 without leading zeros, not part of a longer dotted number (OIDs,
 * version strings) and not right after "v"/"version"/"section", where 1.2.3.4 is a version or a heading. IPv6:
 * full, `::`-compressed and IPv4-embedded forms, validated by hand; a short compressed form such as `fe80::1`
 * needs a word like "IP" or "host" nearby, since `a::b` is also C++ and `12:30:45` a time. Words such as IP,
 * address, host, server or client raise the score. Addresses that name no machine — loopback (`127.x`, `::1`),
 * unspecified (`0.0.0.0`, `::`) and broadcast — are not personal or infrastructure data and are not reported.
 */
import { hasContextNear } from '../context.ts';
import type { Detector, RawFinding } from '../types.ts';
import { anyOf, finding, isWordCode } from './national-ids-shared.ts';

const DETECTOR_ID = 'pii.ip';
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/** Four dotted runs of 1-3 digits; octet ranges and edges are checked in code. */
const IPV4 = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/g;
const IPV4_WHOLE = new RegExp(`^(?:${OCTET}\\.){3}${OCTET}$`);
const MAX_IPV6 = 45;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

const NOT_AN_IP_BEFORE = new RegExp(
  `(?:${[
    '\\bv', '\\bver\\.?', 'version', 'versión', 'versione', 'versie', 'release', 'build', 'firmware',
    'section', 'chapter', 'kapitel', 'abschnitt', 'chapitre', 'capítulo', 'capitolo', 'hoofdstuk', '§', 'isbn',
  ].join('|')})\\s*[:=]?\\s*$`,
  'i',
);
const IP_CONTEXT = anyOf([
  '\\bip(?:v[46])?\\b', 'address', 'adresse', 'direcci[óo]n', 'indirizzo', '\\badres\\b',
  '\\bhost', 'server', 'client', 'gateway', 'router', '\\bdns\\b', 'subnet', 'firewall', 'proxy', '\\bvpn\\b',
  '\\bfrom\\b', '\\bsrc\\b', '\\bdst\\b', 'source', 'remote', 'login', 'connect',
]);

const NO_MACHINE_V4 = /^(?:127\.|0\.0\.0\.0$|255\.255\.255\.255$)/;
const NO_MACHINE_V6 = new Set(['::1', '::', '0:0:0:0:0:0:0:1', '0:0:0:0:0:0:0:0']);

const SCORE_PLAIN = 0.85;
const SCORE_CONTEXT = 0.96;

function insideEarlier(found: readonly RawFinding[], start: number): boolean {
  for (const f of found) if (f.start <= start && start < f.end) return true;
  return false;
}

/** Not part of a word or of a longer dotted number (an OID, a version, a date-like 1.2.3.4.5). */
function ipv4Edges(text: string, start: number, end: number): boolean {
  const prev = start > 0 ? text.charCodeAt(start - 1) : 32;
  if (isWordCode(prev) || prev === 46) return false;
  const next = end < text.length ? text.charCodeAt(end) : 32;
  if (isWordCode(next)) return false;
  const afterNext = text.charCodeAt(end + 1);
  return !(next === 46 && afterNext >= 48 && afterNext <= 57);
}

function ipv4Findings(text: string, found: RawFinding[]): void {
  IPV4.lastIndex = 0;
  for (let m = IPV4.exec(text); m !== null; m = IPV4.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!ipv4Edges(text, start, end) || !IPV4_WHOLE.test(m[0])) continue;
    if (insideEarlier(found, start)) continue; // the tail of an IPv4-mapped IPv6 address
    if (NOT_AN_IP_BEFORE.test(text.slice(Math.max(0, start - 14), start))) continue;
    if (NO_MACHINE_V4.test(m[0])) continue;
    const score = hasContextNear(text, start, end, IP_CONTEXT, 40, true) ? SCORE_CONTEXT : SCORE_PLAIN;
    found.push(finding('IP_ADDRESS', start, end, score, DETECTOR_ID));
  }
}

/** Number of explicit 16-bit groups in a valid IPv6 address (an embedded IPv4 counts two), or 0 when invalid. */
export function ipv6Groups(value: string): number {
  const halves = value.split('::');
  if (halves.length > 2) return 0;
  const compressed = halves.length === 2;
  let groups = 0;
  for (let h = 0; h < halves.length; h++) {
    const half = halves[h] ?? '';
    if (half === '') continue;
    const parts = half.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] ?? '';
      const lastOfAll = h === halves.length - 1 && i === parts.length - 1;
      if (lastOfAll && part.includes('.')) {
        if (!IPV4_WHOLE.test(part)) return 0;
        groups += 2;
      } else if (HEX_GROUP.test(part)) {
        groups += 1;
      } else {
        return 0;
      }
    }
  }
  if (compressed ? groups > 7 : groups !== 8) return 0;
  return compressed && groups === 0 ? 0 : groups;
}

function isIpv6Code(code: number): boolean {
  return (code >= 48 && code <= 58) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102) || code === 46;
}

/**
 * The run of hex digits, colons and dots around a colon as [start, end, usable]: not usable when it touches a
 * word or is longer than any address. The caller resumes after `end`, so a long run is walked once.
 */
function ipv6Run(text: string, colon: number, from: number): [number, number, boolean] {
  let start = colon;
  while (start > from && isIpv6Code(text.charCodeAt(start - 1))) start--;
  let end = colon + 1;
  while (end < text.length && isIpv6Code(text.charCodeAt(end))) end++;
  // A lone leading colon ends a label ("IP:2001:db8::1"); only "::" may open an address.
  if (text.charCodeAt(start) === 58 && text.charCodeAt(start + 1) !== 58) start++;
  const runEnd = end;
  while (end > start && text.charCodeAt(end - 1) === 46) end--; // a sentence's full stop
  const touchesWord = (start > 0 && isWordCode(text.charCodeAt(start - 1))) || isWordCode(text.charCodeAt(runEnd));
  return [start, end, !touchesWord && end - start <= MAX_IPV6];
}

/**
 * A full address has seven colons (six before an embedded IPv4), a compressed one "::". Times (12:30:45), labels
 * and JSON (`"id":"ab"`) have neither, and are dropped here without splitting them into groups.
 */
function enoughColons(text: string, start: number, end: number): boolean {
  let colons = 0;
  let compressed = false;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) !== 58) continue;
    colons++;
    if (text.charCodeAt(i + 1) === 58) compressed = true;
  }
  return compressed ? colons >= 2 : colons >= 6;
}

/** Work starts from each colon, so prose without colons costs one indexOf. */
function ipv6Findings(text: string, found: RawFinding[]): void {
  let from = 0;
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', from)) {
    const [start, end, usable] = ipv6Run(text, colon, from);
    from = Math.max(colon + 1, end);
    if (!usable || !enoughColons(text, start, end)) continue;
    const groups = ipv6Groups(text.slice(start, end));
    if (groups === 0 || NO_MACHINE_V6.has(text.slice(start, end))) continue;
    const context = hasContextNear(text, start, end, IP_CONTEXT, 40, true);
    if (groups < 3 && !context) continue;
    found.push(finding('IP_ADDRESS', start, end, context ? SCORE_CONTEXT : 0.9, DETECTOR_ID));
  }
}

export const ipDetector: Detector = {
  id: DETECTOR_ID,
  types: ['IP_ADDRESS'],
  detect(text: string): RawFinding[] {
    const found: RawFinding[] = [];
    if (text.includes(':')) ipv6Findings(text, found);
    if (text.includes('.')) ipv4Findings(text, found);
    return found;
  },
};
