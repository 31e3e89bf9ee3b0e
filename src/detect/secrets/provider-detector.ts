/**
 * Runs the provider table (providers.ts, tokens.ts): rows sharing an id become one detector `secret.<id>`. Rows
 * run where their literal occurs, and only near a candidate token from scan.ts, so a prompt of prose with no
 * long token costs nothing here. Per prompt, one combined search for all literals runs over each long token and
 * its surroundings (memoised, shared by every provider detector); a row's regex then runs on that window alone.
 * Rows with `scope: 'text'` are for keys that may contain no anchor character and are gated on the whole text.
 * Also answers "does any row recognise this value?" for the entropy detector, which reports only what no row
 * claims.
 */
import { hasContextNear } from '../context.ts';
import type { Detector, EntityType, RawFinding } from '../types.ts';
import { API_KEY_RULES, type ProviderRule } from './providers.ts';
import { scanText, type Span } from './scan.ts';
import { finding, looksRandom } from './shared.ts';
import { ACCESS_TOKEN_RULES } from './tokens.ts';

export const PROVIDER_RULES: readonly ProviderRule[] = [...API_KEY_RULES, ...ACCESS_TOKEN_RULES];

/** How far before and after a token its literal or context word may stand ("Bearer ", "hooks.slack.com/…"). */
const BEFORE = 80;
const AFTER = 40;

const TOKEN_RULES = PROVIDER_RULES.filter((rule) => rule.scope !== 'text');
const LITERALS = [...new Set(TOKEN_RULES.flatMap((rule) => rule.literals ?? []))].sort((a, b) => b.length - a.length);
const ANY_LITERAL = new RegExp(LITERALS.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
/** Rows to try when a literal is seen: its own, and those of every literal it contains ("sk-ant-" ⊃ "sk-"). */
const RULES_FOR = new Map<string, ProviderRule[]>(
  LITERALS.map((seen) => [seen, TOKEN_RULES.filter((rule) => rule.literals?.some((l) => seen.includes(l)))]),
);
const NEAR_RULES = TOKEN_RULES.filter((rule) => rule.near !== undefined);

interface Candidate {
  readonly token: Span;
  readonly windowStart: number;
  readonly window: string;
  readonly rules: ReadonlySet<ProviderRule>;
}

interface Candidates {
  readonly list: readonly Candidate[];
  /** Every row some candidate asks for: a detector none of whose rows is here has nothing to do. */
  readonly wanted: ReadonlySet<ProviderRule>;
}

let lastText: string | undefined;
let lastCandidates: Candidates = { list: [], wanted: new Set() };

/** The rows worth running on `token`: by a literal inside it, or a word next to it. */
function rulesFor(text: string, token: Span, window: string): Set<ProviderRule> {
  const rules = new Set<ProviderRule>();
  const inside = text.slice(token.start, token.end);
  ANY_LITERAL.lastIndex = 0;
  for (let m = ANY_LITERAL.exec(inside); m !== null; m = ANY_LITERAL.exec(inside)) {
    for (const rule of RULES_FOR.get(m[0]) ?? []) rules.add(rule);
  }
  for (const rule of NEAR_RULES) {
    if (rule.shape && !rule.shape.test(inside)) continue;
    if (rule.near?.some((word) => window.includes(word))) rules.add(rule);
  }
  return rules;
}

// UUIDs and ISO timestamps fill JSON payloads; no provider's key has either shape.
const NOT_A_KEY = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d\d-\d\dT[\d:.]+Z?)[.,:]?$/i;

function candidates(text: string): Candidates {
  if (lastText === text) return lastCandidates;
  const list: Candidate[] = [];
  const wanted = new Set<ProviderRule>();
  for (const token of scanText(text).longTokens) {
    if (NOT_A_KEY.test(text.slice(token.start, token.end))) continue;
    const windowStart = Math.max(0, token.start - BEFORE);
    const window = text.slice(windowStart, Math.min(text.length, token.end + AFTER));
    const rules = rulesFor(text, token, window);
    if (rules.size === 0) continue;
    list.push({ token, windowStart, window, rules });
    for (const rule of rules) wanted.add(rule);
  }
  lastText = text;
  lastCandidates = { list, wanted };
  return lastCandidates;
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

function textRuleFindings(rule: ProviderRule, text: string): Span[] {
  return rule.literals?.some((literal) => text.includes(literal)) ? matches(rule, text, 0, null, text) : [];
}

function detectGroup(group: readonly ProviderRule[], text: string): RawFinding[] {
  const spans: [ProviderRule, Span][] = [];
  for (const rule of group) {
    if (rule.scope === 'text') for (const span of textRuleFindings(rule, text)) spans.push([rule, span]);
  }
  const { list, wanted } = candidates(text);
  if (group.some((rule) => wanted.has(rule))) {
    for (const candidate of list) {
      for (const rule of group) {
        if (!candidate.rules.has(rule)) continue;
        const found = matches(rule, candidate.window, candidate.windowStart, candidate.token, text);
        for (const span of found) spans.push([rule, span]);
      }
    }
  }
  // Two rows of one provider, or two tokens' windows, can find the same key: report it once.
  const seen = new Set<string>();
  const out: RawFinding[] = [];
  for (const [rule, { start, end }] of spans) {
    if (seen.has(`${start}:${end}`)) continue;
    seen.add(`${start}:${end}`);
    out.push(finding(rule.type, start, end, rule.score, `secret.${rule.id}`));
  }
  return out;
}

/** One detector per distinct rule id, in table order. */
export function providerDetectors(): Detector[] {
  const byId = new Map<string, ProviderRule[]>();
  for (const rule of PROVIDER_RULES) byId.set(rule.id, [...(byId.get(rule.id) ?? []), rule]);
  return [...byId].map(([id, group]) => ({
    id: `secret.${id}`,
    types: [...new Set<EntityType>(group.map((rule) => rule.type))],
    detect: (text: string): RawFinding[] => detectGroup(group, text),
  }));
}

/**
 * True when a row without context words claims (nearly) all of `value`; context rows are left out because the
 * value alone cannot satisfy them.
 */
export function matchesProviderRule(value: string): boolean {
  for (const rule of PROVIDER_RULES) {
    if (rule.context || !rule.literals?.some((literal) => value.includes(literal))) continue;
    if (matches(rule, value, 0, null, value).some((span) => span.end - span.start >= value.length - 2)) return true;
  }
  return false;
}
