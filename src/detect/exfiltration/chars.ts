/**
 * Character codes and the small scanning steps the markdown, HTML and bare-URL readers share. The parsers work
 * on UTF-16 code units (charCodeAt) rather than strings so that every scan stays linear and allocation-free;
 * naming the codes keeps those comparisons readable.
 */

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
export const SPACE = 0x20;
export const BANG = 0x21;
export const DOUBLE_QUOTE = 0x22;
export const AMPERSAND = 0x26;
export const SINGLE_QUOTE = 0x27;
export const OPEN_PAREN = 0x28;
export const CLOSE_PAREN = 0x29;
export const COMMA = 0x2c;
export const SLASH = 0x2f;
export const COLON = 0x3a;
export const SEMICOLON = 0x3b;
export const LESS_THAN = 0x3c;
export const EQUALS = 0x3d;
export const GREATER_THAN = 0x3e;
export const OPEN_BRACKET = 0x5b;
export const BACKSLASH = 0x5c;
export const CLOSE_BRACKET = 0x5d;
export const BACKTICK = 0x60;
export const PIPE = 0x7c;

export function isAsciiPunctuation(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

function isSpaceOrTab(c: number): boolean {
  return c === SPACE || c === TAB;
}

export function isLineEnding(c: number): boolean {
  return c === LF || c === CR;
}

export function isAsciiWhitespace(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR || c === 0x0c || c === 0x0b;
}

export function isAsciiAlphanumeric(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** After a line ending at `i`: is the next line blank (or the text over)? Link text and titles cannot span one. */
export function lineBreakThenBlank(text: string, i: number): boolean {
  let j = i + (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1);
  while (isSpaceOrTab(text.charCodeAt(j))) j++;
  return j >= text.length || isLineEnding(text.charCodeAt(j));
}

export function restOfLineBlank(text: string, pos: number): boolean {
  let i = pos;
  while (isSpaceOrTab(text.charCodeAt(i))) i++;
  return i >= text.length || isLineEnding(text.charCodeAt(i));
}

export function skipAsciiWhitespace(text: string, pos: number, limit: number): number {
  let i = pos;
  while (i < limit && isAsciiWhitespace(text.charCodeAt(i))) i++;
  return i;
}

/** Spaces and tabs with at most one line ending: what CommonMark allows around a destination and title. */
export function skipInlineWhitespace(text: string, pos: number, limit: number): number {
  let i = pos;
  let sawLineEnding = false;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (isSpaceOrTab(c)) i++;
    else if (isLineEnding(c) && !sawLineEnding) {
      sawLineEnding = true;
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    } else break;
  }
  return i;
}
