/**
 * What a rule's regex source says about its matches, read from the source itself: where a match can begin
 * (`startSet`) and a part every match contains (`requiredPart`). The anchor gate (anchors.ts) says which rules
 * can match a text and near where; V8 then still tried each rule at every position of those windows, and each
 * rule is a large alternation, so on dense 4 KB prompts that try-everywhere scan was ~70% of the scoring time
 * (measured). But almost every match begins with one of a few short strings that the pattern spells out
 * (`ignore`, `disregard`, `\n`, `[`): found by the same Aho–Corasick pass as the anchors, they let a rule be
 * tried, sticky, only where such a string begins (gate.ts).
 *
 * Sound by construction, never by sampling: every path through the pattern is followed from its start, and a
 * prefix is cut short (never guessed) where the next character is not one of a few known ones (`\w`, `.`, `[^…]`,
 * a long class). A source for which some match could begin with no known character gets null, and its rule is
 * scanned as before.
 */

/** A string every match along some path of the pattern begins with. */
export interface StartEntry {
  /** `OTHER` in it stands for any character outside ASCII. */
  readonly literal: string;
  /** The pattern asserts `\b` right before it: a position where `\b` does not hold cannot start this match. */
  readonly boundary: boolean;
}

export interface StartSet {
  readonly entries: readonly StartEntry[];
  /** Some path begins with `^`: such a match can start only where the searched string starts. */
  readonly atStart: boolean;
}

/** A prefix stops growing here: longer ones would only multiply the entries, not the selectivity. */
const MAX_LITERAL = 10;
/** Literals of a required part are shorter: it is checked with its regex anyway, and there are many to try. */
const REQUIRED_LITERAL = 6;
/** A prefix this long is not extended by a class of several characters (`\s`). */
const BRANCHY_PREFIX = 3;
/** A class with more characters than this is treated as "any character" (it would multiply the entries). */
const MAX_CLASS = 12;
/** Past this many entries a rule is cheaper scanned than gated by hundreds of prefixes. */
const MAX_ENTRIES = 1500;

/**
 * One character for every character outside ASCII: the anchor index reads them all as one symbol (anchors.ts), so
 * listing `\s`'s eighteen of them would only multiply the entries.
 */
export const OTHER = '\u0080';
/** What `\s` matches: ASCII white space, and (as OTHER) the Unicode spaces. */
const SPACE_CHARS = [...'\t\n\v\f\r ', OTHER];

type Node =
  /** One character from `chars`; null: any of too many to list. */
  | { readonly kind: 'char'; readonly chars: readonly string[] | null }
  /** A zero-width assertion: `\b`, `^`, or one that says nothing about where a match starts. */
  | { readonly kind: 'assert'; readonly boundary: boolean; readonly start: boolean }
  | { readonly kind: 'group'; readonly branches: readonly (readonly Node[])[] }
  | { readonly kind: 'repeat'; readonly min: number; readonly max: number; readonly body: readonly Node[] };

/** The start set of a regex source (no flags but `g`/`y`), or null when some match could begin anywhere. */
export function startSet(source: string): StartSet | null {
  return startSetOf(parseAlternation(source, 0)[0]);
}

/** The start set of the alternatives `branches`, parsed. */
function startSetOf(branches: readonly (readonly Node[])[], maxLiteral = MAX_LITERAL): StartSet | null {
  const found = new Found(maxLiteral);
  for (const branch of branches) walk(toCont(branch, null), '', false, false, found);
  if (!found.sound) return null;
  return { entries: found.entries(), atStart: found.atStart };
}

/**
 * A part every match of a pattern contains, and the literals one of which begins it. Some rules begin with
 * something common (`\n`, `. `, two spaces) and are gated by a common word (`ai`, `system`), so they ran on
 * nearly every prompt, at hundreds of places; but what follows that word (`ai:`, `system:`) is rare. Per
 * top-level alternative, any suffix of its elements is required in every match: the one whose start literals are
 * rarest in ordinary text (by `rate`) is kept, and a rule runs only when one of those literals occurs with the
 * suffix matching there. The suffix is read without its assertions (`\b`, `^`, look-arounds), so it matches
 * wherever the rule's match does, in a window or in the whole text.
 */
export interface Requirement {
  readonly literals: readonly string[];
  /** The required parts of the alternatives, assertions dropped, as one regex source. */
  readonly source: string;
  /** Expected occurrences of the literals per character of ordinary text (see `startRate`). */
  readonly rate: number;
}

export function requiredPart(source: string): Requirement | null {
  const literals = new Set<string>();
  const parts: string[] = [];
  let total = 0;
  for (const branch of topLevelBranches(source)) {
    let best: { part: string; entries: readonly StartEntry[]; rate: number } | null = null;
    for (let k = 0; k < branch.nodes.length; k++) {
      // Worth trying: a group, or a word (from its first letter: `gnore` is never rarer than `ignore`).
      const node = branch.nodes[k] as Node;
      if (k > 0 && node.kind !== 'group' && !(isLetterNode(node) && !isLetterNode(branch.nodes[k - 1] as Node))) continue;
      const set = startSetOf([branch.nodes.slice(k)], REQUIRED_LITERAL);
      if (set === null || set.atStart) continue;
      const rate = startRate(set);
      if (best === null || rate < best.rate) best = { part: branch.source.slice(branch.offsets[k]), entries: set.entries, rate };
    }
    if (best === null) return null;
    for (const e of best.entries) literals.add(e.literal);
    parts.push(withoutAssertions(best.part));
    total += best.rate;
  }
  return { literals: [...literals], source: `(?:${parts.join('|')})`, rate: total };
}

/** One letter, written as itself. */
const isLetterNode = (node: Node): boolean => node.kind === 'char' && node.chars?.length === 1 && /[a-z]/.test(node.chars[0] as string);

/** Expected occurrences per character of ordinary text, of any of `entries` (see `literalRate`). */
export function startRate(set: StartSet): number {
  return set.entries.reduce((sum, e) => sum + literalRate(e.literal), 0);
}

/**
 * A rough model of shop text, only to rank literals: a letter is 1 in 20 characters, a space 1 in 6, a digit 1 in
 * 30, a line break 1 in 40, other punctuation 1 in 50, anything else 1 in 100.
 */
function literalRate(literal: string): number {
  let rate = 1;
  for (const c of literal) rate /= /[a-z]/.test(c) ? 20 : c === ' ' ? 6 : /[0-9]/.test(c) ? 30 : c === '\n' ? 40 : /[!-~]/.test(c) ? 50 : 100;
  return rate;
}

/** `source` without its zero-width assertions: it matches wherever `source` does, and sometimes more. */
function withoutAssertions(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; ) {
    const c = source[i] as string;
    let end: number;
    if (c === '\\' && (source[i + 1] === 'b' || source[i + 1] === 'B')) end = i + 2;
    else if (c === '^' || c === '$') end = i + 1;
    else if (/^\(\?<?[=!]/.test(source.slice(i, i + 4))) end = parseElement(source, i)[1];
    else {
      // Anything else is copied as written (a class keeps its `^`).
      end = parseElement(source, i)[1];
      out += source.slice(i, end);
      i = end;
      continue;
    }
    // An assertion's quantifier, if any, goes with it.
    i = quantify(source, end, { kind: 'assert', boundary: false, start: false })[1];
  }
  return out;
}

/** The prefixes found so far. A path whose prefix already extends a found one adds nothing and is cut. */
class Found {
  readonly maxLiteral: number;
  sound = true;
  atStart = false;
  private readonly literals = new Map<string, boolean>();

  constructor(maxLiteral: number) {
    this.maxLiteral = maxLiteral;
  }

  emit(literal: string, boundary: boolean, start: boolean): void {
    if (start) this.atStart = true;
    else if (literal === '') this.sound = false;
    else if (!this.covers(literal, boundary)) this.literals.set(literal, boundary);
    // Past this many the set is of no use (see MAX_ENTRIES): the walk may stop.
    if (this.literals.size > MAX_ENTRIES) this.sound = false;
  }

  /**
   * Whether `literal` was found already, so that a path reaching it adds nothing (a weaker `\b` claim weakens the
   * found one). A path is checked at each length, so it stops at the first found prefix it reaches; one found
   * only later is merged in `entries`.
   */
  covers(literal: string, boundary: boolean): boolean {
    const found = this.literals.get(literal);
    if (found === undefined) return false;
    if (found && !boundary) this.literals.set(literal, false);
    return true;
  }

  /** The literals none of whose proper prefixes was found too (that one stands for them). */
  entries(): StartEntry[] {
    const sorted = [...this.literals.keys()].sort((a, b) => a.length - b.length);
    const kept = new Map<string, boolean>();
    for (const literal of sorted) {
      const boundary = this.literals.get(literal) as boolean;
      let covered = false;
      for (let k = 1; k < literal.length && !covered; k++) {
        const prefix = literal.slice(0, k);
        const found = kept.get(prefix);
        if (found === undefined) continue;
        if (found && !boundary) kept.set(prefix, false);
        covered = true;
      }
      if (!covered) kept.set(literal, boundary);
    }
    return [...kept].map(([literal, b]) => ({ literal, boundary: b }));
  }
}

/** What remains to be matched, as a linked list so that branches share their tails. */
interface Cont {
  readonly node: Node | 'stop';
  readonly next: Cont | null;
}

function toCont(nodes: readonly Node[], next: Cont | null): Cont | null {
  let cont = next;
  for (let i = nodes.length - 1; i >= 0; i--) cont = { node: nodes[i] as Node, next: cont };
  return cont;
}

/**
 * Follows every path from `cont` and records the prefix each one must begin with. `prefix` is what the path has
 * matched so far; `boundary` and `start` what it asserted before its first character.
 */
function walk(cont: Cont | null, prefix: string, boundary: boolean, start: boolean, found: Found): void {
  if (!found.sound) return;
  if (start || cont === null || cont.node === 'stop' || prefix.length >= found.maxLiteral) return found.emit(prefix, boundary, start);
  if (prefix !== '' && found.covers(prefix, boundary)) return;
  const node = cont.node;
  const next = cont.next;
  switch (node.kind) {
    case 'assert':
      // Only what is asserted before the first character says anything about the start.
      if (prefix === '') return walk(next, prefix, boundary || node.boundary, node.start, found);
      return walk(next, prefix, boundary, false, found);
    case 'char':
      // A class multiplies the paths: past a few characters the prefix is selective enough to stop at.
      if (node.chars === null || (node.chars.length > 1 && prefix.length >= BRANCHY_PREFIX)) return found.emit(prefix, boundary, false);
      for (const c of node.chars) walk(next, prefix + c, boundary, false, found);
      return;
    case 'group':
      for (const branch of node.branches) walk(toCont(branch, next), prefix, boundary, false, found);
      return;
    case 'repeat': {
      // After a repeat that may run again, what follows is unknown: stop there. The body is followed first:
      // it usually stops soon, and the shorter prefix it finds then cuts the path that skips the body.
      if (node.min === 0) {
        walk(toCont(node.body, node.max === 1 ? next : STOP), prefix, boundary, false, found);
        walk(next, prefix, boundary, false, found);
        return;
      }
      const once = Math.min(node.min, 3);
      let body: Node[] = [];
      for (let i = 0; i < once; i++) body = body.concat(node.body);
      return walk(toCont(body, node.max === once ? next : STOP), prefix, boundary, false, found);
    }
  }
}

const STOP: Cont = { node: 'stop', next: null };

/** Alternatives from `at` up to the `)` that closes them (or the end): [branches, index of that `)`]. */
function parseAlternation(src: string, at: number): [Node[][], number] {
  const branches: Node[][] = [];
  let branch: Node[] = [];
  let i = at;
  while (i < src.length && src[i] !== ')') {
    if (src[i] === '|') {
      branches.push(branch);
      branch = [];
      i++;
      continue;
    }
    const [node, after] = parseElement(src, i);
    branch.push(node);
    i = after;
  }
  branches.push(branch);
  return [branches, i];
}

/** One atom at `i` with its quantifier: [node, index after it]. */
function parseElement(src: string, i: number): [Node, number] {
  const c = src[i] as string;
  let atom: Node;
  if (c === '(') {
    const lookaround = /^\(\?<?[=!]/.exec(src.slice(i, i + 4));
    const bodyAt = lookaround ? i + lookaround[0].length : src.startsWith('(?:', i) ? i + 3 : i + 1;
    const [inner, close] = parseAlternation(src, bodyAt);
    atom = lookaround ? { kind: 'assert', boundary: false, start: false } : { kind: 'group', branches: inner };
    i = close + 1;
  } else if (c === '[') {
    const [chars, close] = parseClass(src, i);
    atom = { kind: 'char', chars };
    i = close + 1;
  } else if (c === '\\') {
    atom = escape(src, i);
    i += escapeLength(src, i);
  } else if (c === '^' || c === '$') {
    atom = { kind: 'assert', boundary: false, start: c === '^' };
    i++;
  } else if (c === '.') {
    atom = { kind: 'char', chars: null };
    i++;
  } else {
    atom = { kind: 'char', chars: [ascii(c)] };
    i++;
  }
  return quantify(src, i, atom);
}

/** The top-level alternatives of `source`, each parsed, with its source and where (in it) each element begins. */
function topLevelBranches(source: string): { source: string; nodes: Node[]; offsets: number[] }[] {
  const out: { source: string; nodes: Node[]; offsets: number[] }[] = [];
  let start = 0;
  let nodes: Node[] = [];
  let offsets: number[] = [];
  for (let i = 0; i <= source.length; ) {
    if (i === source.length || source[i] === '|') {
      out.push({ source: source.slice(start, i), nodes, offsets });
      start = i + 1;
      nodes = [];
      offsets = [];
      i++;
      continue;
    }
    offsets.push(i - start);
    const [node, after] = parseElement(source, i);
    nodes.push(node);
    i = after;
  }
  return out;
}

/** The character, or OTHER for one outside ASCII. */
const ascii = (c: string): string => (c.charCodeAt(0) > 0x7e ? OTHER : c);

function quantify(src: string, at: number, atom: Node): [Node, number] {
  const c = src[at];
  let min: number;
  let max: number;
  let end: number;
  if (c === '?' || c === '*' || c === '+') {
    min = c === '+' ? 1 : 0;
    max = c === '?' ? 1 : Infinity;
    end = at + 1;
  } else if (c === '{' && /^\{\d+(?:,\d*)?\}/.test(src.slice(at))) {
    const close = src.indexOf('}', at);
    const [lo, hi] = src.slice(at + 1, close).split(',');
    min = Number(lo);
    max = hi === undefined ? min : hi === '' ? Infinity : Number(hi);
    end = close + 1;
  } else return [atom, at];
  // Laziness changes which match is found, never where it can start.
  if (src[end] === '?') end++;
  // Zero-width atoms repeated are still zero-width.
  if (atom.kind === 'assert') return [atom, end];
  return [{ kind: 'repeat', min, max, body: [atom] }, end];
}

function escapeLength(src: string, at: number): number {
  const next = src[at + 1];
  if (next === 'u' && src[at + 2] !== '{') return 6;
  if (next === 'x') return 4;
  return 2;
}

function escape(src: string, at: number): Node {
  const next = src[at + 1] as string;
  switch (next) {
    case 'b':
      return { kind: 'assert', boundary: true, start: false };
    case 'B':
      return { kind: 'assert', boundary: false, start: false };
    case 's':
      return { kind: 'char', chars: SPACE_CHARS };
    case 'd':
      return { kind: 'char', chars: [...'0123456789'] };
    case 'n':
      return { kind: 'char', chars: ['\n'] };
    case 't':
      return { kind: 'char', chars: ['\t'] };
    case 'r':
      return { kind: 'char', chars: ['\r'] };
    case 'u':
    case 'x':
      return { kind: 'char', chars: [ascii(String.fromCharCode(parseInt(src.slice(at + 2, at + escapeLength(src, at)), 16)))] };
    default:
      // Any other letter or digit escape (\w, \S, \1, \p…) is a class or a reference: not a known character.
      return { kind: 'char', chars: /[a-zA-Z0-9]/.test(next) ? null : [ascii(next)] };
  }
}

/** The characters of the class opened at `open` (null: negated, or too many), and the index of its `]`. */
function parseClass(src: string, open: number): [string[] | null, number] {
  const chars: string[] = [];
  let known = src[open + 1] !== '^';
  let i = known ? open + 1 : open + 2;
  const one = (): string | null => {
    const c = src[i] as string;
    if (c !== '\\') {
      i++;
      return c;
    }
    const node = escape(src, i);
    i += escapeLength(src, i);
    if (node.kind !== 'char' || node.chars === null) return null;
    if (node.chars.length === 1) return node.chars[0] as string;
    chars.push(...node.chars);
    return '';
  };
  while (i < src.length && src[i] !== ']') {
    const from = one();
    if (from === null) known = false;
    else if (src[i] === '-' && src[i + 1] !== ']' && from.length === 1) {
      i++;
      const to = one();
      if (to === null || to.length !== 1) known = false;
      else for (let code = from.charCodeAt(0); code <= to.charCodeAt(0) && chars.length <= MAX_CLASS; code++) chars.push(String.fromCharCode(code));
    } else if (from !== '') chars.push(from);
  }
  const listed = [...new Set(chars.map(ascii))];
  return [known && listed.length <= MAX_CLASS ? listed : null, i];
}
