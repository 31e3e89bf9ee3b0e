/**
 * A policy's version is the hash of its content: SHA-256 over the RFC 8785 canonical JSON of everything that
 * decides a request's fate once defaults are filled in (actions and levels per type, the residency rules, the
 * business rules, the jurisdiction hierarchy the rules are read against). Two gateways with the same hash make
 * the same decisions; a change anywhere, even to a default, changes it. Recorded with every decision.
 */
import { createHash } from 'node:crypto';
import canonicalizeModule from 'canonicalize';
import type { AirlockConfig, PolicyConfig } from '../config/schema.ts';
import type { ActionTable } from './actions.ts';
import type { ClassificationTable } from './classification.ts';
import type { LevelRule } from '../config/schema.ts';
import type { Level } from '../entities.ts';

/**
 * The package is CommonJS whose types declare an ES default export; Node hands an ES module the function
 * itself as the default, which the types cannot say.
 */
const canonicalize = canonicalizeModule as unknown as (value: unknown) => string | undefined;

export interface PolicyContent {
  readonly actions: ActionTable;
  readonly classification: ClassificationTable;
  readonly levels: Readonly<Record<Level, LevelRule>>;
  readonly policy: PolicyConfig;
  readonly jurisdictions: AirlockConfig['jurisdictions'];
}

/** `sha256:` and the first 16 hex digits: 64 bits tell versions apart and stay readable in logs and headers. */
export function hashPolicy(content: PolicyContent): string {
  const canonical = canonicalize({
    actions: Object.fromEntries(content.actions),
    classification: Object.fromEntries(content.classification),
    baseLevel: content.policy.baseLevel,
    levels: content.levels,
    business: content.policy.business,
    placeholderInstruction: content.policy.placeholderInstruction,
    injection: content.policy.injection,
    jurisdictions: content.jurisdictions,
  }) as string;
  return `sha256:${createHash('sha256').update(canonical).digest('hex').slice(0, 16)}`;
}
