/**
 * What the gateway records about each request once its reply is finished: one log line and the metrics. Only
 * ids from config (tenant, key id, alias, backend), the endpoint, status, error code and timings; a model name
 * the caller typed is recorded only after it was found to be a real alias.
 */
import type { Logger } from 'pino';
import type { GatewayMetrics } from './metrics.ts';

export interface RequestRecord {
  endpoint: string;
  tenant?: string | undefined;
  keyId?: string | undefined;
  model?: string | undefined;
  backend?: string | undefined;
  stream: boolean;
  code: string | null;
  /** Set once the record was written, so a reply is never counted twice. */
  written: boolean;
}

export function newRequestRecord(endpoint: string): RequestRecord {
  return { endpoint, stream: false, code: null, written: false };
}

export function writeRequestRecord(
  logger: Logger,
  metrics: GatewayMetrics,
  requestId: string,
  record: RequestRecord,
  status: number,
  elapsedMs: number,
): void {
  if (record.written) return;
  record.written = true;
  const latencyMs = Math.round(elapsedMs * 1000) / 1000;
  logger.info(
    {
      reqId: requestId,
      endpoint: record.endpoint,
      tenant: record.tenant,
      keyId: record.keyId,
      model: record.model,
      backend: record.backend,
      stream: record.stream,
      status,
      code: record.code ?? undefined,
      latencyMs,
    },
    'request finished',
  );
  metrics.requests.inc({
    endpoint: record.endpoint,
    tenant: record.tenant ?? 'none',
    backend: record.backend ?? 'none',
    status: String(status),
    code: record.code ?? 'none',
  });
  metrics.duration.observe({ endpoint: record.endpoint, stream: String(record.stream) }, elapsedMs / 1000);
}
