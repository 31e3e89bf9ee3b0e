/**
 * Disguises that users (or scripts trying to get data past a filter) apply to values: regrouping digits with
 * odd separators, breaking a number across lines, full-width digits, zero-width spaces and Cyrillic letters
 * that look Latin. The gold span always covers the value exactly as written, invisible characters included,
 * since that is what a redaction has to remove.
 */
import type { Rng } from './rng.ts';
import type { Evasion } from './types.ts';

const ZWSP = '\u200b';
const HOMOGLYPHS: Record<string, string> = { a: '\u0430', e: '\u0435', o: '\u043e', c: '\u0441', p: '\u0440', x: '\u0445', y: '\u0443', i: '\u0456' };

function insertAt(text: string, positions: readonly number[], insert: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += (positions.includes(i) && i > 0 ? insert : '') + text[i];
  return out;
}

function zeroWidth(rng: Rng, value: string): string {
  const count = rng.int(1, 2);
  const positions: number[] = [];
  for (let i = 0; i < count; i++) positions.push(rng.int(1, value.length - 1));
  return insertAt(value, positions, ZWSP);
}

/** Rewrites the digits (and letters of an IBAN) in groups of 1–3 with an unusual separator. */
function regroup(rng: Rng, value: string): string {
  const plus = value.startsWith('+') ? '+' : '';
  const chars = value.replace(/[^0-9A-Za-z]/g, '');
  const sep = rng.pick([' ', '.', '-', ' - ', '  ']);
  const size = rng.int(1, 3);
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += size) groups.push(chars.slice(i, i + size));
  return plus + groups.join(sep);
}

function lineBreak(rng: Rng, value: string): string {
  const spaces = [...value.matchAll(/ /g)].map((m) => m.index);
  if (spaces.length > 0) {
    const at = rng.pick(spaces.slice(Math.floor(spaces.length / 3)));
    return `${value.slice(0, at)}\n${value.slice(at + 1)}`;
  }
  const at = Math.floor(value.length / 2);
  return `${value.slice(0, at)}\n${value.slice(at)}`;
}

function fullWidth(value: string): string {
  return value.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
}

function homoglyph(rng: Rng, value: string): string | null {
  const at = value.indexOf('@');
  const candidates = [...value].map((ch, i) => (HOMOGLYPHS[ch] && i !== at ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return null;
  const chosen = rng.shuffle(candidates).slice(0, rng.int(1, Math.min(3, candidates.length)));
  return [...value].map((ch, i) => (chosen.includes(i) ? (HOMOGLYPHS[ch] as string) : ch)).join('');
}

export interface Disguised {
  text: string;
  evasion: Evasion;
}

/** Disguises a number-like value (phone, card, IBAN). */
export function disguiseNumber(rng: Rng, value: string): Disguised {
  const evasion = rng.weighted<Evasion>([['separators', 3], ['linebreak', 2], ['fullwidth', 2], ['zero-width', 2]]);
  switch (evasion) {
    case 'separators': return { text: regroup(rng, value), evasion };
    case 'linebreak': return { text: lineBreak(rng, value), evasion };
    case 'fullwidth': return { text: fullWidth(value), evasion };
    default: return { text: zeroWidth(rng, value), evasion };
  }
}

export function disguiseEmail(rng: Rng, value: string): Disguised {
  if (rng.chance(0.55)) {
    const swapped = homoglyph(rng, value);
    if (swapped !== null) return { text: swapped, evasion: 'homoglyph' };
  }
  return { text: zeroWidth(rng, value), evasion: 'zero-width' };
}
