/**
 * Request inspection: runs the engine over every text slot of a copy of the request and returns the findings
 * per unit of text, each with a `write` that puts its sanitized form back. JSON slots (tool arguments, tool
 * results) are inspected value by value, with the field name in front as context (`email: …`), and written
 * back as JSON, so a replacement can never break the structure a tool expects.
 */
import type { Endpoint } from '../protocol/openai.ts';
import { collectTextSlots } from '../protocol/text-slots.ts';
import type { SanitizeInput, TextUnit } from '../transform/sanitize.ts';
import type { DetectionEngine, Finding } from './engine.ts';

/**
 * Units of a JSON slot have paths into it (`messages[1].tool_calls[0].function.arguments.customer.email`);
 * `finish` serialises rewritten JSON slots and returns the request copy the units write into.
 */
export type RequestInspection = SanitizeInput;

export function inspectRequest(engine: DetectionEngine, endpoint: Endpoint, request: object): RequestInspection {
  const copy = structuredClone(request);
  const units: TextUnit[] = [];
  const finishers: (() => void)[] = [];
  for (const slot of collectTextSlots(endpoint, copy)) {
    const parsed = slot.kind === 'json' ? parseStructured(slot.text) : undefined;
    if (parsed === undefined) {
      units.push({ path: slot.path, text: slot.text, findings: engine.detect(slot.text), write: slot.write });
      continue;
    }
    const root = { value: parsed };
    let changed = false;
    walkJson(root, 'value', slot.path, '', (unit) => {
      const findings = detectValue(engine, unit.label, unit.text, unit.sensitiveKey);
      units.push({ path: unit.path, text: unit.text, findings, write: (text) => ((changed = true), unit.write(text)) });
    }, engine);
    finishers.push(() => {
      if (changed) slot.write(JSON.stringify(root.value));
    });
  }
  return {
    units,
    finish() {
      for (const finish of finishers) finish();
      return copy;
    },
  };
}

function parseStructured(text: string): unknown {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

interface LeafUnit {
  readonly path: string;
  readonly label: string;
  readonly text: string;
  readonly sensitiveKey: boolean;
  readonly write: (text: string) => void;
}

type Container = Record<string, unknown>;

function walkJson(holder: Container, key: string, path: string, label: string, visit: (u: LeafUnit) => void, engine: DetectionEngine): void {
  const value = holder[key];
  if (value === null || value === undefined) return;
  const sensitiveKey = engine.isSensitiveField(label);
  if (!sensitiveKey && Array.isArray(value)) {
    value.forEach((_, i) => walkJson(value as unknown as Container, String(i), `${path}[${i}]`, label, visit, engine));
  } else if (!sensitiveKey && typeof value === 'object') {
    for (const child of Object.keys(value)) walkJson(value as Container, child, `${path}.${child}`, child, visit, engine);
  } else {
    // A sensitive field's whole value (object, array or scalar) is one unit; it becomes a string when replaced.
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (text.length === 0) return;
    const write = (replacement: string) => {
      holder[key] = replacement;
    };
    visit({ path, label, text, sensitiveKey, write });
  }
}

/** Detects in `label: text` so field names give context, keeping only findings inside the value. */
export function detectValue(engine: DetectionEngine, label: string, text: string, sensitiveKey: boolean): Finding[] {
  if (sensitiveKey) {
    const level = engine.sensitiveFieldLevel(label);
    const finding: Finding = { type: 'BUSINESS_FIELD', start: 0, end: text.length, score: 0.95, detector: 'business.json-field' };
    return [level === undefined ? finding : { ...finding, level }];
  }
  const prefix = label === '' || /^\d+$/.test(label) ? '' : `${label}: `;
  const found = engine.detect(prefix + text);
  const findings: Finding[] = [];
  for (const f of found) {
    if (f.start < prefix.length) continue;
    findings.push({ ...f, start: f.start - prefix.length, end: f.end - prefix.length });
  }
  return findings;
}
