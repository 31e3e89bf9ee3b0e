/**
 * Function scopes, so that a finding can name the data visible in the function that makes the call. In brace
 * languages a `{` opens a function body when it follows `=>`, or a parameter list `(…)` (optionally with a
 * return type) that belongs to `function`, a named function or a method, and not to `if`, `for`, `catch` and the
 * like. Python bodies are the lines after `def …:` indented deeper than the `def`.
 */

import type { Source } from './source.ts';
import type { Token } from './tokens.ts';

export interface Scope {
  /** The function's name when it has one (`handle_request`, `generate`), else null. */
  readonly name: string | null;
  /** Token index of the `(` opening its parameters, -1 for an arrow function without parentheses. */
  readonly params: number;
  /** Token index range of the body, `from` inclusive, `to` exclusive. */
  readonly from: number;
  readonly to: number;
}

type Structure = Omit<Source, 'scopes' | 'scopeOf'>;

const CONTROL_KEYWORDS = new Set([
  'if', 'elseif', 'for', 'foreach', 'while', 'switch', 'catch', 'with', 'match', 'using', 'declare', 'synchronized', 'lock',
  'return', 'function', 'fn', 'typeof', 'await',
]);

export function functionScopes(source: Structure): Scope[] {
  const scopes = source.language === 'python' ? pythonScopes(source) : braceScopes(source);
  return scopes.sort((a, b) => a.from - b.from || b.to - a.to);
}

function braceScopes(source: Structure): Scope[] {
  const { tokens, partner } = source;
  const scopes: Scope[] = [];
  tokens.forEach((token, i) => {
    if (token.kind !== 'punct' || token.text !== '{' || (partner[i] ?? -1) < 0) return;
    const header = functionHeader(source, i);
    if (header !== undefined) scopes.push({ ...header, from: i + 1, to: partner[i] ?? i + 1 });
  });
  return scopes;
}

type Header = Pick<Scope, 'name' | 'params'>;

/** The function's name (null when anonymous) and parameters if the `{` at `brace` opens a function body. */
function functionHeader(source: Structure, brace: number): Header | undefined {
  const { tokens, partner } = source;
  if (tokens[brace - 1]?.text === '=>') {
    const start = arrowStart(source, brace - 1);
    const params = tokens[brace - 2]?.text === ')' ? (partner[brace - 2] ?? -1) : -1;
    return { name: assignedName(tokens, start), params };
  }
  const close = paramsClose(source, brace);
  if (close < 0) return undefined;
  let open = partner[close] ?? -1;
  let named = tokens[open - 1];
  if (named?.text.toLowerCase() === 'use' && tokens[open - 2]?.text === ')') {
    // PHP closures: `function (…) use ($x) {`.
    open = partner[open - 2] ?? -1;
    named = tokens[open - 1];
  }
  if (named?.kind !== 'ident') return undefined;
  const keyword = named.text.toLowerCase();
  if (keyword === 'function') return { name: assignedName(tokens, open - 1), params: open };
  if (CONTROL_KEYWORDS.has(keyword)) return undefined;
  return { name: named.text, params: open };
}

/** Index of the `)` closing the parameters before `brace`, skipping a return type (`): Promise<string> {`). */
function paramsClose(source: Structure, brace: number): number {
  const { tokens, partner } = source;
  if (tokens[brace - 1]?.text === ')') return brace - 1;
  for (let j = brace - 1, steps = 0; j > 0 && steps < 24; j--, steps++) {
    const token = tokens[j];
    if (token === undefined || token.text === ';' || token.text === '{' || token.text === '}' || token.text === '=') return -1;
    if (token.text === ':' && tokens[j - 1]?.text === ')') return j - 1;
    if ((token.text === ']' || token.text === ')') && (partner[j] ?? -1) >= 0) j = partner[j] ?? j;
  }
  return -1;
}

/** Index of the first token of an arrow function's parameters (`(a, b)` or `a`) whose `=>` is at `arrow`. */
function arrowStart(source: Structure, arrow: number): number {
  const before = source.tokens[arrow - 1];
  const start = before?.text === ')' ? (source.partner[arrow - 1] ?? arrow) : arrow - 1;
  return source.tokens[start - 1]?.text === 'async' ? start - 1 : start;
}

/** `name = function`, `name: (…) =>`, `function name(`: the name a function expression starting at `start` gets. */
function assignedName(tokens: readonly Token[], start: number): string | null {
  const next = tokens[start + 1];
  if (tokens[start]?.text.toLowerCase() === 'function' && next?.kind === 'ident') return next.text;
  const op = tokens[start - 1];
  const target = tokens[start - 2];
  if ((op?.text === '=' || op?.text === ':') && (target?.kind === 'ident' || target?.kind === 'variable')) return target.text;
  return null;
}

function pythonScopes(source: Structure): Scope[] {
  const { tokens, partner } = source;
  const scopes: Scope[] = [];
  tokens.forEach((token, i) => {
    if (token.kind !== 'ident' || token.text !== 'def' || tokens[i + 1]?.kind !== 'ident') return;
    const params = i + 2;
    if (tokens[params]?.text !== '(' || (partner[params] ?? -1) < 0) return;
    const colon = headerColon(source, partner[params] ?? params);
    if (colon < 0) return;
    scopes.push({ name: tokens[i + 1]?.text ?? null, params, from: colon + 1, to: pythonBodyEnd(source, i, colon) });
  });
  return scopes;
}

/** The `:` ending a `def` header after its parameters (a `-> type` may come first). */
function headerColon(source: Structure, paramsClose: number): number {
  for (let j = paramsClose + 1; j < source.tokens.length && j < paramsClose + 32; j++) {
    const token = source.tokens[j];
    if (token?.text === ':' && source.parent[j] === source.parent[paramsClose]) return j;
    if ((token?.text === '[' || token?.text === '(') && (source.partner[j] ?? -1) > j) j = source.partner[j] ?? j;
  }
  return -1;
}

/** The first token after the body: on its own line, outside brackets, indented no deeper than the `def`. */
function pythonBodyEnd(source: Structure, def: number, colon: number): number {
  const defIndent = indentOf(source.text, source.tokens[def]?.start ?? 0);
  for (let j = colon + 1; j < source.tokens.length; j++) {
    const token = source.tokens[j];
    if (token === undefined || source.parent[j] !== source.parent[def]) continue;
    const indent = indentOf(source.text, token.start);
    if (indent !== null && defIndent !== null && indent <= defIndent) return j;
  }
  return source.tokens.length;
}

/** Width of the indentation before `offset` when only whitespace precedes it on its line, else null. */
export function indentOf(text: string, offset: number): number | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(prefix) ? prefix.replace(/\t/g, '        ').length : null;
}

/** For each token, the index (in `scopes`, sorted by `from`) of the innermost function scope around it, or -1. */
export function innermostScopes(tokenCount: number, scopes: readonly Scope[]): Int32Array {
  const innermost = new Int32Array(tokenCount).fill(-1);
  const open: number[] = [];
  let next = 0;
  for (let i = 0; i < tokenCount; i++) {
    while (open.length > 0 && (scopes[open.at(-1) ?? 0]?.to ?? 0) <= i) open.pop();
    while (next < scopes.length && (scopes[next]?.from ?? Infinity) <= i) {
      if ((scopes[next]?.to ?? 0) > i) open.push(next);
      next++;
    }
    innermost[i] = open.at(-1) ?? -1;
  }
  return innermost;
}

/** The innermost function scope around token `i`, or null at top level. */
export function enclosingScope(source: Pick<Source, 'scopes' | 'scopeOf'>, i: number): Scope | null {
  return source.scopes[source.scopeOf[i] ?? -1] ?? null;
}
