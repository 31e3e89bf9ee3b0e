/**
 * PHP lexer for the egress rules. Text outside `<?php … ?>` is inline HTML and dropped; inside: `//`, `#` and
 * block comments (docblocks included), single-quoted strings (only `\'` and `\\` escape), double-quoted and
 * backtick strings and heredocs with `$var`, `$var->prop`, `{$expr}` and `${expr}` interpolation (HOLE in the
 * value, names embedded), nowdocs, `$variables`, namespaced names (`\Foo\Bar` is one identifier), numbers and
 * punctuation. PHP 8 attributes (`#[…]`) are code, not comments.
 */

import {
  blockCommentEnd, decodeEscape, HOLE, identEnd, interpolatedPartEnd, isDigit, isIdentStart, isSpace, numberEnd, pushPunct,
  pushSpan, type Token,
} from './tokens.ts';

const OPERATORS = [
  '===', '!==', '<=>', '...', '??=', '?->', '->', '::', '=>', '==', '!=', '<>', '.=', '??', '&&', '||', '++', '--',
  '+=', '-=', '<=', '>=',
];
const BACKSLASH = 0x5c;

export function lexPhp(text: string): Token[] {
  const tokens: Token[] = [];
  let i = openTagEnd(text, 0);
  while (i < text.length) {
    i = lexCode(text, i, tokens, 0);
    i = openTagEnd(text, i);
  }
  return tokens;
}

/** Index after the next `<?php`, `<?=` or `<?` at or after `i` (inline HTML before it is skipped). */
function openTagEnd(text: string, i: number): number {
  const open = text.indexOf('<?', i);
  if (open < 0) return text.length;
  if (text.slice(open + 2, open + 5).toLowerCase() === 'php') return open + 5;
  return text[open + 2] === '=' ? open + 3 : open + 2;
}

/**
 * Lexes code from `start` until `?>` (top level) or, inside an interpolated `{…}` (depth > 0), the `}` closing
 * it. Returns the index after `?>`, or the index of that `}`.
 */
function lexCode(text: string, start: number, out: Token[], depth: number): number {
  let braces = 0;
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const ch = text[i] ?? '';
    if (isSpace(c)) {
      i++;
    } else if (ch === '?' && text[i + 1] === '>' && depth === 0) {
      return i + 2;
    } else if ((ch === '#' && text[i + 1] !== '[') || (ch === '/' && text[i + 1] === '/')) {
      i = lineCommentEnd(text, i);
    } else if (ch === '/' && text[i + 1] === '*') {
      i = blockCommentEnd(text, i);
    } else if (ch === "'") {
      i = readSingleQuoted(text, i, out);
    } else if (ch === '"' || ch === '`') {
      i = readInterpolated(text, i, ch, out, depth);
    } else if (ch === '<' && text.startsWith('<<<', i)) {
      i = readHeredoc(text, i, out, depth);
    } else if (ch === '$' && isIdentStart(text.charCodeAt(i + 1))) {
      i = pushSpan(out, 'variable', text, i, identEnd(text, i + 1));
    } else if (isIdentStart(c) || (c === BACKSLASH && isIdentStart(text.charCodeAt(i + 1)))) {
      i = pushSpan(out, 'ident', text, i, identEnd(text, i, BACKSLASH));
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

/** A `//` or `#` comment ends at the line break or at `?>`, which it does not consume. */
function lineCommentEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && text[j] !== '\n' && !(text[j] === '?' && text[j + 1] === '>')) j++;
  return j;
}

function readSingleQuoted(text: string, start: number, out: Token[]): number {
  let value = '';
  let i = start + 1;
  while (i < text.length && text[i] !== "'") {
    if (text[i] === '\\' && (text[i + 1] === "'" || text[i + 1] === '\\')) i++;
    value += text[i];
    i++;
  }
  const end = Math.min(i + 1, text.length);
  out.push({ kind: 'string', text: text.slice(start, end), start, end, value });
  return end;
}

function readInterpolated(text: string, start: number, quote: string, out: Token[], depth: number): number {
  const body = interpolatedBody(text, start + 1, (i) => text[i] === quote, depth);
  const end = Math.min(body.end + 1, text.length);
  out.push({ kind: 'string', text: text.slice(start, end), start, end, value: body.value });
  out.push(...body.names);
  return end;
}

interface Body {
  readonly value: string;
  readonly names: Token[];
  /** Index where the body stopped (its terminator). */
  readonly end: number;
}

/** Decodes a double-quoted or heredoc body from `start` until `stop(i)`, interpolation as HOLE. */
function interpolatedBody(text: string, start: number, stop: (i: number) => boolean, depth: number): Body {
  let value = '';
  const names: Token[] = [];
  let i = start;
  while (i < text.length && !stop(i)) {
    const ch = text[i];
    if (ch === '\\') {
      const [decoded, next] = decodeEscape(text, i);
      value += decoded;
      i = next;
    } else if (ch === '$' && isIdentStart(text.charCodeAt(i + 1))) {
      value += HOLE;
      i = simpleInterpolationEnd(text, i, names);
    } else if ((ch === '{' && text[i + 1] === '$') || (ch === '$' && text[i + 1] === '{')) {
      value += HOLE;
      i = interpolatedPartEnd(text, ch === '{' ? i + 1 : i + 2, names, depth, lexCode);
    } else {
      value += ch;
      i++;
    }
  }
  return { value, names, end: i };
}

/** `$name`, `$name->prop`, `$name[key]`: the names are kept; returns the index after the construct. */
function simpleInterpolationEnd(text: string, i: number, names: Token[]): number {
  const end = identEnd(text, i + 1);
  names.push({ kind: 'variable', text: text.slice(i, end), start: i, end, embedded: true });
  if (text.startsWith('->', end) && isIdentStart(text.charCodeAt(end + 2))) {
    const propEnd = identEnd(text, end + 2);
    names.push({ kind: 'ident', text: text.slice(end + 2, propEnd), start: end + 2, end: propEnd, embedded: true });
    return propEnd;
  }
  if (text[end] === '[') {
    const close = text.indexOf(']', end);
    if (close > 0 && !text.slice(end, close).includes('\n')) return close + 1;
  }
  return end;
}

/** `<<<ID`, `<<<"ID"` (heredoc) or `<<<'ID'` (nowdoc); the closing ID may be indented (PHP 7.3+). */
function readHeredoc(text: string, start: number, out: Token[], depth: number): number {
  const header = /^<<<[ \t]*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1\r?\n/.exec(text.slice(start, start + 200));
  if (header === null) {
    out.push({ kind: 'punct', text: '<', start, end: start + 1 });
    return start + 1;
  }
  const label = header[2] ?? '';
  const bodyStart = start + header[0].length;
  const closing = new RegExp(`^[ \\t]*${label}(?![A-Za-z0-9_])`, 'gm');
  closing.lastIndex = bodyStart;
  const match = closing.exec(text);
  const bodyEnd = match === null ? text.length : match.index;
  const end = match === null ? text.length : bodyEnd + match[0].length;
  const body = header[1] === "'"
    ? { value: text.slice(bodyStart, bodyEnd), names: [] as Token[] }
    : interpolatedBody(text, bodyStart, (i) => i >= bodyEnd, depth);
  out.push({ kind: 'string', text: text.slice(start, end), start, end, value: body.value.replace(/\r?\n$/, '') });
  out.push(...body.names);
  return end;
}
