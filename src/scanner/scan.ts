/**
 * `scanTree`: the scanner's library entry point. Two passes over the tree: a cheap first pass reads only the
 * files that state project facts rules need across files (Salesforce Named Credentials, so `callout:NAME` in
 * Apex resolves to a host; the registry names their reader), then the main pass streams every file through the
 * rules with a small concurrency limit. Only findings are kept (they are small); file contents are dropped as
 * soon as a file's rules ran, so memory does not grow with the tree. Inline `airlock-ignore` comments and the baseline are applied here, and
 * the result carries a summary for the reports.
 */
import { stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { baselineKey, compare, fingerprintFindings, type FingerprintedFinding } from './baseline.ts';
import { FACTS_READER, RULE_MODULES, ruleCatalog } from './registry.ts';
import { applySuppressions, findDirectives } from './suppress.ts';
import {
  SEVERITIES, type ProjectFacts, type RuleInfo, type ScanFile, type ScanFinding, type ScanRule, type Severity,
} from './types.ts';
import { DEFAULT_MAX_FILE_SIZE, loadFile, walkFiles, WalkCounters, type WalkEntry, type WarningKind, type WarningSample } from './walker.ts';

export interface ScanOptions {
  /** Rule modules to run; the registry's by default. */
  readonly rules?: readonly ScanRule[];
  /** Scan `node_modules/` and `vendor/` too (they are only counted otherwise). */
  readonly includeDeps?: boolean;
  /** Text rules skip files above this many bytes (binary sniffing still sees their head). */
  readonly maxFileSize?: number;
  /** Accepted findings, as keys from baseline.ts `readBaseline`. */
  readonly baseline?: ReadonlySet<string>;
  /** Files read at once. */
  readonly concurrency?: number;
}

export interface ScanSummary {
  readonly filesScanned: number;
  readonly bytesScanned: number;
  /** Findings that remain after inline suppressions and the baseline. */
  readonly findings: number;
  readonly bySeverity: Record<Severity, number>;
  readonly suppressed: { readonly inline: number; readonly baseline: number };
  readonly skippedDependencyFiles: number;
  readonly includeDeps: boolean;
  /** Paths a `.gitignore` excluded (an ignored directory counts once). Not a warning. */
  readonly gitignored: number;
  readonly warnings: Record<WarningKind, number>;
}

export interface ScanResult {
  /** Sorted by file, line, column, rule id. */
  readonly findings: FingerprintedFinding[];
  /** Findings the baseline accepted (kept so `--write-baseline` can rewrite a complete baseline). */
  readonly baselined: FingerprintedFinding[];
  readonly summary: ScanSummary;
  readonly durationMs: number;
  /** Every rule the run could report, for SARIF rule metadata. */
  readonly rules: RuleInfo[];
  /** The first warnings with their paths. */
  readonly warningSamples: readonly WarningSample[];
}

interface ScanState {
  readonly rules: readonly ScanRule[];
  readonly facts: ProjectFacts;
  readonly maxFileSize: number;
  readonly counters: WalkCounters;
  readonly findings: FingerprintedFinding[];
  filesScanned: number;
  bytesScanned: number;
  inlineSuppressed: number;
}

const DEFAULT_CONCURRENCY = 8;

export async function scanTree(root: string, options: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  if (!(await stat(root)).isDirectory()) throw new Error(`${root} is not a directory`);
  const rules = options.rules ?? RULE_MODULES;
  const includeDeps = options.includeDeps ?? false;
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const state: ScanState = {
    rules,
    facts: await collectProjectFacts(root, { includeDeps, maxFileSize }),
    maxFileSize,
    counters: new WalkCounters(),
    findings: [],
    filesScanned: 0,
    bytesScanned: 0,
    inlineSuppressed: 0,
  };
  const files = walkFiles(root, { includeDeps }, state.counters);
  await forEachConcurrent(files, options.concurrency ?? DEFAULT_CONCURRENCY, (entry) => scanFile(entry, state));
  const accepted = options.baseline ?? new Set<string>();
  const sorted = state.findings.sort(byPlace);
  const findings = sorted.filter((f) => !accepted.has(baselineKey(f)));
  const baselined = sorted.filter((f) => accepted.has(baselineKey(f)));
  return {
    findings,
    baselined,
    summary: summarise(state, findings, baselined.length, includeDeps),
    durationMs: performance.now() - started,
    rules: ruleCatalog(rules),
    warningSamples: state.counters.samples,
  };
}

async function scanFile(entry: WalkEntry, state: ScanState): Promise<void> {
  const file = await loadFile(entry, state.maxFileSize, state.counters);
  if (file === null) return;
  state.filesScanned += 1;
  state.bytesScanned += file.size;
  const reported = runRules(file, state);
  const directives = file.text?.includes('airlock-ignore:') ? findDirectives(file.text) : [];
  const { kept, suppressed, directiveFindings } = applySuppressions(file.path, reported, directives);
  state.inlineSuppressed += suppressed;
  if (kept.length > 0 || directiveFindings.length > 0) state.findings.push(...fingerprintFindings([...kept, ...directiveFindings], file.text));
}

/** Runs every applicable rule; a rule that throws costs a counted warning, never the scan. */
function runRules(file: ScanFile, state: ScanState): ScanFinding[] {
  const findings: ScanFinding[] = [];
  for (const rule of state.rules) {
    try {
      if (rule.applies(file)) findings.push(...rule.scan(file, state.facts));
    } catch (err) {
      const family = rule.rules[0]?.id.split('.')[0] ?? 'rule';
      state.counters.warn('rule-error', file.path, `${family}: ${(err as Error).message ?? String(err)}`);
    }
  }
  return findings;
}

function summarise(state: ScanState, findings: readonly ScanFinding[], baselined: number, includeDeps: boolean): ScanSummary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of findings) bySeverity[finding.severity] += 1;
  return {
    filesScanned: state.filesScanned,
    bytesScanned: state.bytesScanned,
    findings: findings.length,
    bySeverity,
    suppressed: { inline: state.inlineSuppressed, baseline: baselined },
    skippedDependencyFiles: state.counters.skippedDependencyFiles,
    includeDeps,
    gitignored: state.counters.gitignored,
    warnings: { ...state.counters.warnings },
  };
}

function byPlace(a: ScanFinding, b: ScanFinding): number {
  return compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.ruleId, b.ruleId);
}

/** Pulls items one at a time and keeps at most `limit` pieces of work running (work must not reject). */
async function forEachConcurrent<T>(items: AsyncIterable<T>, limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const running = new Set<Promise<void>>();
  for await (const item of items) {
    const task: Promise<void> = work(item).finally(() => running.delete(task));
    running.add(task);
    if (running.size >= limit) await Promise.race(running);
  }
  await Promise.all(running);
}

/**
 * The first pass: reads only the files the facts need (Salesforce Named Credentials) and has the registry's facts
 * reader (the Salesforce rule module, which owns that format) build the facts. Their warnings are counted by the
 * main pass.
 */
export async function collectProjectFacts(root: string, options: { includeDeps: boolean; maxFileSize: number }): Promise<ProjectFacts> {
  const quiet = new WalkCounters();
  const files: ScanFile[] = [];
  for await (const entry of walkFiles(root, { includeDeps: options.includeDeps, wants: FACTS_READER.wants }, quiet)) {
    const file = await loadFile(entry, options.maxFileSize, quiet);
    if (file !== null) files.push(file);
  }
  return FACTS_READER.collect(files);
}
