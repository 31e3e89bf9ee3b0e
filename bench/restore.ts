/**
 * `npm run bench:restore [-- --quick]`: what streaming restore and the reply guard add to a reply, in process,
 * side by side with the same stream passed through untouched (the direct path) in the same run. A 4 KB prompt
 * with real findings is inspected and pseudonymized by the engine; the "model" echoes the sanitized text back as
 * an OpenAI chunk stream of 4-character tokens (one chunk per batch, the worst case), so placeholders arrive
 * split across chunks. The guard row restores and then guards with the default output policy (leaks, links),
 * over the echo (dense with values the request contained) and over a plain prose reply.
 * Reported per stream: the time until the first text leaves, the cost per chunk, the whole stream, and how many
 * characters the caller is behind the model (held back) at each chunk; p50 and p99 over many streams. It
 * measures, it asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import type { ChunkBatch } from '../src/backends/types.ts';
import { createDetectionEngine } from '../src/detect/engine.ts';
import { inspectRequest } from '../src/detect/inspect.ts';
import { resolveActions } from '../src/policy/actions.ts';
import { restoreStream } from '../src/transform/reply-restore.ts';
import { knownValues } from '../src/transform/known-values.ts';
import { createReplyGuard } from '../src/transform/reply-guard.ts';
import { mapStreamTexts } from '../src/transform/reply-text.ts';
import { DEFAULT_LEAK_TYPES } from '../src/config/schema.ts';
import { ENTITY_GROUPS, type EntityGroup, type EntityType } from '../src/entities.ts';
import type { TextUnit } from '../src/transform/sanitize.ts';
import { sanitizeRequest, type RestoreMap } from '../src/transform/sanitize.ts';
import { deriveTenantKeys } from '../src/transform/tenant-keys.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const STREAMS = values.quick ? 50 : 400;
const TOKEN_CHARS = 4;

const PROSE =
  'Thanks for your message! The blue cotton shirt runs true to size, so we recommend your usual size. ' +
  'It ships within two working days and you can return it for free within thirty days. ' +
  'If the colour is not what you expected, our support team will gladly help you choose another one. ';

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

const engine = createDetectionEngine();

function sanitized(text: string): { sanitizedText: string; map: RestoreMap; units: readonly TextUnit[] } {
  const inspection = inspectRequest(engine, 'completions', { model: 'm', prompt: text });
  const actions = resolveActions({ PII: 'pseudonymize', NATIONAL_ID: 'pseudonymize', SECRET: 'pseudonymize', BUSINESS: 'pseudonymize' });
  const outcome = sanitizeRequest<{ prompt: string }>(inspection, actions, deriveTenantKeys('bench-secret-bench-secret-bench-secret', 'bench'));
  return { sanitizedText: outcome.request.prompt, map: outcome.restore, units: inspection.units };
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

const LEAK_TYPES = new Set<EntityType>(DEFAULT_LEAK_TYPES.flatMap((name) => (name in ENTITY_GROUPS ? [...ENTITY_GROUPS[name as EntityGroup]] : [name as EntityType])));

type Path = (input: AsyncIterable<ChunkBatch>) => AsyncIterable<ChunkBatch>;

function guarded(map: RestoreMap, units: readonly TextUnit[]): Path {
  return (input) => {
    const guard = createReplyGuard({
      rules: { leaks: { action: 'redact', types: LEAK_TYPES }, links: { action: 'neutralize', allowHosts: [] }, canary: false },
      engine,
      known: () => knownValues(units),
    });
    return mapStreamTexts(restoreStream(input, map), (_key, mode) => guard.stream(mode));
  };
}

interface Timing {
  firstTextUs: number;
  perChunkUs: number;
  streamUs: number;
  /** Characters the model had sent and the caller had not yet received, after each chunk. */
  lags: number[];
}

function contentOf(batch: ChunkBatch): string {
  let text = '';
  for (const chunk of batch) for (const choice of (chunk.choices as { delta?: { content?: string } }[] | undefined) ?? []) text += choice.delta?.content ?? '';
  return text;
}

async function timeStream(batches: readonly ChunkBatch[], path: Path | null): Promise<Timing> {
  const copies = batches.map((b) => structuredClone(b));
  let sent = 0;
  // An async iterable as an adapter's is: each batch arrives after a microtask.
  const input = (async function* () {
    for (const batch of copies) {
      sent += contentOf(batch).length;
      yield await Promise.resolve(batch);
    }
  })();
  const stream = path ? path(input) : input;
  const start = process.hrtime.bigint();
  let first = 0n;
  let count = 0;
  let received = 0;
  const lags: number[] = [];
  for await (const batch of stream) {
    const text = contentOf(batch);
    if (first === 0n && text !== '') first = process.hrtime.bigint();
    received += text.length;
    lags.push(Math.max(0, sent - received));
    count += batch.length;
  }
  const end = process.hrtime.bigint();
  return { firstTextUs: Number(first - start) / 1000, perChunkUs: Number(end - start) / 1000 / count, streamUs: Number(end - start) / 1000, lags };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;
}

async function main(): Promise<void> {
  const { sanitizedText, map, units } = sanitized(prompt4k());
  const prose = PROSE.repeat(Math.ceil(4096 / PROSE.length)).slice(0, 4096);
  const rows: Array<{ name: string; batches: ChunkBatch[]; path: Path | null }> = [
    { name: 'direct (echo)', batches: chunksOf(sanitizedText), path: null },
    { name: 'restore (echo)', batches: chunksOf(sanitizedText), path: (input) => restoreStream(input, map) },
    { name: 'restore+guard (echo)', batches: chunksOf(sanitizedText), path: guarded(map, units) },
    { name: 'direct (prose)', batches: chunksOf(prose), path: null },
    { name: 'restore+guard (prose)', batches: chunksOf(prose), path: guarded(map, units) },
  ];
  const results = new Map<string, Timing[]>(rows.map((r) => [r.name, []]));
  for (let i = 0; i < 20; i++) for (const row of rows) await timeStream(row.batches, row.path);
  for (let i = 0; i < STREAMS; i++) {
    for (const row of rows) results.get(row.name)?.push(await timeStream(row.batches, row.path));
  }
  console.log(`node ${process.version}; CPU ${cpus()[0]?.model ?? 'unknown'}; in-process, one core`);
  console.log(`streams of ${TOKEN_CHARS}-character chunks: an echo of a 4 KB prompt with ${map.size} pseudonyms, and 4 KB of prose; ${STREAMS} streams each`);
  console.log('');
  const header = ['path', 'first text p50 µs', 'per chunk p50 µs', 'p99 µs', 'stream p50 ms', 'p99 ms', 'held chars p50', 'p99'];
  const WIDTHS = [22, 18, 17, 8, 14, 8, 15, 6];
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(WIDTHS[0] as number) : c.padStart(WIDTHS[i] as number))).join(' ');
  console.log(line(header));
  for (const row of rows) {
    const t = results.get(row.name) as Timing[];
    const lags = t.flatMap((x) => x.lags);
    const cells = [
      percentile(t.map((x) => x.firstTextUs), 0.5).toFixed(1),
      percentile(t.map((x) => x.perChunkUs), 0.5).toFixed(2),
      percentile(t.map((x) => x.perChunkUs), 0.99).toFixed(2),
      (percentile(t.map((x) => x.streamUs), 0.5) / 1000).toFixed(3),
      (percentile(t.map((x) => x.streamUs), 0.99) / 1000).toFixed(3),
      String(percentile(lags, 0.5)),
      String(percentile(lags, 0.99)),
    ];
    console.log(line([row.name, ...cells]));
  }
  const p50 = (name: string) => percentile((results.get(name) as Timing[]).map((x) => x.firstTextUs), 0.5);
  console.log('');
  console.log(`added time to first text by restore (p50): ${((p50('restore (echo)') - p50('direct (echo)')) / 1000).toFixed(4)} ms (target ≤ 1 ms)`);
  console.log(`added time to first text by restore+guard (p50): ${((p50('restore+guard (echo)') - p50('direct (echo)')) / 1000).toFixed(4)} ms`);
}

await main();
