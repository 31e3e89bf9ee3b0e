/**
 * What the gate (gate.ts) knows of each rule, worked out once, at load, from the rule's pattern (starts.ts and
 * anchors.ts): its anchors, the part every match contains if that part is worth checking first, where its
 * matches can begin, and one literal index over all of them; rules with the same anchors or the same start
 * literals share a group, so that a text's occurrences are sorted once per group, not once per rule.
 */
import { createLiteralIndex, leadingLiterals } from './anchors.ts';
import { REVERSE_CUE } from './prepare.ts';
import { INJECTION_RULES, type InjectionRule } from './rules.ts';
import { requiredPart, startRate, startSet, type StartSet } from './starts.ts';

/** Rules that count only next to another category run last, so they can be skipped when it did not fire. */
export const ORDERED: readonly InjectionRule[] = [...INJECTION_RULES.filter((r) => !r.onlyWith), ...INJECTION_RULES.filter((r) => r.onlyWith)];

/** A required part is checked when its literals are at least this much rarer than the rule's start literals. */
const REQUIRED_GAIN = 4;
/**
 * A rule whose start literals are this common (per 4 KB, by starts.ts's model) and that has a required part to
 * check is scanned when it runs: it seldom runs, and its literals would flood the index with occurrences.
 */
const COMMON_STARTS = 16 / 4096;

export interface Plan {
  /** Its anchor group (rules with the same anchors share their windows); -1: it always runs, on the whole text. */
  readonly anchors: number;
  /** Its required part's sticky regex; null: none worth checking. */
  readonly required: RegExp | null;
  /** Its start group (rules with the same start literals share their places); -1: it is scanned in its windows. */
  readonly starts: number;
  /** Some match may begin with `^`: at a window's start. */
  readonly atStart: boolean;
  readonly sticky: RegExp;
}

/** Identical values (by `key`) share one index. */
class Groups<T> {
  readonly members: T[] = [];
  private readonly byKey = new Map<string, number>();

  add(value: T, key: string): number {
    let group = this.byKey.get(key);
    if (group === undefined) {
      group = this.members.push(value) - 1;
      this.byKey.set(key, group);
    }
    return group;
  }
}

export const ANCHOR_GROUPS = new Groups<readonly string[]>();
const START_GROUPS = new Groups<StartSet>();
/** Per rule, the required part's literals. */
const REQUIRED_LITERALS: (readonly string[])[] = [];

export const PLANS: readonly Plan[] = ORDERED.map((rule) => {
  // What is read from the source holds for a regex with no flag but `g` (rule.ts makes them so).
  if (rule.pattern.flags !== 'g') throw new Error(`injection rule ${rule.id}: flags ${rule.pattern.flags}, expected g`);
  const starts = startSet(rule.pattern.source);
  const rate = starts === null ? Infinity : startRate(starts);
  const part = requiredPart(rule.pattern.source);
  const required = part !== null && part.rate * REQUIRED_GAIN < rate ? part : null;
  REQUIRED_LITERALS.push(required?.literals ?? []);
  const anchors = leadingLiterals(rule.anchor ?? rule.pattern.source);
  const placed = required !== null && rate > COMMON_STARTS ? null : starts;
  return {
    anchors: anchors === null ? -1 : ANCHOR_GROUPS.add(anchors, [...new Set(anchors)].sort().join('\u0000')),
    required: required === null ? null : new RegExp(required.source, 'y'),
    starts: placed === null ? -1 : START_GROUPS.add(placed, placed.entries.map((e) => `${e.literal}\u0001${e.boundary}`).sort().join('\u0000')),
    atStart: placed?.atStart ?? false,
    sticky: new RegExp(rule.pattern.source, 'y'),
  };
});
/**
 * Whether the plain text says it is reversed (prepare.ts) is a literal question too: asked of the same scan, it
 * costs next to nothing, where the regex over the whole text took ~14 µs per 4 KB (measured).
 */
export const REVERSE_CUE_STARTS = (() => {
  const set = startSet(REVERSE_CUE.source);
  if (set === null || set.atStart) throw new Error('injection gate: REVERSE_CUE must begin with literals');
  return START_GROUPS.add(set, `cue\u0000${REVERSE_CUE.source}`);
})();
export const REVERSE_CUE_STICKY = new RegExp(REVERSE_CUE.source, 'y');
/** Per start group, its rules; a cue's group has none but is always looked for. */
export const START_RULES: number[][] = START_GROUPS.members.map(() => []);
PLANS.forEach((plan, rule) => {
  if (plan.starts >= 0) (START_RULES[plan.starts] as number[]).push(rule);
});

/**
 * The literal index, and what its literals mean, flattened per literal id (the hit loop reads them for every
 * occurrence): the anchor groups each literal belongs to, the rules whose required part it may begin (with its
 * length), and the start groups it may start (with its length, and whether `\b` must hold before it).
 */
export const { INDEX, ANCHOR_FIRST, ANCHOR_GROUP, REQUIRED_FIRST, REQUIRED_RULE, REQUIRED_LENGTH, START_FIRST, START_GROUP, START_LENGTH, START_BOUNDARY } = (() => {
  const literals: string[] = [];
  const anchors: number[][] = [];
  const required: [rule: number, length: number][][] = [];
  const starts: [group: number, length: number, boundary: boolean][][] = [];
  const idOf = new Map<string, number>();
  const id = (literal: string): number => {
    let found = idOf.get(literal);
    if (found === undefined) {
      found = literals.push(literal) - 1;
      idOf.set(literal, found);
      anchors.push([]);
      required.push([]);
      starts.push([]);
    }
    return found;
  };
  ANCHOR_GROUPS.members.forEach((group, g) => {
    for (const anchor of group) {
      const groups = anchors[id(anchor)] as number[];
      if (!groups.includes(g)) groups.push(g);
    }
  });
  REQUIRED_LITERALS.forEach((list, rule) => {
    for (const literal of list) (required[id(literal)] as [number, number][]).push([rule, literal.length]);
  });
  START_GROUPS.members.forEach((set, g) => {
    for (const { literal, boundary } of set.entries) (starts[id(literal)] as [number, number, boolean][]).push([g, literal.length, boundary]);
  });
  const offsets = (lists: readonly unknown[][]): Int32Array => {
    const first = new Int32Array(lists.length + 1);
    lists.forEach((list, i) => (first[i + 1] = (first[i] as number) + list.length));
    return first;
  };
  const flatRequired = required.flat();
  const flatStarts = starts.flat();
  return {
    INDEX: createLiteralIndex(literals),
    ANCHOR_FIRST: offsets(anchors),
    ANCHOR_GROUP: Int32Array.from(anchors.flat()),
    REQUIRED_FIRST: offsets(required),
    REQUIRED_RULE: Int32Array.from(flatRequired, ([rule]) => rule),
    REQUIRED_LENGTH: Int32Array.from(flatRequired, ([, length]) => length),
    START_FIRST: offsets(starts),
    START_GROUP: Int32Array.from(flatStarts, ([group]) => group),
    START_LENGTH: Int32Array.from(flatStarts, ([, length]) => length),
    START_BOUNDARY: Uint8Array.from(flatStarts, ([, , boundary]) => (boundary ? 1 : 0)),
  };
})();

/**
 * V8 compiles a regex on its first use, for one-byte and two-byte text apart, and again to native code on its
 * second: for the large rule regexes that is milliseconds each. A rule runs only on the texts that gate it in,
 * so its first use could come at any request: the benchmark's p99 was 4–9 ms (against a p50 of ~0.4) from
 * compiling rules first met mid-run (measured). Every regex is compiled here, once, at load (~0.1 s).
 */
function compileNow(regex: RegExp): void {
  for (const text of ['ignore all previous instructions: ai', 'ignore all previous instructions: ai \u20ac']) {
    for (let i = 0; i < 2; i++) {
      regex.lastIndex = 0;
      regex.test(text);
    }
  }
  regex.lastIndex = 0;
}
PLANS.forEach((plan, rule) => {
  compileNow(plan.sticky);
  if (plan.required !== null) compileNow(plan.required);
  if (plan.starts < 0) compileNow((ORDERED[rule] as InjectionRule).pattern);
});
compileNow(REVERSE_CUE_STICKY);

