/**
 * Context words: many entities are only credible with a keyword nearby ("IBAN", "geboren am", "tel.").
 * Detectors pass a case-insensitive regex of such words and a window in characters; the search looks only at
 * the window, so the cost does not grow with the size of the prompt.
 */

/** True when `words` matches within `window` characters before `start` (or after `end` when `after` is set). */
export function hasContextNear(
  text: string,
  start: number,
  end: number,
  words: RegExp,
  window = 40,
  after = false,
): boolean {
  const before = text.slice(Math.max(0, start - window), start);
  if (words.test(before)) return true;
  if (!after) return false;
  return words.test(text.slice(end, Math.min(text.length, end + window)));
}
