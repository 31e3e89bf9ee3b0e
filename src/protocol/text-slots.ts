/**
 * Where text lives in an OpenAI request. Inspection must see every string a model will read — message content
 * (strings and text parts), names, tool and function call arguments, tool results, completion prompts,
 * embedding inputs, and the `user`/`metadata` strings that plugins often fill with an e-mail address — and the
 * sanitizer must be able to write each one back. Anything that is text a model reads but that the gateway
 * cannot read (token ids, audio, files) is refused: an unchecked path would be a leak.
 */
import { AirlockError } from '../errors.ts';
import type { ChatMessage, ChatRequest, CompletionRequest, EmbeddingRequest, Endpoint } from './openai.ts';

/** `json` marks text that is JSON by contract (tool arguments) or by content (a tool result object). */
export type SlotKind = 'text' | 'json';

export interface TextSlot {
  /** Where the text sits, for error parameters (`messages[2].content`); never the text itself. */
  readonly path: string;
  readonly kind: SlotKind;
  readonly text: string;
  readonly write: (text: string) => void;
}

type Holder = Record<string, unknown>;

function slot(holder: Holder, key: string | number, path: string, kind: SlotKind = 'text'): TextSlot | null {
  const text = (holder as Record<string | number, unknown>)[key];
  if (typeof text !== 'string' || text.length === 0) return null;
  return {
    path,
    kind,
    text,
    write(value) {
      (holder as Record<string | number, unknown>)[key] = value;
    },
  };
}

/** Collects the slots of `request`, which the caller owns (a copy): `write` changes it in place. */
export function collectTextSlots(endpoint: Endpoint, request: object): TextSlot[] {
  const slots: (TextSlot | null)[] = [];
  const body = request as Holder;
  if (endpoint === 'chat') (body as ChatRequest).messages.forEach((m, i) => slots.push(...messageSlots(m, i)));
  if (endpoint === 'completions') slots.push(...listSlots(body, 'prompt', (request as CompletionRequest).prompt));
  if (endpoint === 'embeddings') slots.push(...listSlots(body, 'input', (request as EmbeddingRequest).input));
  slots.push(slot(body, 'user', 'user'));
  const metadata = body.metadata;
  if (metadata && typeof metadata === 'object' && !Array.isArray(metadata)) {
    for (const key of Object.keys(metadata)) slots.push(slot(metadata as Holder, key, `metadata.${key}`));
  }
  return slots.filter((s): s is TextSlot => s !== null);
}

function messageSlots(message: ChatMessage, i: number): (TextSlot | null)[] {
  const at = `messages[${i}]`;
  const holder = message as Holder;
  const resultKind: SlotKind = message.role === 'tool' || message.role === 'function' ? 'json' : 'text';
  const slots = [slot(holder, 'name', `${at}.name`)];
  if (typeof message.content === 'string') slots.push(slot(holder, 'content', `${at}.content`, resultKind));
  if (Array.isArray(message.content)) {
    message.content.forEach((part, j) => slots.push(partSlot(part, `${at}.content[${j}]`, resultKind)));
  }
  message.tool_calls?.forEach((call, j) => {
    slots.push(slot(call.function, 'arguments', `${at}.tool_calls[${j}].function.arguments`, 'json'));
  });
  if (message.function_call) slots.push(slot(message.function_call, 'arguments', `${at}.function_call.arguments`, 'json'));
  return slots;
}

// Image URLs are inspected as text (a query string can carry an e-mail); inline data is an image, not text.
function partSlot(part: Holder, path: string, kind: SlotKind): TextSlot | null {
  switch (part.type) {
    case 'text':
    case 'input_text':
      return slot(part, 'text', `${path}.text`, kind);
    case 'image_url': {
      const image = part.image_url as Holder | undefined;
      if (image && typeof image.url === 'string' && !image.url.startsWith('data:')) return slot(image, 'url', `${path}.image_url.url`);
      return null;
    }
    default:
      throw new AirlockError('AIRLOCK_INSPECT_UNSUPPORTED_CONTENT', { param: `${path}.type` });
  }
}

function listSlots(body: Holder, key: string, value: unknown): (TextSlot | null)[] {
  if (typeof value === 'string') return [slot(body, key, key)];
  if (!Array.isArray(value)) return [];
  return value.map((item, i) => {
    if (typeof item === 'string') return slot(value as unknown as Holder, i, `${key}[${i}]`);
    throw new AirlockError('AIRLOCK_INSPECT_UNSUPPORTED_CONTENT', { param: `${key}[${i}]` });
  });
}

/**
 * Who wrote the text at `path`, for prompt-injection screening: the user (message content, a completion
 * prompt), or a tool or document the model will read (tool and function results: indirect injection). Null for
 * text from the developer (system messages) or the model itself (assistant turns, tool-call arguments), and for
 * embedding inputs, which no model follows.
 */
export function authorOf(endpoint: Endpoint, request: object, path: string): 'user' | 'tool' | null {
  if (endpoint === 'completions') return path.startsWith('prompt') ? 'user' : null;
  if (endpoint !== 'chat') return null;
  const match = /^messages\[(\d+)\]\.content/.exec(path);
  if (!match) return null;
  const role = (request as ChatRequest).messages[Number(match[1])]?.role;
  if (role === 'user') return 'user';
  return role === 'tool' || role === 'function' ? 'tool' : null;
}
