/**
 * JavaScript and TypeScript lexer for the egress rules: comments, quoted strings with escapes, template literals
 * with `${…}` parts (lexed recursively, names kept as embedded tokens), regular expression literals (told apart
 * from division by the token before them), identifiers, numbers and punctuation. JSX text is lexed as code, which
 * is harmless: a stray quote in it ends at the line break, like every JS string.
 */

import { lineEnd } from '../../position.ts';
import {
  blockCommentEnd, decodeEscape, HOLE, identEnd, interpolatedPartEnd, isDigit, isIdentStart, isSpace, numberEnd, pushPunct,
  pushSpan, readQuoted, type Token,
} from './tokens.ts';

const OPERATORS = ['===', '!==', '...', '?.', '=>', '==', '!=', '&&', '||', '??', '+=', '-=', '<=', '>=', '++', '--', '**'];
// After these keywords an expression starts, so `/` opens a regular expression.
const EXPRESSION_KEYWORDS = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await',
]);

export function lexJs(text: string): Token[] {
  const tokens: Token[] = [];
  lexCode(text, 0, tokens, 0);
  return tokens;
}

/** Lexes code from `start`; inside a `${…}` part (depth > 0) it stops at the `}` closing it and returns its index. */
function lexCode(text: string, start: number, out: Token[], depth: number): number {
  let braces = 0;
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const ch = text[i] ?? '';
    if (isSpace(c)) {
      i++;
    } else if (ch === '/' && text[i + 1] === '/') {
      i = lineEnd(text, i);
    } else if (ch === '/' && text[i + 1] === '*') {
      i = blockCommentEnd(text, i);
    } else if (ch === '/' && regexMayStart(out.at(-1))) {
      i = regexEnd(text, i, out);
    } else if (ch === '"' || ch === "'") {
      i = readQuoted(text, i, out);
    } else if (ch === '`') {
      i = readTemplate(text, i, out, depth);
    } else if (isIdentStart(c) || ch === '$' || ch === '#') {
      i = pushSpan(out, 'ident', text, i, identEnd(text, i + 1, 0x24));
    } else if (isDigit(c)) {
      i = pushSpan(out, 'number', text, i, numberEnd(text, i));
    } else {
      if (depth > 0 && ch === '}' && braces === 0) return i;
      if (ch === '{') braces++;
      if (ch === '}') braces--;
      i = pushPunct(out, text, i, OPERATORS);
    }
  }
  return i;
}

function regexMayStart(previous: Token | undefined): boolean {
  if (previous === undefined) return true;
  if (previous.kind === 'punct') return previous.text !== ')' && previous.text !== ']';
  return previous.kind === 'ident' && EXPRESSION_KEYWORDS.has(previous.text);
}

/** Skips a regular expression literal; a `/` whose line ends before a closing `/` is division after all. */
function regexEnd(text: string, start: number, out: Token[]): number {
  let inClass = false;
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r') break;
    if (ch === '\\') i++;
    else if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    else if (ch === '/' && !inClass) return identEnd(text, i + 1);
  }
  out.push({ kind: 'punct', text: '/', start, end: start + 1 });
  return start + 1;
}

function readTemplate(text: string, start: number, out: Token[], depth: number): number {
  let value = '';
  const inner: Token[] = [];
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '`') {
      i++;
      break;
    }
    if (ch === '\\') {
      const [decoded, next] = decodeEscape(text, i);
      value += decoded;
      i = next;
    } else if (ch === '$' && text[i + 1] === '{') {
      value += HOLE;
      i = interpolatedPartEnd(text, i + 2, inner, depth, lexCode);
    } else {
      value += ch;
      i++;
    }
  }
  out.push({ kind: 'string', text: text.slice(start, i), start, end: i, value });
  out.push(...inner);
  return i;
}
