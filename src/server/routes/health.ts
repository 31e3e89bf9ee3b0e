/**
 * Liveness and readiness. /healthz answers while the process runs. /readyz probes every backend (in parallel,
 * with a short timeout, cached briefly so a load balancer polling it cannot turn it into load on the backends)
 * and is ready while at least one answers; during shutdown every route, this one included, answers 503.
 * Replies carry counts only, not backend names or addresses.
 */
import type { FastifyInstance } from 'fastify';
import type { BackendAdapter } from '../../backends/types.ts';

export interface HealthRouteDeps {
  readonly backends: ReadonlyMap<string, BackendAdapter>;
  readonly readinessProbeTimeoutMs?: number;
  readonly readinessCacheMs?: number;
}

interface Readiness {
  readonly at: number;
  readonly up: number;
}

export function registerHealthRoutes(app: FastifyInstance, deps: HealthRouteDeps): void {
  const timeoutMs = deps.readinessProbeTimeoutMs ?? 1_000;
  const cacheMs = deps.readinessCacheMs ?? 2_000;
  let cached: Readiness | null = null;
  let probing: Promise<Readiness> | null = null;

  async function probeAll(): Promise<Readiness> {
    const results = await Promise.all(
      [...deps.backends.values()].map((b) => b.probe(AbortSignal.timeout(timeoutMs)).catch(() => false)),
    );
    return { at: Date.now(), up: results.filter(Boolean).length };
  }

  app.get('/healthz', () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    if (!cached || Date.now() - cached.at > cacheMs) {
      probing ??= probeAll().finally(() => (probing = null));
      cached = await probing;
    }
    const ready = cached.up > 0;
    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? 'ready' : 'no_backend_reachable', backendsUp: cached.up, backendsTotal: deps.backends.size });
  });
}
