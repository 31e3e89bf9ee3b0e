/**
 * The detection engine: normalises a text once, runs every registered detector over the folded copy, maps each
 * span back to the caller's original UTF-16 offsets and resolves overlaps deterministically. Any detector
 * failure or out-of-bounds span is an error, never a silent pass: the caller blocks the request (fail closed).
 */
import { AirlockError } from '../errors.ts';
import { createBusinessDetectors, ruleLevel, ruleText, type BusinessRules } from './business/index.ts';
import { canonicalFieldName } from './business/json-fields.ts';
import { normalizeText } from './normalize.ts';
import { BUILT_IN_DETECTORS } from './registry.ts';
import { LEVELS, maxLevel, type EntityType, type Finding, type Level } from '../entities.ts';
import { groupOf, type Detector, type EntityGroup, type RawFinding } from './types.ts';

export type { Finding } from '../entities.ts';

export interface DetectionEngine {
  detect(text: string): Finding[];
  /** True when a JSON field of this name holds business-confidential values (the tenant's `jsonFields`). */
  isSensitiveField(name: string): boolean;
  /** The level a sensitive field's rule fixes, if it has one of its own. */
  sensitiveFieldLevel(name: string): Level | undefined;
  /**
   * An engine that runs only the detectors able to find one of these types (the reply guard looks for a few
   * types, and skipping the name and address scans makes it several times cheaper).
   */
  restrictedTo(types: ReadonlySet<EntityType>): DetectionEngine;
}

export interface DetectionEngineOptions {
  readonly business?: BusinessRules;
  /** Replaces the built-in detectors (tests and tools); business detectors are added either way. */
  readonly detectors?: readonly Detector[];
}

export function createDetectionEngine(options: DetectionEngineOptions = {}): DetectionEngine {
  const detectors = [...(options.detectors ?? BUILT_IN_DETECTORS), ...createBusinessDetectors(options.business ?? {})];
  return engineOver(detectors, fieldLevels(options.business?.jsonFields ?? []));
}

function engineOver(detectors: readonly Detector[], sensitiveFields: ReadonlyMap<string, Level | undefined>): DetectionEngine {
  // Restricted engines are asked for per request with the same type sets (a policy's, a module's constant):
  // each is built once per set.
  const restricted = new WeakMap<ReadonlySet<EntityType>, DetectionEngine>();
  return {
    isSensitiveField: (name) => sensitiveFields.size > 0 && sensitiveFields.has(canonicalFieldName(name)),
    sensitiveFieldLevel: (name) => sensitiveFields.get(canonicalFieldName(name)),
    restrictedTo(types) {
      let engine = restricted.get(types);
      if (!engine) restricted.set(types, (engine = engineOver(detectors.filter((d) => d.types.some((t) => types.has(t))), sensitiveFields)));
      return engine;
    },
    detect(text) {
      if (text.length === 0) return [];
      const normalized = normalizeText(text);
      const raw: RawFinding[] = [];
      for (const detector of detectors) {
        for (const finding of runDetector(detector, normalized.text)) {
          const [start, end] = normalized.toOriginal(finding.start, finding.end);
          raw.push({ ...finding, start, end });
        }
      }
      return resolveOverlaps(raw);
    },
  };
}

/** Canonical field name → the highest level its rules fix (undefined: classified by type). */
function fieldLevels(rules: NonNullable<BusinessRules['jsonFields']>): Map<string, Level | undefined> {
  const levels = new Map<string, Level | undefined>();
  for (const rule of rules) {
    const name = canonicalFieldName(ruleText(rule));
    const level = ruleLevel(rule);
    const known = levels.get(name);
    levels.set(name, known === undefined ? level : level === undefined ? known : maxLevel(known, level));
  }
  return levels;
}

function runDetector(detector: Detector, text: string): RawFinding[] {
  let found: RawFinding[];
  try {
    found = detector.detect(text);
  } catch (cause) {
    throw new AirlockError('AIRLOCK_INSPECT_FAILED', { cause });
  }
  for (const finding of found) {
    if (!(finding.start >= 0 && finding.start < finding.end && finding.end <= text.length)) {
      throw new AirlockError('AIRLOCK_INSPECT_FAILED');
    }
  }
  return found;
}

// When two findings claim the same characters and score alike, the more damaging kind of leak wins.
const GROUP_RANK: Record<EntityGroup, number> = { SECRET: 0, NATIONAL_ID: 1, PII: 2, BUSINESS: 3 };

function compareClaims(a: RawFinding, b: RawFinding): number {
  return (
    b.score - a.score ||
    b.end - b.start - (a.end - a.start) ||
    GROUP_RANK[groupOf(a.type)] - GROUP_RANK[groupOf(b.type)] ||
    a.start - b.start ||
    levelRank(b) - levelRank(a) ||
    compareText(a.detector, b.detector) ||
    compareText(a.type, b.type)
  );
}

/** Of two equal claims, the one a rule classified higher wins: a conflict between rules never lowers a level. */
function levelRank(finding: RawFinding): number {
  return finding.level === undefined ? -1 : LEVELS.indexOf(finding.level);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Greedy by claim strength (score, then length, then kind, then position, then level, detector id and type), so the result
 * does not depend on detector order. Findings are few per text, so the quadratic overlap check is cheaper than
 * an interval tree.
 */
export function resolveOverlaps(findings: readonly RawFinding[]): Finding[] {
  if (findings.length <= 1) return [...findings];
  const accepted: RawFinding[] = [];
  for (const candidate of [...findings].sort(compareClaims)) {
    if (accepted.every((kept) => candidate.end <= kept.start || candidate.start >= kept.end)) accepted.push(candidate);
  }
  return accepted.sort((a, b) => a.start - b.start);
}
