/**
 * Python lexer for the egress rules: `#` comments, strings with prefixes (r, b, u, f and their pairs), triple-
 * quoted strings across lines, raw strings (backslashes kept), f-strings whose `{…}` parts are lexed recursively
 * (HOLE in the value, names embedded; `{{` and `}}` are literal braces), identifiers, numbers and punctuation.
 */

import { lineEnd } from '../../position.ts';
import {
  decodeEscape, HOLE, identEnd, interpolatedPartEnd, isDigit, isIdentStart, isSpace, numberEnd, pushPunct, pushSpan,
  type Token,
} from './tokens.ts';

const OPERATORS = ['**=', '//=', '==', '!=', '<=', '>=', '->', '**', '//', ':=', '+=', '-='];
const STRING_PREFIX = /^(?:[rbuf]|br|rb|fr|rf)$/i;

export function lexPython(text: string): Token[] {
  const tokens: Token[] = [];
  lexCode(text, 0, tokens, 0);
  return tokens;
}

/** Lexes code from `start`; inside an f-string part (depth > 0) it stops at the closing `}` and returns its index. */
function lexCode(text: string, start: number, out: Token[], depth: number): number {
  let brackets = 0;
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const ch = text[i] ?? '';
    if (isSpace(c) || ch === '\\') {
      i++;
    } else if (ch === '#') {
      i = lineEnd(text, i);
    } else if (ch === '"' || ch === "'") {
      i = readString(text, i, i, '', out, depth);
    } else if (isIdentStart(c)) {
      const end = identEnd(text, i);
      const word = text.slice(i, end);
      if ((text[end] === '"' || text[end] === "'") && STRING_PREFIX.test(word)) {
        i = readString(text, i, end, word.toLowerCase(), out, depth);
      } else {
        i = pushSpan(out, 'ident', text, i, end);
      }
    } else if (isDigit(c)) {
      i = pushSpan(out, 'number', text, i, numberEnd(text, i));
    } else {
      if (depth > 0 && ch === '}' && brackets === 0) return i;
      if (ch === '{' || ch === '(' || ch === '[') brackets++;
      if (ch === '}' || ch === ')' || ch === ']') brackets--;
      i = pushPunct(out, text, i, OPERATORS);
    }
  }
  return i;
}

/** A string literal whose prefix starts at `start` and quote at `quoteAt`. */
function readString(text: string, start: number, quoteAt: number, prefix: string, out: Token[], depth: number): number {
  const quote = text[quoteAt] ?? '"';
  const triple = text.startsWith(quote.repeat(3), quoteAt);
  const delimiter = triple ? quote.repeat(3) : quote;
  const raw = prefix.includes('r');
  const formatted = prefix.includes('f');
  let value = '';
  const names: Token[] = [];
  let i = quoteAt + delimiter.length;
  while (i < text.length && !text.startsWith(delimiter, i)) {
    const ch = text[i] ?? '';
    if (!triple && ch === '\n') break;
    if (ch === '\\') {
      const [decoded, next] = raw ? [text.slice(i, i + 2), i + 2] : decodeEscape(text, i);
      value += decoded;
      i = next;
    } else if (formatted && (ch === '{' || ch === '}') && text[i + 1] === ch) {
      value += ch;
      i += 2;
    } else if (formatted && ch === '{') {
      value += HOLE;
      i = interpolatedPartEnd(text, i + 1, names, depth, lexCode);
    } else {
      value += ch;
      i++;
    }
  }
  const end = text.startsWith(delimiter, i) ? i + delimiter.length : i;
  out.push({ kind: 'string', text: text.slice(start, end), start, end, value });
  out.push(...names);
  return end;
}
