/**
 * Runs the provider table (providers.ts, tokens.ts) as one detector; each finding keeps its row's id
 * (`secret.openai`, `secret.github`). Rows run where their literal occurs, and only near a candidate token from
 * scan.ts, so a prompt of prose with no long token costs nothing here: each long token is read once for literals
 * (literal-index.ts), and a row's regex then runs on the token's surroundings alone. Rows without a literal run
 * where one of their `near` words stands by a token of their shape. Rows with `scope: 'text'` are for keys that
 * may contain no anchor character and run on the whole text when one of their literals occurs. Also answers "does
 * any row recognise this value?" for the entropy detector, which reports only what no row claims.
 */
import { hasContextNear } from '../context.ts';
import type { Detector, EntityType, RawFinding } from '../types.ts';
import { literalIndex } from './literal-index.ts';
import { API_KEY_RULES, type ProviderRule } from './providers.ts';
import { scanText, type Span } from './scan.ts';
import { finding, looksRandom } from './shared.ts';
import { ACCESS_TOKEN_RULES } from './tokens.ts';

export const PROVIDER_RULES: readonly ProviderRule[] = [...API_KEY_RULES, ...ACCESS_TOKEN_RULES];

/** How far before and after a token its literal or context word may stand ("Bearer ", "hooks.slack.com/…"). */
const BEFORE = 80;
const AFTER = 40;

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const TOKEN_RULES = PROVIDER_RULES.filter((rule) => rule.scope !== 'text');
const TOKEN_LITERALS = literalIndex(TOKEN_RULES.flatMap((rule) => rule.literals ?? []));
const ALL_LITERALS = literalIndex(PROVIDER_RULES.flatMap((rule) => rule.literals ?? []));
/** Rows to try when a literal is seen: its own, and those of every literal it contains ("sk-ant-" ⊃ "sk-"). */
const RULES_FOR = new Map<string, ProviderRule[]>(
  [...new Set(TOKEN_RULES.flatMap((rule) => rule.literals ?? []))].map((seen) => [
    seen,
    TOKEN_RULES.filter((rule) => rule.literals?.some((l) => seen.includes(l))),
  ]),
);
const NEAR_RULES = TOKEN_RULES.filter((rule) => rule.near !== undefined);
/** Every `near` word in one search: a window without any spares the rows' shape tests (about 1 µs a token). */
const ANY_NEAR_WORD = new RegExp(NEAR_RULES.flatMap((rule) => rule.near ?? []).map(escapeRegExp).join('|'));
/** The shortest token a `near` row's shape can match (`/[A-Za-z0-9]{32}/` → 32; any other shape → 0). */
const MIN_SHAPE = Math.min(
  ...NEAR_RULES.map((rule) => Number(/^\[[^\]]+\]\{(\d+)\}$/.exec(rule.shape?.source ?? '')?.[1] ?? 0)),
);

interface Candidate {
  readonly token: Span;
  readonly windowStart: number;
  readonly window: string;
  readonly rules: ReadonlySet<ProviderRule>;
}

/** The rows worth running on `token` by a literal inside it (leftmost, longest, not overlapping), or null. */
function literalRules(text: string, token: Span): Set<ProviderRule> | null {
  let rules: Set<ProviderRule> | null = null;
  TOKEN_LITERALS.eachIn(text, token.start, token.end, (literal) => {
    rules ??= new Set();
    for (const rule of RULES_FOR.get(literal) ?? []) rules.add(rule);
  });
  return rules;
}

/** Adds the `near` rows whose word stands in `window` and whose shape `token` has. */
function addNearRules(text: string, token: Span, window: string, rules: Set<ProviderRule>): void {
  const inside = text.slice(token.start, token.end);
  for (const rule of NEAR_RULES) {
    if (rule.shape && !rule.shape.test(inside)) continue;
    if (rule.near?.some((word) => window.includes(word))) rules.add(rule);
  }
}

// UUIDs and ISO timestamps fill JSON payloads; no provider's key has either shape.
const NOT_A_KEY = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d\d-\d\dT[\d:.]+Z?)[.,:]?$/i;

/** NOT_A_KEY, tested only on what could match it: a UUID's length, or a date's `-` after four digits. */
function isNotAKey(text: string, token: Span): boolean {
  const length = token.end - token.start;
  if (length !== 36 && length !== 37 && text.charCodeAt(token.start + 4) !== 45) return false;
  return NOT_A_KEY.test(text.slice(token.start, token.end));
}

/**
 * Long tokens with the rows to run on each, in text order. The window around a token is cut only for a token
 * that has rows, or is long enough for a `near` row's shape.
 */
function candidates(text: string): Candidate[] {
  const list: Candidate[] = [];
  for (const token of scanText(text).longTokens) {
    if (isNotAKey(text, token)) continue;
    let rules = literalRules(text, token);
    if (rules === null && token.end - token.start < MIN_SHAPE) continue;
    const windowStart = Math.max(0, token.start - BEFORE);
    const window = text.slice(windowStart, Math.min(text.length, token.end + AFTER));
    if (token.end - token.start >= MIN_SHAPE && ANY_NEAR_WORD.test(window)) {
      addNearRules(text, token, window, (rules ??= new Set()));
    }
    if (rules !== null && rules.size > 0) list.push({ token, windowStart, window, rules });
  }
  return list;
}

/** Spans of `rule` in `source` (offsets shifted by `offset`) that overlap `within`, checked. */
function matches(rule: ProviderRule, source: string, offset: number, within: Span | null, text: string): Span[] {
  const out: Span[] = [];
  const pattern = rule.pattern;
  const check = rule.check ?? looksRandom;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(source); m !== null; m = pattern.exec(source)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const [s, e] = m.indices?.[1] ?? [m.index, m.index + m[0].length];
    const start = s + offset;
    const end = e + offset;
    if (end <= start || (within !== null && (end <= within.start || start >= within.end))) continue;
    if (!check(text.slice(start, end))) continue;
    if (rule.context && !hasContextNear(text, start, end, rule.context, rule.window ?? 60, true)) continue;
    out.push({ start, end });
  }
  return out;
}

const TEXT_RULES = PROVIDER_RULES.filter((rule) => rule.scope === 'text');
/** Every literal of the whole-text rows, in one search: most prompts have none and skip them all. */
const ANY_TEXT_LITERAL = new RegExp(TEXT_RULES.flatMap((rule) => rule.literals ?? []).map(escapeRegExp).join('|'));

function textRuleFindings(rule: ProviderRule, text: string): Span[] {
  return rule.literals?.some((literal) => text.includes(literal)) ? matches(rule, text, 0, null, text) : [];
}

/** The rows sharing one id, as one unit of reporting: a key two rows (or two windows) find is reported once. */
interface Group {
  readonly rules: readonly ProviderRule[];
  readonly hasTextRule: boolean;
}

const GROUPS: readonly Group[] = [...new Set(PROVIDER_RULES.map((rule) => rule.id))].map((id) => {
  const rules = PROVIDER_RULES.filter((rule) => rule.id === id);
  return { rules, hasTextRule: rules.some((rule) => rule.scope === 'text') };
});
const GROUP_OF = new Map<ProviderRule, Group>(
  GROUPS.flatMap((group) => group.rules.map((rule) => [rule, group] as const)),
);

function detectGroup(
  group: Group,
  text: string,
  list: readonly Candidate[],
  withText: boolean,
  out: RawFinding[],
): void {
  const spans: [ProviderRule, Span][] = [];
  for (const rule of group.rules) {
    if (withText && rule.scope === 'text') for (const span of textRuleFindings(rule, text)) spans.push([rule, span]);
  }
  for (const candidate of list) {
    for (const rule of group.rules) {
      if (!candidate.rules.has(rule)) continue;
      const found = matches(rule, candidate.window, candidate.windowStart, candidate.token, text);
      for (const span of found) spans.push([rule, span]);
    }
  }
  const seen = new Set<string>();
  for (const [rule, { start, end }] of spans) {
    if (seen.has(`${start}:${end}`)) continue;
    seen.add(`${start}:${end}`);
    out.push(finding(rule.type, start, end, rule.score, `secret.${rule.id}`));
  }
}

/**
 * The whole provider table as one detector: findings keep their row's id (`secret.openai`, `secret.github`),
 * grouped by id in table order. Only the groups some candidate asks for, or whose whole-text literal occurs, run.
 */
export const providerDetector: Detector = {
  id: 'secret.provider',
  types: [...new Set<EntityType>(PROVIDER_RULES.map((rule) => rule.type))],
  detect(text: string): RawFinding[] {
    const out: RawFinding[] = [];
    const list = candidates(text);
    const withText = ANY_TEXT_LITERAL.test(text);
    if (list.length === 0 && !withText) return out;
    const wanted = new Set<Group | undefined>();
    for (const candidate of list) for (const rule of candidate.rules) wanted.add(GROUP_OF.get(rule));
    for (const group of GROUPS) {
      if ((withText && group.hasTextRule) || wanted.has(group)) detectGroup(group, text, list, withText, out);
    }
    return out;
  },
};

/**
 * True when a row without context words claims (nearly) all of `value`; context rows are left out because the
 * value alone cannot satisfy them.
 */
export function matchesProviderRule(value: string): boolean {
  const present = ALL_LITERALS.allIn(value);
  if (present.size === 0) return false;
  for (const rule of PROVIDER_RULES) {
    if (rule.context || !rule.literals?.some((literal) => present.has(literal))) continue;
    if (matches(rule, value, 0, null, value).some((span) => span.end - span.start >= value.length - 2)) return true;
  }
  return false;
}
