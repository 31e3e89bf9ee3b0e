/**
 * Business terms (code names, supplier names, unreleased products): every term of a tenant's dictionary is
 * found in one left-to-right pass over the words of the folded text. Terms match only on word boundaries, so a
 * term can only begin where a word begins: each word is looked up once in a map from first words to the terms
 * that start with them, and only those are compared. The cost grows with the number of words in the prompt,
 * not with the size of the dictionary. Hand-written: packaged automata cannot match on folded text with word
 * boundaries, and a character-level Aho–Corasick automaton measured 0.17–0.21 ms per dense 4 KB prompt against
 * 0.07–0.10 ms for this word-level scan in the same run.
 */
import type { Detector, RawFinding } from '../types.ts';
import { foldString, foldTextKeepingOffsets, isWordCode } from './fold.ts';

const WORD = /[\p{L}\p{N}_]+/gu;

interface Term {
  /** The folded term, whitespace collapsed to single spaces. */
  readonly folded: string;
  /** Characters before its first word (`#` in `#Falcon`), matched before the word the lookup found. */
  readonly lead: number;
}

export function createTermDetector(terms: readonly string[]): Detector {
  const byFirstWord = indexTerms(terms);
  const firstChars = new Uint8Array(0x10000);
  let shortest = Infinity;
  let longest = 0;
  for (const word of byFirstWord.keys()) {
    firstChars[word.charCodeAt(0)] = 1;
    shortest = Math.min(shortest, word.length);
    longest = Math.max(longest, word.length);
  }
  return {
    id: 'business.term',
    types: ['BUSINESS_TERM'],
    detect(text) {
      const findings: RawFinding[] = [];
      if (byFirstWord.size === 0) return findings;
      const folded = foldTextKeepingOffsets(text);
      // Words are scanned by code unit, and a word is cut out for the map lookup only when its first character
      // and length fit some term: allocating every word made the scan three times slower.
      for (let i = 0; i < folded.length; ) {
        if (!isWordUnit(folded.charCodeAt(i))) {
          i++;
          continue;
        }
        let j = i + 1;
        while (j < folded.length && isWordUnit(folded.charCodeAt(j))) j++;
        const length = j - i;
        if (firstChars[folded.charCodeAt(i)] === 1 && length >= shortest && length <= longest) {
          for (const term of byFirstWord.get(folded.slice(i, j)) ?? []) {
            const start = i - term.lead;
            const end = matchAt(folded, start, term.folded);
            if (end > 0 && isBoundary(folded, start - 1) && isBoundary(folded, end)) {
              findings.push({ type: 'BUSINESS_TERM', start, end, score: 0.9, detector: 'business.term' });
            }
          }
        }
        i = j;
      }
      return findings;
    },
  };
}

const WORD_UNITS = new Uint8Array(0x10000); // 0: not yet known, 1: letter or digit, 2: other

function isWordUnit(code: number): boolean {
  let known = WORD_UNITS[code] as number;
  if (known === 0) WORD_UNITS[code] = known = isWordCode(code) ? 1 : 2;
  return known === 1;
}

function indexTerms(terms: readonly string[]): Map<string, Term[]> {
  const byFirstWord = new Map<string, Term[]>();
  for (const raw of terms) {
    const folded = foldString(raw.trim());
    WORD.lastIndex = 0;
    const first = WORD.exec(folded);
    if (!first) continue; // a term without letters or digits cannot sit on word boundaries
    const list = byFirstWord.get(first[0]) ?? [];
    if (!list.some((t) => t.folded === folded)) list.push({ folded, lead: first.index });
    byFirstWord.set(first[0], list);
  }
  return byFirstWord;
}

/** End of `term` matched at `start` (a space in the term matches any run of whitespace), or -1. */
function matchAt(text: string, start: number, term: string): number {
  if (start < 0) return -1;
  let at = start;
  for (let i = 0; i < term.length; i++) {
    const want = term.charCodeAt(i);
    if (want === 0x20) {
      if (!isSpace(text.charCodeAt(at))) return -1;
      while (at < text.length && isSpace(text.charCodeAt(at))) at++;
    } else if (text.charCodeAt(at) === want) at++;
    else return -1;
  }
  return at;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function isBoundary(text: string, at: number): boolean {
  return at < 0 || at >= text.length || !isWordCode(text.charCodeAt(at));
}
