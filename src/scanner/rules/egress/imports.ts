/**
 * What the names in a file refer to, from its imports: PHP `use` statements (aliases, group uses), JavaScript
 * `import` forms and CommonJS `require`, Python `import` and `from … import`. Each local name maps to a qualified
 * name: `Orhanerday\OpenAi\OpenAi` (PHP), `openai#default` / `openai#OpenAI` / `openai#*` / `openai#require`
 * (JS: module and export), `google.genai` / `openai.OpenAI` (Python).
 */

import { isName, isPunct, lineEndToken, nameKey, type Source } from './source.ts';

export type Imports = ReadonlyMap<string, string>;

const cache = new WeakMap<Source, Imports>();

/** Local name (as nameKey gives it) → qualified name. */
export function importsOf(source: Source): Imports {
  let imports = cache.get(source);
  if (imports === undefined) {
    const map = new Map<string, string>();
    if (source.language === 'php') phpUses(source, map);
    if (source.language === 'js') jsImports(source, map);
    if (source.language === 'python') pythonImports(source, map);
    imports = map;
    cache.set(source, imports);
  }
  return imports;
}

/** The fully qualified PHP class a name in code means (aliases resolved, leading `\` dropped). */
export function phpClassName(source: Source, name: string): string {
  return phpClassNames(source, name)[0] ?? name;
}

/**
 * The classes a name may mean: as PHP resolves it (imports, then the file's namespace), and, for an unqualified
 * name that is not imported, also the global class (code that relies on an alias or autoload shim).
 */
export function phpClassNames(source: Source, name: string): string[] {
  const bare = name.replace(/^\\/, '');
  const [head, ...rest] = bare.split('\\');
  const imported = importsOf(source).get((head ?? '').toLowerCase());
  if (name.startsWith('\\')) return [bare];
  if (imported !== undefined) return [[imported, ...rest].join('\\')];
  const namespace = phpNamespace(source);
  return namespace === '' ? [bare] : [`${namespace}\\${bare}`, bare];
}

const namespaces = new WeakMap<Source, string>();

/** The file's `namespace Foo\Bar;` ('' for the global namespace). */
function phpNamespace(source: Source): string {
  let namespace = namespaces.get(source);
  if (namespace === undefined) {
    const at = source.tokens.findIndex((t, i) => t.kind === 'ident' && t.text.toLowerCase() === 'namespace' && source.tokens[i + 1]?.kind === 'ident');
    namespace = at < 0 ? '' : (source.tokens[at + 1]?.text ?? '').replace(/^\\/, '');
    namespaces.set(source, namespace);
  }
  return namespace;
}

function phpUses(source: Source, map: Map<string, string>): void {
  const { tokens } = source;
  tokens.forEach((token, i) => {
    if (token.kind !== 'ident' || token.text.toLowerCase() !== 'use' || isPunct(tokens[i + 1], '(')) return;
    let j = i + 1;
    if (/^(function|const)$/i.test(tokens[j]?.text ?? '')) j++;
    for (; j < tokens.length && !isPunct(tokens[j], ';'); j++) {
      const name = tokens[j];
      if (name?.kind !== 'ident') continue;
      if (name.text.endsWith('\\') && isPunct(tokens[j + 1], '{')) {
        j = groupUse(source, j + 1, name.text, map);
        continue;
      }
      j = addPhpUse(source, j, '', map);
    }
  });
}

/** `use A\{B, C as D};` */
function groupUse(source: Source, open: number, prefix: string, map: Map<string, string>): number {
  const close = source.partner[open] ?? open;
  for (let j = open + 1; j < close; j++) if (source.tokens[j]?.kind === 'ident') j = addPhpUse(source, j, prefix, map);
  return close;
}

function addPhpUse(source: Source, at: number, prefix: string, map: Map<string, string>): number {
  const full = (prefix + (source.tokens[at]?.text ?? '')).replace(/^\\/, '');
  const hasAlias = source.tokens[at + 1]?.text.toLowerCase() === 'as';
  const alias = hasAlias ? (source.tokens[at + 2]?.text ?? '') : (full.split('\\').at(-1) ?? '');
  map.set(alias.toLowerCase(), full);
  return hasAlias ? at + 2 : at;
}

function jsImports(source: Source, map: Map<string, string>): void {
  const { tokens } = source;
  tokens.forEach((token, i) => {
    if (token.kind === 'ident' && token.text === 'import' && !isPunct(tokens[i + 1], '(') && !isPunct(tokens[i + 1], '.')) jsImport(source, i + 1, map);
    const required = token.kind === 'ident' && token.text === 'require' && isPunct(tokens[i + 1], '(');
    if (required && tokens[i + 2]?.kind === 'string') requireBinding(source, i, map);
  });
}

/** `import X, { A as B } from 'm'`, `import * as N from 'm'`, `import type …`. */
function jsImport(source: Source, start: number, map: Map<string, string>): void {
  const { tokens } = source;
  if (tokens[start]?.kind === 'string') return;
  let end = start;
  const isFrom = (j: number): boolean => tokens[j]?.kind === 'string' && tokens[j - 1]?.text === 'from';
  while (end < tokens.length && end < start + 200 && !isPunct(tokens[end], ';') && !isFrom(end)) end++;
  const module = tokens[end]?.value;
  if (module === undefined) return;
  for (let j = start; j < end - 1; j++) {
    const token = tokens[j];
    if (token?.kind !== 'ident' || token.text === 'type' || token.text === 'as' || token.text === 'from') continue;
    if (tokens[j - 1]?.text === 'as') continue;
    const inBraces = source.parent[j] !== source.parent[start] || isPunct(tokens[j - 1], '{');
    const alias = tokens[j + 1]?.text === 'as' ? tokens[j + 2]?.text : token.text;
    if (alias === undefined) continue;
    map.set(alias, `${module}#${inBraces ? token.text : 'default'}`);
  }
  const star = tokens.findIndex((t, j) => j >= start && j < end && t.text === '*');
  if (star >= 0 && tokens[star + 1]?.text === 'as' && isName(tokens[star + 2])) map.set(tokens[star + 2]?.text ?? '', `${module}#*`);
}

/** `const X = require('m')`, `const { A, B: C } = require('m')`, `const X = require('m').A`. */
function requireBinding(source: Source, at: number, map: Map<string, string>): void {
  const { tokens, partner } = source;
  const module = tokens[at + 2]?.value ?? '';
  const member = isPunct(tokens[at + 4], '.') && tokens[at + 5]?.kind === 'ident' ? tokens[at + 5]?.text : undefined;
  if (!isPunct(tokens[at - 1], '=')) return;
  const target = tokens[at - 2];
  if (target?.kind === 'ident') {
    map.set(target.text, member === undefined ? `${module}#require` : `${module}#${member === 'default' ? 'default' : member}`);
    return;
  }
  if (!isPunct(target, '}')) return;
  const open = partner[at - 2] ?? -1;
  for (let j = open + 1; j > 0 && j < at - 2; j++) {
    const key = tokens[j];
    if (key?.kind !== 'ident' || source.parent[j] !== open || isPunct(tokens[j - 1], ':')) continue;
    const alias = isPunct(tokens[j + 1], ':') ? tokens[j + 2]?.text : key.text;
    if (alias !== undefined) map.set(alias, `${module}#${key.text}`);
  }
}

function pythonImports(source: Source, map: Map<string, string>): void {
  const { tokens } = source;
  tokens.forEach((token, i) => {
    if (token.kind !== 'ident') return;
    if (token.text === 'import' && tokens[i - 1]?.text !== '.' && !isFromImport(source, i)) pythonImport(source, i + 1, map);
    if (token.text === 'from') pythonFromImport(source, i + 1, map);
  });
}

/** Whether this `import` belongs to a `from … import` on its line. */
function isFromImport(source: Source, importAt: number): boolean {
  const line = source.lines.position(source.tokens[importAt]?.start ?? 0).line;
  for (let j = importAt - 1; j >= 0 && j > importAt - 40; j--) {
    const token = source.tokens[j];
    if (token === undefined || source.lines.position(token.start).line !== line) return false;
    if (token.text === 'from') return true;
  }
  return false;
}

/** Reads a dotted name from `at` (`a.b.c`, relative `.a`): its text and the index after it. */
function dottedName(source: Source, at: number): [string, number] {
  const { tokens } = source;
  let name = '';
  let j = at;
  while (isPunct(tokens[j], '.')) name += tokens[j++]?.text ?? '';
  while (tokens[j]?.kind === 'ident') {
    name += tokens[j]?.text ?? '';
    j++;
    if (!isPunct(tokens[j], '.') || tokens[j + 1]?.kind !== 'ident') break;
    name += '.';
    j++;
  }
  return [name, j];
}

/** `import a.b.c as x, d`: `x` → `a.b.c`; `a.b.c` alone binds `a` → `a`. */
function pythonImport(source: Source, start: number, map: Map<string, string>): void {
  const line = source.lines.position(source.tokens[start - 1]?.start ?? 0).line;
  for (let j = start; j < source.tokens.length; j++) {
    const [name, after] = dottedName(source, j);
    if (name === '' || source.lines.position(source.tokens[j]?.start ?? 0).line !== line) return;
    if (source.tokens[after]?.text === 'as' && source.tokens[after + 1] !== undefined) {
      map.set(source.tokens[after + 1]?.text ?? '', name);
      j = after + 2;
    } else {
      const head = name.split('.')[0] ?? name;
      map.set(head, head);
      j = after;
    }
    if (!isPunct(source.tokens[j], ',')) return;
  }
}

/** `from a.b import (c as d, e)`: `d` → `a.b.c`, `e` → `a.b.e`. */
function pythonFromImport(source: Source, start: number, map: Map<string, string>): void {
  const [module, after] = dottedName(source, start);
  if (source.tokens[after]?.text !== 'import') return;
  let j = after + 1;
  const parenthesized = isPunct(source.tokens[j], '(');
  const end = parenthesized ? (source.partner[j] ?? j) : lineEndToken(source, after);
  for (j += parenthesized ? 1 : 0; j < end; j++) {
    const name = source.tokens[j];
    if (name?.kind !== 'ident' || name.text === 'as' || source.tokens[j - 1]?.text === 'as') continue;
    const alias = source.tokens[j + 1]?.text === 'as' ? (source.tokens[j + 2]?.text ?? name.text) : name.text;
    map.set(nameKey(source, alias), `${module}.${name.text}`);
  }
}
