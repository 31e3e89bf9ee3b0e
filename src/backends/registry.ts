/**
 * The typed registry of backend kinds: one factory per `kind` in config. Adding a kind means adding one entry
 * here and one adapter module; nothing else in Airlock knows which kinds exist.
 */
import type { BackendConfig } from '../config/schema.ts';
import type { EgressClient, EgressTarget } from '../egress/client.ts';
import { createOllamaBackend } from './ollama.ts';
import { createOpenAIBackend } from './openai.ts';
import type { BackendAdapter } from './types.ts';

type BackendFactory = (cfg: BackendConfig, egress: EgressClient) => BackendAdapter;

const FACTORIES: Record<BackendConfig['kind'], BackendFactory> = {
  openai: (cfg, egress) => createOpenAIBackend(cfg, egress),
  ollama: (cfg, egress) => createOllamaBackend(cfg, egress),
};

export function createBackends(backends: readonly BackendConfig[], egress: EgressClient): ReadonlyMap<string, BackendAdapter> {
  return new Map(backends.map((b) => [b.id, FACTORIES[b.kind](b, egress)]));
}

/** The egress allowlist entries, derived from the same declarations and nothing else. */
export function egressTargets(backends: readonly BackendConfig[]): EgressTarget[] {
  return backends.map((b) => ({
    id: b.id,
    url: b.url,
    connectTimeoutMs: b.timeouts.connectTimeoutMs,
    headersTimeoutMs: b.timeouts.headersTimeoutMs,
    bodyTimeoutMs: b.timeouts.bodyTimeoutMs,
    connections: b.pool.connections,
    keepAliveTimeoutMs: b.pool.keepAliveTimeoutMs,
  }));
}
