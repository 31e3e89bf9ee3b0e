/**
 * Passwords given in prose: "my password is …", "das Passwort lautet: …", and a key word right before the value
 * ("login admin password S3cret!", as in .netrc). Read backwards from a value candidate (a scan token), which is
 * where the cheap scan in scan.ts finds them. Most tokens in a prompt are numbers after ordinary words, so a
 * screen that reads the word before once (proseKeyPossible) comes first.
 */
import { MAY_HOLD, type KeyWords } from './gate.ts';
import { isBlank, keyStartBefore, lowerCaseIn, pair, unquotedEnd, type KeyTest, type KeyValue } from './key-value.ts';

const COPULAS = new Set([
  'is', 'ist', 'lautet', 'est', 'es', 'era', 'was', 'are', 'sind', 'wynosi', 'är', 'er', 'é', 'è',
]);
const isCopula = lowerCaseIn(COPULAS);

/** Start of the letters (any script) ending at `end`, at most `max` of them. */
function lettersBefore(text: string, end: number, max: number): number {
  let i = end;
  while (i > 0 && end - i < max) {
    const c = text.charCodeAt(i - 1);
    const ascii = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    if (!ascii && (c < 128 || !/\p{L}/u.test(text.charAt(i - 1)))) break;
    i--;
  }
  return i;
}

/**
 * Prose before the value at `valueStart`: a key and a copula ("my password is …", "Passwort lautet: …"), or the
 * key word right before it ("login admin password S3cret!", as in .netrc) with separator 'none'.
 */
export function prosePairBefore(text: string, valueStart: number, wanted: KeyTest): KeyValue | null {
  let i = valueStart;
  while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
  if (i === valueStart && text.charCodeAt(i - 1) !== 58) return null;
  const colon = text.charCodeAt(i - 1) === 58;
  if (colon) i--; // "lautet: …"
  while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
  const w = lettersBefore(text, i, 7);
  const copula = w < i && w > 0 && isCopula(text, w, i);
  if (!copula) {
    if (colon || i === 0) return null; // "key: value" pairs are the separator scan's
    const keyStart = keyStartBefore(text, i);
    if (keyStart >= i || !wanted(text, keyStart, i)) return null;
    const end = unquotedEnd(text, valueStart);
    return end > valueStart ? pair(text, keyStart, i, 'none', false, [valueStart, end, false]) : null;
  }
  let keyEnd = w;
  while (keyEnd > 0 && isBlank(text.charCodeAt(keyEnd - 1))) keyEnd--;
  if (keyEnd === w) return null;
  const keyStart = keyStartBefore(text, keyEnd);
  if (keyStart >= keyEnd || !wanted(text, keyStart, keyEnd)) return null;
  const end = unquotedEnd(text, valueStart);
  return end > valueStart ? pair(text, keyStart, keyEnd, 'prose', false, [valueStart, end, false]) : null;
}

/**
 * False when prosePairBefore(text, valueStart, words.test) is sure to be null: neither the word before the value
 * nor, after a copula, the word before that can hold one of the words. The screen reads each word once and tells
 * where it starts; a copula is such a whole word after a blank, so letters need no second reading.
 */
export function proseKeyPossible(text: string, valueStart: number, words: KeyWords): boolean {
  let i = valueStart;
  while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
  if (i === valueStart && text.charCodeAt(i - 1) !== 58) return false;
  if (text.charCodeAt(i - 1) === 58) i--;
  while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
  const w = words.screen(text, i);
  if (w === MAY_HOLD) return true;
  if (!(w < i && w > 0 && isBlank(text.charCodeAt(w - 1)) && isCopula(text, w, i))) return false;
  let keyEnd = w;
  while (keyEnd > 0 && isBlank(text.charCodeAt(keyEnd - 1))) keyEnd--;
  return words.screen(text, keyEnd) === MAY_HOLD;
}
