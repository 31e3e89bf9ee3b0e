/**
 * The only place that mints the Sanitized brand (design rule 1). Every finding of the inspect stage is handled
 * by the action its policy names — allow, redact, mask, hash, pseudonymize or block — and the rewritten copy of
 * the request becomes the one thing a backend accepts. A single `block` finding refuses the whole request with
 * the types found, never the values. The restore map built here lives only as long as the request.
 */
import type { Sanitized } from '../backends/types.ts';
import type { Action } from '../config/schema.ts';
import type { EntityType, Finding } from '../entities.ts';
import { AirlockError } from '../errors.ts';
import { isRestorable, type ActionTable } from '../policy/actions.ts';
import { hashPlaceholder, maskValue, pseudonymPlaceholder, redactPlaceholder } from './placeholders.ts';
import type { KeyObject } from 'node:crypto';
import type { TenantKeys } from './tenant-keys.ts';

/** Placeholder → original value, for the pseudonyms of this request that may be restored. */
export type RestoreMap = ReadonlyMap<string, string>;

/** One piece of text with its findings, and how to put its sanitized form back where it came from. */
export interface TextUnit {
  /** Where the text sits (`messages[1].content`), for error parameters; never the text. */
  readonly path: string;
  readonly text: string;
  /** Sorted by start, not overlapping. */
  readonly findings: readonly Finding[];
  readonly write: (text: string) => void;
}

/** What inspection hands to sanitize: the units, and the step that assembles the rewritten request. */
export interface SanitizeInput {
  readonly units: readonly TextUnit[];
  finish(): object;
}

export interface SanitizeOutcome<T> {
  readonly request: Sanitized<T>;
  readonly restore: RestoreMap;
  /** How many values were changed (every action but allow). */
  readonly replaced: number;
}

export function sanitizeRequest<T extends object>(
  inspection: SanitizeInput,
  actions: ActionTable,
  keys: TenantKeys,
): SanitizeOutcome<T> {
  refuseBlocked(inspection.units, actions);
  const pseudonyms = new PseudonymBook(keys.pseudonym);
  let replaced = 0;
  for (const unit of inspection.units) {
    if (unit.findings.length === 0) continue;
    let out = '';
    let at = 0;
    for (const finding of unit.findings) {
      const action = actions.get(finding.type) as Action;
      if (action === 'allow') continue;
      const value = unit.text.slice(finding.start, finding.end);
      out += unit.text.slice(at, finding.start) + replacement(action, finding, value, keys, pseudonyms);
      at = finding.end;
      replaced++;
    }
    if (at > 0) unit.write(out + unit.text.slice(at));
  }
  return { request: inspection.finish() as Sanitized<T>, restore: pseudonyms.restore, replaced };
}

function refuseBlocked(units: readonly TextUnit[], actions: ActionTable): void {
  const blocked = new Set<EntityType>();
  let param: string | undefined;
  for (const unit of units) {
    for (const finding of unit.findings) {
      if (actions.get(finding.type) !== 'block') continue;
      blocked.add(finding.type);
      param ??= unit.path;
    }
  }
  if (blocked.size === 0) return;
  const detail = `Types found: ${[...blocked].sort().join(', ')}.`;
  throw new AirlockError('AIRLOCK_POLICY_BLOCKED_CONTENT', { param, detail });
}

function replacement(action: Action, finding: Finding, value: string, keys: TenantKeys, book: PseudonymBook): string {
  switch (action) {
    case 'redact':
      return redactPlaceholder(finding.type);
    case 'mask':
      return maskValue(value);
    case 'hash':
      return hashPlaceholder(keys.hash, finding.type, value);
    case 'pseudonymize':
      return book.placeholderFor(finding.type, value);
    default:
      throw new AirlockError('AIRLOCK_INTERNAL');
  }
}

/** Issues pseudonyms for one request and remembers which originals they stand for. */
class PseudonymBook {
  readonly restore = new Map<string, string>();
  private readonly valueOf = new Map<string, string>();
  private readonly key: KeyObject;

  constructor(key: KeyObject) {
    this.key = key;
  }

  placeholderFor(type: EntityType, value: string): string {
    const typed = `${type}\0${value}`;
    let placeholder = pseudonymPlaceholder(this.key, type, value);
    const taken = this.valueOf.get(placeholder);
    // Two different values sharing 32 bits of HMAC in one request: the second gets the full 64 bits.
    if (taken !== undefined && taken !== typed) placeholder = pseudonymPlaceholder(this.key, type, value, 16);
    this.valueOf.set(placeholder, typed);
    if (isRestorable(type) && !this.restore.has(placeholder)) this.restore.set(placeholder, value);
    return placeholder;
  }
}
