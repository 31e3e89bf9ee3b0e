/**
 * Sanitize: applies the policy's action to every finding and produces the branded request that is the only
 * thing a backend accepts. When the policy asks for it and pseudonyms were issued, a short system message tells
 * the model to copy placeholders verbatim, which is what makes restoring them reliable.
 */
import type { Sanitized } from '../../backends/types.ts';
import type { ChatRequest } from '../../protocol/openai.ts';
import { sanitizeRequest } from '../../transform/sanitize.ts';
import { need, type InferenceRequest, type RequestContext } from '../context.ts';

export const PLACEHOLDER_INSTRUCTION =
  'Some values in this conversation were replaced by placeholders in square brackets, such as [EMAIL_1a2b3c4d]. ' +
  'When you refer to such a value, copy its placeholder exactly as written; do not change, translate or explain it.';

export function createSanitizeStage() {
  return function sanitize(ctx: RequestContext): void {
    const policy = need(ctx.policy);
    const { request, ...outcome } = sanitizeRequest<InferenceRequest>(need(ctx.inspection), policy.actions, policy.keys);
    if (policy.placeholderInstruction && outcome.restore.size > 0 && ctx.endpoint === 'chat') {
      (request as Sanitized<ChatRequest>).messages.unshift({ role: 'system', content: PLACEHOLDER_INSTRUCTION });
    }
    ctx.sanitized = request;
    ctx.transform = outcome;
  };
}
