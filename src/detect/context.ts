/**
 * Context words: many entities are only credible with a keyword nearby ("IBAN", "geboren am", "tel.").
 * Detectors pass a case-insensitive regex of such words and a window in characters; the search looks only at
 * the window, so the cost does not grow with the size of the prompt.
 */

const AS_WRITTEN = (window: string): string => window;

/**
 * True when `words` matches within `window` characters before `start` (or after `end` when `after` is set).
 * `read` may rewrite each window before the test, e.g. to split `date_of_birth` into words.
 */
export function hasContextNear(
  text: string,
  start: number,
  end: number,
  words: RegExp,
  window = 40,
  after = false,
  read: (window: string) => string = AS_WRITTEN,
): boolean {
  if (words.test(read(text.slice(Math.max(0, start - window), start)))) return true;
  return after && words.test(read(text.slice(end, Math.min(text.length, end + window))));
}
