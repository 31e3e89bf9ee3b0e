/**
 * The embedded defaults of `airlock serve` without a config file: loopback only, one backend at Ollama's default
 * address (declared on-prem), and a development tenant whose key lives in the managed key file under dataDir.
 * `airlock init` writes the same shape as a commented airlock.yaml.
 */

export const DEV_TENANT = 'dev';

export function embeddedDefaults(): Record<string, unknown> {
  return {
    server: { host: '127.0.0.1', port: 8080 },
    dataDir: './.airlock',
    jurisdictions: { 'on-prem': { within: 'DE' }, DE: { within: 'EU' }, EU: {} },
    backends: [
      {
        id: 'ollama-local',
        kind: 'openai',
        url: 'http://127.0.0.1:11434/v1',
        jurisdiction: 'on-prem',
        models: { 'shop-assistant': 'llama3.1:8b', 'shop-embed': 'nomic-embed-text' },
      },
    ],
    tenants: [{ id: DEV_TENANT }],
  };
}
