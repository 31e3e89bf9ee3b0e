/**
 * Which action a policy takes for each entity type. A policy names types or whole groups; a type's own entry
 * wins over its group's, and anything unnamed falls back to the built-in defaults below, which are documented
 * in docs/policies.md. Secrets are blocked and national ids redacted by default because neither may ever be
 * restored into a reply; everyday PII is pseudonymized so answers stay useful and come back restored.
 */
import type { Action, PolicyConfig } from '../config/schema.ts';
import { groupOf, type EntityGroup, type EntityType } from '../entities.ts';
import { resolveTypeTable } from './type-table.ts';

export const DEFAULT_ACTIONS: Readonly<Partial<Record<EntityType | EntityGroup, Action>>> = {
  PII: 'pseudonymize',
  CARD_NUMBER: 'redact',
  IBAN: 'mask',
  BIC: 'allow',
  NATIONAL_ID: 'redact',
  SECRET: 'block',
  BUSINESS: 'pseudonymize',
};

export type ActionTable = ReadonlyMap<EntityType, Action>;

export function resolveActions(entities: PolicyConfig['entities']): ActionTable {
  return resolveTypeTable(entities, DEFAULT_ACTIONS, 'redact');
}

/** Types that are never put back into a reply, whatever the action: a model must not learn to echo them. */
export function isRestorable(type: EntityType): boolean {
  const group = groupOf(type);
  return group !== 'SECRET' && group !== 'NATIONAL_ID';
}
