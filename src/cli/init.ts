/**
 * `airlock init [--out FILE] [--force]`: writes a commented airlock.yaml holding a freshly generated API key's
 * hash for a first tenant, and prints that key once. The file is validated before it is written, so what init
 * writes always starts.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { generateApiKey, hashApiKey } from '../auth/api-keys.ts';
import { DEFAULT_CONFIG_FILE, parseConfigText } from '../config/load.ts';
import { CliUsageError, parseCommandArgs } from './usage.ts';

export async function runInit(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    tenant: { type: 'string' },
  });
  const path = resolve(values.out ?? DEFAULT_CONFIG_FILE);
  if (existsSync(path) && !values.force) throw new CliUsageError(`${path} exists; pass --force to overwrite it`);
  const tenant = values.tenant ?? 'my-shop';
  const key = generateApiKey();
  const text = configTemplate(tenant, hashApiKey(key), randomBytes(32).toString('base64url'));
  parseConfigText(text, { baseDir: dirname(path), env: {} });
  writeFileSync(path, text, { mode: 0o600 });
  process.stderr.write(`wrote ${path}\nAPI key for tenant ${tenant} (shown only this once; the file holds its hash):\n`);
  process.stdout.write(`${key}\n`);
  return Promise.resolve(0);
}

function configTemplate(tenant: string, hash: string, secretKey: string): string {
  return `# Airlock configuration. Every option is described in docs/configuration.md.
# Unknown keys are refused at start. Secrets may be written as \${ENV_VAR} or file:/path/to/secret.

server:
  host: 127.0.0.1          # listen address; use 0.0.0.0 only behind a firewall or load balancer
  port: 8080
  bodyLimitBytes: 4mb      # larger request bodies get 413
  shutdownGraceMs: 10000   # SIGTERM lets requests and streams finish for this long
  metrics: true            # GET /metrics (Prometheus)

logging:
  level: info

dataDir: ./.airlock        # managed key file (airlock keys create) and later the audit log

# Master secret for pseudonyms and hashes (per-tenant keys are derived from it). Keep it, and share it
# between replicas; better: move it to a file and write  secretKey: file:/etc/airlock/secret.key
secretKey: "${secretKey}"

# Where data may be processed: each name may sit within a larger one.
jurisdictions:
  on-prem: { within: DE }
  DE: { within: EU }
  EU: {}

# Self-hosted backends. Nothing else is ever contacted.
backends:
  - id: ollama-local
    kind: openai                       # openai: vLLM, llama.cpp server, TGI, LM Studio, Ollama /v1; ollama: native API
    url: http://127.0.0.1:11434/v1
    jurisdiction: on-prem
    models:                            # public alias: the backend's own model name
      shop-assistant: llama3.1:8b
      shop-embed: nomic-embed-text
    # apiKey: \${VLLM_API_KEY}         # sent to the backend as a Bearer token
    timeouts: { connectTimeoutMs: 2000, headersTimeoutMs: 60000, bodyTimeoutMs: 120000 }
    pool: { connections: 64, keepAliveTimeoutMs: 30000 }
    priority: 0                        # lower is tried first; equal priorities share requests by weight
    weight: 1
    health: { failureThreshold: 3, openMs: 10000, maxOpenMs: 300000, checkIntervalMs: 10000, probeTimeoutMs: 2000 }

# Retries before the caller has a byte of the reply: on connect errors, 5xx and 429, to compliant backends only.
routing: { retries: 2, retryBaseDelayMs: 50, retryMaxDelayMs: 1000 }

# What happens to sensitive data and where it may go (docs/policies.md). Unnamed types keep the defaults:
# PII pseudonymized, cards redacted, IBANs masked, national ids redacted, secrets blocked. Edits to policies,
# tenants and jurisdictions apply without a restart (the file is watched; SIGHUP re-reads it at once).
policies:
  default:
    entities: { EMAIL: pseudonymize, PHONE: pseudonymize, CARD_NUMBER: redact, SECRET: block }
    classification: { PII: confidential, CARD_NUMBER: restricted, NATIONAL_ID: restricted, SECRET: restricted }
    levels:                            # level: jurisdictions allowed to receive it (each includes those within it)
      restricted: [on-prem]            # even when pseudonymized
      confidential: [on-prem, EU]      # or { jurisdictions: [on-prem], sanitized: [EU] } once values are replaced
      internal: [any]
      public: [any]
    business:
      terms: []                        # code names, supplier names
      patterns: []                     # e.g. 'CTR-\\d{4}-\\d{5}'
      jsonFields: [cost_price, margin, supplier]
    placeholderInstruction: false

tenants:
  - id: ${tenant}
    policy: default
    keys:
      - id: first-key
        hash: "${hash}"
        scopes: [chat, completions, embeddings, models]
`;
}
