/**
 * Sensitive JSON fields (`cost_price`, `margin`, `supplier`): the value of such a field is confidential wherever
 * the JSON appears — pasted into a prompt, in a tool argument, or escaped inside another JSON string. Keys are
 * compared without case, `_`, `-` or spaces, so `costPrice`, `Cost-Price` and `cost_price` are one field.
 * The value is found by a small scanner (strings with escapes, numbers, literals, nested objects and arrays)
 * rather than by parsing, because the surrounding text is rarely valid JSON as a whole.
 */
import type { Detector, RawFinding } from '../types.ts';

// A quoted key followed by a colon; `\"key\":` is the same key inside an escaped JSON string.
const KEY = /(\\?["'])([^"'\\\n]{1,64})\1\s*:\s*/g;

export function canonicalFieldName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

export function createJsonFieldDetector(fields: readonly string[]): Detector {
  const wanted = new Set(fields.map(canonicalFieldName));
  return {
    id: 'business.json-field',
    types: ['BUSINESS_FIELD'],
    detect(text) {
      const findings: RawFinding[] = [];
      if (!text.includes(':')) return findings;
      KEY.lastIndex = 0;
      for (let match = KEY.exec(text); match !== null; match = KEY.exec(text)) {
        if (!wanted.has(canonicalFieldName(match[2] as string))) continue;
        const span = valueSpan(text, KEY.lastIndex, match[1] as string);
        if (span) findings.push({ type: 'BUSINESS_FIELD', ...span, score: 0.95, detector: 'business.json-field' });
      }
      return findings;
    },
  };
}

/** The span of the value starting at `at`; a string's span excludes its quotes. */
function valueSpan(text: string, at: number, keyQuote: string): { start: number; end: number } | null {
  const first = text[at];
  if (first === undefined) return null;
  const escaped = keyQuote.length === 2;
  if (text.startsWith(keyQuote, at)) {
    const close = closingQuote(text, at + keyQuote.length, keyQuote, escaped);
    return close > at + keyQuote.length ? { start: at + keyQuote.length, end: close } : null;
  }
  if (first === '{' || first === '[') {
    const end = closingBracket(text, at);
    return end > at ? { start: at, end } : null;
  }
  const scalar = /^[^,}\]\s\\]+/.exec(text.slice(at, at + 64));
  return scalar ? { start: at, end: at + scalar[0].length } : null;
}

function closingQuote(text: string, from: number, quote: string, escaped: boolean): number {
  for (let i = from; i < text.length; i++) {
    if (text.startsWith(quote, i)) return i;
    if (!escaped && text[i] === '\\') i++;
    if (escaped && text.startsWith('\\\\', i)) i++;
  }
  return -1;
}

/** End (exclusive) of the object or array opening at `at`, skipping brackets inside strings; -1 if unclosed. */
function closingBracket(text: string, at: number): number {
  let depth = 0;
  let inString = false;
  for (let i = at; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}
