/**
 * Restore applied to OpenAI replies: every text field of a JSON reply, and of every stream chunk through its own
 * streaming restorer (see reply-text.ts for the fields and how held-back tails are released).
 */
import type { ChunkBatch } from '../backends/types.ts';
import type { ReplyObject } from '../protocol/openai.ts';
import { mapReplyTexts, mapStreamTexts } from './reply-text.ts';
import { createStreamRestorer, placeholderPrefixes, restoreText } from './restore.ts';
import type { RestoreMap } from './sanitize.ts';

export function restoreReply(body: ReplyObject, map: RestoreMap): void {
  if (map.size === 0) return;
  mapReplyTexts(body, (text, mode) => restoreText(text, map, mode));
}

export function restoreStream(batches: AsyncIterable<ChunkBatch>, map: RestoreMap): AsyncGenerator<ChunkBatch> {
  const prefixes = placeholderPrefixes(map);
  return mapStreamTexts(batches, (_key, mode) => createStreamRestorer(map, mode, prefixes));
}
