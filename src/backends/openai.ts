/**
 * Adapter for OpenAI-compatible servers (vLLM, llama.cpp server, TGI's Messages API, LM Studio, Ollama's /v1).
 * The body goes through as sent, except `model`, which becomes the backend's own name; streams are SSE, parsed
 * event by event (in one batch per network read) so later stages can inspect and restore each chunk.
 */
import { AirlockError } from '../errors.ts';
import type { EgressClient } from '../egress/client.ts';
import type { ReplyObject } from '../protocol/openai.ts';
import { assertOk, backendHeaders, joinUrl, parseSseJson, probeGet, readJson, type BackendHttpConfig } from './http.ts';
import type { BackendAdapter, BackendReply, CallOptions } from './types.ts';

export function createOpenAIBackend(cfg: BackendHttpConfig, egress: EgressClient): BackendAdapter {
  const jsonHeaders = backendHeaders(cfg);
  const sseHeaders = backendHeaders(cfg, 'text/event-stream');

  async function post(path: string, body: object, options: CallOptions, stream: boolean): Promise<BackendReply> {
    const res = await egress.request(cfg.id, {
      method: 'POST',
      url: joinUrl(cfg.url, path),
      headers: stream ? sseHeaders : jsonHeaders,
      body: JSON.stringify({ ...body, model: options.model }),
      signal: options.signal,
    });
    await assertOk(res);
    if (!stream) return { kind: 'json', body: checkReply(await readJson(res)) };
    return { kind: 'stream', batches: parseSseJson(res, checkReply) };
  }

  return {
    id: cfg.id,
    kind: 'openai',
    jurisdiction: cfg.jurisdiction,
    endpoints: new Set(cfg.endpoints),
    chat: (body, options) => post('chat/completions', body, options, body.stream === true),
    completions: (body, options) => post('completions', body, options, body.stream === true),
    async embeddings(body, options) {
      const reply = await post('embeddings', body, options, false);
      return (reply as { body: ReplyObject }).body;
    },
    probe: (signal) => probeGet(egress, cfg, 'models', signal),
  };
}

/** Some servers report failures inside a 200 body or a stream event; those are backend errors, never relayed. */
function checkReply(obj: Record<string, unknown>): ReplyObject {
  if ('error' in obj && obj.error) throw new AirlockError('AIRLOCK_BACKEND_ERROR', { detail: '(error reported in the reply)' });
  return obj;
}
