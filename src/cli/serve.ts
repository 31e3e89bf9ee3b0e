/**
 * `airlock serve [--config FILE] [--host H] [--port P]`: runs the gateway until SIGTERM or SIGINT, then drains;
 * reloads the configuration file when it changes or on SIGHUP.
 * On the embedded defaults the development tenant's key is generated on first start, its hash stored under
 * dataDir, and the key shown once on stderr (never in the JSON log on stdout).
 */
import { generateApiKey, hashApiKey } from '../auth/api-keys.ts';
import { DEV_TENANT } from '../config/defaults.ts';
import { keyFilePath, readKeyFile, writeKeyFile } from '../config/key-file.ts';
import { loadConfig } from '../config/load.ts';
import type { AirlockConfig } from '../config/schema.ts';
import { startGateway } from '../server/gateway.ts';
import { parseCommandArgs } from './usage.ts';

export async function runServe(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    config: { type: 'string', short: 'c' },
    host: { type: 'string' },
    port: { type: 'string' },
  });
  const loadOptions = { path: values.config, overrides: { host: values.host, port: values.port } };
  const loaded = loadConfig(loadOptions);
  if (loaded.path === null) ensureDevelopmentKey(loaded.config);
  const path = loaded.path;
  // The file is watched and re-read on change; SIGHUP re-reads it at once (the usual daemon convention).
  const configSource = path === null ? undefined : { path, load: () => loadConfig({ ...loadOptions, path }).config };
  const gateway = await startGateway(loaded.config, configSource ? { configSource } : {});
  const onHangup = () => gateway.reload();
  process.on('SIGHUP', onHangup);
  process.stderr.write(`airlock: ${path ?? 'embedded defaults (no airlock.yaml)'}; listening on ${gateway.url}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  process.off('SIGHUP', onHangup);
  await gateway.close();
  return 0;
}

function ensureDevelopmentKey(config: AirlockConfig): void {
  const keys = readKeyFile(config.dataDir);
  if (keys.some((k) => k.tenant === DEV_TENANT)) return;
  const key = generateApiKey();
  keys.push({
    id: 'dev',
    tenant: DEV_TENANT,
    hash: hashApiKey(key),
    scopes: ['chat', 'completions', 'embeddings', 'models'],
    createdAt: new Date().toISOString(),
  });
  writeKeyFile(config.dataDir, keys);
  process.stderr.write(
    [
      '',
      'airlock: created the development API key (shown only this once; only its hash is stored):',
      '',
      `    ${key}`,
      '',
      `  stored in ${keyFilePath(config.dataDir)}; make another with: airlock keys create --tenant ${DEV_TENANT}`,
      `  (from a checkout: npm run airlock -- keys create --tenant ${DEV_TENANT})`,
      '',
    ].join('\n'),
  );
}
