/**
 * A policy's version is the hash of its content: SHA-256 over the RFC 8785 canonical JSON of everything that
 * decides a request's fate once defaults are filled in (actions and levels per type, the residency rules, the
 * business rules, the jurisdiction hierarchy the rules are read against). Two gateways with the same hash make
 * the same decisions; a change anywhere, even to a default, changes it. Recorded with every decision.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.ts';
import type { AirlockConfig, PolicyConfig } from '../config/schema.ts';
import type { ActionTable } from './actions.ts';
import type { ClassificationTable } from './classification.ts';
import type { LevelRule } from '../config/schema.ts';
import type { Level } from '../entities.ts';

export interface PolicyContent {
  readonly actions: ActionTable;
  readonly classification: ClassificationTable;
  readonly levels: Readonly<Record<Level, LevelRule>>;
  readonly policy: PolicyConfig;
  readonly jurisdictions: AirlockConfig['jurisdictions'];
}

/** `sha256:` and the first 16 hex digits: 64 bits tell versions apart and stay readable in logs and headers. */
export function hashPolicy(content: PolicyContent): string {
  const canonical = canonicalJson({
    actions: Object.fromEntries(content.actions),
    classification: Object.fromEntries(content.classification),
    baseLevel: content.policy.baseLevel,
    levels: content.levels,
    business: content.policy.business,
    placeholderInstruction: content.policy.placeholderInstruction,
    injection: content.policy.injection,
    output: content.policy.output,
    bulk: content.policy.bulk,
    captureContent: content.policy.captureContent,
    jurisdictions: content.jurisdictions,
  });
  return `sha256:${createHash('sha256').update(canonical).digest('hex').slice(0, 16)}`;
}
