/**
 * Training-data fixtures written into a temp directory: chat JSONL (string content, text parts, tool calls and
 * results, a prompt/completion pair, another object, a malformed line, a record with a secret, an inline
 * image) and CSV with a header and PII columns. Every planted value is listed, so a test can search outputs
 * for each one; the secret is assembled at run time so no token-shaped literal sits in the repository.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config/load.ts';
import type { AirlockConfig } from '../../../src/config/schema.ts';
import { createTenantPolicies, type TenantPolicy } from '../../../src/pipeline/tenant-policies.ts';

export const NAMES = ['Anna Schmidt', 'Bob Meyer', 'Carla Rossi', 'Eve Adams'] as const;
export const EMAILS = ['anna.schmidt@example.de', 'bob.meyer@example.org', 'carla.rossi@example.it', 'eve.adams@example.com'] as const;
export const PHONES = ['+49 30 1234567', '+44 20 7946 0958', '+39 06 69876543', '+1 212 555 0147'] as const;
export const IBAN = 'DE89370400440532013000';
export const SECRET = ['ghp', '4fT9kLm2Qx8vRz1Wc7Yb3Np6Hd0Js5Ga2Ke9'].join('_');
export const BIG_ID = '12345678901234567890';

/** Every value that must not survive sanitizing (the IBAN is masked to its last four characters). */
export const PLANTED: readonly string[] = [...NAMES, ...EMAILS, ...PHONES, IBAN, SECRET];

export const TEST_SECRET_KEY = '0123456789abcdef0123456789abcdef-test';

export function tempDir(prefix = 'airlock-dataset-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

const IMAGE = `data:image/png;base64,${Buffer.alloc(300, 7).toString('base64')}`;

/** The chat JSONL lines; line 4 is malformed, line 5 holds the secret, line 7 is blank. */
export function chatLines(): string[] {
  const args = JSON.stringify({ iban: IBAN, email: EMAILS[0] });
  const result = JSON.stringify({ status: 'ok', contact: EMAILS[1] });
  return [
    JSON.stringify({ messages: [
      { role: 'system', content: 'You are a helpful shop assistant.' },
      { role: 'user', content: `Hi, I am ${NAMES[0]}, my e-mail is ${EMAILS[0]} and my phone is ${PHONES[0]}.` },
      { role: 'assistant', content: `Thanks ${NAMES[0]}, I will reach you at ${EMAILS[0]}.` },
    ] }),
    JSON.stringify({ messages: [
      { role: 'user', content: [{ type: 'text', text: `Please refund to IBAN ${IBAN}.` }] },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'refund', arguments: args } }] },
      { role: 'tool', tool_call_id: 'call_1', content: result },
    ] }),
    `{"prompt":${JSON.stringify(`Write to ${EMAILS[1]} about order 77.`)},"completion":"Dear ${NAMES[1]}, your order has shipped.","id":${BIG_ID},"weight":1.50}`,
    '{"messages": [ NOT JSON',
    JSON.stringify({ messages: [{ role: 'user', content: `Our deploy token is ${SECRET} please keep it safe` }] }),
    JSON.stringify({ input: { text: `Call ${NAMES[2]} on ${PHONES[2]}` }, meta: { source: 'crm' } }),
    '',
    JSON.stringify({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: IMAGE } }, { type: 'text', text: `${NAMES[2]} here, ${EMAILS[2]}` }] }] }),
  ];
}

/** CSV rows; the row for Dan (line 6) has too few columns. */
export function customerCsv(): string {
  return [
    'id,name,email,phone,note',
    `1,${NAMES[0]},${EMAILS[0]},${PHONES[0]},"Prefers e-mail, not ""phone"""`,
    `2,${NAMES[1]},${EMAILS[1]},${PHONES[1]},"Refund to ${IBAN}"`,
    `3,${NAMES[2]},${EMAILS[2]},${PHONES[2]},"Multi-line`,
    `note for ${NAMES[2]}"`,
    '4,Dan,dan@example.com',
    `5,${NAMES[3]},${EMAILS[3]},${PHONES[3]},plain`,
    '',
  ].join('\n');
}

export function writeChatJsonl(dir: string, name = 'chat.jsonl'): string {
  const path = join(dir, name);
  writeFileSync(path, `${chatLines().join('\n')}\n`);
  return path;
}

export function writeCustomerCsv(dir: string, name = 'customers.csv'): string {
  const path = join(dir, name);
  writeFileSync(path, customerCsv());
  return path;
}

/** An airlock.yaml whose dataDir (audit log, signing key) is inside `dir`; one tenant `shop` unless `extra` lists tenants. */
export function writeConfig(dir: string, extra = ''): string {
  const path = join(dir, 'airlock.yaml');
  writeFileSync(path, [
    `dataDir: ${JSON.stringify(join(dir, 'data'))}`,
    `secretKey: ${JSON.stringify(TEST_SECRET_KEY)}`,
    'backends: [{ id: b, kind: openai, url: "http://127.0.0.1:9/v1", jurisdiction: on-prem, models: { m: m } }]',
    extra.includes('tenants:') ? '' : 'tenants: [{ id: shop }]',
    extra,
  ].join('\n'));
  return path;
}

/** The configuration in `dir` (written with `extra`) and its tenant's compiled policy. */
export function tenantPolicy(dir: string, extra = '', tenant = 'shop'): { config: AirlockConfig; policy: TenantPolicy } {
  const { config } = loadConfig({ path: writeConfig(dir, extra) });
  return { config, policy: createTenantPolicies(config, TEST_SECRET_KEY).forTenant(tenant) };
}
