/**
 * Canary: when the policy asks for it, a random marker made for this request alone opens the first system (or
 * developer) message, where a model reciting its instructions repeats it first. The reply guard stops any reply
 * that contains it, however spaced or cased, and the request is recorded as a system-prompt leak. A request
 * without a system prompt has nothing to leak and gets no canary.
 */
import { randomBytes } from 'node:crypto';
import type { Sanitized } from '../../backends/types.ts';
import type { ChatRequest } from '../../protocol/openai.ts';
import { need, type RequestContext } from '../context.ts';

export function createCanaryStage() {
  return function canary(ctx: RequestContext): void {
    if (ctx.endpoint !== 'chat' || !need(ctx.policy).output.canary) return;
    const request = need(ctx.sanitized) as Sanitized<ChatRequest>;
    const system = request.messages.find((m) => m.role === 'system' || m.role === 'developer');
    if (!system) return;
    const token = randomBytes(8).toString('hex');
    const line = `<!-- ${token} -->\n`;
    if (Array.isArray(system.content)) system.content.unshift({ type: 'text', text: line });
    else system.content = line + (system.content ?? '');
    ctx.canary = token;
  };
}
