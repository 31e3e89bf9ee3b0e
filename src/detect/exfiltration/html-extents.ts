/**
 * How far an HTML element reaches beyond its opening tag. An `<a>` hides its destination behind everything up
 * to `</a>`, so the whole element is one link span whose text is that content (and an image inside it makes it
 * an image span); a `<style>` element's stylesheet runs to `</style>` and fetches its `url(…)`s when shown.
 * Both need the closing tags of the whole reply, so they run once after the inline scan.
 */

import type { Construct } from './constructs.ts';
import { cssUrls } from './css-urls.ts';
import type { DocumentScan } from './markdown-inline.ts';
import { firstIndexAtOrAfter, RangeIndex, type Range } from './ranges.ts';

// A `</a>` further on is not taken to close the anchor (the span stays the opening tag), so that one stray
// closing tag cannot pull a long stretch of the reply into a link.
const MAX_ANCHOR_CONTENT = 2000;

/** An `<a>` covers its content up to `</a>` when that closes it within reach and no other `<a` opens first. */
export function extendAnchors(doc: DocumentScan): void {
  if (doc.anchors.length === 0) return;
  const closes = closingTags(doc.text, /<\/a\s*>/gi);
  const opens = [...doc.text.matchAll(/<a[\s/>]/gi)].map((m) => m.index);
  for (const { construct, tagEnd } of doc.anchors) {
    const close = closes.firstAtOrAfter(tagEnd);
    if (close === undefined || close[0] - tagEnd > MAX_ANCHOR_CONTENT) continue;
    const nextOpen = opens[firstIndexAtOrAfter(opens, tagEnd)];
    if (nextOpen !== undefined && nextOpen < close[0]) continue;
    construct.end = close[1];
    construct.textFrom = tagEnd;
    construct.textTo = close[0];
  }
}

/** `<style>` elements, with the URLs their stylesheet fetches. The stylesheet runs to `</style>` or the end. */
export function styleConstructs(doc: DocumentScan): Construct[] {
  const constructs: Construct[] = [];
  const closes = closingTags(doc.text, /<\/style\s*>/gi);
  const styles = [...new Map(doc.styles.map((s) => [s.start, s])).values()].sort((a, b) => a.start - b.start);
  let covered = -1;
  for (const { start, tagEnd } of styles) {
    if (start < covered) continue; // inside the stylesheet of the previous <style>
    const close = closes.firstAtOrAfter(tagEnd);
    const end = close?.[1] ?? doc.text.length;
    covered = end;
    const urls = cssUrls(doc.text.slice(tagEnd, close?.[0] ?? doc.text.length));
    if (urls.length > 0) constructs.push({ start, end, kind: 'image', urls, fixedText: '', textFrom: end, textTo: end });
  }
  return constructs;
}

/** Every match of a global closing-tag pattern, looked up by position. */
function closingTags(text: string, pattern: RegExp): RangeIndex {
  return new RangeIndex([...text.matchAll(pattern)].map((m): Range => [m.index, m.index + m[0].length]));
}
