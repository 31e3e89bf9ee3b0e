/**
 * Prometheus metrics, on a registry of their own per gateway (so tests can run several). Labels are config ids,
 * endpoint names, status codes and error codes only: no model name a caller typed, no key, no text.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface GatewayMetrics {
  readonly registry: Registry;
  countRequest(endpoint: string, tenant: string, backend: string, status: number, code: string): void;
  observeDuration(endpoint: string, stream: boolean, seconds: number): void;
  /** `counts` maps "TYPE:action" to how many findings a request had. */
  countFindings(tenant: string, counts: Readonly<Record<string, number>>): void;
  /** One attempt to send a request to a backend: answered, failed and retried elsewhere, or failed for good. */
  countAttempt(backend: string, result: 'success' | 'retried' | 'failed'): void;
  setCircuitState(backend: string, state: 'closed' | 'half-open' | 'open'): void;
  countReload(status: 'applied' | 'unchanged' | 'rejected'): void;
  countInjection(tenant: string, verdict: string, action: string): void;
  /** What the reply guard found in one reply: `check` is leak, link or canary; `action` what was done. */
  countReplyGuard(tenant: string, check: string, action: string, n: number): void;
  countBulk(tenant: string, action: string): void;
  /** An audit event that could not be written after its request went ahead (completion, refusal, admin). */
  countAuditFailure(kind: string): void;
}

const CIRCUIT_STATE_VALUE = { closed: 0, 'half-open': 1, open: 2 } as const;

export function createMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'airlock_process_' });
  const requests = new Counter({
    name: 'airlock_requests_total',
    help: 'Requests handled, by endpoint, tenant, backend, HTTP status and Airlock error code.',
    labelNames: ['endpoint', 'tenant', 'backend', 'status', 'code'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'airlock_request_duration_seconds',
    help: 'Time from request received to reply finished (end of stream for streams).',
    labelNames: ['endpoint', 'stream'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [registry],
  });
  const findings = new Counter({
    name: 'airlock_findings_total',
    help: 'Sensitive values found in requests, by tenant, entity type and the action taken.',
    labelNames: ['tenant', 'type', 'action'] as const,
    registers: [registry],
  });
  const attempts = new Counter({
    name: 'airlock_backend_attempts_total',
    help: 'Attempts to send a request to a backend, by result: success, retried (failed, tried again) or failed.',
    labelNames: ['backend', 'result'] as const,
    registers: [registry],
  });
  const circuit = new Gauge({
    name: 'airlock_backend_circuit_state',
    help: 'Circuit breaker state per backend: 0 closed (in service), 1 half-open (on trial), 2 open (out of service).',
    labelNames: ['backend'] as const,
    registers: [registry],
  });
  const reloads = new Counter({
    name: 'airlock_config_reloads_total',
    help: 'Configuration reloads by outcome: applied, unchanged or rejected (the running configuration stayed).',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  const injections = new Counter({
    name: 'airlock_injection_total',
    help: 'Requests whose user or tool content scored as suspicious or as a prompt injection, by tenant, verdict and the action taken.',
    labelNames: ['tenant', 'verdict', 'action'] as const,
    registers: [registry],
  });
  const replyGuard = new Counter({
    name: 'airlock_reply_guard_total',
    help: 'Leaked values, exfiltration links and canaries found in replies, by tenant, check (leak, link, canary) and the action taken.',
    labelNames: ['tenant', 'check', 'action'] as const,
    registers: [registry],
  });
  const bulk = new Counter({
    name: 'airlock_bulk_extraction_total',
    help: "Requests from API keys above their policy's threshold of distinct PII values in a window, by tenant and action (flag, block).",
    labelNames: ['tenant', 'action'] as const,
    registers: [registry],
  });
  const auditFailures = new Counter({
    name: 'airlock_audit_failures_total',
    help: 'Audit events that could not be written, by kind. Decision events never count here: their request is refused instead.',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  // Label sets come from config ids and fixed codes, so there are few; binding each once saves prom-client's
  // per-call label hashing on the hot path.
  const counters = new Map<string, ReturnType<typeof requests.labels>>();
  const histograms = new Map<string, ReturnType<typeof duration.labels>>();
  const attemptChildren = new Map<string, ReturnType<typeof attempts.labels>>();
  return {
    registry,
    countRequest(endpoint, tenant, backend, status, code) {
      const key = `${endpoint}\0${tenant}\0${backend}\0${status}\0${code}`;
      let child = counters.get(key);
      if (!child) counters.set(key, (child = requests.labels(endpoint, tenant, backend, String(status), code)));
      child.inc();
    },
    observeDuration(endpoint, stream, seconds) {
      const key = `${endpoint}\0${stream}`;
      let child = histograms.get(key);
      if (!child) histograms.set(key, (child = duration.labels(endpoint, String(stream))));
      child.observe(seconds);
    },
    countFindings(tenant, counts) {
      for (const [key, n] of Object.entries(counts)) {
        const [type = '', action = ''] = key.split(':');
        findings.labels(tenant, type, action).inc(n);
      }
    },
    countAttempt(backend, result) {
      const key = `${backend}\0${result}`;
      let child = attemptChildren.get(key);
      if (!child) attemptChildren.set(key, (child = attempts.labels(backend, result)));
      child.inc();
    },
    setCircuitState: (backend, state) => circuit.labels(backend).set(CIRCUIT_STATE_VALUE[state]),
    countReload: (status) => reloads.labels(status).inc(),
    countInjection: (tenant, verdict, action) => injections.labels(tenant, verdict, action).inc(),
    countReplyGuard: (tenant, check, action, n) => replyGuard.labels(tenant, check, action).inc(n),
    countBulk: (tenant, action) => bulk.labels(tenant, action).inc(),
    countAuditFailure: (kind) => auditFailures.labels(kind).inc(),
  };
}
