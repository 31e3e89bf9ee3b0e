/**
 * `airlock dataset scan|sanitize`: the detection engine over training data (JSONL chat or prompt/completion
 * records, any JSON objects, CSV and TSV), streamed with bounded memory (src/dataset/).
 * - scan FILE [--config F] [--tenant T] [--format text|json] [--examples N] [--fail-on-findings]
 *   [--input-format jsonl|csv|tsv] [--max-record-mb N]: counts per type and per field, examples by position
 *   only; exit 0, or 3 with --fail-on-findings when anything was found or a record could not be read.
 * - sanitize FILE --out FILE [--config F] [--tenant T] [--skip-invalid] [--format text|json]
 *   [--input-format …] [--max-record-mb N]: a sanitized copy in the same format and a `dataset.sanitized`
 *   lineage event in the audit log; exit 3 when an invalid record would be dropped without --skip-invalid
 *   (no copy written), 1 when the copy was written but its lineage record was not.
 * Without --tenant the configuration's only tenant is used (the default policy when it declares none).
 */
import { randomBytes } from 'node:crypto';
import { statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DEV_TENANT } from '../config/defaults.ts';
import { loadConfig } from '../config/load.ts';
import type { AirlockConfig } from '../config/schema.ts';
import { readOrCreateSecretKey, readSecretKey } from '../config/secret-key-file.ts';
import { lineageEvent, recordLineage } from '../dataset/lineage.ts';
import { sanitizeJson, sanitizeText, scanJson, scanText, type ReportContext } from '../dataset/report.ts';
import { InvalidRecordError, sanitizeDataset } from '../dataset/sanitize.ts';
import { scanDataset } from '../dataset/scan.ts';
import { DATASET_FORMATS, formatOf, type DatasetFormat } from '../dataset/source.ts';
import { createTenantPolicies } from '../pipeline/tenant-policies.ts';
import { CliUsageError, parseCommandArgs } from './usage.ts';

/** Scan found something (or could not read a record) with --fail-on-findings; sanitize refused invalid records. */
export const EXIT_DATASET_REFUSED = 3;

const COMMON = {
  config: { type: 'string', short: 'c' },
  tenant: { type: 'string' },
  format: { type: 'string', default: 'text' },
  'input-format': { type: 'string' },
  'max-record-mb': { type: 'string', default: '64' },
} as const;

export async function runDataset(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'scan') return runScan(rest);
  if (sub === 'sanitize') return runSanitize(rest);
  throw new CliUsageError(sub === undefined ? 'expected a subcommand: scan or sanitize' : `unknown subcommand "${sub}"; expected scan or sanitize`);
}

async function runScan(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...COMMON,
    examples: { type: 'string', default: '5' },
    'fail-on-findings': { type: 'boolean', default: false },
  });
  const options = commonOptions(values, positionals);
  const examples = wholeNumber('--examples', values.examples, 0, 1000);
  const { config } = loadConfig({ path: values.config });
  // Scan prints no pseudonym, so a run-only secret will do when none is stored; nothing is written to disk.
  const ctx = context(config, values.tenant, options, config.secretKey ?? readSecretKey(config.dataDir) ?? randomBytes(32).toString('base64url'));
  const { tally, input } = await scanDataset({ ...options, policy: ctx.policy, examples });
  process.stdout.write(options.report === 'json' ? `${JSON.stringify(scanJson(ctx, tally, input))}\n` : scanText(ctx, tally, input));
  const flagged = tally.findings > 0 || tally.invalidCount > 0;
  return values['fail-on-findings'] && flagged ? EXIT_DATASET_REFUSED : 0;
}

async function runSanitize(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...COMMON,
    out: { type: 'string', short: 'o' },
    'skip-invalid': { type: 'boolean', default: false },
  });
  const options = commonOptions(values, positionals);
  if (values.out === undefined) throw new CliUsageError('--out is required');
  const out = values.out;
  checkOutput(options.path, out);
  const { config } = loadConfig({ path: values.config });
  // The gateway's secret, so the copy's pseudonyms are stable across runs (and extend the gateway's 8 hex digits).
  const ctx = context(config, values.tenant, options, config.secretKey ?? readOrCreateSecretKey(config.dataDir));
  let result;
  try {
    result = await sanitizeDataset({ ...options, policy: ctx.policy, examples: 0, out, skipInvalid: values['skip-invalid'] });
  } catch (err) {
    if (!(err instanceof InvalidRecordError)) throw err;
    process.stderr.write(`airlock dataset: ${err.message}; no copy was written (run dataset scan to list every invalid record, or pass --skip-invalid to drop them)\n`);
    return EXIT_DATASET_REFUSED;
  }
  const event = lineageEvent({ inputPath: options.path, outputPath: out, tenant: ctx.tenant, policy: ctx.policy, result });
  const lineage = await recordLineage(config, event).then((seq) => ({ seq }), (err: unknown) => ({ err: err as Error }));
  const seq = 'seq' in lineage ? lineage.seq : null;
  process.stdout.write(options.report === 'json' ? `${JSON.stringify(sanitizeJson(ctx, out, result, seq))}\n` : sanitizeText(ctx, out, result, seq));
  if ('err' in lineage) {
    const reason = lineage.err.message || lineage.err.name;
    process.stderr.write(`airlock dataset: ${out} was written (sha256 ${result.output.sha256}) but has no lineage record: the audit log could not be written (${reason})\n`);
    return 1;
  }
  return 0;
}

interface CommonValues {
  format?: string | undefined;
  'input-format'?: string | undefined;
  'max-record-mb'?: string | undefined;
}

function commonOptions(values: CommonValues, positionals: string[]) {
  if (positionals.length !== 1) throw new CliUsageError('expected one input file');
  const path = positionals[0] as string;
  if (values.format !== 'text' && values.format !== 'json') throw new CliUsageError('--format must be text or json');
  const format = datasetFormat(path, values['input-format']);
  const maxRecordBytes = wholeNumber('--max-record-mb', values['max-record-mb'], 1, 4096) * 1024 * 1024;
  const stat = statOrNull(path);
  if (stat === null || !stat.isFile()) throw new CliUsageError(`${path}: no such file`);
  return { path, format, maxRecordBytes, report: values.format };
}

function datasetFormat(path: string, named: string | undefined): DatasetFormat {
  const format = formatOf(path, named);
  if (format !== undefined) return format;
  if (named !== undefined) throw new CliUsageError(`--input-format must be one of ${DATASET_FORMATS.join(', ')}`);
  throw new CliUsageError(`${path}: cannot tell the format from the extension; pass --input-format ${DATASET_FORMATS.join('|')}`);
}

function wholeNumber(name: string, value: string | undefined, min: number, max: number): number {
  const n = value !== undefined && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) throw new CliUsageError(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path, { throwIfNoEntry: true });
  } catch {
    return null;
  }
}

/** The copy replaces a file at --out, never the input, and goes into a directory that exists. */
function checkOutput(input: string, out: string): void {
  const a = statOrNull(input);
  const b = statOrNull(out);
  const same = resolve(input) === resolve(out) || (a !== null && b !== null && a.dev === b.dev && a.ino === b.ino);
  if (same) throw new CliUsageError('--out must not be the input file');
  if (b?.isDirectory()) throw new CliUsageError(`--out ${out} is a directory; name the file to write`);
  if (!statOrNull(dirname(resolve(out)))?.isDirectory()) throw new CliUsageError(`--out ${out}: the directory does not exist`);
}

function context(config: AirlockConfig, tenant: string | undefined, options: { path: string; format: DatasetFormat }, secret: string): ReportContext {
  const id = tenantId(config, tenant);
  return { ...options, tenant: id, policy: createTenantPolicies(config, secret).forTenant(id) };
}

function tenantId(config: AirlockConfig, tenant: string | undefined): string {
  if (tenant !== undefined) {
    if (!config.tenants.some((t) => t.id === tenant)) throw new CliUsageError(`tenant "${tenant}" is not in the configuration`);
    return tenant;
  }
  if (config.tenants.length > 1) throw new CliUsageError('the configuration has several tenants; choose one with --tenant');
  return config.tenants[0]?.id ?? DEV_TENANT;
}
