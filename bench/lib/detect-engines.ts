/**
 * The three engines behind one small interface, so the benchmark times and scores them the same way. `run` is
 * what is timed: the library's own call on one text and nothing of ours (deriving spans is not the library's
 * cost). `spans` calls it again, untimed, and turns its answer into spans for scoring. Every engine is imported
 * lazily, so `--only X` loads and pays the start-up of X alone. Each peer is set up the way its
 * documentation offers for fast local use, with everything that would reach the network or the disk turned off.
 */
import { alignRedaction } from './detect-align.ts';
import type { BusinessRulesFile } from './detect-corpus.ts';
import type { Span } from './detect-quality.ts';

export const ENGINE_NAMES = ['airlock', 'redact-pii', 'openredaction'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export interface Engine {
  readonly name: EngineName;
  /** How the engine is called, for the report. */
  readonly how: string;
  /** The timed call. A promise only for libraries whose API is asynchronous. */
  run(text: string): void | Promise<void>;
  /** Spans for scoring (untimed), or null when they cannot be derived from the library's answer. */
  spans(text: string): Promise<Span[] | null>;
}

/** Airlock's engine as the gateway builds it, with the corpus's business rules as a tenant's policy. */
async function airlock(rules: BusinessRulesFile): Promise<Engine> {
  const { createDetectionEngine } = await import('../../src/detect/engine.ts');
  const engine = createDetectionEngine({ business: rules });
  return {
    name: 'airlock',
    how: 'createDetectionEngine({ business: rules from the corpus rules file }).detect(text): spans with UTF-16 offsets',
    run(text) {
      engine.detect(text);
    },
    spans(text) {
      return Promise.resolve(engine.detect(text).map(({ type, start, end }) => ({ type, start, end })));
    },
  };
}

/**
 * redact-pii 3.x's default replacement tokens: each built-in regex redactor's name in SCREAMING_SNAKE_CASE, and
 * PERSON_NAME for the name redactor. The token becomes the span's type.
 */
const REDACT_PII_TOKENS = [
  'CREDIT_CARD_NUMBER',
  'STREET_ADDRESS',
  'ZIPCODE',
  'PHONE_NUMBER',
  'IP_ADDRESS',
  'US_SOCIAL_SECURITY_NUMBER',
  'EMAIL_ADDRESS',
  'USERNAME',
  'PASSWORD',
  'CREDENTIALS',
  'DIGITS',
  'URL',
  'PERSON_NAME',
];

/**
 * redact-pii: SyncRedactor with its defaults, i.e. the built-in regex redactors and the name redactor; Google DLP
 * is a separate redactor that is never constructed. It returns only the redacted text, so spans come from
 * aligning that text to the original (detect-align.ts).
 */
async function redactPii(): Promise<Engine> {
  const { SyncRedactor } = await import('redact-pii');
  const redactor = new SyncRedactor();
  return {
    name: 'redact-pii',
    how: 'new SyncRedactor().redact(text) (built-in regex + name redactors, no DLP); spans by aligning its output to the input',
    run(text) {
      redactor.redact(text);
    },
    spans(text) {
      const aligned = alignRedaction(text, redactor.redact(text), REDACT_PII_TOKENS);
      return Promise.resolve(aligned?.map((s) => ({ type: s.tokens[0] as string, start: s.start, end: s.end })) ?? null);
    },
  };
}

/** The slice of openredaction's API used here, common to its full and lite classes. */
interface OpenRedactionDetector {
  detect(text: string): Promise<{ detections: ReadonlyArray<{ type: string; position: [number, number] }> }>;
}

/**
 * openredaction: `detect()` is the only call that returns positions ([start, end) in UTF-16, next to a
 * redacted text we ignore). Its core package's `lite` entry runs the same pattern engine without learning,
 * NER, context rules, audit, metrics or RBAC and is the fastest way to call it; the full class is the fallback
 * when that entry is not installed. Learning is off either way (it reads and writes .openredaction/ in the
 * working directory) and so is the result cache, which would time repeated texts as lookups.
 */
async function openRedaction(): Promise<Engine> {
  let detector: OpenRedactionDetector;
  let how: string;
  try {
    const { LiteOpenRedaction } = await import('@openredaction/core/lite');
    detector = new LiteOpenRedaction({ enableCache: false });
    how = 'new LiteOpenRedaction({ enableCache: false }).detect(text) (@openredaction/core/lite): detections with positions';
  } catch {
    const { OpenRedaction } = await import('openredaction');
    detector = new OpenRedaction({ enableCache: false, enableLearning: false });
    how = 'new OpenRedaction({ enableCache: false, enableLearning: false }).detect(text): detections with positions';
  }
  return {
    name: 'openredaction',
    how,
    async run(text) {
      await detector.detect(text);
    },
    async spans(text) {
      const { detections } = await detector.detect(text);
      return detections.map((d) => ({ type: d.type, start: d.position[0], end: d.position[1] }));
    },
  };
}

export async function createEngine(name: EngineName, rules: BusinessRulesFile): Promise<Engine> {
  switch (name) {
    case 'airlock':
      return airlock(rules);
    case 'redact-pii':
      return redactPii();
    case 'openredaction':
      return openRedaction();
  }
}
