/**
 * Test harness for the rule modules: builds `ScanFile`s the way the walker describes them (path relative to the
 * root with `/`, lower-case name and extension, text or null for binary by a NUL in the first 8 KiB, a 64 KiB
 * head), runs rule modules over a fixture tree or one in-memory file, and reduces findings to sortable
 * (ruleId, file, line, column) tuples for exact assertions. Also the fast-check input for robustness properties.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { ScanFile, ScanFinding, ScanRule } from '../../../src/scanner/types.ts';

export const SCAN_FIXTURES = resolve(fileURLToPath(new URL('../../fixtures/scan', import.meta.url)));

const HEAD = 64 * 1024;
const SNIFF = 8 * 1024;

export function scanFile(path: string, content: Buffer | string): ScanFile {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const name = (path.split('/').at(-1) ?? '').toLowerCase();
  const dot = name.lastIndexOf('.');
  const binary = bytes.subarray(0, SNIFF).includes(0);
  return {
    path,
    name,
    extension: dot > 0 ? name.slice(dot + 1) : '',
    size: bytes.length,
    text: binary ? null : bytes.toString('utf8'),
    head: bytes.subarray(0, HEAD),
    readAll: () => bytes,
  };
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Every file of a fixture tree as the rules see it, paths relative to the fixture's root. */
export function fixtureFiles(fixture: string): ScanFile[] {
  const root = join(SCAN_FIXTURES, fixture);
  return [...walk(root)].map((abs) => scanFile(relative(root, abs).split('\\').join('/'), readFileSync(abs)));
}

export function run(modules: readonly ScanRule[], files: readonly ScanFile[]): ScanFinding[] {
  return files.flatMap((file) => modules.flatMap((m) => (m.applies(file) ? m.scan(file) : [])));
}

export type Tuple = readonly [ruleId: string, file: string, line: number, column: number];

/** Code-unit order, the same on every machine (localeCompare is not). */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** (ruleId, file, line, column) of each finding, sorted by file, line, column, then rule. */
export function tuples(findings: readonly ScanFinding[]): Tuple[] {
  return findings
    .map((f) => [f.ruleId, f.file, f.line, f.column] as const)
    .sort((a, b) => compare(a[1], b[1]) || a[2] - b[2] || a[3] - b[3] || compare(a[0], b[0]));
}

/** Runs the modules on one in-memory file and returns its tuples. */
export function scanOne(modules: readonly ScanRule[], path: string, content: Buffer | string): Tuple[] {
  return tuples(run(modules, [scanFile(path, content)]));
}

const PATHS = [
  'Dockerfile', 'docker-compose.yml', 'k8s/app.yaml', 'main.tf', 'serve.py', '.env', '.wp-env.json', 'config.js',
  'public/models/m.gguf', 'static/w.safetensors', 'pub/media/model.onnx', 'public/model.json', 'etc/adminhtml/system.xml',
  'etc/config.xml', 'app/x-meta.xml', '.github/workflows/ci.yml', 'scripts/run.sh', 'README.md', 'weights.bin',
];

/** Fragments that steer random text into the parsers' interesting states. */
const FRAGMENTS = [
  'services:', 'ports:', '- "11434:11434"', 'image: ollama/ollama', 'kind: Deployment', 'kind: Service', 'type: LoadBalancer',
  'apiVersion: v1', '---', 'containers:', 'OLLAMA_HOST=0.0.0.0', 'resource "aws_s3_bucket_acl" "models" {', 'acl = "public-read"',
  '"${', '}', '{', '<<EOF', 'EOF', '<field id="api_key">', '<section id="openai">', '</field>', '<![CDATA[', '<!--',
  'ENV OPENAI_API_KEY=', 'COPY models/ /m', 'RUN ollama pull llama3', '\\\n', 'uvicorn.run(app, host="0.0.0.0")',
  'from transformers import pipeline', 'sk-proj-', 'AKIA', 'AIza', '"weightsManifest": [', 'GGUF', '\u0000', '\r\n',
  'api_key: ', '<api_key>', '</api_key>', '-----BEGIN PRIVATE KEY-----', '"private_key_id": "',
];

/** Arbitrary file contents: random bytes, random text, and random mixes of the fragments above. */
export const arbitraryFile = fc.record({
  path: fc.constantFrom(...PATHS),
  content: fc.oneof(
    fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
    fc.string({ maxLength: 2048 }),
    fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 40 }), fc.constantFrom('\n', ' ', '  ')), { maxLength: 120 })
      .map((parts) => parts.join('')),
  ),
});
