/**
 * The child process of memory.test.ts: scans and then sanitizes one JSONL file while sampling its own RSS,
 * and prints one JSON line of figures. Run as `measure.ts FILE CONFIG OUT`.
 */
import { loadConfig } from '../../../src/config/load.ts';
import { sanitizeDataset } from '../../../src/dataset/sanitize.ts';
import { scanDataset } from '../../../src/dataset/scan.ts';
import { createTenantPolicies } from '../../../src/pipeline/tenant-policies.ts';
import { TEST_SECRET_KEY } from './fixtures.ts';

const MB = 1024 * 1024;
const [path, configPath, out] = process.argv.slice(2) as [string, string, string];

async function sampled<T>(run: () => Promise<T>): Promise<{ value: T; peakMb: number; seconds: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  try {
    const value = await run();
    return { value, peakMb: Math.max(peak, process.memoryUsage().rss) / MB, seconds: (performance.now() - started) / 1000 };
  } finally {
    clearInterval(timer);
  }
}

const { config } = loadConfig({ path: configPath });
const policy = createTenantPolicies(config, TEST_SECRET_KEY).forTenant('shop');
policy.engine.detect('warm-up: Anna Schmidt, anna@example.de');
const baseMb = process.memoryUsage().rss / MB;
const run = { path, format: 'jsonl' as const, policy, maxRecordBytes: 16 * MB, examples: 5 };
const scan = await sampled(() => scanDataset(run));
const sanitize = await sampled(() => sanitizeDataset({ ...run, out, skipInvalid: true, examples: 0 }));
process.stdout.write(`${JSON.stringify({
  baseMb,
  scan: { peakMb: scan.peakMb, seconds: scan.seconds, records: scan.value.tally.records, invalid: scan.value.tally.invalid, emails: scan.value.tally.byType.get('EMAIL') },
  sanitize: { peakMb: sanitize.peakMb, seconds: sanitize.seconds, output: sanitize.value.output.records, emails: sanitize.value.tally.byType.get('EMAIL') },
})}\n`);
