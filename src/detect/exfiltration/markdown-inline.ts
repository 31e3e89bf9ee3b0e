/**
 * CommonMark's inline algorithm over one segment, in one left-to-right pass: code spans, autolinks and HTML tags
 * are taken where they start, and a bracket stack pairs `[` and `![` with `]` into inline and reference links
 * and images. Everything found is collected per document in a DocumentScan, because each reply is read in two
 * views (markdown-blocks.ts) and the later steps need all of it at once. Lookups that a naive parser repeats
 * (the closing backtick run, "does this text hold a bracket") are precomputed per document, so that the scan
 * stays (near) linear on any input.
 */

import {
  BACKSLASH,
  BACKTICK,
  BANG,
  CLOSE_BRACKET,
  isAsciiPunctuation,
  LESS_THAN,
  OPEN_BRACKET,
  OPEN_PAREN,
} from './chars.ts';
import type { Construct } from './constructs.ts';
import { attributeValue, parseHtmlTag, type HtmlTag } from './html-tags.ts';
import { elementUrls, type SrcdocReader } from './html-urls.ts';
import type { Definition } from './link-definitions.ts';
import type { Segment } from './markdown-blocks.ts';
import {
  MAX_LABEL_LENGTH,
  normalizeLabel,
  parseAutolink,
  parseInlineTail,
  scanLinkLabel,
  type Destination,
} from './markdown-syntax.ts';
import { firstIndexAtOrAfter, type Range } from './ranges.ts';

/** Start positions of backtick runs by run length, to find a code span's closing run in O(log n). */
class BacktickRuns {
  private readonly startsByLength = new Map<number, number[]>();

  constructor(text: string) {
    for (const match of text.matchAll(/`+/g)) {
      const starts = this.startsByLength.get(match[0].length) ?? [];
      starts.push(match.index);
      this.startsByLength.set(match[0].length, starts);
    }
  }

  /** Start of the first run of exactly `length` backticks beginning in [from, to), or -1. */
  find(length: number, from: number, to: number): number {
    const starts = this.startsByLength.get(length);
    if (starts === undefined) return -1;
    const start = starts[firstIndexAtOrAfter(starts, from)];
    return start !== undefined && start < to ? start : -1;
  }
}

/** Prefix counts of unescaped brackets, so "does this text hold a bracket" is O(1). */
function unescapedBracketCounts(text: string): Int32Array {
  const counts = new Int32Array(text.length + 1);
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    counts[i + 1] = (counts[i] ?? 0) + (!escaped && (c === OPEN_BRACKET || c === CLOSE_BRACKET) ? 1 : 0);
    escaped = !escaped && c === BACKSLASH;
  }
  return counts;
}

/** What the inline parser collects over the whole document. */
export class DocumentScan {
  readonly constructs: Construct[] = [];
  /** Every HTML tag: stripped from visible text and never read as a bare URL. */
  readonly tags: Range[] = [];
  /** Backtick runs that open or close a code span: a bare URL in code ends at them. */
  readonly codeDelimiters: Range[] = [];
  /** `<a>` elements: html-extents.ts stretches each to its `</a>` once every tag is known. */
  readonly anchors: { construct: Construct; tagEnd: number }[] = [];
  /** `<style>` opening tags: html-extents.ts reads the stylesheet after each. */
  readonly styles: { start: number; tagEnd: number }[] = [];
  /** Labels of definitions that an image uses: such a definition is an image URL. */
  readonly imageLabels = new Set<string>();
  readonly brackets: Int32Array;
  readonly backticks: BacktickRuns;
  readonly text: string;
  readonly definitions: ReadonlyMap<string, Definition>;
  readonly readSrcdoc: SrcdocReader;

  constructor(text: string, definitions: ReadonlyMap<string, Definition>, readSrcdoc: SrcdocReader) {
    this.text = text;
    this.definitions = definitions;
    this.readSrcdoc = readSrcdoc;
    this.brackets = unescapedBracketCounts(text);
    this.backticks = new BacktickRuns(text);
  }

  addElement(tag: HtmlTag, start: number): void {
    if (tag.name === 'style') this.styles.push({ start, tagEnd: tag.end });
    const { fetched, followed } = elementUrls(tag, this.readSrcdoc);
    if (fetched.length === 0 && followed.length === 0) return;
    const construct: Construct = {
      start,
      end: tag.end,
      kind: fetched.length > 0 ? 'image' : 'link',
      urls: [...fetched, ...followed],
      fixedText: tag.name === 'a' ? null : (attributeValue(tag, 'alt') ?? ''),
      textFrom: tag.end,
      textTo: tag.end,
    };
    this.constructs.push(construct);
    if (tag.name === 'a') this.anchors.push({ construct, tagEnd: tag.end });
  }
}

interface Opener {
  readonly pos: number;
  readonly image: boolean;
}

interface Target extends Destination {
  /** The definition's label for a reference link. */
  readonly label?: string;
}

const INLINE_SPECIAL = new Uint8Array(128);
for (const ch of '\\`<![]') INLINE_SPECIAL[ch.charCodeAt(0)] = 1;

/** CommonMark's inline algorithm over one segment: code spans, autolinks, HTML tags, then brackets. */
export class InlineParser {
  private readonly openers: Opener[] = [];
  /** Link openers below this stack index are inactive: a link cannot contain another link. */
  private inactiveBelow = 0;
  private readonly text: string;
  private readonly doc: DocumentScan;
  private readonly segment: Segment;

  constructor(doc: DocumentScan, segment: Segment) {
    this.doc = doc;
    this.segment = segment;
    this.text = doc.text;
  }

  run(): void {
    let pos = this.segment.start;
    while (pos < this.segment.end) {
      const c = this.text.charCodeAt(pos);
      pos = INLINE_SPECIAL[c] === 1 ? this.special(pos, c) : pos + 1;
    }
  }

  private special(pos: number, c: number): number {
    switch (c) {
      case BACKSLASH:
        return pos + 1 < this.segment.end && isAsciiPunctuation(this.text.charCodeAt(pos + 1)) ? pos + 2 : pos + 1;
      case BACKTICK:
        return this.codeSpan(pos);
      case LESS_THAN:
        return this.angleBracket(pos);
      case BANG:
        if (pos + 1 >= this.segment.end || this.text.charCodeAt(pos + 1) !== OPEN_BRACKET) return pos + 1;
        this.openers.push({ pos, image: true });
        return pos + 2;
      case OPEN_BRACKET:
        this.openers.push({ pos, image: false });
        return pos + 1;
      default:
        return this.closeBracket(pos);
    }
  }

  private codeSpan(pos: number): number {
    let runEnd = pos;
    while (runEnd < this.segment.end && this.text.charCodeAt(runEnd) === BACKTICK) runEnd++;
    if (this.segment.noCode) return runEnd;
    const length = runEnd - pos;
    const closer = this.doc.backticks.find(length, runEnd, this.segment.end);
    if (closer < 0) return runEnd;
    this.doc.codeDelimiters.push([pos, runEnd], [closer, closer + length]);
    return closer + length;
  }

  private angleBracket(pos: number): number {
    const autolink = parseAutolink(this.text, pos, this.segment.end);
    if (autolink !== null) {
      const { url, visible, end } = autolink;
      this.doc.constructs.push({ start: pos, end, kind: 'link', urls: [url], fixedText: visible, textFrom: end, textTo: end });
      return end;
    }
    const tag = parseHtmlTag(this.text, pos, this.segment.end);
    if (tag === null) return pos + 1;
    this.doc.tags.push([pos, tag.end]);
    if (!tag.closing) this.doc.addElement(tag, pos);
    return tag.end;
  }

  private closeBracket(pos: number): number {
    const opener = this.openers.pop();
    if (opener === undefined) return pos + 1;
    const index = this.openers.length;
    const active = opener.image || index >= this.inactiveBelow;
    this.inactiveBelow = Math.min(this.inactiveBelow, index);
    if (!active) return pos + 1;
    const target = this.inlineTarget(pos) ?? this.referenceTarget(opener, pos);
    if (target === null) return pos + 1;
    const textFrom = opener.pos + (opener.image ? 2 : 1);
    const kind = opener.image ? 'image' : 'link';
    this.doc.constructs.push({ start: opener.pos, end: target.end, kind, urls: [target.url], fixedText: null, textFrom, textTo: pos });
    if (opener.image && target.label !== undefined) this.doc.imageLabels.add(target.label);
    if (!opener.image) this.inactiveBelow = index;
    return target.end;
  }

  private inlineTarget(close: number): Target | null {
    if (close + 1 >= this.segment.end || this.text.charCodeAt(close + 1) !== OPEN_PAREN) return null;
    return parseInlineTail(this.text, close + 2, this.segment.end);
  }

  /** `[text][label]`, `[label][]` or `[label]`, resolved only through a definition in the text. */
  private referenceTarget(opener: Opener, close: number): Target | null {
    if (this.doc.definitions.size === 0) return null;
    let label: string | null = null;
    let end = close + 1;
    if (close + 1 < this.segment.end && this.text.charCodeAt(close + 1) === OPEN_BRACKET) {
      const explicit = scanLinkLabel(this.text, close + 1, this.segment.end);
      if (explicit !== null) {
        end = explicit.end;
        if (explicit.content.trim() !== '') label = explicit.content;
      }
    }
    label ??= this.linkTextLabel(opener.pos + (opener.image ? 2 : 1), close);
    if (label === null) return null;
    const key = normalizeLabel(label);
    const definition = this.doc.definitions.get(key);
    return definition === undefined ? null : { url: definition.url, end, label: key };
  }

  private linkTextLabel(from: number, to: number): string | null {
    const { brackets } = this.doc;
    if (to - from > MAX_LABEL_LENGTH || brackets[to] !== brackets[from]) return null;
    return this.text.slice(from, to);
  }
}
