import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/cli.ts';

const CONFIG = `
secretKey: "0123456789abcdef0123456789abcdef-test"
backends: [{ id: b, kind: openai, url: "http://127.0.0.1:9/v1", jurisdiction: on-prem, models: { m: m } }]
policies:
  strict: { entities: { EMAIL: block }, business: { terms: [Project Falcon] } }
tenants: [{ id: shop }, { id: locked, policy: strict }]
`;

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-inspect-'));
  writeFileSync(join(dir, 'airlock.yaml'), CONFIG);
  return dir;
}

describe('airlock inspect', () => {
  it('prints findings with UTF-16 offsets, actions, the decision and the sanitized text', () => {
    const dir = workspace();
    const text = '🎉 Mail anna.schmidt@example.de about Project Falcon';
    writeFileSync(join(dir, 'in.txt'), text);
    const r = runCli(['inspect', 'in.txt', '--tenant', 'shop'], dir);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { findings: { type: string; start: number; end: number; action: string; level: string }[]; level: string; decision: string; sanitized: string };
    const email = out.findings.find((f) => f.type === 'EMAIL');
    assert.equal(email?.level, 'confidential');
    assert.equal(out.level, 'confidential');
    assert.equal(text.slice(email?.start, email?.end), 'anna.schmidt@example.de');
    assert.equal(email?.action, 'pseudonymize');
    assert.equal(out.decision, 'sanitize');
    assert.match(out.sanitized, /^🎉 Mail \[EMAIL_[0-9a-f]{8}\] about Project Falcon$/);
  });

  it('answers JSONL line by line with the tenant policy, reporting bad lines and exiting 1', () => {
    const dir = workspace();
    const lines = [JSON.stringify({ id: 1, text: 'Project falcon for bob@example.org' }), 'not json', JSON.stringify({ text: 'nothing here' })];
    writeFileSync(join(dir, 'in.jsonl'), `${lines.join('\n')}\n`);
    const r = runCli(['inspect', 'in.jsonl', '--jsonl', '--tenant', 'locked'], dir);
    assert.equal(r.status, 1);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(out.length, 3);
    assert.equal(out[0]?.decision, 'block');
    assert.equal(out[0]?.sanitized, null);
    assert.deepEqual((out[0]?.findings as { type: string }[]).map((f) => f.type), ['BUSINESS_TERM', 'EMAIL']);
    assert.deepEqual(out[1], { error: 'line 2: not valid JSON' });
    assert.equal(out[2]?.decision, 'allow');
    assert.equal(out[2]?.level, 'public', 'nothing found: the base level');
  });

  it('prints text without the values found', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'in.txt'), 'write to anna.schmidt@example.de');
    const r = runCli(['inspect', 'in.txt', '--format', 'text', '--tenant', 'locked'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /in\.txt: block, level confidential, 1 finding\(s\)\n {2}EMAIL +9-32 +block +confidential +pii\.email/);
    assert.ok(!r.stdout.includes('anna.schmidt'));
  });

  it('refuses an unknown tenant and a bad format', () => {
    const dir = workspace();
    assert.equal(runCli(['inspect', '--tenant', 'nobody'], dir).status, 2);
    assert.equal(runCli(['inspect', '--format', 'xml'], dir).status, 2);
  });
});
