import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load.ts';
import { createTenantPolicies } from '../../src/pipeline/tenant-policies.ts';
import { CLI, runCli, type CliResult } from '../helpers/cli.ts';

const EMAIL = 'anna.schmidt@example.de';
const CARD = '4111 1111 1111 1111';
const TOKEN = `ghp_${'a1B2c3D4e5F6'.repeat(3)}`;

const LEVELS = 'levels: { restricted: [on-prem], confidential: [EU], internal: [any], public: [any] }';

// de-small comes first so that choosing by weight, not by configuration order, is what the tests see.
function configText(euPolicy = `{ ${LEVELS} }`): string {
  return `
secretKey: "0123456789abcdef0123456789abcdef-test"
jurisdictions: { on-prem: { within: DE }, DE: { within: EU }, EU: {}, US: {}, vault: {} }
backends:
  - { id: local, kind: openai, url: "http://127.0.0.1:9/v1", jurisdiction: on-prem, priority: 1, models: { shop: m } }
  - { id: de-small, kind: openai, url: "http://127.0.0.1:9/v1", jurisdiction: DE, weight: 1, models: { shop: m } }
  - { id: de-big, kind: openai, url: "http://127.0.0.1:9/v1", jurisdiction: DE, weight: 3, models: { shop: m } }
  - { id: us, kind: openai, url: "http://127.0.0.1:9/v1", jurisdiction: US, models: { shop: m } }
  - { id: other-only, kind: openai, url: "http://127.0.0.1:9/v1", jurisdiction: EU, tenants: [other], models: { shop: m, private: m } }
policies:
  eu: ${euPolicy}
  vault: { levels: { restricted: [vault], confidential: [EU], internal: [any], public: [any] } }
tenants: [{ id: acme, policy: eu }, { id: other, policy: eu }, { id: vaulted, policy: vault }]
`;
}

function workspace(config = configText()): string {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-explain-'));
  writeFileSync(join(dir, 'airlock.yaml'), config);
  return dir;
}

function explain(dir: string, prompt: string, extra: string[] = [], tenant = 'acme'): CliResult {
  writeFileSync(join(dir, 'in.txt'), prompt);
  return runCli(['policy', 'explain', '--tenant', tenant, '--model', 'shop', ...extra, 'in.txt'], dir);
}

interface Candidate {
  backend: string;
  jurisdiction: string;
  priority: number;
  weight: number;
  compliant: boolean;
  reason: string;
  share: number;
}

interface Output {
  policy: { name: string; hash: string };
  findings: { type: string; start: number; end: number; path: string; detector: string; action: string; level: string }[];
  level: string;
  requestedLevel: string | null;
  decision: string;
  redactions: number;
  allowedJurisdictions: string[];
  candidates: Candidate[];
  chosen: { backend: string; reason: string } | null;
  refusal: { code: string; message: string } | null;
}

function explainJson(dir: string, prompt: string, extra: string[] = [], tenant = 'acme', status = 0): Output {
  const r = explain(dir, prompt, ['--format', 'json', ...extra], tenant);
  assert.equal(r.status, status, r.stderr);
  return JSON.parse(r.stdout) as Output;
}

function candidate(out: Output, id: string): Candidate {
  const found = out.candidates.find((c) => c.backend === id);
  assert.ok(found, `no candidate ${id}`);
  return found;
}

describe('airlock policy explain', () => {
  it('routes an e-mail (confidential, EU) to the weight-3 DE backend with 75% and rules out the US', () => {
    const prompt = `Mail ${EMAIL} please`;
    const out = explainJson(workspace(), prompt);
    assert.equal(out.level, 'confidential');
    assert.equal(out.requestedLevel, null);
    assert.equal(out.decision, 'sanitize');
    assert.equal(out.redactions, 1);
    assert.deepEqual(out.allowedJurisdictions, ['EU']);
    const [email] = out.findings;
    assert.deepEqual(email, { type: 'EMAIL', start: 5, end: 5 + EMAIL.length, path: 'messages[0].content', detector: 'pii.email', action: 'pseudonymize', level: 'confidential' });
    assert.equal(prompt.slice(email?.start, email?.end), EMAIL);
    assert.equal(candidate(out, 'us').compliant, false);
    assert.equal(candidate(out, 'us').reason, 'jurisdiction US is not within EU');
    assert.equal(candidate(out, 'de-big').share, 0.75);
    assert.equal(candidate(out, 'de-small').share, 0.25);
    assert.equal(candidate(out, 'local').share, 0, 'a compliant backend at a higher priority is only a fallback');
    assert.equal(out.chosen?.backend, 'de-big');
    assert.match(out.chosen?.reason ?? '', /priority 0, weight 3 of 4: 75% of requests/);
    assert.equal(out.refusal, null);
  });

  it('routes a card number (restricted by default) on-prem', () => {
    const out = explainJson(workspace(), `Card ${CARD} was declined`);
    assert.deepEqual(out.findings.map((f) => [f.type, f.level, f.action]), [['CARD_NUMBER', 'restricted', 'redact']]);
    assert.equal(out.level, 'restricted');
    assert.deepEqual(out.allowedJurisdictions, ['on-prem']);
    assert.deepEqual(out.candidates.filter((c) => c.compliant).map((c) => c.backend), ['local']);
    assert.equal(out.chosen?.backend, 'local');
  });

  it('lets a clean prompt go anywhere, the US included', () => {
    const out = explainJson(workspace(), 'What is the capital of France?');
    assert.deepEqual(out.findings, []);
    assert.equal(out.level, 'public');
    assert.equal(out.decision, 'allow');
    assert.equal(out.redactions, 0);
    assert.deepEqual(out.allowedJurisdictions, ['any']);
    assert.equal(candidate(out, 'us').compliant, true);
    assert.equal(candidate(out, 'us').share, 0.2);
    assert.equal(out.chosen?.backend, 'de-big');
  });

  it('never offers another tenant\'s dedicated backend', () => {
    const dir = workspace();
    const mine = explainJson(dir, 'hello');
    assert.deepEqual(mine.candidates.map((c) => c.backend), ['local', 'de-small', 'de-big', 'us']);
    const theirs = explainJson(dir, 'hello', [], 'other');
    assert.ok(theirs.candidates.some((c) => c.backend === 'other-only'), 'the dedicated backend is a candidate for its own tenant');
  });

  it('raises a clean prompt with --level, read like the x-airlock-level header', () => {
    const dir = workspace();
    const out = explainJson(dir, 'hello', ['--level', ' Restricted ']);
    assert.equal(out.level, 'restricted');
    assert.equal(out.requestedLevel, 'restricted');
    assert.deepEqual(out.allowedJurisdictions, ['on-prem']);
    assert.equal(out.chosen?.backend, 'local');
    const text = explain(dir, 'hello', ['--level', 'restricted']);
    assert.match(text.stdout, /^Level +restricted \(raised by --level restricted\)$/m);
  });

  it('never lowers a confidential prompt with --level public', () => {
    const dir = workspace();
    const out = explainJson(dir, `Mail ${EMAIL}`, ['--level', 'public']);
    assert.equal(out.level, 'confidential');
    assert.equal(out.requestedLevel, 'public');
    assert.deepEqual(out.allowedJurisdictions, ['EU']);
    assert.equal(candidate(out, 'us').compliant, false);
    assert.match(explain(dir, `Mail ${EMAIL}`, ['--level', 'public']).stdout, /^Level +confidential \(--level public does not lower it\)$/m);
  });

  it('inspects a JSON chat body, tool call arguments included, and ignores its model field', () => {
    const dir = workspace();
    const body = {
      model: 'not-a-model',
      messages: [
        { role: 'user', content: 'Look up the customer' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'find', arguments: JSON.stringify({ customer: { email: EMAIL } }) } }] },
      ],
    };
    const out = explainJson(dir, JSON.stringify(body));
    assert.deepEqual(out.findings.map((f) => [f.type, f.path]), [['EMAIL', 'messages[1].tool_calls[0].function.arguments.customer.email']]);
    assert.equal(out.level, 'confidential');
    assert.equal(out.chosen?.backend, 'de-big');
  });

  it('refuses a JSON body the endpoint does not accept, naming the field', () => {
    const r = explain(workspace(), JSON.stringify({ messages: [{ role: 'robot', content: 'hi' }] }));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /in\.txt: not a valid chat request: .*messages\[0\]\.role/);
  });

  it('reads stdin and wraps plain text for the embeddings endpoint', () => {
    const dir = workspace();
    const args = ['policy', 'explain', '--tenant', 'acme', '--model', 'shop', '--endpoint', 'embeddings', '--format', 'json', '-'];
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', input: `Mail ${EMAIL}`, timeout: 30_000 });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Output;
    assert.deepEqual(out.findings.map((f) => [f.type, f.path, f.start]), [['EMAIL', 'input', 5]]);
  });

  it('reports a secret as a block with exit 3 but still shows level and routing', () => {
    const dir = workspace();
    const out = explainJson(dir, `token ${TOKEN}`, [], 'acme', 3);
    assert.equal(out.decision, 'block');
    assert.equal(out.refusal?.code, 'AIRLOCK_POLICY_BLOCKED_CONTENT');
    assert.equal(out.level, 'restricted');
    assert.equal(out.chosen?.backend, 'local');
    const text = explain(dir, `token ${TOKEN}`);
    assert.equal(text.status, 3);
    assert.match(text.stdout, /^Decision +block/m);
    assert.match(text.stdout, /^Refused +AIRLOCK_POLICY_BLOCKED_CONTENT: /m);
  });

  it('refuses with AIRLOCK_POLICY_NO_COMPLIANT_BACKEND and exit 3 when no backend may take the level', () => {
    const dir = workspace();
    const out = explainJson(dir, `Card ${CARD}`, [], 'vaulted', 3);
    assert.deepEqual(out.allowedJurisdictions, ['vault']);
    assert.ok(out.candidates.length > 0 && out.candidates.every((c) => !c.compliant && c.share === 0));
    assert.equal(out.chosen, null);
    assert.equal(out.refusal?.code, 'AIRLOCK_POLICY_NO_COMPLIANT_BACKEND');
    const text = explain(dir, `Card ${CARD}`, [], 'vaulted');
    assert.equal(text.status, 3);
    assert.match(text.stdout, /^Refused +AIRLOCK_POLICY_NO_COMPLIANT_BACKEND: /m);
  });

  it('never prints a value found, in text or JSON', () => {
    const dir = workspace();
    const prompt = `Mail ${EMAIL}, card ${CARD}, token ${TOKEN}`;
    for (const format of ['text', 'json']) {
      const r = explain(dir, prompt, ['--format', format]);
      assert.equal(r.status, 3, r.stderr);
      assert.match(r.stdout, /ACCESS_TOKEN/, 'the findings are reported');
      for (const value of [EMAIL, 'anna.schmidt', CARD, CARD.replaceAll(' ', ''), TOKEN, TOKEN.slice(4)]) {
        assert.ok(!r.stdout.includes(value) && !r.stderr.includes(value), `${format} output contains a value`);
      }
    }
  });

  it('reports the policy hash the gateway computes, stable per content and changed with the policy', () => {
    const dir = workspace();
    const first = explainJson(dir, 'hello').policy;
    const second = explainJson(dir, 'hello').policy;
    assert.equal(first.name, 'eu');
    assert.equal(first.hash, second.hash);
    const { config } = loadConfig({ path: join(dir, 'airlock.yaml') });
    assert.equal(first.hash, createTenantPolicies(config, 'x'.repeat(32)).hashes.eu);
    const changed = explainJson(workspace(configText(`{ ${LEVELS}, entities: { EMAIL: redact } }`)), 'hello').policy;
    assert.notEqual(changed.hash, first.hash);
    assert.match(explain(dir, 'hello').stdout, new RegExp(`^Policy +eu \\(${first.hash}\\)$`, 'm'));
  });

  it('prints an aligned text report', () => {
    const r = explain(workspace(), `Mail ${EMAIL} please`);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^ {2}EMAIL +messages\[0\]\.content +5-28 +pii\.email +pseudonymize +confidential$/m);
    assert.match(r.stdout, /^Decision +sanitize \(1 value would be replaced\)$/m);
    assert.match(r.stdout, /^Allowed +EU$/m);
    assert.match(r.stdout, /every backend is assumed in service/);
    assert.match(r.stdout, /^ {2}de-big +DE +0 +3 +yes +75% +jurisdiction DE is within EU$/m);
    assert.match(r.stdout, /^ {2}us +US +0 +1 +no +- +jurisdiction US is not within EU$/m);
    assert.match(r.stdout, /^Chosen +de-big: .*priority 0, weight 3 of 4: 75% of requests/m);
    const columns = r.stdout.split('\n').filter((l) => /^ {2}(BACKEND|local|de-big|us) /.test(l)).map((l) => l.indexOf('REASON') >= 0 ? l.indexOf('REASON') : l.indexOf('jurisdiction'));
    assert.equal(new Set(columns).size, 1, 'the reason column is aligned');
  });

  it('refuses an unknown tenant, an unknown or forbidden model and a bad --level with exit 2', () => {
    const dir = workspace();
    const cases: [string[], RegExp][] = [
      [['--tenant', 'nobody', '--model', 'shop'], /tenant "nobody" is not in the configuration/],
      [['--tenant', 'acme', '--model', 'nope'], /model "nope" does not exist or tenant "acme" may not use it/],
      [['--tenant', 'acme', '--model', 'private'], /model "private" does not exist or tenant "acme" may not use it/],
      [['--tenant', 'acme', '--model', 'shop', '--level', 'secret'], /--level must be one of public, internal, confidential, restricted/],
      [['--tenant', 'acme', '--model', 'shop', '--format', 'xml'], /--format must be text or json/],
      [['--tenant', 'acme', '--model', 'shop', '--endpoint', 'images'], /--endpoint must be one of chat, completions, embeddings/],
    ];
    writeFileSync(join(dir, 'in.txt'), 'hello');
    for (const [args, message] of cases) {
      const r = runCli(['policy', 'explain', ...args, 'in.txt'], dir);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, message);
    }
    const other = runCli(['policy', 'enforce'], dir);
    assert.equal(other.status, 2);
    assert.match(other.stderr, /unknown subcommand "enforce"/);
  });
});
