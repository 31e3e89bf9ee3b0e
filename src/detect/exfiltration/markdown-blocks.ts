/**
 * Block structure: which stretches of the reply the inline parser reads, and which are code. Where a paragraph,
 * heading, table cell or HTML block ends decides what a code span can pair with (backticks never pair across a
 * block boundary), and fenced code shows everything in it as code. Where the rules are ambiguous (lazy
 * continuation, list items, unclosed fences) the scanner errs towards reading text as text: a construct
 * reported that a renderer would not show costs little, an image mistaken for code reaches the caller unchecked.
 */

import { BACKSLASH, PIPE } from './chars.ts';
import { FenceIndex } from './code-fences.ts';
import { parseDefinition, type Definition } from './link-definitions.ts';
import { firstIndexAtOrAfter } from './ranges.ts';

interface Line {
  readonly start: number;
  readonly end: number;
}

/** A stretch of text the inline parser reads as one unit. */
export interface Segment {
  readonly start: number;
  readonly end: number;
  /** In an HTML block backticks are literal, so no code span may hide a tag. */
  readonly noCode: boolean;
}

export interface BlockLayout {
  /** CommonMark's paragraphs, headings, HTML blocks and table rows. */
  readonly blocks: readonly Segment[];
  /** Every line, and every table cell, on its own. */
  readonly cells: readonly Segment[];
  /** Every reference definition, in text order. */
  readonly definitions: readonly Definition[];
}

/** The stretches of `text` the inline parser reads, in the two views BlockScanner describes, and its definitions. */
export function scanBlocks(text: string): BlockLayout {
  return new BlockScanner(text, splitLines(text)).scan();
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) {
    lines.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  lines.push({ start, end: text.length });
  return lines;
}

const BLANK = /^[ \t]*$/;
const QUOTE_PREFIX = /^(?: {0,3}>[ \t]?)*/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const RULE_LINE = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$/;
const BULLET_ITEM = /^ {0,3}[-+*][ \t]+\S/;
const ORDERED_ITEM = /^ {0,3}(\d{1,9})[.)][ \t]+\S/;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const HTML_BLOCK_START = /^[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])[ \t]*)*<(?:[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)|\/[A-Za-z]|[!?])/;
const RAW_HTML_BLOCK_START = /^[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])[ \t]*)*<(?:pre|script|style|textarea)(?=[\s>]|$)/i;
const RAW_HTML_BLOCK_END = /<\/(?:pre|script|style|textarea)>/gi;

function indentationOf(line: string): number {
  let columns = 0;
  for (const ch of line) {
    if (ch === ' ') columns++;
    else if (ch === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

interface LineShape {
  readonly indent: number;
  readonly listItem: boolean;
  readonly startsBlock: boolean;
  readonly endsBlock: boolean;
}

/**
 * Splits the text into the stretches the inline parser reads. Two views are produced: `blocks` follows
 * CommonMark's paragraphs; `cells` reads every line (and every table cell) on its own. A construct found in
 * either view is reported, so a code span that the block view pairs across a boundary it misjudged cannot
 * hide an image that the renderer shows.
 */
class BlockScanner {
  readonly blocks: Segment[] = [];
  readonly cells: Segment[] = [];
  readonly definitions: Definition[] = [];
  private readonly lineTexts: string[];
  /** Indices of the lines of the paragraph being collected. */
  private paragraph: number[] = [];
  private atBlockStart = true;
  private afterDefinition = false;
  private listActive = false;
  private indentedCode = false;
  private quoteDepth = 0;
  private rawBlockEnds: number[] | null = null;
  private lineStarts: number[] | null = null;
  private readonly text: string;
  private readonly lines: readonly Line[];

  constructor(text: string, lines: readonly Line[]) {
    this.text = text;
    this.lines = lines;
    this.lineTexts = lines.map((line) => text.slice(line.start, line.end));
  }

  scan(): this {
    const fences = new FenceIndex(this.lineTexts);
    let index = 0;
    while (index < this.lines.length) index = this.scanLine(index, fences);
    this.flush();
    return this;
  }

  private scanLine(index: number, fences: FenceIndex): number {
    const raw = this.lineTexts[index] ?? '';
    const quote = QUOTE_PREFIX.exec(raw)?.[0] ?? '';
    const content = raw.slice(quote.length);
    if (BLANK.test(content)) {
      this.endBlock();
      this.quoteDepth = 0;
      return index + 1;
    }
    const fenceClose = fences.closingLine(index);
    if (fenceClose >= 0) {
      this.endBlock();
      return fenceClose + 1;
    }
    if (HTML_BLOCK_START.test(raw)) return this.htmlBlock(index, raw);
    const depth = quote.split('>').length - 1;
    const shape = this.shapeOf(content);
    const startsBlock = this.atBlockStart || shape.startsBlock || depth > this.quoteDepth || (this.indentedCode && shape.indent < 4);
    const afterDefinition = this.definitionAt(index, startsBlock || this.afterDefinition);
    if (afterDefinition >= 0) return afterDefinition;
    this.textLine(index, shape, startsBlock, depth);
    return index + 1;
  }

  private textLine(index: number, shape: LineShape, startsBlock: boolean, depth: number): void {
    if (startsBlock) this.flush();
    if (shape.listItem) this.listActive = true;
    else if (this.atBlockStart && shape.indent === 0 && depth === 0) this.listActive = false;
    if (this.atBlockStart && shape.indent >= 4 && !this.listActive) this.indentedCode = true;
    else if (shape.indent < 4) this.indentedCode = false;
    this.quoteDepth = depth;
    this.afterDefinition = false;
    this.atBlockStart = false;
    this.paragraph.push(index);
    if (shape.endsBlock) this.endBlock();
  }

  private shapeOf(content: string): LineShape {
    const ordered = ORDERED_ITEM.exec(content);
    const rule = RULE_LINE.test(content);
    const bullet = !rule && BULLET_ITEM.test(content);
    const heading = ATX_HEADING.test(content);
    // Only a list starting at 1 may interrupt a paragraph; inside a list every number starts an item.
    const orderedStarts = ordered !== null && (Number(ordered[1]) === 1 || this.listActive);
    return {
      indent: indentationOf(content),
      listItem: bullet || ordered !== null,
      startsBlock: heading || bullet || orderedStarts,
      endsBlock: heading || rule,
    };
  }

  /** Records a definition on this line; returns the line after it when it certainly is one, else -1. */
  private definitionAt(index: number, paragraphStart: boolean): number {
    const line = this.lines[index];
    const definition = line === undefined ? null : parseDefinition(this.text, line.start);
    if (definition === null) return -1;
    definition.certain = paragraphStart;
    this.definitions.push(definition);
    if (!paragraphStart) return -1;
    this.flush();
    this.atBlockStart = true;
    this.afterDefinition = true;
    let last = index;
    while ((this.lines[last + 1]?.start ?? Infinity) <= definition.end) last++;
    return last + 1;
  }

  private htmlBlock(index: number, raw: string): number {
    this.endBlock();
    const last = RAW_HTML_BLOCK_START.test(raw) ? this.rawHtmlBlockEnd(index) : this.lastBeforeBlank(index);
    const first = this.lines[index];
    const final = this.lines[last];
    if (first !== undefined && final !== undefined) this.blocks.push({ start: first.start, end: final.end, noCode: true });
    for (let i = index; i <= last; i++) this.pushCells(i, true);
    return last + 1;
  }

  private lastBeforeBlank(index: number): number {
    let last = index;
    while (last + 1 < this.lines.length && !BLANK.test(this.lineTexts[last + 1] ?? '')) last++;
    return last;
  }

  /** `<pre>`, `<script>`, `<style>` and `<textarea>` blocks run to their closing tag, across blank lines. */
  private rawHtmlBlockEnd(index: number): number {
    this.rawBlockEnds ??= [...this.text.matchAll(RAW_HTML_BLOCK_END)].map((m) => m.index);
    const start = this.lines[index]?.start ?? 0;
    const close = this.rawBlockEnds[firstIndexAtOrAfter(this.rawBlockEnds, start)];
    if (close === undefined) return this.lines.length - 1;
    this.lineStarts ??= this.lines.map((line) => line.start);
    return Math.max(index, firstIndexAtOrAfter(this.lineStarts, close + 1) - 1);
  }

  private endBlock(): void {
    this.flush();
    this.atBlockStart = true;
    this.afterDefinition = false;
    this.indentedCode = false;
  }

  private flush(): void {
    const indices = this.paragraph;
    this.paragraph = [];
    const first = this.lines[indices[0] ?? -1];
    if (first === undefined) return;
    const delimiter = indices.findIndex((line, k) => k > 0 && this.isTableDelimiter(line));
    const tableStart = delimiter < 0 ? indices.length : delimiter - 1;
    const lastProse = this.lines[indices[tableStart - 1] ?? -1];
    if (lastProse !== undefined) this.blocks.push({ start: first.start, end: lastProse.end, noCode: false });
    indices.forEach((index, k) => {
      const line = this.lines[index];
      if (line === undefined) return;
      if (k < tableStart) {
        this.cells.push({ start: line.start, end: line.end, noCode: false });
        return;
      }
      // GFM splits table rows into cells before it reads inlines, so each row and each cell stands alone.
      this.blocks.push({ start: line.start, end: line.end, noCode: false });
      this.pushCells(index, false);
    });
  }

  private isTableDelimiter(index: number): boolean {
    const raw = this.lineTexts[index] ?? '';
    return raw.includes('|') && TABLE_DELIMITER.test(raw);
  }

  /** The line's stretches between unescaped pipes. */
  private pushCells(index: number, noCode: boolean): void {
    const line = this.lines[index];
    if (line === undefined) return;
    let start = line.start;
    for (let i = line.start; i < line.end; i++) {
      const c = this.text.charCodeAt(i);
      if (c === BACKSLASH) i++;
      else if (c === PIPE) {
        this.cells.push({ start, end: i, noCode });
        start = i + 1;
      }
    }
    this.cells.push({ start, end: line.end, noCode });
  }
}
