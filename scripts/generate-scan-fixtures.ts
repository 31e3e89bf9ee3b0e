/**
 * Writes the scanner's binary fixtures and the fixtures that hold fake credentials, deterministically: tiny but
 * well-formed model files (GGUF v3, safetensors, a PyTorch zip archive, an ONNX protobuf), a TF.js weight shard,
 * a real PNG whose name pretends to be a model, and the `.env`, `.wp-env.json`, Dockerfile, Magento config.xml,
 * service-account and Salesforce metadata files with seeded random keys. Nothing here reads the clock or
 * Math.random, so every run writes byte-identical files (the scan fixture tests check that the committed files
 * match). The keys are random strings in the providers' formats; none was ever issued by a provider.
 * Usage: node scripts/generate-scan-fixtures.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ALNUM, createRng, HEX } from './corpus/rng.ts';
import { gguf, onnx, png, pytorchZip, safetensors, tfjsShard } from './scan-fixtures/binary.ts';
import { keyFixtures, type FixtureKeys } from './scan-fixtures/keys.ts';

export type { FixtureKeys };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURE_ROOT = resolve(ROOT, 'test/fixtures/scan');
export const SEED = 20250611;

/** The fake credentials written into the fixtures, for tests that check none leaks into a finding. */
export function fixtureKeys(): FixtureKeys {
  const rng = createRng(SEED);
  const b62 = (n: number): string => rng.chars(ALNUM, n);
  const pem = Array.from({ length: 25 }, () => rng.chars(`${ALNUM}+/`, 64)).join('\\n');
  return {
    envOpenai: `sk-proj-${b62(56)}`,
    envAwsAccessKeyId: `AKIA${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`,
    envAwsSecret: rng.chars(`${ALNUM}+/`, 40),
    envCohere: b62(40),
    wpAnthropic: `sk-ant-api03-${b62(93)}AA`,
    dockerOpenai: `sk-proj-${b62(56)}`,
    magentoOpenai: `sk-proj-${b62(56)}`,
    salesforceGroq: `gsk_${b62(52)}`,
    gcpKeyId: rng.chars(HEX, 40),
    gcpPrivateKey: `-----BEGIN PRIVATE KEY-----\\n${pem}\\n-----END PRIVATE KEY-----\\n`,
  };
}

/** Every generated fixture: path under test/fixtures/scan/ → bytes. */
export function generateScanFixtures(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const app = 'nextjs-tfjs-app';
  files.set(`${app}/public/models/product-recs/group1-shard1of1.bin`, tfjsShard());
  files.set(`${app}/public/downloads/shop-assistant-q4.gguf`, gguf());
  files.set(`${app}/public/models/sentiment.onnx`, onnx());
  files.set(`${app}/public/models/legacy/recs.pt`, pytorchZip());
  files.set(`${app}/public/images/model.gguf.png`, png());
  files.set(`${app}/ml/checkpoints/recs-finetune.safetensors`, safetensors());
  for (const [path, text] of keyFixtures(fixtureKeys())) files.set(path, Buffer.from(text, 'utf8'));
  return files;
}

function main(): void {
  for (const [path, bytes] of generateScanFixtures()) {
    const target = resolve(FIXTURE_ROOT, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  process.stdout.write(`wrote ${generateScanFixtures().size} fixtures under ${FIXTURE_ROOT}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
