/**
 * Prometheus metrics, on a registry of their own per gateway (so tests can run several). Labels are config ids,
 * endpoint names, status codes and error codes only: no model name a caller typed, no key, no text.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface GatewayMetrics {
  readonly registry: Registry;
  readonly requests: Counter<'endpoint' | 'tenant' | 'backend' | 'status' | 'code'>;
  readonly duration: Histogram<'endpoint' | 'stream'>;
}

export function createMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'airlock_process_' });
  return {
    registry,
    requests: new Counter({
      name: 'airlock_requests_total',
      help: 'Requests handled, by endpoint, tenant, backend, HTTP status and Airlock error code.',
      labelNames: ['endpoint', 'tenant', 'backend', 'status', 'code'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'airlock_request_duration_seconds',
      help: 'Time from request received to reply finished (end of stream for streams).',
      labelNames: ['endpoint', 'stream'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers: [registry],
    }),
  };
}
