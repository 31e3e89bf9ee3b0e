/**
 * The vocabulary of detection: entity types, their groups, and the narrow interface every detector implements.
 * Detectors see normalised text (look-alikes folded, invisible characters removed; see normalize.ts) and report
 * spans in that text; the engine maps them back to the caller's original UTF-16 offsets, resolves overlaps and
 * attaches the policy's action. A detector knows nothing about policy, transforms or other detectors.
 */

export { ENTITY_GROUPS, ENTITY_TYPES, groupOf, type EntityGroup, type EntityType } from '../entities.ts';
import type { EntityType, Finding } from '../entities.ts';

/** A span a detector found, in the coordinates of the text it was given. */
export type RawFinding = Finding;

export interface Detector {
  readonly id: string;
  readonly types: readonly EntityType[];
  /**
   * Finds entities in `text` (already normalised). Must not throw on any input and must return spans with
   * 0 <= start < end <= text.length. Runs on every prompt: linear-time regexes only, no allocation per character.
   */
  detect(text: string): RawFinding[];
}
