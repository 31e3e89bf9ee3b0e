/**
 * `airlock scan [PATH] [--format text|json|sarif] [--out FILE] [--fail-on SEVERITY|none] [--baseline FILE]
 * [--write-baseline FILE] [--include-deps] [--max-file-size BYTES]`: maps where a codebase sends data to
 * hosted AI and fails CI when something new appears. Exit 1 when a finding at or above `--fail-on` (default
 * low) remains after inline suppressions and the baseline, else 0; usage errors exit 2 (thrown as
 * CliUsageError, which main.ts maps). Writing a baseline accepts every current finding, so it exits 0.
 */
import { stat, writeFile } from 'node:fs/promises';
import { BaselineError, readBaseline, writeBaseline } from '../scanner/baseline.ts';
import { renderJson } from '../scanner/report/json.ts';
import { renderSarif } from '../scanner/report/sarif.ts';
import { renderText } from '../scanner/report/text.ts';
import { scanTree, type ScanResult } from '../scanner/scan.ts';
import { SEVERITIES, severityRank, type Severity } from '../scanner/types.ts';
import { DEFAULT_MAX_FILE_SIZE } from '../scanner/walker.ts';
import { CliUsageError, parseCommandArgs } from './usage.ts';

/** Where the command writes; tests pass their own to capture output in-process. */
export interface ScanIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const PROCESS_IO: ScanIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

const RENDERERS: Record<string, (result: ScanResult) => string> = { text: renderText, json: renderJson, sarif: renderSarif };
const DEFAULT_FAIL_ON: Severity = 'low';

export async function runScan(args: string[], io: ScanIo = PROCESS_IO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string', default: 'text' },
    out: { type: 'string' },
    'fail-on': { type: 'string', default: DEFAULT_FAIL_ON },
    baseline: { type: 'string' },
    'write-baseline': { type: 'string' },
    'include-deps': { type: 'boolean', default: false },
    'max-file-size': { type: 'string' },
  });
  if (positionals.length > 1) throw new CliUsageError('scan takes one PATH');
  const render = RENDERERS[values.format];
  if (!render) throw new CliUsageError('--format must be text, json or sarif');
  const failOn = parseFailOn(values['fail-on']);
  const maxFileSize = values['max-file-size'] === undefined ? DEFAULT_MAX_FILE_SIZE : parseByteSize(values['max-file-size']);
  const root = await checkedRoot(positionals[0] ?? '.');
  const baseline = values.baseline === undefined ? undefined : await loadBaseline(values.baseline);

  const result = await scanTree(root, { includeDeps: values['include-deps'], maxFileSize, baseline });
  await emit(render(result), values.out, io);
  if (values.out !== undefined) io.stderr(`airlock scan: ${oneLineSummary(result)}; report written to ${values.out}\n`);
  const writeTo = values['write-baseline'];
  if (writeTo !== undefined) {
    const accepted = [...result.findings, ...result.baselined];
    await writeBaseline(writeTo, accepted);
    io.stderr(`airlock scan: baseline of ${accepted.length} finding(s) written to ${writeTo}\n`);
    return 0;
  }
  return failOn !== null && result.findings.some((f) => severityRank(f.severity) >= severityRank(failOn)) ? 1 : 0;
}

function parseFailOn(value: string): Severity | null {
  if (value === 'none') return null;
  if ((SEVERITIES as readonly string[]).includes(value)) return value as Severity;
  throw new CliUsageError(`--fail-on must be one of ${SEVERITIES.join(', ')} or none`);
}

/** Bytes, optionally with a binary suffix: `500000`, `512k`, `4M`, `1G`. */
export function parseByteSize(value: string): number {
  const match = /^(\d+)\s*([kmg])?(?:i?b)?$/i.exec(value.trim());
  if (!match) throw new CliUsageError('--max-file-size must be a number of bytes (suffixes k, M, G allowed)');
  const power = { k: 1, m: 2, g: 3 }[(match[2] ?? '').toLowerCase() as 'k' | 'm' | 'g'] ?? 0;
  const bytes = Number(match[1]) * 1024 ** power;
  if (bytes <= 0 || !Number.isSafeInteger(bytes)) throw new CliUsageError('--max-file-size must be above zero');
  return bytes;
}

async function checkedRoot(path: string): Promise<string> {
  try {
    if ((await stat(path)).isDirectory()) return path;
  } catch {
    throw new CliUsageError(`${path} does not exist`);
  }
  throw new CliUsageError(`${path} is not a directory`);
}

async function loadBaseline(path: string): Promise<ReadonlySet<string>> {
  try {
    return await readBaseline(path);
  } catch (err) {
    if (err instanceof BaselineError) throw new CliUsageError(err.message);
    throw err;
  }
}

async function emit(report: string, out: string | undefined, io: ScanIo): Promise<void> {
  if (out === undefined) io.stdout(report);
  else await writeFile(out, report);
}

function oneLineSummary(result: ScanResult): string {
  const counts = [...SEVERITIES].reverse().map((s) => `${result.summary.bySeverity[s]} ${s}`).join(', ');
  return `${result.summary.findings} finding(s) (${counts}) in ${result.summary.filesScanned} files`;
}
