/**
 * The composition root of `airlock serve`: builds the egress client, backends, catalogue, key ring and
 * pipeline from one frozen config, listens, reloads the key file when it changes, and drains on shutdown.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { createKeyRing, type KeyRing } from '../auth/api-keys.ts';
import { collectKeyRecords } from '../auth/key-records.ts';
import { createBackends, egressTargets } from '../backends/registry.ts';
import { readKeyFile, watchKeyFile } from '../config/key-file.ts';
import type { AirlockConfig } from '../config/schema.ts';
import { readOrCreateSecretKey } from '../config/secret-key-file.ts';
import { createEgressClient } from '../egress/client.ts';
import { createPipeline } from '../pipeline/pipeline.ts';
import { createTenantPolicies } from '../pipeline/tenant-policies.ts';
import { createModelCatalog } from '../routing/model-catalog.ts';
import { buildApp } from './app.ts';
import { createInFlight } from './in-flight.ts';
import { createLogger, flushLogger } from './logger.ts';
import { createMetrics } from './metrics.ts';

export interface GatewayOptions {
  readonly logger?: Logger;
  /** Poll interval of the key file watcher. */
  readonly keyFilePollMs?: number;
}

export interface Gateway {
  readonly app: FastifyInstance;
  /** Base URL the gateway listens on, e.g. http://127.0.0.1:8080. */
  readonly url: string;
  /** Stops accepting, lets requests and streams finish for `server.shutdownGraceMs`, aborts the rest, closes. */
  close(): Promise<void>;
}

export async function startGateway(config: AirlockConfig, options: GatewayOptions = {}): Promise<Gateway> {
  const logger = options.logger ?? createLogger(config.logging.level);
  let keyRing: KeyRing = createKeyRing(collectKeyRecords(config, readKeyFile(config.dataDir)));
  const stopWatching = watchKeyFile(
    config.dataDir,
    () => {
      try {
        keyRing = createKeyRing(collectKeyRecords(config, readKeyFile(config.dataDir)));
        logger.info({ keys: keyRing.size }, 'key file reloaded');
      } catch (err) {
        logger.warn({ reason: (err as Error).message }, 'key file rejected; the previous keys stay in force');
      }
    },
    options.keyFilePollMs,
  );

  const egress = createEgressClient(egressTargets(config.backends));
  const backends = createBackends(config.backends, egress);
  const catalog = createModelCatalog(config);
  const inFlight = createInFlight();
  let closing = false;
  const policies = createTenantPolicies(config, config.secretKey ?? readOrCreateSecretKey(config.dataDir));
  const deps = { keyRing: () => keyRing, catalog, backends, policies, inFlight, isClosing: () => closing };
  const app = buildApp({
    ...deps,
    pipeline: createPipeline(deps),
    logger,
    metrics: createMetrics(),
    bodyLimitBytes: config.server.bodyLimitBytes,
    serveMetrics: config.server.metrics,
  });
  await app.listen({ host: config.server.host, port: config.server.port });
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  logger.info({ host: address.address, port: address.port, backends: backends.size, keys: keyRing.size }, 'gateway listening');

  let closed: Promise<void> | null = null;
  return {
    app,
    url: `http://${host}:${address.port}`,
    close() {
      closed ??= (async () => {
        closing = true;
        stopWatching();
        const stopped = app.close();
        const clean = await inFlight.drain(config.server.shutdownGraceMs);
        // Connections that went idle after close() began would otherwise wait out the keep-alive timeout.
        app.server.closeIdleConnections();
        const force = setTimeout(() => app.server.closeAllConnections(), 1_000).unref();
        await stopped;
        clearTimeout(force);
        await egress.close();
        logger.info({ clean }, 'gateway stopped');
        flushLogger(logger);
      })();
      return closed;
    },
  };
}
