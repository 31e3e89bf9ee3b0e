/**
 * Restore: puts this request's pseudonyms back into the reply, as JSON or chunk by chunk while streaming. With
 * nothing to restore the reply passes untouched and the stream is not wrapped at all.
 */
import { restoreReply, restoreStream } from '../../transform/reply-restore.ts';
import { need, type RequestContext } from '../context.ts';

export function createRestoreStage() {
  return function restore(ctx: RequestContext): void {
    const map = need(ctx.transform).restore;
    const reply = need(ctx.reply);
    if (map.size === 0) return;
    if (reply.kind === 'json') restoreReply(reply.body, map);
    else ctx.reply = { kind: 'stream', batches: restoreStream(reply.batches, map) };
  };
}
