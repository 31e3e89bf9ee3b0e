/**
 * Restore: puts the originals back where the model's reply repeats a pseudonym of this request. Only
 * placeholders issued for this request are replaced, so a model (or an attacker's prompt) cannot make the
 * gateway reveal another request's values by guessing placeholders. In JSON text (tool call arguments) the
 * original is inserted JSON-escaped, so the arguments stay valid JSON whatever the value contains.
 */
import { PSEUDONYM_PATTERN } from './placeholders.ts';
import type { RestoreMap } from './sanitize.ts';

export type RestoreMode = 'text' | 'json';

export function restoreText(text: string, map: RestoreMap, mode: RestoreMode): string {
  if (map.size === 0 || !text.includes('[')) return text;
  return text.replace(PSEUDONYM_PATTERN, (placeholder) => {
    const original = map.get(placeholder);
    if (original === undefined) return placeholder;
    return mode === 'json' ? JSON.stringify(original).slice(1, -1) : original;
  });
}

export interface StreamRestorer {
  /** Restores what can be restored of the text so far; holds back a tail that may still become a placeholder. */
  push(delta: string): string;
  /** Releases the held-back tail at the end of the stream. */
  flush(): string;
}

/**
 * Streaming restore. A placeholder can arrive split across chunks (`[EMA` + `IL_3f…]`). Because a placeholder
 * contains `[` only at its start, the only tail that can still become one begins at the last `[`; it is held
 * back while it is a prefix of a placeholder this request issued, and released the moment it cannot be. Text
 * before it is passed on at once, so the added latency is zero for ordinary text.
 */
export function createStreamRestorer(map: RestoreMap, mode: RestoreMode, prefixes: ReadonlySet<string>): StreamRestorer {
  let held = '';
  return {
    push(delta) {
      if (map.size === 0) return delta;
      const text = held + delta;
      const open = text.lastIndexOf('[');
      if (open === -1) {
        held = '';
        return text;
      }
      const tail = text.slice(open);
      if (prefixes.has(tail)) {
        held = tail;
        return restoreText(text.slice(0, open), map, mode);
      }
      held = '';
      return restoreText(text, map, mode);
    },
    flush() {
      const rest = held;
      held = '';
      return rest;
    },
  };
}

/** Every proper prefix of every placeholder in the map: the tails worth holding back. */
export function placeholderPrefixes(map: RestoreMap): Set<string> {
  const prefixes = new Set<string>();
  for (const placeholder of map.keys()) {
    for (let length = 1; length < placeholder.length; length++) prefixes.add(placeholder.slice(0, length));
  }
  return prefixes;
}
