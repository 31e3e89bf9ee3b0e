/**
 * Validate: the body must match the endpoint's OpenAI request shape. The error names the offending field and
 * the rule it broke (`messages[0].content: expected string…`), never the value sent.
 */
import type { z } from 'zod';
import { describeIssue, formatPath } from '../../config/load.ts';
import { AirlockError } from '../../errors.ts';
import {
  chatRequestSchema,
  completionRequestSchema,
  embeddingRequestSchema,
  type Endpoint,
} from '../../protocol/openai.ts';
import type { RequestContext } from '../context.ts';

const SCHEMAS: Record<Endpoint, z.ZodType> = {
  chat: chatRequestSchema,
  completions: completionRequestSchema,
  embeddings: embeddingRequestSchema,
};

export function createValidateStage() {
  return function validate(ctx: RequestContext): void {
    const body = ctx.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new AirlockError('AIRLOCK_REQUEST_INVALID', { detail: 'The body must be a JSON object.' });
    }
    if (ctx.endpoint === 'chat' && Array.isArray((body as { messages?: unknown }).messages) && (body as { messages: unknown[] }).messages.length === 0) {
      throw new AirlockError('AIRLOCK_REQUEST_EMPTY_MESSAGES', { param: 'messages' });
    }
    const result = SCHEMAS[ctx.endpoint].safeParse(body);
    if (!result.success) {
      const issue = result.error.issues[0] as z.core.$ZodIssue;
      const param = formatPath(issue.path);
      const reason = issue.code === 'invalid_type' && issue.message.endsWith('received undefined') ? 'is required' : describeIssue(issue);
      throw new AirlockError('AIRLOCK_REQUEST_INVALID', { param, detail: `${param}: ${reason}.` });
    }
    ctx.request = result.data as RequestContext['request'];
  };
}
