/**
 * What the per-language lexers of the egress rules produce: identifiers, variables, string literals (with their
 * decoded value), numbers and punctuation, with source offsets. Comments, whitespace and (in PHP) inline HTML are
 * dropped, so text there can never look like a call. Interpolated parts of strings become HOLE in the value, and
 * the names and keys used inside them are emitted after the string as `embedded` tokens, so data flowing into a
 * template is still seen. Also: what the lexers share (character classes, escapes, the token pushers, one-line
 * quoted strings, and lexing an interpolated part).
 */

export type Language = 'php' | 'js' | 'python' | 'apex';
export type TokenKind = 'ident' | 'variable' | 'string' | 'number' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  /** Source text: the name (PHP variables keep `$`), the operator, or the literal as written. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Strings only: the decoded value, each interpolated part replaced by HOLE. */
  readonly value?: string;
  /** A name used inside an interpolated string; not part of the surrounding token structure. */
  readonly embedded?: boolean;
}

/** Stands for a part of a string that code supplies at run time. */
export const HOLE = '\uFFFC';

/** Deepest interpolation nesting followed; deeper parts are skipped as text (adversarial input). */
export const MAX_NESTING = 32;

const EXTENSIONS: Readonly<Record<string, Language>> = {
  php: 'php', phtml: 'php', inc: 'php',
  js: 'js', mjs: 'js', cjs: 'js', jsx: 'js', ts: 'js', tsx: 'js', mts: 'js', cts: 'js',
  py: 'python',
  cls: 'apex', trigger: 'apex',
};

export function languageOf(extension: string): Language | null {
  return EXTENSIONS[extension.toLowerCase()] ?? null;
}

export function isIdentStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c >= 0x80;
}

export function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0x0b || c === 0xa0 || c === 0xfeff;
}

/** Index after the `*\/` closing a block comment that starts at `i`. */
export function blockCommentEnd(text: string, i: number): number {
  const close = text.indexOf('*/', i + 2);
  return close < 0 ? text.length : close + 2;
}

/** Index after a number starting at `i` (digits, letters for hex/exponents/suffixes, dots, underscores). */
export function numberEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && (isIdentPart(text.charCodeAt(j)) || text[j] === '.')) j++;
  return j;
}

export function identEnd(text: string, i: number, extra = -1): number {
  let j = i;
  while (j < text.length && (isIdentPart(text.charCodeAt(j)) || text.charCodeAt(j) === extra)) j++;
  return j;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', v: '\v', f: '\f', e: '\x1b', '0': '\0' };

/** Decodes the escape starting with the backslash at `i`: its value and the index after it. */
export function decodeEscape(text: string, i: number): [string, number] {
  const next = text[i + 1];
  if (next === undefined) return ['\\', i + 1];
  const simple = SIMPLE_ESCAPES[next];
  if (simple !== undefined) return [simple, i + 2];
  const hex = /^x([0-9a-fA-F]{2})|^u\{([0-9a-fA-F]{1,6})\}|^u([0-9a-fA-F]{4})/.exec(text.slice(i + 1, i + 10));
  if (hex !== null) {
    const code = Number.parseInt(hex[1] ?? hex[2] ?? hex[3] ?? '0', 16);
    return [code <= 0x10ffff ? String.fromCodePoint(code) : '', i + 1 + hex[0].length];
  }
  if (next === '\r' && text[i + 2] === '\n') return ['', i + 3];
  return next === '\n' ? ['', i + 2] : [next, i + 2];
}

/** Pushes the token `text[start, end)` of the given kind; returns `end`. */
export function pushSpan(out: Token[], kind: Exclude<TokenKind, 'string' | 'punct'>, text: string, start: number, end: number): number {
  out.push({ kind, text: text.slice(start, end), start, end });
  return end;
}

/** Pushes the longest operator from `operators` at `i` (else the single character there); returns the index after it. */
export function pushPunct(out: Token[], text: string, i: number, operators: readonly string[]): number {
  const op = operators.find((candidate) => text.startsWith(candidate, i)) ?? text.charAt(i);
  out.push({ kind: 'punct', text: op, start: i, end: i + op.length });
  return i + op.length;
}

/**
 * A one-line string closed by the quote it opens with (`'…'`, or `"…"` in JavaScript), backslash escapes decoded;
 * an unescaped line break ends it (the code is broken, keep going on the next line). Returns the index after it.
 */
export function readQuoted(text: string, start: number, out: Token[]): number {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length && text[i] !== quote && text[i] !== '\n') {
    if (text[i] === '\\') {
      const [decoded, next] = decodeEscape(text, i);
      value += decoded;
      i = next;
    } else {
      value += text[i];
      i++;
    }
  }
  const end = text[i] === quote ? i + 1 : i;
  out.push({ kind: 'string', text: text.slice(start, end), start, end, value });
  return end;
}

/** A language's code lexer: from `start`, and inside an interpolated part (depth > 0) up to the `}` closing it, whose index it returns. */
export type CodeLexer = (text: string, start: number, out: Token[], depth: number) => number;

/**
 * Lexes the interpolated part starting at `start` (after its `{`) with `lexCode` and keeps its names and keys in
 * `names`, marked embedded (its punctuation would unbalance brackets); returns the index after its `}`. Beyond
 * MAX_NESTING the part is skipped to the next `}`.
 */
export function interpolatedPartEnd(text: string, start: number, names: Token[], depth: number, lexCode: CodeLexer): number {
  if (depth >= MAX_NESTING) {
    const close = text.indexOf('}', start);
    return close < 0 ? text.length : close + 1;
  }
  const part: Token[] = [];
  const close = lexCode(text, start, part, depth + 1);
  for (const t of part) if (t.kind === 'ident' || t.kind === 'variable' || t.kind === 'string') names.push({ ...t, embedded: true });
  return Math.min(close + 1, text.length);
}
