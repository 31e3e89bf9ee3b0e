/**
 * Where a literal goes: the name it is bound to (`const API = '…'`, `$this->endpoint = '…'`, `'endpoint' => '…'`,
 * `endpoint: '…'`, `define('API', '…')`, `return '…'` in `getEndpoint()`), and the places that name is used again
 * (`self::API`, `$this->endpoint`, `$config['endpoint']`, `getEndpoint()`, `${API}` in a template). This is how a
 * URL kept in a constant or a config array is tied to the HTTP call that uses it in the same file.
 */

import type { LiteralExpr } from './literals.ts';
import { isName, isPunct, nameKey, type Source } from './source.ts';
import { enclosingScope } from './scopes.ts';
import { argumentsOf, calleeAt } from './syntax.ts';

/** The name the expression is bound to, as nameKey gives it; null when it is used in place. */
export function bindingNameOf(source: Source, expr: LiteralExpr): string | null {
  const { tokens } = source;
  const op = tokens[expr.first - 1];
  if (op === undefined) return null;
  if (op.kind === 'ident' && op.text.toLowerCase() === 'return') return enclosingScope(source, expr.first)?.name ?? null;
  if (isPunct(op, '=')) return assignedName(source, expr.first - 2);
  if (isPunct(op, '=>')) return keyName(source, expr.first - 2);
  if (isPunct(op, ':') && /^[{,]$/.test(tokens[expr.first - 3]?.text ?? '')) return keyName(source, expr.first - 2);
  if (isPunct(op, ',')) return definedConstant(source, expr);
  if (FALLBACK_OPS.has(op.text) || isPunct(op, ':')) return fallbackTarget(source, expr.first);
  return null;
}

// `env('X') ?? 'http://localhost:8080/v1'`: the literal is a default, bound to what the whole value is bound to.
const FALLBACK_OPS = new Set(['??', '||', '?:', 'or', '?']);

function fallbackTarget(source: Source, first: number): string | null {
  const level = source.parent[first];
  for (let j = first - 1; j >= 0 && source.parent[j] === level; j--) {
    const text = source.tokens[j]?.text ?? '';
    if (text === '=') return assignedName(source, j - 1);
    if (text === '=>' || (text === ':' && /^[{,]$/.test(source.tokens[j - 2]?.text ?? ''))) return keyName(source, j - 1);
    if (text === ';' || text === ',' || text === '{' || text === '}') return null;
  }
  return null;
}

/** `x =`, `$a['k'] =`, `const X: string =`: the name on the left of `=` ending at `i`. */
function assignedName(source: Source, i: number): string | null {
  const { tokens, partner } = source;
  const target = tokens[i];
  if (isPunct(target, ']')) return keyName(source, (partner[i] ?? i) + 1);
  if (isPunct(tokens[i - 1], ':') && isName(tokens[i - 2])) return nameKey(source, tokens[i - 2]?.text ?? '');
  return isName(target) ? nameKey(source, target.text) : null;
}

function keyName(source: Source, i: number): string | null {
  const token = source.tokens[i];
  if (token?.kind === 'string') return token.value !== undefined ? nameKey(source, token.value) : null;
  return isName(token) ? nameKey(source, token.text) : null;
}

/** PHP `define('NAME', 'value')`. */
function definedConstant(source: Source, expr: LiteralExpr): string | null {
  const open = source.parent[expr.first] ?? -1;
  const callee = open >= 0 ? calleeAt(source, open) : null;
  if (callee?.path.join('').toLowerCase() !== 'define') return null;
  const [name, value] = argumentsOf(source, open);
  if (value?.from !== expr.first || name === undefined) return null;
  const token = source.tokens[name.from];
  return token?.kind === 'string' && token.value !== undefined ? nameKey(source, token.value) : null;
}

/**
 * Token indices where `name` is used, other than at `exclude` (the binding itself): names, keys in brackets
 * (`$cfg['endpoint']`, `cfg["endpoint"]`) and names inside interpolated strings (reported at their string).
 */
export function usesOf(source: Source, name: string, exclude: { from: number; to: number }): number[] {
  const uses: number[] = [];
  source.tokens.forEach((token, i) => {
    if (i >= exclude.from && i <= exclude.to) return;
    const key = token.kind === 'string' && isPunct(source.tokens[i - 1], '[') ? token.value : undefined;
    if (isName(token) && nameKey(source, token.text) === name && !isBindingSite(source, i)) uses.push(i);
    else if (key !== undefined && nameKey(source, key) === name) uses.push(i);
  });
  for (const { token, host } of source.embedded) {
    const text = token.kind === 'string' ? (token.value ?? '') : token.text;
    if (nameKey(source, text) === name) uses.push(host);
  }
  return uses.sort((a, b) => a - b);
}

/** A name directly followed by `=` (not `==`) is being assigned, not read. */
function isBindingSite(source: Source, i: number): boolean {
  return isPunct(source.tokens[i + 1], '=') || isPunct(source.tokens[i + 1], '=>');
}

/** Expressions bound to each name in the file (for resolving `baseURL: GATEWAY_URL`). */
export function bindingsOf(source: Source, exprs: readonly LiteralExpr[]): Map<string, LiteralExpr[]> {
  const map = new Map<string, LiteralExpr[]>();
  for (const expr of exprs) {
    const name = bindingNameOf(source, expr);
    if (name === null) continue;
    map.set(name, [...(map.get(name) ?? []), expr]);
  }
  return map;
}
