/**
 * YAML for the compose and Kubernetes rules: every document of a file parsed with the `yaml` package, nodes kept
 * (not converted to plain objects) so each finding can point at the line and column of the value it is about,
 * through yaml's LineCounter. A document with parse errors is skipped, never thrown; the others still count.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import type { Position } from '../../position.ts';

export interface YamlDocs {
  /** The root node of each document that parsed cleanly. */
  readonly roots: readonly Node[];
  /** Where a node starts. */
  at(node: Node): Position;
}

/** Compose and manifest files are small; a larger YAML file is data, not deployment config. */
const MAX_YAML = 1024 * 1024;

export function parseYamlDocs(text: string): YamlDocs | null {
  if (text.length > MAX_YAML) return null;
  const lineCounter = new LineCounter();
  let parsed;
  try {
    parsed = parseAllDocuments(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const roots = parsed.filter((doc) => doc.errors.length === 0 && doc.contents !== null).map((doc) => doc.contents as Node);
  return {
    roots,
    at(node) {
      const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
      return { line: Math.max(1, line), column: Math.max(1, col) };
    },
  };
}

/** The value node under `key` in a map, or null. */
export function child(node: Node | null | undefined, key: string): Node | null {
  if (!isMap(node)) return null;
  for (const pair of node.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) return (pair.value as Node | null) ?? null;
  }
  return null;
}

/** The node at a path of map keys. */
export function at(node: Node | null | undefined, ...keys: string[]): Node | null {
  let current: Node | null = node ?? null;
  for (const key of keys) current = child(current, key);
  return current;
}

/** A scalar's value as text (numbers and booleans too), or null. */
export function text(node: Node | null | undefined): string | null {
  if (!isScalar(node)) return null;
  const value: unknown = node.value;
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : null;
}

/** A sequence's items, or [] for anything else. */
export function items(node: Node | null | undefined): Node[] {
  return isSeq(node) ? node.items.filter((item): item is Node => item !== null && typeof item === 'object') : [];
}

/** A map's entries as [key text, value node]. */
export function entries(node: Node | null | undefined): [string, Node | null][] {
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) =>
    isScalar(pair.key) ? [[String(pair.key.value), (pair.value as Node | null) ?? null] as [string, Node | null]] : [],
  );
}

/** A command given as a string or a list of strings, joined with spaces. */
export function commandText(node: Node | null | undefined): string {
  const single = text(node);
  if (single !== null) return single;
  return items(node).map((item) => text(item) ?? '').join(' ');
}
