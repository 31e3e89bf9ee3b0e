/**
 * Neutralising an injected segment (the `sanitize` injection action): every sentence or line that holds an
 * injection match is replaced by a fixed marker, so a product review keeps its honest sentences and loses the
 * one that talks to the model. The unit's findings are carried over to the new text (those inside a removed
 * segment go with it), so the policy's actions still apply to what remains.
 */
import type { Finding } from '../entities.ts';
import type { TextUnit } from './sanitize.ts';

export const INJECTION_MARKER = '[removed: possible prompt injection]';

interface Range {
  start: number;
  end: number;
}

export function neutralizeUnit(unit: TextUnit, spans: readonly { readonly start: number; readonly end: number }[]): TextUnit {
  const ranges = mergeRanges(spans.map((span) => sentenceAround(unit.text, span)));
  let text = '';
  let at = 0;
  for (const range of ranges) {
    text += unit.text.slice(at, range.start) + INJECTION_MARKER;
    at = range.end;
  }
  text += unit.text.slice(at);
  const findings: Finding[] = [];
  for (const finding of unit.findings) {
    if (ranges.some((r) => finding.start < r.end && finding.end > r.start)) continue;
    const shift = ranges.filter((r) => r.end <= finding.start).reduce((sum, r) => sum + INJECTION_MARKER.length - (r.end - r.start), 0);
    findings.push({ ...finding, start: finding.start + shift, end: finding.end + shift });
  }
  unit.write(text);
  return { path: unit.path, text, findings, write: unit.write };
}

/** From after the previous sentence end or line break to the next one (inclusive of its punctuation). */
function sentenceAround(text: string, span: { readonly start: number; readonly end: number }): Range {
  let start = span.start;
  // A match may begin on the boundary before its sentence (a line break, a full stop): start inside it.
  while (start < span.end - 1 && (isBoundary(text, start) || /\s/.test(text[start] ?? ''))) start++;
  while (start > 0 && !isBoundary(text, start - 1)) start--;
  while (start < span.end && /\s/.test(text[start] ?? '')) start++;
  let end = span.end;
  // A match that ends on its sentence's end mark ends the sentence; otherwise read on to the next end.
  if (!(end > start && isBoundary(text, end - 1))) {
    while (end < text.length && !isBoundary(text, end)) end++;
    if (end < text.length && text[end] !== '\n') end++;
  }
  return { start, end };
}

function isBoundary(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n') return true;
  return (c === '.' || c === '!' || c === '?') && (i + 1 >= text.length || /\s/.test(text[i + 1] ?? ''));
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = ranges.sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}
