/**
 * A gate in front of the rules. Running every rule's regex over every prompt cost ~0.6 ms per 4 KB (measured),
 * because each rule is a large alternation V8 tries at every position. But every match of a rule contains one
 * of a few literal words (its "anchors"): the leading literal of each top-level alternative of its pattern, or
 * of the part the rule names as its anchor. One Aho–Corasick pass over the text (the literal index below) finds
 * where they occur, in time linear in the text whatever the number of literals, and only rules with an anchor
 * present run (gate.ts). A rule whose anchors cannot be derived soundly (an alternative that starts with a
 * character class) always runs.
 */

/** The literal every match of `source` must begin with, per top-level alternative; null when one has none. */
export function leadingLiterals(source: string): string[] | null {
  const out: string[] = [];
  for (const branch of splitAlternatives(source)) {
    const literals = branchLiterals(branch);
    if (literals === null) return null;
    out.push(...literals);
  }
  return out;
}

function branchLiterals(branch: string): string[] | null {
  let at = 0;
  // Zero-width prefixes say nothing about the characters matched.
  for (;;) {
    if (branch.startsWith('\\b', at)) at += 2;
    else if (branch.startsWith('^', at)) at += 1;
    else if (branch.startsWith('(?<!', at) || branch.startsWith('(?<=', at) || branch.startsWith('(?=', at) || branch.startsWith('(?!', at)) at = closing(branch, at) + 1;
    else break;
  }
  while (branch.startsWith('(?:', at)) {
    const end = closing(branch, at);
    const after = branch[end + 1];
    // An optional group may match nothing: the literal that follows it is required, so read on from there.
    if (after === '?' || after === '*') at = end + 2;
    else if (after === '{' && branch[end + 2] === '0') at = branch.indexOf('}', end) + 1;
    else return leadingLiterals(branch.slice(at + 3, end));
    if (branch.startsWith('\\s*', at) || branch.startsWith('\\s+', at)) return null;
  }
  let literal = '';
  while (at < branch.length) {
    const c = branch[at] as string;
    if (c === '\\') {
      const next = branch[at + 1] as string;
      if (/[a-zA-Z0-9]/.test(next)) break; // \s, \w, \b, \d, \u…: not a literal
      literal += next;
      at += 2;
    } else if ('()[]{}|.?*+^$'.includes(c)) break;
    else {
      literal += c;
      at++;
    }
  }
  // A quantifier right after the literal makes its last character optional.
  if (at < branch.length && '?*{'.includes(branch[at] as string)) literal = literal.slice(0, -1);
  // One punctuation character (`?`, `<`, `[`) is a usable anchor; one letter or a space is not.
  return literal.length >= 2 || (literal.length === 1 && !/[a-z0-9 ]/.test(literal)) ? [literal] : null;
}

/** Top-level alternatives of a regex source (alternation outside any group or class). */
function splitAlternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = closingBracket(source, i);
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

/** Index of the `)` closing the group opened at `open` (classes and escapes skipped). */
export function closing(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = closingBracket(source, i);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return source.length;
}

/** Index of the `]` closing the character class opened at `open`. */
export function closingBracket(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return source.length;
}

/**
 * Characters from U+007F up share one symbol: a false hit only runs a rule, it never skips one. Characters that
 * occur in no literal share another (symbol 0), which always leads back to the root.
 */
const ASCII = 0x7f;

/** Occurrences of literals found by one scan: literal `ids[k]` ends at `ends[k]` (inclusive), in text order. */
export class Hits {
  ids = new Int32Array(256);
  ends = new Int32Array(256);
  count = 0;

  push(id: number, end: number): void {
    if (this.count === this.ids.length) {
      const ids = new Int32Array(this.count * 2);
      const ends = new Int32Array(this.count * 2);
      ids.set(this.ids);
      ends.set(this.ends);
      this.ids = ids;
      this.ends = ends;
    }
    this.ids[this.count] = id;
    this.ends[this.count] = end;
    this.count++;
  }
}

/** Every occurrence of a fixed list of literals in a text, in one pass linear in the text. */
export interface LiteralIndex {
  /** Replaces the contents of `hits` with the occurrences in `text` of the literals, by their index in the list. */
  scan(text: string, hits: Hits): void;
}

/**
 * An Aho–Corasick automaton over a compact alphabet (the characters the literals use), folded into a dense
 * transition table. It holds ~3,300 literals (anchors, start literals, required parts) and scans 4 KB in ~25 µs
 * (measured), less than the previous 128-column table with per-state output arrays took for the anchors alone
 * (37 µs): the table is a fraction of the size, and a state without output costs one comparison.
 */
export function createLiteralIndex(literals: readonly string[]): LiteralIndex {
  const classes = new Uint8Array(ASCII + 1);
  let width = 1;
  let bound = 1;
  for (const literal of literals) {
    bound += literal.length;
    for (let i = 0; i < literal.length; i++) {
      const code = Math.min(literal.charCodeAt(i), ASCII);
      if (classes[code] === 0) classes[code] = width++;
    }
  }
  const symbolOf = (code: number): number => classes[code < ASCII ? code : ASCII] as number;
  // The trie, one row of `width` per state; 0 is "no edge" (no edge leads back to the root).
  const trie = new Int32Array(bound * width);
  const own: number[][] = [[]];
  literals.forEach((literal, id) => {
    let state = 0;
    for (let i = 0; i < literal.length; i++) {
      const at = state * width + symbolOf(literal.charCodeAt(i));
      if (trie[at] === 0) {
        trie[at] = own.length;
        own.push([]);
      }
      state = trie[at] as number;
    }
    (own[state] as number[]).push(id);
  });
  const { table, outputBase, first, out } = layout(completeAutomaton(trie, own, width), width);
  return {
    scan(text, hits) {
      hits.count = 0;
      // `state` is a row offset into the table; rows from `outputBase` on are the states that report literals.
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        state = table[state + (classes[code < ASCII ? code : ASCII] as number)] as number;
        if (state < outputBase) continue;
        const row = (state - outputBase) / width;
        for (let k = first[row] as number, last = first[row + 1] as number; k < last; k++) hits.push(out[k] as number, i);
      }
    },
  };
}

/** The automaton: transitions for every state and symbol, the states in breadth-first order, and each one's outputs. */
interface Automaton {
  readonly table: Int32Array;
  readonly order: readonly number[];
  /** Per state, the literals that end there, its own and those of its failure chain. */
  readonly outputs: readonly (readonly number[])[];
}

/**
 * Failure links folded into the trie, in place, breadth first, so it becomes a full transition table; each
 * state's outputs gathered along its failure chain.
 */
function completeAutomaton(table: Int32Array, own: readonly number[][], width: number): Automaton {
  const states = own.length;
  const fail = new Int32Array(states);
  const outputs: number[][] = new Array<number[]>(states);
  outputs[0] = own[0] as number[];
  const order: number[] = [0];
  for (let c = 0; c < width; c++) if (table[c] !== 0) order.push(table[c] as number);
  for (let head = 1; head < order.length; head++) {
    const state = order[head] as number;
    const ownIds = own[state] as number[];
    const inherited = outputs[fail[state] as number] as number[];
    outputs[state] = inherited.length === 0 ? ownIds : ownIds.concat(inherited);
    for (let c = 0; c < width; c++) {
      const at = state * width + c;
      const next = table[at] as number;
      const viaFail = table[(fail[state] as number) * width + c] as number;
      if (next === 0) table[at] = viaFail;
      else {
        fail[next] = viaFail;
        order.push(next);
      }
    }
  }
  return { table, order, outputs };
}

/**
 * The scan's inner loop is a chain of dependent loads, so its layout is tuned (measured: 41 → ~25 µs per 4 KB):
 * states are renumbered breadth first (the shallow states, where a scan spends most of its time, share a few
 * cache lines), those with outputs last (one comparison tells a state without output), and the table holds row
 * offsets rather than state numbers (no multiplication per character).
 */
function layout({ table, order: bfs, outputs }: Automaton, width: number): { table: Int32Array; outputBase: number; first: Int32Array; out: Int32Array } {
  const states = outputs.length;
  const order = bfs.filter((s) => (outputs[s] as number[]).length === 0);
  const silent = order.length;
  order.push(...bfs.filter((s) => (outputs[s] as number[]).length > 0));
  // The root must stay at row 0; it reports only an empty literal, and then every state is checked.
  const rootSilent = (outputs[0] as number[]).length === 0;
  if (!rootSilent) {
    order.splice(order.indexOf(0), 1);
    order.unshift(0);
  }
  const rowOf = new Int32Array(states);
  order.forEach((state, row) => (rowOf[state] = row));
  const laidOut = new Int32Array(states * width);
  for (let row = 0; row < states; row++) {
    const state = order[row] as number;
    for (let c = 0; c < width; c++) laidOut[row * width + c] = (rowOf[table[state * width + c] as number] as number) * width;
  }
  const outputRows = rootSilent ? silent : 0;
  const first = new Int32Array(states - outputRows + 1);
  const flat: number[] = [];
  for (let row = outputRows; row < states; row++) {
    first[row - outputRows] = flat.length;
    for (const id of new Set(outputs[order[row] as number] as number[])) flat.push(id);
  }
  first[states - outputRows] = flat.length;
  return { table: laidOut, outputBase: outputRows * width, first, out: Int32Array.from(flat) };
}

