/**
 * Which classification level each entity type carries. A policy names types or groups; a type's own entry wins
 * over its group's, and anything unnamed falls back to the defaults below (documented in docs/policies.md).
 * Card numbers, national ids and secrets are restricted: PCI DSS and national-id rules and credential hygiene
 * all say they must never leave the operator's own premises. Everyday personal data is confidential (GDPR
 * personal data); IP addresses and bank identifier codes are internal.
 */
import type { PolicyConfig } from '../config/schema.ts';
import { ENTITY_TYPES, groupOf, type EntityGroup, type EntityType, type Finding, type Level } from '../entities.ts';

export const DEFAULT_CLASSIFICATION: Readonly<Partial<Record<EntityType | EntityGroup, Level>>> = {
  PII: 'confidential',
  CARD_NUMBER: 'restricted',
  BIC: 'internal',
  IP_ADDRESS: 'internal',
  NATIONAL_ID: 'restricted',
  SECRET: 'restricted',
  BUSINESS: 'confidential',
};

export type ClassificationTable = ReadonlyMap<EntityType, Level>;

export function resolveClassification(entries: PolicyConfig['classification']): ClassificationTable {
  const table = new Map<EntityType, Level>();
  for (const type of ENTITY_TYPES) {
    const group = groupOf(type);
    table.set(type, entries[type] ?? entries[group] ?? DEFAULT_CLASSIFICATION[type] ?? DEFAULT_CLASSIFICATION[group] ?? 'restricted');
  }
  return table;
}

/** A finding's level: the one its rule fixed, else its type's. */
export function levelOf(finding: Finding, table: ClassificationTable): Level {
  return finding.level ?? (table.get(finding.type) as Level);
}
