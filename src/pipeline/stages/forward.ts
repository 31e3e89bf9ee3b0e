/** Forward: hands the sanitized request to the chosen backend adapter, the one step that leaves the process. */
import type { Sanitized } from '../../backends/types.ts';
import type { ChatRequest, CompletionRequest, EmbeddingRequest } from '../../protocol/openai.ts';
import { need, type RequestContext } from '../context.ts';

export function createForwardStage() {
  return async function forward(ctx: RequestContext): Promise<void> {
    const backend = need(ctx.backend);
    const body = need(ctx.sanitized);
    const options = { model: need(ctx.backendModel), signal: ctx.signal };
    switch (ctx.endpoint) {
      case 'chat':
        ctx.reply = await backend.chat(body as Sanitized<ChatRequest>, options);
        break;
      case 'completions':
        ctx.reply = await backend.completions(body as Sanitized<CompletionRequest>, options);
        break;
      case 'embeddings':
        ctx.reply = { kind: 'json', body: await backend.embeddings(body as Sanitized<EmbeddingRequest>, options) };
        break;
    }
  };
}
