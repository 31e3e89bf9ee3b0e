/**
 * The OpenAI wire format as Airlock accepts it: zod schemas for the request bodies of the three inference
 * endpoints, and the reply shapes adapters produce. Schemas check what Airlock itself relies on (model, the text
 * it must inspect, streaming flags) and pass every other field through untouched, so tools, tool_choice,
 * response_format, n, stop, temperature and backend-specific extras reach the backend as sent.
 */
import { z } from 'zod';

const textPart = z.looseObject({ type: z.literal('text'), text: z.string() });
const otherPart = z.looseObject({ type: z.string().refine((t) => t !== 'text', 'a text part needs a string "text"') });
const contentPart = z.union([textPart, otherPart]);

const toolCall = z.looseObject({
  id: z.string().optional(),
  type: z.string().optional(),
  function: z.looseObject({ name: z.string(), arguments: z.string() }),
});

export const chatMessageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: z.union([z.string(), z.array(contentPart), z.null()]).optional(),
  name: z.string().optional(),
  tool_calls: z.array(toolCall).optional(),
  tool_call_id: z.string().optional(),
  function_call: z.looseObject({ name: z.string(), arguments: z.string() }).optional(),
});

const streamOptions = z.looseObject({ include_usage: z.boolean().optional() }).nullable().optional();

export const chatRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(chatMessageSchema),
  stream: z.boolean().nullable().optional(),
  stream_options: streamOptions,
  n: z.number().int().min(1).max(128).nullable().optional(),
  tools: z.array(z.looseObject({ type: z.string() })).optional(),
});

const tokenArray = z.array(z.number().int());
export const completionRequestSchema = z.looseObject({
  model: z.string().min(1),
  prompt: z.union([z.string(), z.array(z.string()), tokenArray, z.array(tokenArray)]),
  stream: z.boolean().nullable().optional(),
  stream_options: streamOptions,
  n: z.number().int().min(1).max(128).nullable().optional(),
});

export const embeddingRequestSchema = z.looseObject({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(z.string()).min(1), tokenArray.min(1), z.array(tokenArray).min(1)]),
  encoding_format: z.enum(['float', 'base64']).optional(),
  dimensions: z.number().int().positive().optional(),
});

export type ChatMessage = z.output<typeof chatMessageSchema>;
export type ChatRequest = z.output<typeof chatRequestSchema>;
export type CompletionRequest = z.output<typeof completionRequestSchema>;
export type EmbeddingRequest = z.output<typeof embeddingRequestSchema>;

/** The endpoints a backend model may serve, named as in key scopes and backend config. */
export type Endpoint = 'chat' | 'completions' | 'embeddings';

export interface Usage {
  prompt_tokens: number;
  completion_tokens?: number;
  total_tokens: number;
  [extra: string]: unknown;
}

/** A reply object (chat.completion, text_completion, list of embeddings) or one stream chunk, as JSON. */
export interface ReplyObject {
  model?: string;
  usage?: Usage | null;
  [field: string]: unknown;
}
