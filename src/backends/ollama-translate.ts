/**
 * The request half of the Ollama adapter: OpenAI request bodies → Ollama's native /api/chat, /api/generate and
 * /api/embed bodies, as pure functions kept apart from the HTTP code in ollama.ts. Requests are rebuilt field by field
 * rather than copied, so nothing reaches Ollama that was not translated on purpose; a feature Ollama cannot honour
 * (several choices, logprobs, forced tool choice, remote images) is refused before any byte leaves, because a
 * silently degraded answer is worse than a clear error. Errors name the field, never its value.
 */
import { AirlockError } from '../errors.ts';
import type { ChatMessage, ChatRequest, CompletionRequest, EmbeddingRequest } from '../protocol/openai.ts';

export type Json = Record<string, unknown>;

export interface OllamaToolCall {
  readonly function: { readonly name: string; readonly arguments: Json };
}

interface OllamaMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  images?: string[];
  tool_calls?: OllamaToolCall[];
  tool_name?: string;
}

const ROLES: Record<ChatMessage['role'], OllamaMessage['role']> = {
  system: 'system',
  developer: 'system',
  user: 'user',
  assistant: 'assistant',
  tool: 'tool',
  function: 'tool',
};

/** OpenAI sampling fields whose Ollama option has the same name and meaning. */
const NUMERIC_OPTIONS = [
  'temperature',
  'top_p',
  'seed',
  'presence_penalty',
  'frequency_penalty',
  'top_k',
  'min_p',
  'repeat_penalty',
] as const;

function unsupported(param: string, detail?: string): AirlockError {
  return new AirlockError('AIRLOCK_REQUEST_UNSUPPORTED_PARAMETER', detail ? { param, detail } : { param });
}

function invalid(param: string, detail: string): AirlockError {
  return new AirlockError('AIRLOCK_REQUEST_INVALID', { param, detail });
}

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

// Ollama streams unless told otherwise, so every body states `stream` explicitly.
export function toOllamaChat(body: ChatRequest, model: string): Json {
  refuseChoices(body.n);
  if (body.logprobs === true) throw unsupported('logprobs');
  const out: Json = { model, messages: translateMessages(body.messages), stream: body.stream === true };
  const tools = chatTools(body);
  if (tools) out.tools = tools;
  return withSampling(out, body);
}

export function toOllamaGenerate(body: CompletionRequest, model: string): Json {
  refuseChoices(body.n);
  if (present(body.logprobs) && body.logprobs !== false) throw unsupported('logprobs');
  if (body.echo === true) throw unsupported('echo');
  if (typeof body.best_of === 'number' && body.best_of > 1) throw unsupported('best_of');
  const out: Json = { model, prompt: singlePrompt(body.prompt), stream: body.stream === true };
  if (present(body.suffix)) out.suffix = body.suffix;
  if (body.raw !== undefined) out.raw = body.raw;
  return withSampling(out, body);
}

export function toOllamaEmbed(body: EmbeddingRequest, model: string): Json {
  const input: unknown = body.input;
  if (typeof input !== 'string' && !(input as readonly unknown[]).every((item) => typeof item === 'string')) {
    throw unsupported('input', '(token arrays)');
  }
  const out: Json = { model, input };
  if (body.dimensions !== undefined) out.dimensions = body.dimensions;
  return out;
}

function refuseChoices(n: number | null | undefined): void {
  if (typeof n === 'number' && n > 1) throw unsupported('n');
}

function singlePrompt(prompt: CompletionRequest['prompt']): string {
  if (typeof prompt === 'string') return prompt;
  const [first] = prompt;
  if (prompt.length === 1 && typeof first === 'string') return first;
  throw unsupported('prompt', '(token arrays or several prompts)');
}

/** Ollama has no tool_choice: "none" is honoured by not offering tools, a forced choice cannot be. */
function chatTools(body: ChatRequest): unknown[] | undefined {
  const choice = body.tool_choice;
  if (choice === 'none') return undefined;
  if (present(choice) && choice !== 'auto') throw unsupported('tool_choice');
  return body.tools && body.tools.length > 0 ? body.tools : undefined;
}

function withSampling(out: Json, body: Json): Json {
  const format = ollamaFormat(body.response_format);
  if (format !== undefined) out.format = format;
  const options = ollamaOptions(body);
  if (Object.keys(options).length > 0) out.options = options;
  return out;
}

function ollamaOptions(body: Json): Json {
  const options: Json = {};
  for (const name of NUMERIC_OPTIONS) {
    const value = body[name];
    if (!present(value)) continue;
    if (typeof value !== 'number') throw invalid(name, '(must be a number)');
    options[name] = value;
  }
  const maxName = present(body.max_completion_tokens) ? 'max_completion_tokens' : 'max_tokens';
  const max = body[maxName];
  if (present(max)) {
    if (typeof max !== 'number' || !Number.isInteger(max)) throw invalid(maxName, '(must be an integer)');
    options.num_predict = max;
  }
  const stop = body.stop;
  if (typeof stop === 'string') options.stop = [stop];
  else if (Array.isArray(stop) && stop.every((s) => typeof s === 'string')) options.stop = stop;
  else if (present(stop)) throw invalid('stop', '(must be a string or an array of strings)');
  return options;
}

function ollamaFormat(responseFormat: unknown): unknown {
  if (!present(responseFormat)) return undefined;
  if (!isObject(responseFormat)) throw invalid('response_format', '(must be an object)');
  if (responseFormat.type === 'text') return undefined;
  if (responseFormat.type === 'json_object') return 'json';
  if (responseFormat.type !== 'json_schema') throw unsupported('response_format');
  const spec = responseFormat.json_schema;
  const schema = isObject(spec) ? spec.schema : undefined;
  if (!isObject(schema)) throw invalid('response_format', '(json_schema.schema must be an object)');
  return schema;
}

/** Tool results name their call by id in OpenAI, by function name in Ollama; the map carries one to the other. */
function translateMessages(messages: readonly ChatMessage[]): OllamaMessage[] {
  const toolNames = new Map<string, string>();
  return messages.map((m) => {
    const out: OllamaMessage = { role: ROLES[m.role], ...translateContent(m.content) };
    if (m.role === 'assistant') {
      const calls = assistantCalls(m, toolNames);
      if (calls.length > 0) out.tool_calls = calls;
    }
    const toolName = m.role === 'tool' && m.tool_call_id ? toolNames.get(m.tool_call_id) : m.role === 'function' ? m.name : undefined;
    if (toolName) out.tool_name = toolName;
    return out;
  });
}

function translateContent(content: ChatMessage['content']): { content: string; images?: string[] } {
  if (typeof content === 'string') return { content };
  if (!content) return { content: '' };
  const texts: string[] = [];
  const images: string[] = [];
  for (const part of content) {
    if (part.type === 'text' && typeof part.text === 'string') texts.push(part.text);
    else if (part.type === 'image_url') images.push(imageData(part.image_url));
    else throw unsupported('messages', '(content parts other than text and image_url)');
  }
  return images.length > 0 ? { content: texts.join('\n'), images } : { content: texts.join('\n') };
}

/** Ollama takes bare base64 image bytes; fetching a remote URL would be an egress Airlock does not make. */
function imageData(imageUrl: unknown): string {
  const url = typeof imageUrl === 'string' ? imageUrl : isObject(imageUrl) ? imageUrl.url : undefined;
  if (typeof url !== 'string') throw invalid('messages', '(image_url part without a url)');
  const match = /^data:[^,]*;base64,/i.exec(url);
  if (match) return url.slice(match[0].length);
  if (/^https?:/i.test(url)) throw unsupported('messages', '(remote image URLs)');
  throw unsupported('messages', '(image URLs other than base64 data URLs)');
}

function assistantCalls(m: ChatMessage, toolNames: Map<string, string>): OllamaToolCall[] {
  const calls = (m.tool_calls ?? []).map((call) => {
    if (call.id) toolNames.set(call.id, call.function.name);
    return { function: { name: call.function.name, arguments: parseArguments(call.function.arguments) } };
  });
  if (m.function_call) {
    calls.push({ function: { name: m.function_call.name, arguments: parseArguments(m.function_call.arguments) } });
  }
  return calls;
}

function parseArguments(text: string): Json {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid('messages', '(tool call arguments are not valid JSON)');
  }
  if (!isObject(parsed)) throw invalid('messages', '(tool call arguments must be a JSON object)');
  return parsed;
}
