/**
 * Apex lexer for the egress rules: `//` and block comments, single-quoted strings with backslash escapes (Apex has
 * no other string form), identifiers (Apex is case-insensitive; the text is kept as written), numbers and
 * punctuation. Inline SOQL (`[SELECT … FROM Opportunity]`) is lexed as ordinary tokens.
 */

import { lineEnd } from '../../position.ts';
import { blockCommentEnd, identEnd, isDigit, isIdentStart, isSpace, numberEnd, pushPunct, pushSpan, readQuoted, type Token } from './tokens.ts';

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
      i = pushSpan(tokens, 'ident', text, i, identEnd(text, i));
    } else if (isDigit(c)) {
      i = pushSpan(tokens, 'number', text, i, numberEnd(text, i));
    } else {
      i = pushPunct(tokens, text, i, OPERATORS);
    }
  }
  return tokens;
}
