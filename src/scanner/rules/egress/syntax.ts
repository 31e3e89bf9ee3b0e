/**
 * Small syntactic readers over a lexed source: what a call calls (`$this->client->post(`, `new OpenAI(`,
 * `openai.chat.completions.create(`), its arguments, the method chain before a call, the statement a token starts
 * in, and keyed values inside argument lists (`baseURL: …`, `base_url=…`, `'callback' => …`).
 */

import { isName, isPunct, type Source } from './source.ts';
import type { Token } from './tokens.ts';

export interface Callee {
  /** Names from the receiver to the called name: `['$this', 'client', 'post']`, `['OpenAI', 'client']`. */
  readonly path: readonly string[];
  readonly isNew: boolean;
  /** Token index where the call expression starts (`new`, or the first name). */
  readonly first: number;
  /** Token index of the called name. */
  readonly name: number;
  /** The separator before the called name (`->`, `::`, `.`), '' for a plain call. */
  readonly via: string;
}

export interface Range {
  readonly from: number;
  readonly to: number;
}

const MEMBER_OPS: Readonly<Record<Source['language'], ReadonlySet<string>>> = {
  php: new Set(['->', '?->', '::']),
  js: new Set(['.', '?.']),
  python: new Set(['.']),
  apex: new Set(['.', '?.']),
};

export function isMemberOp(source: Source, token: Token | undefined): boolean {
  return token?.kind === 'punct' && MEMBER_OPS[source.language].has(token.text);
}

const declarations = new WeakMap<Source, Set<number>>();

/** Whether the `(` at `open` starts a function's parameters rather than a call. */
export function isDeclaration(source: Source, open: number): boolean {
  let params = declarations.get(source);
  if (params === undefined) {
    params = new Set(source.scopes.map((scope) => scope.params));
    declarations.set(source, params);
  }
  return params.has(open);
}

/** What the `(` at `open` calls; null when it is no call (grouping, declaration, control statement). */
export function calleeAt(source: Source, open: number): Callee | null {
  const { tokens } = source;
  const name = open - 1;
  const named = tokens[name];
  if (!isPunct(tokens[open], '(') || named?.kind !== 'ident' || isDeclaration(source, open)) return null;
  const keyword = tokens[name - 1]?.text.toLowerCase();
  if (keyword === 'function' || keyword === 'def' || keyword === 'fn') return null;
  const path = [named.text];
  let first = name;
  while (isMemberOp(source, tokens[first - 1]) && isName(tokens[first - 2])) {
    path.unshift(tokens[first - 2]?.text ?? '');
    first -= 2;
  }
  const isNew = tokens[first - 1]?.text === 'new';
  const via = isMemberOp(source, tokens[name - 1]) ? (tokens[name - 1]?.text ?? '') : '';
  return { path, isNew, first: isNew ? first - 1 : first, name, via };
}

/** Method names of the chain ending at the called name `name`: `$c->chat()->create` gives `['chat', 'create']`. */
export function chainNames(source: Source, name: number): string[] {
  const { tokens, partner } = source;
  const names = [tokens[name]?.text ?? ''];
  let k = name;
  for (let steps = 0; steps < 12 && isMemberOp(source, tokens[k - 1]); steps++) {
    let before = k - 2;
    if (tokens[before]?.text === ')' || tokens[before]?.text === ']') before = (partner[before] ?? 0) - 1;
    const token = tokens[before];
    if (!isName(token)) break;
    names.unshift(token.text);
    k = before;
  }
  return names;
}

/** Argument ranges of the call whose `(` is at `open` (token indices, `to` exclusive). */
export function argumentsOf(source: Source, open: number): Range[] {
  const close = source.partner[open] ?? -1;
  if (close < 0) return [];
  const ranges: Range[] = [];
  let from = open + 1;
  for (let i = open + 1; i < close; i++) {
    if (source.parent[i] === open && isPunct(source.tokens[i], ',')) {
      ranges.push({ from, to: i });
      from = i + 1;
    }
  }
  if (from < close) ranges.push({ from, to: close });
  return ranges;
}

/**
 * Keyed values inside the brackets opened at `open` (any depth): `key: value` (JS objects), `key=value` (Python
 * keyword arguments), `'key' => value` (PHP arrays), `key: value` (PHP named arguments). Shorthand `{ key }`
 * gives the key itself as the value.
 */
export function keyedValues(source: Source, open: number, keys: ReadonlySet<string>): Range[] {
  const { tokens, partner } = source;
  const close = partner[open] ?? -1;
  const values: Range[] = [];
  for (let i = open + 1; i < close; i++) {
    const token = tokens[i];
    const key = token?.kind === 'string' ? token.value : token?.kind === 'ident' ? token.text : undefined;
    if (key === undefined || !keys.has(key)) continue;
    const op = tokens[i + 1]?.text;
    if (op === ':' || op === '=>' || (op === '=' && source.language === 'python')) values.push(valueRange(source, i + 2));
    else if (source.language === 'js' && (op === ',' || op === '}') && /^[{,]$/.test(tokens[i - 1]?.text ?? '')) values.push({ from: i, to: i + 1 });
  }
  return values;
}

/** From `from` to the `,` or closing bracket that ends a value at this nesting level. */
export function valueRange(source: Source, from: number): Range {
  const level = source.parent[from] ?? -1;
  let to = from;
  while (to < source.tokens.length) {
    const token = source.tokens[to];
    if (source.parent[to] === level && (token?.text === ',' || token?.text === ';')) break;
    if (level >= 0 && to >= (source.partner[level] ?? Infinity)) break;
    to++;
  }
  return { from, to };
}

/** Index of the first token of the statement holding token `i` (after `;`, `{` or `}` at its level). */
export function statementStart(source: Source, i: number): number {
  const level = source.parent[i];
  let j = i;
  while (j > 0) {
    const previous = source.tokens[j - 1];
    if (source.parent[j - 1] === level && (previous?.text === ';' || previous?.text === '{' || previous?.text === '}')) break;
    if (j - 1 === level) break;
    j--;
  }
  return j;
}
