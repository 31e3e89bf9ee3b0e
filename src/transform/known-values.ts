/**
 * The values a request carried, as the caller sent it, for the reply guard: a reply that repeats them leaks
 * nothing new, and a URL that carries one is sending it out. Values are compared in a canonical spelling (case,
 * spaces and separators in digit values ignored; the last nine digits of a phone, so `+49 30 1234567` and
 * `030 1234567` are one number) and, for anything the detectors read differently in the reply, as a substring
 * of the request's text. Held only for the life of the request.
 */
import type { EntityType } from '../entities.ts';
import { canonicalValue } from './placeholders.ts';
import type { TextUnit } from './sanitize.ts';

export interface KnownValues {
  /** True when the request contained this value. */
  has(type: EntityType, value: string): boolean;
  /** True when the text contains one of the request's detected values (at least four characters long). */
  occursIn(text: string): boolean;
}

const MIN_VALUE = 4;

export function knownValues(units: readonly TextUnit[]): KnownValues {
  const canonical = new Set<string>();
  const values: string[] = [];
  for (const unit of units) {
    for (const finding of unit.findings) {
      const value = unit.text.slice(finding.start, finding.end);
      for (const key of keysOf(finding.type, value)) canonical.add(key);
      if (value.length >= MIN_VALUE) values.push(value.toLowerCase());
    }
  }
  let haystack: string | undefined;
  return {
    has(type, value) {
      if (keysOf(type, value).some((key) => canonical.has(key))) return true;
      haystack ??= units.map((u) => u.text.toLowerCase()).join('\n');
      return haystack.includes(value.toLowerCase());
    },
    occursIn(text) {
      const lower = text.toLowerCase();
      return values.some((value) => lower.includes(value));
    },
  };
}

function keysOf(type: EntityType, value: string): string[] {
  const keys = [canonicalValue(type, value), value.toLowerCase().replace(/\s+/g, ' ').trim()];
  const digits = value.replace(/\D/g, '');
  if (digits.length >= 9) keys.push(`#${digits.slice(-9)}`);
  return keys;
}
