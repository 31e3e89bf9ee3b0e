/**
 * The composition root of `airlock serve`: builds the egress client, backends, health tracking, router, and the
 * reloadable runtime (keys, catalogue, policies) from one frozen config; listens; reloads the key file and the
 * configuration when they change; and drains on shutdown.
 */
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { createKeyRing, type KeyRecord } from '../auth/api-keys.ts';
import { openConfiguredAuditLog } from '../audit/open.ts';
import { collectKeyRecords } from '../auth/key-records.ts';
import { createBackends, egressTargets } from '../backends/registry.ts';
import type { BackendAdapter } from '../backends/types.ts';
import { readKeyFile, watchKeyFile } from '../config/key-file.ts';
import { restartOnlyChanges } from '../config/reload.ts';
import type { AirlockConfig } from '../config/schema.ts';
import { readOrCreateSecretKey } from '../config/secret-key-file.ts';
import { watchFileChanges } from '../config/watch.ts';
import { createEgressClient } from '../egress/client.ts';
import { ConfigError } from '../errors.ts';
import type { Runtime } from '../pipeline/context.ts';
import { createPipeline } from '../pipeline/pipeline.ts';
import { createBulkWatch } from '../policy/bulk-extraction.ts';
import { createTenantPolicies } from '../pipeline/tenant-policies.ts';
import { createBackendHealth, type BackendHealth, type Clock } from '../routing/health.ts';
import { createModelCatalog } from '../routing/model-catalog.ts';
import { createRouter } from '../routing/router.ts';
import { buildApp } from './app.ts';
import { createInFlight } from './in-flight.ts';
import { createLogger, flushLogger } from './logger.ts';
import { createMetrics, type GatewayMetrics } from './metrics.ts';

export interface GatewayOptions {
  readonly logger?: Logger;
  /** Poll interval of the key file and configuration file watchers. */
  readonly keyFilePollMs?: number;
  /** Where the configuration came from: watched, and re-read by reload(). Absent for embedded defaults. */
  readonly configSource?: { readonly path: string; load(): AirlockConfig };
  /** Time source of the circuit breakers and active checks (tests pass a fake one). */
  readonly clock?: Clock;
}

export type ReloadResult =
  | { readonly status: 'applied'; readonly policies: Readonly<Record<string, string>> }
  | { readonly status: 'unchanged' }
  | { readonly status: 'rejected'; readonly issues: readonly string[] };

export interface Gateway {
  readonly app: FastifyInstance;
  /** Base URL the gateway listens on, e.g. http://127.0.0.1:8080. */
  readonly url: string;
  readonly health: BackendHealth;
  /**
   * Applies a new configuration (default: re-read from configSource) when it is valid and changes only
   * reloadable sections; otherwise the running one stays in force. Requests in flight finish on the old one.
   */
  reload(next?: AirlockConfig): ReloadResult;
  /** Stops accepting, lets requests and streams finish for `server.shutdownGraceMs`, aborts the rest, closes. */
  close(): Promise<void>;
}

export async function startGateway(initial: AirlockConfig, options: GatewayOptions = {}): Promise<Gateway> {
  const logger = options.logger ?? createLogger(initial.logging.level);
  const masterSecret = initial.secretKey ?? readOrCreateSecretKey(initial.dataDir);
  let config = initial;
  let keyRecords = collectKeyRecords(config, readKeyFile(config.dataDir));
  let runtime = buildRuntime(config, masterSecret, keyRecords);

  const egress = createEgressClient(egressTargets(config.backends));
  const backends = createBackends(config.backends, egress);
  const metrics = createMetrics();
  const audit = await openConfiguredAuditLog(config, logger, (kind) => metrics.countAuditFailure(kind));
  audit.appendLater({ kind: 'admin.config_applied', time: new Date().toISOString(), reason: 'start', policies: runtime.policies.hashes, keys: keyIds(keyRecords) });
  const health = createHealth(config, backends, logger, metrics, options.clock);
  const router = createRouter({
    backends,
    placement: new Map(config.backends.map((b) => [b.id, { priority: b.priority, weight: b.weight }])),
    health,
    settings: config.routing,
    onAttempt: (backend, result) => metrics.countAttempt(backend, result),
  });
  const inFlight = createInFlight();
  let closing = false;
  const app = buildApp({
    runtime: () => runtime,
    backends,
    inFlight,
    isClosing: () => closing,
    pipeline: createPipeline({ router, bulk: createBulkWatch(() => (options.clock ?? Date).now()), audit }),
    audit,
    logger,
    metrics,
    bodyLimitBytes: config.server.bodyLimitBytes,
    serveMetrics: config.server.metrics,
  });

  const stopWatchingKeys = watchKeyFile(
    config.dataDir,
    () => {
      try {
        const records = collectKeyRecords(config, readKeyFile(config.dataDir));
        runtime = { ...runtime, keyRing: createKeyRing(records) };
        auditKeyChanges(keyRecords, records);
        keyRecords = records;
        logger.info({ keys: runtime.keyRing.size }, 'key file reloaded');
      } catch (err) {
        logger.warn({ reason: (err as Error).message }, 'key file rejected; the previous keys stay in force');
      }
    },
    options.keyFilePollMs,
  );

  /** Keys added or removed, by tenant and id (never the key or its hash), as one administrative event. */
  function auditKeyChanges(before: readonly KeyRecord[], after: readonly KeyRecord[]): void {
    const ids = (records: readonly KeyRecord[]) => new Map(records.map((r) => [`${r.tenant}\0${r.id}\0${r.hash}`, { tenant: r.tenant, id: r.id }]));
    const old = ids(before);
    const now = ids(after);
    const added = [...now].filter(([k]) => !old.has(k)).map(([, v]) => v);
    const removed = [...old].filter(([k]) => !now.has(k)).map(([, v]) => v);
    if (added.length + removed.length > 0) audit.appendLater({ kind: 'admin.keys_changed', time: new Date().toISOString(), added, removed });
  }

  function reload(next?: AirlockConfig): ReloadResult {
    const result = tryReload(next);
    metrics.countReload(result.status);
    if (result.status === 'applied') {
      logger.info({ policies: result.policies }, 'configuration reloaded');
      audit.appendLater({ kind: 'admin.config_applied', time: new Date().toISOString(), reason: 'reload', policies: result.policies, keys: keyIds(keyRecords) });
    }
    if (result.status === 'rejected') logger.warn({ issues: result.issues }, 'configuration rejected; the running one stays in force');
    return result;
  }

  function tryReload(next?: AirlockConfig): ReloadResult {
    let candidate: AirlockConfig;
    try {
      if (next) candidate = next;
      else if (options.configSource) candidate = options.configSource.load();
      else return { status: 'rejected', issues: ['the gateway runs on embedded defaults; there is no file to reload'] };
      if (isDeepStrictEqual(config, candidate)) return { status: 'unchanged' };
      const restart = restartOnlyChanges(config, candidate);
      if (restart.length > 0) return { status: 'rejected', issues: restart.map((s) => `${s}: changes here need a restart`) };
      const records = collectKeyRecords(candidate, readKeyFile(candidate.dataDir));
      const built = buildRuntime(candidate, masterSecret, records);
      auditKeyChanges(keyRecords, records);
      config = candidate;
      keyRecords = records;
      runtime = built;
      return { status: 'applied', policies: built.policies.hashes };
    } catch (err) {
      return { status: 'rejected', issues: err instanceof ConfigError ? err.issues : [(err as Error).message] };
    }
  }

  const stopWatchingConfig = options.configSource
    ? watchFileChanges(options.configSource.path, () => reload(), options.keyFilePollMs)
    : () => undefined;

  await app.listen({ host: config.server.host, port: config.server.port });
  health.start();
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  logger.info(
    { host: address.address, port: address.port, backends: backends.size, keys: runtime.keyRing.size, policies: runtime.policies.hashes },
    'gateway listening',
  );

  let closed: Promise<void> | null = null;
  return {
    app,
    url: `http://${host}:${address.port}`,
    health,
    reload,
    close() {
      closed ??= (async () => {
        closing = true;
        stopWatchingKeys();
        stopWatchingConfig();
        health.stop();
        const stopped = app.close();
        const clean = await inFlight.drain(config.server.shutdownGraceMs);
        // Connections that went idle after close() began would otherwise wait out the keep-alive timeout.
        app.server.closeIdleConnections();
        const force = setTimeout(() => app.server.closeAllConnections(), 1_000).unref();
        await stopped;
        clearTimeout(force);
        await egress.close();
        await audit.close().catch((err: unknown) => logger.error({ err: { type: (err as Error).name } }, 'audit log did not close cleanly'));
        logger.info({ clean }, 'gateway stopped');
        flushLogger(logger);
      })();
      return closed;
    },
  };
}

function keyIds(records: readonly KeyRecord[]): { tenant: string; id: string }[] {
  return records.map((r) => ({ tenant: r.tenant, id: r.id })).sort((a, b) => (a.tenant + a.id < b.tenant + b.id ? -1 : 1));
}

/** Everything a reload replaces, built completely before it is swapped in: a bad policy fails here, not later. */
function buildRuntime(config: AirlockConfig, masterSecret: string, keyRecords: readonly KeyRecord[]): Runtime {
  return {
    keyRing: createKeyRing(keyRecords),
    catalog: createModelCatalog(config),
    policies: createTenantPolicies(config, masterSecret),
  };
}

function createHealth(
  config: AirlockConfig,
  backends: ReadonlyMap<string, BackendAdapter>,
  logger: Logger,
  metrics: GatewayMetrics,
  clock: Clock | undefined,
): BackendHealth {
  const targets = config.backends.map((b) => {
    const backend = backends.get(b.id) as BackendAdapter;
    return { id: b.id, settings: b.health, probe: (signal: AbortSignal) => backend.probe(signal) };
  });
  for (const { id } of targets) metrics.setCircuitState(id, 'closed');
  return createBackendHealth(targets, {
    ...(clock ? { clock } : {}),
    onStateChange(id, state) {
      metrics.setCircuitState(id, state);
      if (state === 'open') logger.warn({ backend: id, circuit: state }, 'backend taken out of service');
      else logger.info({ backend: id, circuit: state }, state === 'closed' ? 'backend back in service' : 'backend on trial');
    },
  });
}
