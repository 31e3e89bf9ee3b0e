/**
 * SARIF output checked against the SARIF 2.1.0 JSON schema with ajv. The one npm package found to ship the
 * OASIS file `sarif-schema-2.1.0.json` is @datadog/datadog-ci 2.x, a CLI with about 400 dependencies; the schema
 * used here is `sarif-2.1.0.json` from Microsoft's SARIF Multitool (the devDependency @microsoft/sarif-multitool
 * pulls in the package for this platform), the schema the SARIF SDK's own validator uses. It declares JSON
 * Schema 2020-12, so ajv's 2020 build compiles it unchanged with ajv's default strictness; its `language`
 * pattern is already the corrected one, so nothing is patched.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { runScan } from '../../../src/cli/scan.ts';
import { renderSarif } from '../../../src/scanner/report/sarif.ts';
import { scanTree } from '../../../src/scanner/scan.ts';
import { captureIo, makeTree, tokenRule } from './helpers.ts';

interface SarifLog {
  runs: {
    tool: { driver: { name: string; rules: { id: string; defaultConfiguration: { level: string }; properties: Record<string, unknown> }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

function sarifValidator() {
  const require = createRequire(import.meta.url);
  const schemaPath = require.resolve(`@microsoft/sarif-multitool-${process.platform}/sarif-2.1.0.json`);
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  assert.equal(schema.title, 'Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
  // ajv and ajv-formats are CommonJS; under NodeNext the class and the plugin sit on `default`.
  const Ajv2020 = Ajv2020Module.default;
  const addFormats = addFormatsModule.default;
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

const validate = sarifValidator();

function assertValid(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
}

const rules = [
  tokenRule('test.crit', 'CRIT', 'critical'),
  tokenRule('test.high', 'HIGH', 'high'),
  tokenRule('test.medium', 'MEDIUM', 'medium'),
  tokenRule('test.info', 'INFO', 'info'),
];

describe('SARIF report', () => {
  it('validates against the SARIF 2.1.0 schema with every severity, odd file names and warnings', async () => {
    const root = makeTree({
      'src/odd name #1%.php': 'CRIT HIGH\nMEDIUM INFO\n// airlock-ignore: test.high\n',
      'bin.dat': Buffer.from([1, 0, 2]),
      'latin1.txt': Buffer.from([0x61, 0xe9, 0x62]),
    });
    const log = JSON.parse(renderSarif(await scanTree(root, { rules }))) as SarifLog;
    assertValid(log);
    const run = log.runs[0] as SarifLog['runs'][number] & { invocations: { toolExecutionNotifications: unknown[] }[] };
    assert.equal(run.tool.driver.name, 'airlock');
    assert.equal(run.invocations[0]?.toolExecutionNotifications.length, 1, 'the undecodable file is a notification');
    assert.deepEqual(run.results.map((r) => [r.ruleId, r.level]), [
      ['test.crit', 'error'], ['test.high', 'error'], ['test.medium', 'warning'], ['test.info', 'note'], ['scan.ignore-without-reason', 'note'],
    ]);
  });

  it('points each result at its rule, place and baseline fingerprint', async () => {
    const result = await scanTree(makeTree({ 'a b/x.php': '\n  HIGH' }), { rules });
    const log = JSON.parse(renderSarif(result)) as SarifLog;
    const run = log.runs[0];
    const only = run?.results[0];
    assert.equal(run?.tool.driver.rules[only?.ruleIndex ?? -1]?.id, 'test.high');
    assert.deepEqual(only?.locations[0]?.physicalLocation, {
      artifactLocation: { uri: 'a%20b/x.php', uriBaseId: 'SRCROOT' },
      region: { startLine: 2, startColumn: 3 },
    });
    assert.deepEqual(only?.partialFingerprints, { 'airlockFingerprint/v1': result.findings[0]?.fingerprint });
  });

  it('lists every rule the run could report, with its default level and security severity', async () => {
    const log = JSON.parse(renderSarif(await scanTree(makeTree({ 'clean.txt': 'nothing' }), { rules }))) as SarifLog;
    const described = log.runs[0]?.tool.driver.rules ?? [];
    assert.deepEqual(described.map((r) => r.id), [
      'scan.ignore-without-reason', 'scan.ignore-without-rule', 'test.crit', 'test.high', 'test.info', 'test.medium',
    ]);
    assert.equal(described.find((r) => r.id === 'test.crit')?.defaultConfiguration.level, 'error');
    assert.equal(described.find((r) => r.id === 'test.crit')?.properties['security-severity'], '9.5');
    assert.equal(described.find((r) => r.id === 'test.info')?.properties['security-severity'], undefined);
    assertValid(log);
  });

  it('is what `airlock scan --format sarif` prints, and the schema really rejects a broken log', async () => {
    const captured = captureIo();
    const code = await runScan([makeTree({ 'x.yaml': '# airlock-ignore: egress.http\n' }), '--format', 'sarif'], captured.io);
    assert.equal(code, 1);
    const log = JSON.parse(captured.stdout()) as SarifLog;
    assertValid(log);
    delete (log.runs[0]?.results[0] as { message?: unknown }).message;
    assert.equal(validate(log), false, 'a result without a message must fail validation');
  });
});
