/**
 * The airlock.yaml files of the proxy benchmark's two gateways. `airlock` is the gateway as a first user runs it:
 * one on-prem backend and the built-in default policy. `airlock+policy` makes every stage do real work on the
 * 10-finding prompt (bench/lib/pii-prompt.ts): a policy with explicit actions, classification, level rules and a
 * business term; jurisdictions by containment; and the alias served by two backends, of which residency must
 * exclude one on every request.
 */
import { BACKEND_MODEL, PUBLIC_MODEL } from './fixtures.ts';
import { BUSINESS_TERM } from './pii-prompt.ts';

/** The backend ids of the full gateway: the one it must use and the one residency must exclude. */
export const FULL_BACKEND_DE = 'bench-de';
export const FULL_BACKEND_US = 'bench-us';
export const FULL_LEVEL = 'confidential';

interface Common {
  readonly port: number;
  readonly dataDir: string;
  readonly keyHash: string;
}

function head({ port, dataDir }: Common): string[] {
  return ['server:', '  host: 127.0.0.1', `  port: ${port}`, 'logging:', '  level: info', `dataDir: ${JSON.stringify(dataDir)}`];
}

function backend(id: string, url: string, jurisdiction: string, extra: readonly string[] = []): string[] {
  return [
    `  - id: ${id}`,
    '    kind: openai',
    `    url: ${url}`,
    `    jurisdiction: ${jurisdiction}`,
    '    models:',
    `      ${PUBLIC_MODEL}: ${BACKEND_MODEL}`,
    // As many pooled connections as the floor's agent, so neither side queues where the other does not.
    '    pool:',
    '      connections: 128',
    ...extra,
  ];
}

function tenant(keyHash: string, policy?: string): string[] {
  return [
    'tenants:',
    '  - id: bench',
    ...(policy === undefined ? [] : [`    policy: ${policy}`]),
    '    keys:',
    `      - { id: bench, hash: ${JSON.stringify(keyHash)} }`,
  ];
}

/** The plain gateway: one on-prem backend, the default policy. */
export function airlockConfig(common: Common & { readonly backendPort: number }): string {
  return [
    ...head(common),
    'backends:',
    ...backend('bench', `http://127.0.0.1:${common.backendPort}/v1`, 'on-prem'),
    ...tenant(common.keyHash),
    '',
  ].join('\n');
}

/**
 * The full gateway. The US backend comes first by priority, so only the residency decision keeps requests away
 * from it; nothing listens on its port (`unusedPort`) and retries are off, so a request routed there would be a
 * 502 — a failed verification before the load, a warning row during it — and never a silent retry to DE. It
 * has no active health checks, so it receives no traffic at all.
 */
export function fullConfig(common: Common & { readonly backendPort: number; readonly unusedPort: number }): string {
  return [
    ...head(common),
    'jurisdictions:',
    '  on-prem: { within: DE }',
    '  DE: { within: EU }',
    '  EU: {}',
    '  US: {}',
    'backends:',
    ...backend(FULL_BACKEND_US, `http://127.0.0.1:${common.unusedPort}/v1`, 'US', [
      '    priority: 0',
      '    weight: 1',
      '    health: { checkIntervalMs: 0 }',
    ]),
    ...backend(FULL_BACKEND_DE, `http://127.0.0.1:${common.backendPort}/v1`, 'DE', ['    priority: 1', '    weight: 1']),
    'routing:',
    '  retries: 0',
    ...tenant(common.keyHash, 'crm'),
    'policies:',
    '  crm:',
    // The prompt's types, named (their defaults, stated); everything else keeps the built-in defaults.
    '    entities: { EMAIL: pseudonymize, PHONE: pseudonymize, PERSON: pseudonymize, ADDRESS: pseudonymize, IBAN: mask, BUSINESS: pseudonymize }',
    '    classification: { EMAIL: confidential, PHONE: confidential, PERSON: confidential, ADDRESS: confidential, IBAN: confidential, BUSINESS: confidential }',
    '    baseLevel: public',
    '    levels: { restricted: [on-prem], confidential: [EU], internal: [any], public: [any] }',
    '    business:',
    `      terms: [${JSON.stringify(BUSINESS_TERM)}]`,
    '    placeholderInstruction: false',
    '',
  ].join('\n');
}
