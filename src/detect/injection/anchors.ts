/**
 * A gate in front of the rules. Running every rule's regex over every prompt cost ~0.6 ms per 4 KB (measured),
 * because each rule is a large alternation V8 tries at every position. But every match of a rule contains one
 * of a few literal words (its "anchors"): the leading literal of each top-level alternative of its pattern, or
 * of the part the rule names as its anchor. One Aho–Corasick pass over the text finds which anchors occur, in
 * time linear in the text whatever the number of anchors, and only rules with an anchor present run. A rule
 * whose anchors cannot be derived soundly (an alternative that starts with a character class) always runs.
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

/** Non-ASCII characters share one symbol: a false anchor hit only runs a rule, it never skips one. */
const ALPHABET = 128;
const symbol = (code: number): number => (code < ALPHABET ? code : ALPHABET - 1);

export interface AnchorIndex {
  /** Which of the anchor sets given at build time have an anchor in `text`. */
  present(text: string): Uint8Array;
  /** Per anchor set, where its anchors end in `text` (null: none occurs). */
  locate(text: string): (number[] | null)[];
}

export function createAnchorIndex(sets: readonly (readonly string[])[]): AnchorIndex {
  const goto: number[][] = [new Array<number>(ALPHABET).fill(-1)];
  const outputs: number[][] = [[]];
  sets.forEach((anchors, set) => {
    for (const anchor of anchors) {
      let state = 0;
      for (let i = 0; i < anchor.length; i++) {
        const c = symbol(anchor.charCodeAt(i));
        let next = (goto[state] as number[])[c] as number;
        if (next === -1) {
          next = goto.length;
          goto.push(new Array<number>(ALPHABET).fill(-1));
          outputs.push([]);
          (goto[state] as number[])[c] = next;
        }
        state = next;
      }
      (outputs[state] as number[]).push(set);
    }
  });
  const table = completeAutomaton(goto, outputs);
  const outs = outputs.map((o) => [...new Set(o)]);
  const index: AnchorIndex = {
    present: (text) => Uint8Array.from(index.locate(text), (ends) => (ends === null ? 0 : 1)),
    locate(text) {
      const found: (number[] | null)[] = new Array<number[] | null>(sets.length).fill(null);
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        state = table[state * ALPHABET + symbol(text.charCodeAt(i))] as number;
        const hits = outs[state] as number[];
        for (let k = 0; k < hits.length; k++) (found[hits[k] as number] ??= []).push(i);
      }
      return found;
    },
  };
  return index;
}

/** Breadth-first failure links folded into a full transition table; outputs merged along failure links. */
function completeAutomaton(goto: number[][], outputs: number[][]): Int32Array {
  const table = new Int32Array(goto.length * ALPHABET);
  const fail = new Int32Array(goto.length);
  const queue: number[] = [];
  for (let c = 0; c < ALPHABET; c++) {
    const next = (goto[0] as number[])[c] as number;
    table[c] = next === -1 ? 0 : next;
    if (next !== -1) queue.push(next);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    (outputs[state] as number[]).push(...(outputs[fail[state] as number] as number[]));
    for (let c = 0; c < ALPHABET; c++) {
      const next = (goto[state] as number[])[c] as number;
      if (next === -1) table[state * ALPHABET + c] = table[(fail[state] as number) * ALPHABET + c] as number;
      else {
        table[state * ALPHABET + c] = next;
        fail[next] = table[(fail[state] as number) * ALPHABET + c] as number;
        queue.push(next);
      }
    }
  }
  return table;
}
