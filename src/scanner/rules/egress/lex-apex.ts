/**
 * Apex lexer for the egress rules: `//` and block comments, single-quoted strings with backslash escapes (Apex has
 * no other string form), identifiers (Apex is case-insensitive; the text is kept as written), numbers and
 * punctuation. Inline SOQL (`[SELECT … FROM Opportunity]`) is lexed as ordinary tokens.
 */

import { blockCommentEnd, decodeEscape, identEnd, isDigit, isIdentStart, isSpace, lineEnd, numberEnd, punctAt, type Token } from './tokens.ts';

const OPERATORS = ['===', '!==', '==', '!=', '=>', '?.', '&&', '||', '++', '--', '+=', '-=', '<=', '>='];

export function lexApex(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const ch = text[i] ?? '';
    if (isSpace(c)) {
      i++;
    } else if (ch === '/' && text[i + 1] === '/') {
      i = lineEnd(text, i);
    } else if (ch === '/' && text[i + 1] === '*') {
      i = blockCommentEnd(text, i);
    } else if (ch === "'") {
      i = readQuoted(text, i, tokens);
    } else if (isIdentStart(c)) {
      const end = identEnd(text, i);
      tokens.push({ kind: 'ident', text: text.slice(i, end), start: i, end });
      i = end;
    } else if (isDigit(c)) {
      const end = numberEnd(text, i);
      tokens.push({ kind: 'number', text: text.slice(i, end), start: i, end });
      i = end;
    } else {
      const op = punctAt(text, i, OPERATORS);
      tokens.push({ kind: 'punct', text: op, start: i, end: i + op.length });
      i += op.length;
    }
  }
  return tokens;
}

function readQuoted(text: string, start: number, out: Token[]): number {
  let value = '';
  let i = start + 1;
  while (i < text.length && text[i] !== "'" && text[i] !== '\n') {
    if (text[i] === '\\') {
      const [decoded, next] = decodeEscape(text, i);
      value += decoded;
      i = next;
    } else {
      value += text[i];
      i++;
    }
  }
  const end = text[i] === "'" ? i + 1 : i;
  out.push({ kind: 'string', text: text.slice(start, end), start, end, value });
  return end;
}
