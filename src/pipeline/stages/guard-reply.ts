/**
 * Guard reply: checks the restored reply for the canary, exfiltration links and leaked secrets or PII before
 * the caller sees it (transform/reply-guard.ts). A JSON reply is checked whole; a stream field by field as it
 * passes, holding back only what may still grow into something to catch. A stopped reply ends with
 * `finish_reason: "content_filter"`. What was found is in `ctx.output` (for a stream, complete at its end).
 */
import { knownValues } from '../../transform/known-values.ts';
import { createReplyGuard } from '../../transform/reply-guard.ts';
import { ReplyStopped, mapReplyTexts, mapStreamTexts, stopReplyBody } from '../../transform/reply-text.ts';
import { need, type RequestContext } from '../context.ts';

export function createGuardReplyStage() {
  return function guardReply(ctx: RequestContext): void {
    if (ctx.endpoint === 'embeddings') return;
    const policy = need(ctx.policy);
    const rules = policy.output;
    if (rules.leaks.action === 'off' && rules.links.action === 'off' && ctx.canary === undefined) return;
    const inspection = need(ctx.inspection);
    const guard = createReplyGuard({ rules, engine: policy.engine, canary: ctx.canary, known: () => knownValues(inspection.units) });
    ctx.output = guard.outcome;
    const reply = need(ctx.reply);
    if (reply.kind === 'stream') {
      ctx.reply = { kind: 'stream', batches: mapStreamTexts(reply.batches, (_key, mode) => guard.stream(mode)) };
      return;
    }
    try {
      mapReplyTexts(reply.body, (text, mode) => guard.text(text, mode));
    } catch (err) {
      if (!(err instanceof ReplyStopped)) throw err;
      stopReplyBody(reply.body);
    }
  };
}
