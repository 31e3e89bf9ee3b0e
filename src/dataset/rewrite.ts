/**
 * Detection and the policy's actions over the values of one record. Detection sees `label: text` so a field
 * name gives context, and keeps only findings inside the value; a sensitive field's whole value is one finding.
 * Actions are the gateway's — redact, mask, hash, pseudonymize, allow — with one difference: pseudonyms carry
 * 16 hex digits (64 bits of the same HMAC whose first 8 the gateway uses), because a training file can hold
 * millions of distinct values and must not give two of them one pseudonym. They need no memory: the same
 * value gets the same pseudonym on every line, in every run with the same tenant key. A `block` finding
 * drops the whole record.
 */
import type { Action } from '../config/schema.ts';
import type { DetectionEngine } from '../detect/engine.ts';
import type { EntityType, Finding } from '../entities.ts';
import type { ActionTable } from '../policy/actions.ts';
import { hashPlaceholder, maskValue, pseudonymPlaceholder, redactPlaceholder } from '../transform/placeholders.ts';
import type { TenantKeys } from '../transform/tenant-keys.ts';
import { detectValue } from '../detect/inspect.ts';

/** The hex digits of a dataset pseudonym: `[EMAIL_0123456789abcdef]`. */
const DATASET_PSEUDONYM_HEX = 16;

export interface Inspected {
  readonly label: string;
  readonly text: string;
  readonly sensitive: boolean;
}

export function findingsOf(engine: DetectionEngine, unit: Inspected): Finding[] {
  return detectValue(engine, unit.label, unit.text, unit.sensitive);
}

/** The types of a record's findings whose action is `block`, sorted; empty when the record may be written. */
export function blockedTypes(findings: readonly (readonly Finding[])[], actions: ActionTable): EntityType[] {
  const blocked = new Set<EntityType>();
  for (const list of findings) for (const f of list) if (actions.get(f.type) === 'block') blocked.add(f.type);
  return [...blocked].sort();
}

/** The value with every finding replaced by its action's text, or null when nothing changed. */
export function rewriteValue(text: string, findings: readonly Finding[], actions: ActionTable, keys: TenantKeys): string | null {
  let out = '';
  let at = 0;
  for (const finding of findings) {
    const action = actions.get(finding.type) ?? 'redact';
    if (action === 'allow') continue;
    out += text.slice(at, finding.start) + replacement(action, finding.type, text.slice(finding.start, finding.end), keys);
    at = finding.end;
  }
  return at === 0 ? null : out + text.slice(at);
}

function replacement(action: Exclude<Action, 'allow'>, type: EntityType, value: string, keys: TenantKeys): string {
  switch (action) {
    case 'redact':
      return redactPlaceholder(type);
    case 'mask':
      return maskValue(value);
    case 'hash':
      return hashPlaceholder(keys.hash, type, value);
    case 'pseudonymize':
      return pseudonymPlaceholder(keys.pseudonym, type, value, DATASET_PSEUDONYM_HEX);
    case 'block':
      // Records with a blocked finding are dropped before any value is rewritten.
      throw new Error('a blocked value cannot be rewritten');
  }
}
