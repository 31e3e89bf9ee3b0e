/**
 * Where each rule runs on a text. One Aho–Corasick pass (anchors.ts) finds three kinds of literals at once, worked
 * out from each rule's pattern at load (plans.ts):
 * - anchors, which decide whether it runs at all and on which windows (every match lies within REACH of one);
 * - the start literals of a part every match contains, where that part is tried (sticky, without assertions):
 *   a rule runs only if it matches somewhere. Rules that begin with something common and are anchored by a
 *   common word (`\n` … `system:`, `. ai:`) ran on almost every prompt before this check;
 * - start literals, the only places inside the windows where a match can begin. The rule's regex is tried,
 *   sticky, at those places only, instead of at every position of its windows: on 4 KB prompts dense with
 *   instruction-like words that try-everywhere scan was ~70% of the scoring time (measured).
 * The matches are exactly those of the windowed scan: each window is the same slice of the text, the places are
 * tried in order, and a place inside the previous match is skipped, as a global regex does.
 */
import { Hits } from './anchors.ts';
import {
  ANCHOR_FIRST,
  ANCHOR_GROUP,
  ANCHOR_GROUPS,
  INDEX,
  ORDERED,
  PLANS,
  REQUIRED_FIRST,
  REQUIRED_LENGTH,
  REQUIRED_RULE,
  REVERSE_CUE_STARTS,
  REVERSE_CUE_STICKY,
  START_BOUNDARY,
  START_FIRST,
  START_GROUP,
  START_LENGTH,
  START_RULES,
  type Plan,
} from './plans.ts';
import type { InjectionRule } from './rules.ts';

export { ORDERED } from './plans.ts';

/**
 * Where a rule can match: every match lies within REACH characters of one of its anchors (rules bound every gap),
 * so a rule runs only on the windows around its anchors, or on the whole text when they cover most of it.
 */
const REACH = 400;

/** The occurrences of the text being located (a Located keeps what it needs of them, not them). */
const HITS = new Hits();

/** `\w` without the `u` flag. */
function isWord(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

/** `\b` at `at` of the whole text (in a slice starting there it may differ: see `matchAtPlaces`). */
function boundaryAt(text: string, at: number): boolean {
  return (at > 0 && isWord(text.charCodeAt(at - 1))) !== isWord(text.charCodeAt(at));
}

/**
 * Per-text lists and flags are plain arrays, on the JS heap: as typed arrays (about ten per text, allocated
 * outside it) they were no faster and came with more multi-millisecond stalls (measured, in a noisy way).
 */
type PerGroup = (number[] | null)[];

/** Per anchor group, where its anchors end, in order (one occurrence per end). */
function anchorEndsOf({ ids, ends, count }: Hits): PerGroup {
  const anchorEnds: PerGroup = new Array<number[] | null>(ANCHOR_GROUPS.members.length).fill(null);
  for (let k = 0; k < count; k++) {
    const id = ids[k] as number;
    const end = ends[k] as number;
    for (let a = ANCHOR_FIRST[id] as number, last = ANCHOR_FIRST[id + 1] as number; a < last; a++) {
      const at = (anchorEnds[ANCHOR_GROUP[a] as number] ??= []);
      if (at[at.length - 1] !== end) at.push(end);
    }
  }
  return anchorEnds;
}

/** Per rule, 1 when it runs: an anchor occurs (or it has none), and so does its required part (if it has one). */
function rulesThatRun(text: string, { ids, ends, count }: Hits, anchorEnds: PerGroup): number[] {
  // 0: the rule cannot match; 1: it runs; 2: an anchor occurs, and its required part is to be found.
  const runs = PLANS.map((plan) => (plan.anchors >= 0 && anchorEnds[plan.anchors] === null ? 0 : plan.required === null ? 1 : 2));
  for (let k = 0; k < count; k++) {
    const id = ids[k] as number;
    for (let r = REQUIRED_FIRST[id] as number, last = REQUIRED_FIRST[id + 1] as number; r < last; r++) {
      const rule = REQUIRED_RULE[r] as number;
      if (runs[rule] !== 2) continue;
      const sticky = (PLANS[rule] as Plan).required as RegExp;
      sticky.lastIndex = (ends[k] as number) - (REQUIRED_LENGTH[r] as number) + 1;
      if (sticky.test(text)) runs[rule] = 1;
    }
  }
  for (let rule = 0; rule < runs.length; rule++) if (runs[rule] === 2) runs[rule] = 0;
  return runs;
}

/**
 * Per start group of a rule that runs (and the reverse cue's), where its literals begin with `\b` there if
 * asserted; and whether one occurred without it (`cut`).
 */
function startPlacesOf(text: string, { ids, ends, count }: Hits, runs: readonly number[]): { starts: PerGroup; cut: boolean[] } {
  const live = START_RULES.map((rules) => rules.some((rule) => runs[rule] === 1));
  live[REVERSE_CUE_STARTS] = true;
  const starts: PerGroup = new Array<number[] | null>(START_RULES.length).fill(null);
  const cut = new Array<boolean>(START_RULES.length).fill(false);
  for (let k = 0; k < count; k++) {
    const id = ids[k] as number;
    for (let s = START_FIRST[id] as number, last = START_FIRST[id + 1] as number; s < last; s++) {
      const group = START_GROUP[s] as number;
      if (!live[group]) continue;
      const at = (ends[k] as number) - (START_LENGTH[s] as number) + 1;
      if (START_BOUNDARY[s] === 0 || boundaryAt(text, at)) (starts[group] ??= []).push(at);
      else cut[group] = true;
    }
  }
  return { starts, cut };
}

/** Matches as flat pairs: index, length, index, length… in the text's coordinates. */
type Matches = readonly number[];
const NONE: Matches = Object.freeze([]);

/** A window of the text a rule runs on: [from, to), and that slice. */
export interface Window {
  readonly from: number;
  readonly to: number;
  readonly slice: string;
}

/** One text located: which rules may match it, and where. */
export class Located {
  private readonly text: string;
  /** Per rule: 1 when it runs (an anchor occurs, or it has none, and so does its required part). */
  private readonly runs: readonly number[];
  /** Per anchor group: where its anchors end, in order (null: none occurs); its windows, once asked for. */
  private readonly anchorEnds: PerGroup;
  private readonly windows: (readonly Window[] | undefined)[];
  /** Per start group of a rule that runs: where a literal begins and `\b` holds if asserted; sorted once asked for. */
  private readonly starts: PerGroup;
  private readonly sorted: boolean[];
  /** Per start group: whether a literal occurs where `\b` does not hold (it may at a window cut inside a word). */
  private readonly cut: readonly boolean[];

  constructor(text: string) {
    this.text = text;
    INDEX.scan(text, HITS);
    const anchorEnds = anchorEndsOf(HITS);
    const runs = rulesThatRun(text, HITS, anchorEnds);
    const { starts, cut } = startPlacesOf(text, HITS, runs);
    this.runs = runs;
    this.anchorEnds = anchorEnds;
    this.windows = new Array<readonly Window[] | undefined>(ANCHOR_GROUPS.members.length);
    this.starts = starts;
    this.sorted = new Array<boolean>(START_RULES.length).fill(false);
    this.cut = cut;
  }

  /** Whether REVERSE_CUE matches the text: tried where its literals begin (with `\b` there, if asserted). */
  saysReversed(): boolean {
    for (const at of this.starts[REVERSE_CUE_STARTS] ?? NONE) {
      REVERSE_CUE_STICKY.lastIndex = at;
      if (REVERSE_CUE_STICKY.test(this.text)) return true;
    }
    return false;
  }

  /** Whether rule `i` (of ORDERED) can match: an anchor of it occurs, or it has none, and its required part does. */
  gated(i: number): boolean {
    return this.runs[i] === 1;
  }

  /** The matches of rule `i` (of ORDERED), or only the first one. */
  matches(i: number, firstOnly: boolean): Matches {
    const plan = PLANS[i] as Plan;
    const group = plan.starts;
    const places = group < 0 ? null : (this.starts[group] ?? null);
    // Nowhere to try: no start literal, no `^`, no start literal that a window cut could put after a `\b`.
    if (group >= 0 && places === null && !plan.atStart && this.cut[group] !== true) return NONE;
    const windows = this.windowsOf(plan.anchors);
    if (group < 0) {
      const out: number[] = [];
      for (const window of windows) if (scanWindow((ORDERED[i] as InjectionRule).pattern, window, out, firstOnly)) break;
      return out;
    }
    if (places !== null && this.sorted[group] !== true) {
      places.sort((a, b) => a - b);
      this.sorted[group] = true;
    }
    return matchAtPlaces(plan.sticky, this.text, windows, places ?? NONE, plan.atStart, this.cut[group] === true, firstOnly);
  }

  /** The windows of an anchor group (the whole text for -1), computed once per text. */
  private windowsOf(group: number): readonly Window[] {
    const text = this.text;
    if (group < 0) return [{ from: 0, to: text.length, slice: text }];
    let windows = this.windows[group];
    if (windows === undefined) {
      windows = windowsAround(text, this.anchorEnds[group] as number[]).map(([from, to]) => ({
        from,
        to,
        slice: from === 0 && to === text.length ? text : text.slice(from, to),
      }));
      this.windows[group] = windows;
    }
    return windows;
  }
}

/**
 * The matches a global regex finds in each window's slice, found by trying `sticky` (the same regex, sticky) at
 * `places` only (ascending): where a match can begin, with `\b` there if asserted, read in the whole text. In a
 * slice, `^` also holds at its first position (`atStart`: the regex may begin with it), and so does `\b` before
 * a word the window's start cuts in two (`cut`: a place was dropped for want of `\b` in the whole text).
 */
export function matchAtPlaces(sticky: RegExp, text: string, windows: readonly Window[], places: readonly number[], atStart: boolean, cut: boolean, firstOnly: boolean): number[] {
  const out: number[] = [];
  let k = 0;
  for (const { from, to, slice } of windows) {
    while (k < places.length && (places[k] as number) < from) k++;
    // Positions inside the previous match are skipped, as the global scan does.
    let next = from;
    if (atStart || (cut && from > 0 && isWord(text.charCodeAt(from - 1)) && isWord(text.charCodeAt(from)))) {
      const end = matchAt(sticky, slice, from, from);
      if (end > from) {
        out.push(from, end - from);
        if (firstOnly) return out;
        next = end;
      }
    }
    for (; k < places.length && (places[k] as number) < to; k++) {
      const at = places[k] as number;
      if (at < next || (k > 0 && places[k - 1] === at)) continue;
      const end = matchAt(sticky, slice, from, at);
      // An empty match is skipped, as the global scan does.
      if (end <= at) continue;
      out.push(at, end - at);
      if (firstOnly) return out;
      next = end;
    }
  }
  return out;
}

/** Where the match of `sticky` at `at` (in the text) ends in the text, in the slice that starts at `from`; -1: none. */
function matchAt(sticky: RegExp, slice: string, from: number, at: number): number {
  sticky.lastIndex = at - from;
  return sticky.test(slice) ? from + sticky.lastIndex : -1;
}

/** The windows around the anchors ending at `ends`, merged where they overlap. */
function windowsAround(text: string, ends: readonly number[]): [number, number][] {
  const windows: [number, number][] = [];
  for (const end of ends) {
    let from = Math.max(0, end - REACH);
    // Start on a word boundary, looking back a little only: a long run without spaces must not cost a scan each.
    for (let k = 0; k < 40 && from > 0 && text.charCodeAt(from - 1) > 0x20; k++) from--;
    const to = Math.min(text.length, end + REACH);
    const last = windows.at(-1);
    if (last && from <= last[1]) last[1] = to;
    else windows.push([from, to]);
  }
  return windows;
}

/** Every position of one window, for a rule without start literals; true when it stopped at a first match. */
function scanWindow(pattern: RegExp, { from, slice }: Window, out: number[], firstOnly: boolean): boolean {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(slice); m !== null; m = pattern.exec(slice)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    out.push(from + m.index, m[0].length);
    if (firstOnly) return true;
  }
  return false;
}
