/**
 * Disguises attackers put on injection payloads to slip past keyword filters: zero-width characters inside
 * trigger words, Cyrillic and Greek homoglyphs, leetspeak, letter spacing, mixed case with punctuation inside
 * words, full-width letters, base64 with "decode and follow", payload splitting into concatenated variables
 * (Kang et al., "Exploiting Programmatic Behavior of LLMs") and reversed text. Word-level disguises apply only
 * to the [bracketed] words of a seed, the way attackers disguise the words a filter looks for and leave the
 * rest readable for the model.
 */
import type { Rng } from '../rng.ts';
import type { ObfuscationPack } from './types.ts';

export const OBFUSCATIONS = ['zero_width', 'homoglyph', 'leetspeak', 'spaced', 'case_split', 'fullwidth', 'base64', 'split', 'reversed'] as const;
export type Obfuscation = (typeof OBFUSCATIONS)[number];

const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', '\ufeff'];

/** Latin letter → look-alikes from Cyrillic and Greek. */
const LOOKALIKES: Record<string, readonly string[]> = {
  a: ['\u0430', '\u03b1'], e: ['\u0435'], o: ['\u043e', '\u03bf'], p: ['\u0440', '\u03c1'], c: ['\u0441'], x: ['\u0445'], y: ['\u0443'],
  i: ['\u0456'], s: ['\u0455'], j: ['\u0458'], A: ['\u0410', '\u0391'], B: ['\u0412', '\u0392'], E: ['\u0415', '\u0395'], H: ['\u041d', '\u0397'],
  I: ['\u0406', '\u0399'], K: ['\u041a', '\u039a'], M: ['\u041c', '\u039c'], N: ['\u039d'], O: ['\u041e', '\u039f'], P: ['\u0420', '\u03a1'],
  C: ['\u0421'], T: ['\u0422', '\u03a4'], X: ['\u0425', '\u03a7'], S: ['\u0405'],
};

const LEET: Record<string, readonly string[]> = { a: ['4', '@'], e: ['3'], i: ['1', '!'], o: ['0'], s: ['5', '$'], t: ['7'], l: ['1'], g: ['9'], b: ['8'] };

export const plain = (seed: string): string => seed.replace(/\[([^\]]+)\]/g, '$1');

function mapMarked(seed: string, fn: (word: string) => string): string {
  return seed.replace(/\[([^\]]+)\]/g, (_m, word: string) => fn(word));
}

function insertInvisible(rng: Rng, word: string): string {
  const chars = [...word];
  if (chars.length < 2) return word;
  const at = new Set(Array.from({ length: rng.int(1, 2) }, () => rng.int(1, chars.length - 1)));
  return chars.map((ch, i) => (at.has(i) ? rng.pick(INVISIBLE) : '') + ch).join('');
}

function homoglyph(rng: Rng, word: string): string {
  const chars = [...word];
  const candidates = chars.map((ch, i) => (LOOKALIKES[ch] ? i : -1)).filter((i) => i >= 0);
  const chosen = new Set(rng.shuffle(candidates).slice(0, rng.int(1, 3)));
  return chars.map((ch, i) => (chosen.has(i) ? rng.pick(LOOKALIKES[ch] ?? [ch]) : ch)).join('');
}

function leet(rng: Rng, text: string): string {
  return [...text].map((ch) => { const options = LEET[ch.toLowerCase()]; return options && rng.chance(0.7) ? rng.pick(options) : ch; }).join('');
}

function caseSplit(rng: Rng, word: string): string {
  const mixed = [...word].map((ch) => (rng.chance(0.5) ? ch.toUpperCase() : ch.toLowerCase()));
  if (mixed.length > 3) mixed.splice(rng.int(1, mixed.length - 2), 0, rng.pick(['.', '-', '*', '|', '_']));
  return mixed.join('');
}

const FULLWIDTH = (ch: string): string => (ch >= '!' && ch <= '~' ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch);

/** Cuts `text` into three parts at arbitrary characters, mid-word, as payload-splitting attacks do. */
function threeParts(rng: Rng, text: string): [string, string, string] {
  const one = rng.int(3, Math.floor(text.length / 2));
  const two = rng.int(one + 3, text.length - 3);
  return [text.slice(0, one), text.slice(one, two), text.slice(two)];
}

export function obfuscate(rng: Rng, kind: Obfuscation, seed: string, pack: ObfuscationPack): string {
  switch (kind) {
    case 'zero_width': return mapMarked(seed, (w) => insertInvisible(rng, w));
    case 'homoglyph': return mapMarked(seed, (w) => homoglyph(rng, w));
    case 'leetspeak': return leet(rng, plain(seed));
    case 'spaced': { const sep = rng.pick([' ', '.', '-', ' ', '_']); return mapMarked(seed, (w) => [...w].join(sep)); }
    case 'case_split': return mapMarked(seed, (w) => caseSplit(rng, w));
    case 'fullwidth': return mapMarked(seed, (w) => [...w].map(FULLWIDTH).join(''));
    case 'base64': return rng.pick(pack.base64).replace('{payload}', () => Buffer.from(plain(seed), 'utf8').toString('base64'));
    case 'split': {
      const [a, b, c] = threeParts(rng, plain(seed));
      return rng.pick(pack.split).replace('{a}', () => a).replace('{b}', () => b).replace('{c}', () => c);
    }
    case 'reversed': return rng.pick(pack.reversed).replace('{payload}', () => [...plain(seed)].reverse().join(''));
  }
}
