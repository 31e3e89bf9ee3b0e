/**
 * `npm run bench:restore [-- --quick]`: what streaming restore adds to a reply, in process, side by side with
 * the same stream passed through untouched (the direct path) in the same run. A 4 KB prompt with real findings
 * is inspected and pseudonymized by the engine; the "model" echoes the sanitized text back as an OpenAI chunk
 * stream of 4-character tokens (one chunk per batch, the worst case), so placeholders arrive split across
 * chunks. Reported per stream: the time until the first chunk leaves (added time to first token), the cost per
 * chunk, and the whole stream; p50 and p99 over many streams. It measures, it asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import type { ChunkBatch } from '../src/backends/types.ts';
import { createDetectionEngine } from '../src/detect/engine.ts';
import { inspectRequest } from '../src/detect/inspect.ts';
import { resolveActions } from '../src/policy/actions.ts';
import { restoreStream } from '../src/transform/reply-restore.ts';
import { sanitizeRequest, type RestoreMap } from '../src/transform/sanitize.ts';
import { deriveTenantKeys } from '../src/transform/tenant-keys.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const STREAMS = values.quick ? 50 : 400;
const TOKEN_CHARS = 4;

function prompt4k(): string {
  const corpus = readFileSync(new URL('../test/fixtures/detect-corpus.jsonl', import.meta.url), 'utf8');
  let text = '';
  for (const line of corpus.split('\n')) {
    const entry = JSON.parse(line) as { text: string; benign: boolean };
    if (!entry.benign) text += `${entry.text}\n`;
    if (text.length >= 4096) return text;
  }
  return text;
}

function sanitized(text: string): { sanitizedText: string; map: RestoreMap } {
  const engine = createDetectionEngine();
  const inspection = inspectRequest(engine, 'completions', { model: 'm', prompt: text });
  const actions = resolveActions({ PII: 'pseudonymize', NATIONAL_ID: 'pseudonymize', SECRET: 'pseudonymize', BUSINESS: 'pseudonymize' });
  const outcome = sanitizeRequest<{ prompt: string }>(inspection, actions, deriveTenantKeys('bench-secret-bench-secret-bench-secret', 'bench'));
  return { sanitizedText: outcome.request.prompt, map: outcome.restore };
}

function chunksOf(text: string): ChunkBatch[] {
  const batches: ChunkBatch[] = [];
  for (let i = 0; i < text.length; i += TOKEN_CHARS) {
    const delta = { content: text.slice(i, i + TOKEN_CHARS) };
    batches.push([{ id: 'c', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [{ index: 0, delta, finish_reason: null }] }]);
  }
  batches.push([{ id: 'c', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }]);
  return batches;
}

interface Timing {
  firstChunkUs: number;
  perChunkUs: number;
  streamUs: number;
}

async function timeStream(batches: readonly ChunkBatch[], map: RestoreMap | null): Promise<Timing> {
  const copies = batches.map((b) => structuredClone(b));
  // An async iterable as an adapter's is: each batch arrives after a microtask.
  const input = (async function* () {
    for (const batch of copies) yield await Promise.resolve(batch);
  })();
  const stream = map ? restoreStream(input, map) : input;
  const start = process.hrtime.bigint();
  let first = 0n;
  let count = 0;
  for await (const batch of stream) {
    if (count === 0) first = process.hrtime.bigint();
    count += batch.length;
  }
  const end = process.hrtime.bigint();
  return { firstChunkUs: Number(first - start) / 1000, perChunkUs: Number(end - start) / 1000 / count, streamUs: Number(end - start) / 1000 };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;
}

async function main(): Promise<void> {
  const { sanitizedText, map } = sanitized(prompt4k());
  const batches = chunksOf(sanitizedText);
  const results: Record<'direct' | 'restore', Timing[]> = { direct: [], restore: [] };
  for (let i = 0; i < 20; i++) {
    await timeStream(batches, null);
    await timeStream(batches, map);
  }
  for (let i = 0; i < STREAMS; i++) {
    results.direct.push(await timeStream(batches, null));
    results.restore.push(await timeStream(batches, map));
  }
  console.log(`node ${process.version}; CPU ${cpus()[0]?.model ?? 'unknown'}; in-process, one core`);
  console.log(`stream: ${batches.length} chunks of ${TOKEN_CHARS} characters echoing a 4 KB prompt with ${map.size} pseudonyms; ${STREAMS} streams`);
  console.log('');
  const header = ['path', 'first chunk p50 µs', 'p99 µs', 'per chunk p50 µs', 'p99 µs', 'stream p50 ms', 'p99 ms'];
  const WIDTHS = [8, 19, 8, 17, 8, 14, 8];
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(WIDTHS[0] as number) : c.padStart(WIDTHS[i] as number))).join(' ');
  console.log(line(header));
  for (const path of ['direct', 'restore'] as const) {
    const t = results[path];
    const cells = [
      percentile(t.map((x) => x.firstChunkUs), 0.5).toFixed(1),
      percentile(t.map((x) => x.firstChunkUs), 0.99).toFixed(1),
      percentile(t.map((x) => x.perChunkUs), 0.5).toFixed(2),
      percentile(t.map((x) => x.perChunkUs), 0.99).toFixed(2),
      (percentile(t.map((x) => x.streamUs), 0.5) / 1000).toFixed(3),
      (percentile(t.map((x) => x.streamUs), 0.99) / 1000).toFixed(3),
    ];
    console.log(line([path, ...cells]));
  }
  const added = percentile(results.restore.map((x) => x.firstChunkUs), 0.5) - percentile(results.direct.map((x) => x.firstChunkUs), 0.5);
  console.log('');
  console.log(`added time to first chunk by restore (p50): ${(added / 1000).toFixed(4)} ms (target ≤ 1 ms)`);
}

await main();
