/**
 * The text values of one JSON record, each with where it sits and how to write its sanitized form back. Every
 * string is a value — chat messages (string content, text parts, names, tool calls), prompt/completion pairs
 * and any other object alike — except the schema strings of a chat message (`role`, `type`, ids) and inline
 * `data:…;base64,` payloads, which are images or files, not text. Tool-call arguments and tool results hold
 * JSON by contract: they are walked value by value and written back as JSON, as the gateway does, so a
 * replacement can never break the structure a tool expects.
 */
import type { DetectionEngine } from '../detect/engine.ts';
import { isRawNumber, parseExact, serialize } from './json.ts';
import { keySegment } from './names.ts';

/** One value to inspect. `path` places it exactly (`messages[2].content`); `field` groups it for counts. */
export interface ValueUnit {
  readonly path: string;
  /** The path without array positions, chat messages by role: `messages[user].content`. */
  readonly field: string;
  /** The key the value sits under, given to detection as context (`email: …`); '' for none. */
  readonly label: string;
  readonly text: string;
  /** The key is one of the policy's sensitive JSON fields: the whole value is one finding. */
  readonly sensitive: boolean;
  readonly write: (text: string) => void;
}

export type RecordShape = 'chat' | 'prompt-completion' | 'other';

export interface RecordValues {
  readonly shape: RecordShape;
  readonly units: readonly ValueUnit[];
  /** Writes rewritten JSON-in-a-string values (tool arguments) back as JSON; call once, after the units' writes. */
  settle(): void;
}

type Holder = Record<string, unknown>;

interface Place {
  readonly path: string;
  readonly field: string;
  readonly label: string;
  /** Inside a chat message: its schema keys are not text. */
  readonly inMessage: boolean;
  /** Strings here hold JSON by contract (tool arguments, tool results). */
  readonly jsonText: boolean;
}

interface Walk {
  readonly engine: DetectionEngine;
  readonly units: ValueUnit[];
  readonly settlers: (() => void)[];
  readonly touched: () => void;
}

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);
const MESSAGE_SCHEMA_KEYS = new Set(['role', 'type', 'id', 'tool_call_id']);
const ROOT: Place = { path: '', field: '', label: '', inMessage: false, jsonText: false };
const DATA_URI = /^data:[^,]{0,200};base64,/;

export function recordValues(root: Holder, engine: DetectionEngine): RecordValues {
  const walk: Walk = { engine, units: [], settlers: [], touched: () => undefined };
  const shape = shapeOf(root);
  for (const key of Object.keys(root)) {
    if (shape === 'chat' && key === 'messages') walkMessages(walk, root.messages as unknown[]);
    else visit(walk, root, key, childPlace(ROOT, key));
  }
  return { shape, units: walk.units, settle: () => walk.settlers.forEach((settle) => settle()) };
}

function shapeOf(root: Holder): RecordShape {
  if (Array.isArray(root.messages)) return 'chat';
  return 'prompt' in root || 'completion' in root ? 'prompt-completion' : 'other';
}

function childPlace(place: Place, key: string): Place {
  const segment = keySegment(key);
  const functionArguments = key === 'arguments' && (place.label === 'function' || place.label === 'function_call');
  return {
    path: place.path === '' ? segment.slice(1) : place.path + segment,
    field: place.field === '' ? segment.slice(1) : place.field + segment,
    label: key,
    inMessage: place.inMessage,
    jsonText: place.jsonText || functionArguments,
  };
}

function walkMessages(walk: Walk, messages: unknown[]): void {
  messages.forEach((message, i) => {
    const path = `messages[${i}]`;
    if (message === null || typeof message !== 'object' || Array.isArray(message)) {
      visit(walk, messages as unknown as Holder, String(i), { ...ROOT, path, field: 'messages[]' });
      return;
    }
    const role = (message as Holder).role;
    const known = typeof role === 'string' && ROLES.has(role) ? role : '';
    const place: Place = { path, field: `messages[${known}]`, label: '', inMessage: true, jsonText: false };
    const toolResult = known === 'tool' || known === 'function';
    for (const key of Object.keys(message)) {
      if (MESSAGE_SCHEMA_KEYS.has(key)) continue;
      const child = childPlace(place, key);
      visit(walk, message as Holder, key, key === 'content' && toolResult ? { ...child, jsonText: true } : child);
    }
  });
}

function visit(walk: Walk, holder: Holder, key: string, place: Place): void {
  const value = holder[key];
  if (value === null || value === undefined) return;
  if (place.label !== '' && walk.engine.isSensitiveField(place.label)) {
    addUnit(walk, holder, key, typeof value === 'string' ? value : serialize(value), place, true);
    return;
  }
  if (typeof value === 'string') visitString(walk, holder, key, value, place);
  else if (Array.isArray(value)) {
    value.forEach((_, i) => visit(walk, value as unknown as Holder, String(i), { ...place, path: `${place.path}[${i}]`, field: `${place.field}[]` }));
  } else if (typeof value === 'object' && !isRawNumber(value)) {
    for (const child of Object.keys(value)) {
      if (place.inMessage && MESSAGE_SCHEMA_KEYS.has(child)) continue;
      visit(walk, value as Holder, child, childPlace(place, child));
    }
  }
}

function visitString(walk: Walk, holder: Holder, key: string, text: string, place: Place): void {
  if (text.length === 0 || DATA_URI.test(text)) return;
  const nested = place.jsonText ? parseContainer(text) : undefined;
  if (nested === undefined) addUnit(walk, holder, key, text, place, false);
  else walkNested(walk, holder, key, nested, place);
}

function addUnit(walk: Walk, holder: Holder, key: string, text: string, place: Place, sensitive: boolean): void {
  if (text.length === 0) return;
  const write = (replacement: string): void => {
    holder[key] = replacement;
    walk.touched();
  };
  walk.units.push({ path: place.path, field: place.field, label: place.label, text, sensitive, write });
}

/** JSON in a string: its values become units, and the string is re-serialised only if one of them changed. */
function walkNested(walk: Walk, holder: Holder, key: string, parsed: object, place: Place): void {
  const box: Holder = { value: parsed };
  let changed = false;
  const inner: Walk = { ...walk, touched: () => (changed = true) };
  visit(inner, box, 'value', { ...place, inMessage: false, jsonText: false });
  walk.settlers.push(() => {
    if (!changed) return;
    holder[key] = serialize(box.value);
    walk.touched();
  });
}

function parseContainer(text: string): object | undefined {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    const value = parseExact(text);
    return value !== null && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}
