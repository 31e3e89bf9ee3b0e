/**
 * A lexed source file as the egress rules read it: its structural tokens with bracket partners and the innermost
 * open bracket around each token, the names used inside interpolated strings (kept apart, each tied to its
 * string), function scopes, and offset → line/column. Built once per file and shared by all egress checks.
 */

import { LineIndex } from '../../position.ts';
import { lexApex } from './lex-apex.ts';
import { lexJs } from './lex-js.ts';
import { lexPhp } from './lex-php.ts';
import { lexPython } from './lex-python.ts';
import { functionScopes, innermostScopes, type Scope } from './scopes.ts';
import { type Language, type Token } from './tokens.ts';

/** A name used inside an interpolated string, and the index of that string token. */
export interface EmbeddedName {
  readonly token: Token;
  readonly host: number;
}

export interface Source {
  readonly language: Language;
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly embedded: readonly EmbeddedName[];
  /** For each bracket token the index of its partner, -1 when unmatched or not a bracket. */
  readonly partner: Int32Array;
  /** For each token the index of the innermost open bracket around it, -1 at top level. */
  readonly parent: Int32Array;
  /** Function scopes sorted by start. */
  readonly scopes: readonly Scope[];
  /** For each token, the index in `scopes` of the innermost function around it, -1 at top level. */
  readonly scopeOf: Int32Array;
  readonly lines: LineIndex;
}

const LEXERS: Readonly<Record<Language, (text: string) => Token[]>> = {
  php: lexPhp, js: lexJs, python: lexPython, apex: lexApex,
};

export function lexSource(language: Language, text: string): Source {
  const tokens: Token[] = [];
  const embedded: EmbeddedName[] = [];
  for (const token of LEXERS[language](text)) {
    if (token.embedded === true) embedded.push({ token, host: tokens.length - 1 });
    else tokens.push(token);
  }
  const { partner, parent } = matchBrackets(tokens);
  const partial = { language, text, tokens, embedded, partner, parent, lines: new LineIndex(text) };
  const scopes = functionScopes(partial);
  return { ...partial, scopes, scopeOf: innermostScopes(tokens.length, scopes) };
}

const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

function matchBrackets(tokens: readonly Token[]): { partner: Int32Array; parent: Int32Array } {
  const partner = new Int32Array(tokens.length).fill(-1);
  const parent = new Int32Array(tokens.length).fill(-1);
  const open: number[] = [];
  tokens.forEach((token, i) => {
    parent[i] = open.at(-1) ?? -1;
    if (token.kind !== 'punct') return;
    if (token.text === '(' || token.text === '[' || token.text === '{') {
      open.push(i);
      return;
    }
    const opener = CLOSERS[token.text];
    if (opener === undefined) return;
    const at = open.findLastIndex((j) => tokens[j]?.text === opener);
    if (at < 0) return;
    // Brackets left open inside this pair stay unmatched.
    const j = open[at] ?? -1;
    open.length = at;
    partner[i] = j;
    partner[j] = i;
    parent[i] = open.at(-1) ?? -1;
  });
  return { partner, parent };
}

/**
 * Index of the first token from `from` on that is no longer on `from`'s line (or, with `stop`, is that text):
 * where a statement that ends with its line ends.
 */
export function lineEndToken(source: Pick<Source, 'tokens' | 'lines'>, from: number, stop?: string): number {
  const lineOf = (j: number): number => source.lines.position(source.tokens[j]?.start ?? 0).line;
  const line = lineOf(from);
  let j = from;
  while (j < source.tokens.length && source.tokens[j]?.text !== stop && lineOf(j) === line) j++;
  return j;
}

export function isPunct(token: Token | undefined, text: string): boolean {
  return token?.kind === 'punct' && token.text === text;
}

export function isName(token: Token | undefined): token is Token {
  return token?.kind === 'ident' || token?.kind === 'variable';
}

/** A name as bindings compare it: without PHP's `$` and, where the language ignores case, lower-case. */
export function nameKey(source: Pick<Source, 'language'>, name: string): string {
  const bare = name.startsWith('$') ? name.slice(1) : name;
  return source.language === 'php' || source.language === 'apex' ? bare.toLowerCase() : bare;
}
