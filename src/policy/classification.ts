/**
 * Which classification level each entity type carries, resolved like actions (see type-table.ts) against the
 * defaults below (documented in docs/policies.md).
 * Card numbers, national ids and secrets are restricted: PCI DSS and national-id rules and credential hygiene
 * all say they must never leave the operator's own premises. Everyday personal data is confidential (GDPR
 * personal data); IP addresses and bank identifier codes are internal.
 */
import type { PolicyConfig } from '../config/schema.ts';
import type { EntityGroup, EntityType, Finding, Level } from '../entities.ts';
import { resolveTypeTable } from './type-table.ts';

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
  return resolveTypeTable(entries, DEFAULT_CLASSIFICATION, 'restricted');
}

/** A finding's level: the one its rule fixed, else its type's. */
export function levelOf(finding: Finding, table: ClassificationTable): Level {
  return finding.level ?? (table.get(finding.type) as Level);
}
