import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig, parseConfigText } from '../../src/config/load.ts';
import { ConfigError } from '../../src/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'airlock-config-'));
const HASH = `sha256:${'a'.repeat(64)}`;

const VALID = `
server: { port: 9000, bodyLimitBytes: 1mb }
backends:
  - id: vllm-fra
    kind: openai
    url: http://10.0.0.5:8000/v1
    jurisdiction: DE
    models: { shop-assistant: meta-llama/Llama-3.1-8B-Instruct }
tenants:
  - id: acme
    keys: [{ id: wp, hash: "${HASH}", scopes: [chat] }]
`;

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`);
    return [...err.issues];
  }
  assert.fail('expected the configuration to be refused');
}

const parse = (text: string, env: NodeJS.ProcessEnv = {}) => parseConfigText(text, { baseDir: dir, env });

describe('configuration loading', () => {
  it('accepts a valid file, fills defaults, converts sizes and freezes the result', () => {
    const cfg = parse(VALID);
    assert.equal(cfg.server.port, 9000);
    assert.equal(cfg.server.bodyLimitBytes, 1024 * 1024);
    assert.equal(cfg.server.host, '127.0.0.1');
    assert.equal(cfg.backends[0]?.timeouts.connectTimeoutMs, 2000);
    assert.deepEqual(cfg.tenants[0]?.keys[0]?.scopes, ['chat']);
    assert.equal(cfg.dataDir, join(dir, '.airlock'));
    assert.ok(Object.isFrozen(cfg.backends[0]));
  });

  it('refuses an unknown key with its exact path', () => {
    const issues = issuesOf(() => parse(VALID.replace('jurisdiction: DE', 'jurisdiction: DE\n    retries: 3')));
    assert.deepEqual(issues, ['backends[0].retries: unknown key']);
  });

  it('refuses a bad value with its path and the rule, without echoing the value', () => {
    const issues = issuesOf(() => parse(VALID.replace(`hash: "${HASH}"`, 'hash: "md5:secretvalue"')));
    assert.equal(issues.length, 1);
    assert.match(issues[0] as string, /^tenants\[0\]\.keys\[0\]\.hash: expected "sha256:"/);
    assert.doesNotMatch(issues[0] as string, /secretvalue/);
  });

  it('names a wrong type and an unknown enum value by path', () => {
    assert.deepEqual(issuesOf(() => parse(VALID.replace('port: 9000', 'port: "ninety"'))), ['server.port: expected number, got string']);
    const kind = issuesOf(() => parse(VALID.replace('kind: openai', 'kind: bedrock')));
    assert.match(kind[0] as string, /^backends\[0\]\.kind: expected one of/);
  });

  it('refuses backend URLs with credentials or non-http schemes', () => {
    assert.match(issuesOf(() => parse(VALID.replace('http://10.0.0.5:8000/v1', 'http://user:pw@10.0.0.5/v1')))[0] as string, /^backends\[0\]\.url: credentials/);
    assert.match(issuesOf(() => parse(VALID.replace('http://10.0.0.5:8000/v1', 'ftp://10.0.0.5/v1')))[0] as string, /^backends\[0\]\.url: expected an http/);
  });

  it('reports a backend URL that is not a URL by path instead of failing', () => {
    assert.deepEqual(issuesOf(() => parse(VALID.replace('http://10.0.0.5:8000/v1', 'not a url'))), ['backends[0].url: expected an absolute URL']);
  });

  it('takes numbers and booleans from environment references, and refuses a zero body limit', () => {
    const text = VALID.replace('port: 9000', 'port: "${PORT}", metrics: "${METRICS}"');
    const cfg = parse(text, { PORT: '8181', METRICS: 'false' });
    assert.equal(cfg.server.port, 8181);
    assert.equal(cfg.server.metrics, false);
    assert.match(issuesOf(() => parse(VALID.replace('bodyLimitBytes: 1mb', 'bodyLimitBytes: 0mb')))[0] as string, /^server\.bodyLimitBytes: /);
    assert.match(issuesOf(() => parse(VALID.replace('bodyLimitBytes: 1mb', 'bodyLimitBytes: lots')))[0] as string, /^server\.bodyLimitBytes: expected a size/);
  });

  it('refuses jurisdictions that contain each other in a cycle', () => {
    const text = `${VALID.replace('jurisdiction: DE', 'jurisdiction: EU')}\njurisdictions: { EU: { within: DE }, DE: { within: EU } }\n`;
    assert.ok(issuesOf(() => parse(text)).includes('jurisdictions.EU.within: jurisdictions contain each other in a cycle'));
  });

  it('refuses key model lists naming unknown aliases and repeated key ids', () => {
    const text = VALID.replace(`keys: [{ id: wp, hash: "${HASH}", scopes: [chat] }]`, `keys: [{ id: wp, hash: "${HASH}", models: [ghost] }, { id: wp, hash: "sha256:${'b'.repeat(64)}" }]`);
    const issues = issuesOf(() => parse(text));
    assert.ok(issues.includes('tenants[0].keys[0].models[0]: no backend serves this model alias'), issues.join('\n'));
    assert.ok(issues.includes('tenants[0].keys[1].id: duplicate key id in this tenant'), issues.join('\n'));
  });

  it('resolves file: only in secret fields; other strings stay as written', () => {
    const cfg = parse(VALID.replace('shop-assistant: meta-llama/Llama-3.1-8B-Instruct', 'shop-assistant: "file:model"'));
    assert.equal(cfg.backends[0]?.models['shop-assistant'], 'file:model');
  });

  it('checks cross references: duplicate ids, undeclared jurisdictions and unknown aliases', () => {
    const text = `${VALID}
jurisdictions: { EU: {} }
`.replace('keys: [', 'models: [nope]\n    keys: [');
    const issues = issuesOf(() => parse(text));
    assert.ok(issues.includes('backends[0].jurisdiction: jurisdiction is not declared under jurisdictions'), issues.join('\n'));
    assert.ok(issues.includes('tenants[0].models[0]: no backend serves this model alias'), issues.join('\n'));
  });

  it('interpolates ${ENV} references and reports a missing variable by path', () => {
    const text = VALID.replace('jurisdiction: DE', 'jurisdiction: DE\n    apiKey: ${VLLM_KEY}');
    assert.equal(parse(text, { VLLM_KEY: 'backend-secret' }).backends[0]?.apiKey, 'backend-secret');
    assert.deepEqual(issuesOf(() => parse(text)), ['backends[0].apiKey: environment variable VLLM_KEY is not set']);
  });

  it('reads file: secrets relative to the config file and names an unreadable one', () => {
    writeFileSync(join(dir, 'vllm.key'), 'from-a-file\n');
    const text = VALID.replace('jurisdiction: DE', 'jurisdiction: DE\n    apiKey: file:vllm.key');
    assert.equal(parse(text).backends[0]?.apiKey, 'from-a-file');
    const missing = issuesOf(() => parse(text.replace('file:vllm.key', 'file:missing.key')));
    assert.deepEqual(missing, ['backends[0].apiKey: cannot read the referenced secret file (ENOENT)']);
  });

  it('reports YAML syntax errors with line and column', () => {
    const issues = issuesOf(() => parse('server:\n  port: [1, 2\nbackends: []\n'));
    assert.equal(issues.length, 1);
    assert.match(issues[0] as string, /^YAML line \d+, column \d+/);
    const quoted = issuesOf(() => parse('server: { port: 1 }\n  apiKey: "sk-live-secret-value" ]\n'));
    assert.ok(!quoted.join('').includes('sk-live-secret-value'), quoted.join('\n'));
  });

  it('uses the embedded defaults when no airlock.yaml exists, and refuses a missing explicit file', () => {
    const empty = mkdtempSync(join(tmpdir(), 'airlock-empty-'));
    const loaded = loadConfig({ cwd: empty, env: {} });
    assert.equal(loaded.path, null);
    assert.equal(loaded.config.server.port, 8080);
    assert.equal(loaded.config.backends[0]?.url, 'http://127.0.0.1:11434/v1');
    assert.equal(loaded.config.backends[0]?.jurisdiction, 'on-prem');
    assert.deepEqual(issuesOf(() => loadConfig({ cwd: empty, path: 'nope.yaml', env: {} })), ['nope.yaml: the configuration file does not exist']);
  });
});
