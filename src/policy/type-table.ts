/**
 * A policy names entity types or whole groups; a type's own entry wins over its group's, and anything unnamed
 * falls back to the built-in defaults (type, then group), then to a last resort. Actions and classification
 * levels are both resolved this way, once per policy, into a table with an entry for every type.
 */
import { ENTITY_TYPES, groupOf, type EntityGroup, type EntityType } from '../entities.ts';

export type TypeEntries<V> = Readonly<Partial<Record<EntityType | EntityGroup, V>>>;

export function resolveTypeTable<V>(entries: TypeEntries<V>, defaults: TypeEntries<V>, lastResort: V): ReadonlyMap<EntityType, V> {
  const table = new Map<EntityType, V>();
  for (const type of ENTITY_TYPES) {
    const group = groupOf(type);
    table.set(type, entries[type] ?? entries[group] ?? defaults[type] ?? defaults[group] ?? lastResort);
  }
  return table;
}
