/**
 * `npm run bench:scan [-- --quick --files N --cpu-prof-dir DIR]`: how fast `airlock scan` reads a large shop/CRM
 * code tree, how much memory it needs, and how its key rules compare with secretlint on the same tree.
 *
 * 1. A tree of N files (50,000; 5,000 with --quick) is generated from a fixed seed in a temporary directory
 *    (bench/lib/scan-tree.ts): PHP (WordPress, Magento), TypeScript/JavaScript, Python, Apex, XML metadata,
 *    JSON/YAML, `.env` files, Markdown, CSS, PNG images, model weights under `public/`, a `node_modules/` and
 *    a `vendor/` part and two `.gitignore` files. Mostly 1–20 KB per file, about one in 500 of 200 KB–1 MB.
 *    Planted at recorded lines: hard-coded keys in their providers' real formats, placeholders that should
 *    not be reported, AI egress calls and model weights.
 * 2. `scanTree` (the library behind `airlock scan`, every rule, default options) runs in a child process,
 *    `node bench/scan.ts --scan-child ROOT`, which times the call and samples its own resident memory every
 *    20 ms; the peak is the larger of that and the kernel's maximum RSS for the process (getrusage), so a
 *    peak between samples is not missed. Seconds in the table are the child process's wall clock from spawn
 *    to exit (Node start-up and module loading included, as for the other tool); the scanTree call alone is
 *    printed below the table with the targets.
 * 3. secretlint's CLI (`secretlint "**\/*"` with the recommend preset, in the tree as working directory, one
 *    ignore file with the same exclusions as the tree's `.gitignore` files plus `vendor/`) runs in a child
 *    process with a preloaded module (`--import`) that samples its memory the same way. Its findings come
 *    from the `unix` formatter written to a file.
 * When /usr/bin/time is present, both children also run under `time -v`, whose maximum RSS is printed as a
 * cross-check. Both tools read the tree right after it was written, so from the page cache.
 *
 * Findings are matched to the planted items by file and line: a planted key counts as found when the tool
 * reports at its line (ours: a `keys.*` rule), a placeholder as a false positive when it does; findings at
 * no planted line are counted as other findings. The tree is removed at the end (unless --keep). It measures,
 * it asserts nothing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { scanTree } from '../src/scanner/scan.ts';
import {
  EGRESS_FORMS, generateScanTree, KEY_KINDS, PLACEHOLDER_FORMS, type GeneratedTree, type Planted,
} from './lib/scan-tree.ts';
import { grouped, printTable } from './lib/table.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    files: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'cpu-prof-dir': { type: 'string' },
    'scan-child': { type: 'string' },
  },
  strict: true,
});

const FILES = values.files === undefined ? (values.quick ? 5_000 : 50_000) : Number(values.files);
const SEED = 20_250_611;
const SAMPLE_MS = 20;
const TARGET_FILES = 50_000;
const TARGET_SECONDS = 20;
const TARGET_RSS_MB = 300;
const CHILD_TIMEOUT_MS = 10 * 60_000;
const TIME = '/usr/bin/time';

/** A finding reduced to what matching needs: rule, file relative to the root with `/`, 1-based line. */
type Hit = readonly [rule: string, file: string, line: number];

interface ScanChildReport {
  readonly scanMs: number;
  readonly filesScanned: number;
  readonly bytesScanned: number;
  readonly skippedDependencyFiles: number;
  readonly gitignored: number;
  readonly warnings: Record<string, number>;
  readonly hits: Hit[];
  readonly sampledPeak: number;
  readonly maxRss: number;
  /** Heap still used after the scan and a forced full GC: what the scan retains, not what it churned through. */
  readonly retainedHeap: number | null;
  readonly peakHeap: number;
}

// ---------------------------------------------------------------------------------------------------------------
// The scan child

async function scanChild(root: string): Promise<void> {
  let peak = 0;
  let peakHeap = 0;
  const sample = (): void => {
    const memory = process.memoryUsage();
    peak = Math.max(peak, memory.rss);
    peakHeap = Math.max(peakHeap, memory.heapUsed);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  timer.unref();
  const started = performance.now();
  const result = await scanTree(root);
  const scanMs = performance.now() - started;
  sample();
  clearInterval(timer);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const report: ScanChildReport = {
    scanMs,
    filesScanned: result.summary.filesScanned,
    bytesScanned: result.summary.bytesScanned,
    skippedDependencyFiles: result.summary.skippedDependencyFiles,
    gitignored: result.summary.gitignored,
    warnings: result.summary.warnings,
    hits: result.findings.map((f) => [f.ruleId, f.file, f.line] as const),
    sampledPeak: peak,
    maxRss: process.resourceUsage().maxRSS * 1024,
    retainedHeap: gc === undefined ? null : process.memoryUsage().heapUsed,
    peakHeap,
  };
  process.stdout.write(JSON.stringify(report));
}

// ---------------------------------------------------------------------------------------------------------------
// Running children

/** Preloaded into the secretlint process: samples RSS like the scan child and writes the peaks on exit. */
const SAMPLER = `
import { writeFileSync } from 'node:fs';
let peak = 0;
const sample = () => { peak = Math.max(peak, process.memoryUsage.rss()); };
setInterval(sample, ${SAMPLE_MS}).unref();
process.on('exit', () => {
  sample();
  writeFileSync(process.env.BENCH_RSS_OUT, JSON.stringify({ sampledPeak: peak, maxRss: process.resourceUsage().maxRSS * 1024 }));
});
`;

interface ChildRun {
  readonly code: number | null;
  readonly seconds: number;
  readonly stdout: string;
  readonly stderr: string;
  /** From /usr/bin/time -v, bytes; null without it. */
  readonly timeMaxRss: number | null;
}

const HAVE_TIME = existsSync(TIME);

/** Process groups of running children: killed on timeout, and on Ctrl-C with the temporary tree removed. */
const liveGroups = new Set<number>();
let cleanup: (() => void) | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const pid of liveGroups) killGroup(pid);
    cleanup?.();
    process.exit(130);
  });
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function runChild(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<ChildRun> {
  const [command, argv] = HAVE_TIME ? [TIME, ['-v', process.execPath, ...args]] : [process.execPath, [...args]];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // Its own process group, so a timeout kills the node process under /usr/bin/time too.
    const child = spawn(command, argv, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const pid = child.pid;
    if (pid !== undefined) liveGroups.add(pid);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => pid !== undefined && killGroup(pid), CHILD_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (pid !== undefined) liveGroups.delete(pid);
      const seconds = (performance.now() - started) / 1000;
      const stderr = Buffer.concat(err).toString('utf8');
      const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
      resolve({ code, seconds, stdout: Buffer.concat(out).toString('utf8'), stderr, timeMaxRss: kb === undefined ? null : Number(kb) * 1024 });
    });
  });
}

interface ToolRun {
  readonly tool: string;
  readonly files: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly peakRss: number | null;
  readonly sampledPeak: number | null;
  readonly timeMaxRss: number | null;
  /** Key findings (ours: keys.*; secretlint: all). */
  readonly keyHits: Hit[];
  readonly error?: string;
}

async function runAirlock(root: string): Promise<{ run: ToolRun; report: ScanChildReport | null }> {
  const profile = values['cpu-prof-dir'] === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof-dir']];
  // --expose-gc only makes gc() callable (for the retained heap after the scan); collection runs as usual.
  const child = await runChild(['--expose-gc', ...profile, fileURLToPath(import.meta.url), '--scan-child', root]);
  let report: ScanChildReport | null = null;
  try {
    report = JSON.parse(child.stdout) as ScanChildReport;
  } catch {
    report = null;
  }
  const base = { tool: 'airlock scanTree', seconds: child.seconds, timeMaxRss: child.timeMaxRss };
  if (report === null || child.code !== 0) {
    return { run: { ...base, files: 0, bytes: 0, peakRss: null, sampledPeak: null, keyHits: [], error: `exit ${child.code}: ${tail(child.stderr)}` }, report: null };
  }
  return {
    run: {
      ...base,
      files: report.filesScanned,
      bytes: report.bytesScanned,
      peakRss: Math.max(report.maxRss, report.sampledPeak),
      sampledPeak: report.sampledPeak,
      keyHits: report.hits.filter(([rule]) => rule.startsWith('keys.')),
    },
    report,
  };
}

async function runSecretlint(tree: GeneratedTree, work: string): Promise<ToolRun> {
  const rc = join(work, 'secretlintrc.json');
  const ignore = join(work, 'secretlintignore');
  const output = join(work, 'secretlint.txt');
  const rss = join(work, 'secretlint-rss.json');
  writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  writeFileSync(ignore, tree.ignoreFileText);
  const bin = fileURLToPath(new URL('../node_modules/secretlint/bin/secretlint.js', import.meta.url));
  const child = await runChild(
    ['--import', `data:text/javascript,${encodeURIComponent(SAMPLER)}`, bin, '**/*', '--secretlintrc', rc, '--secretlintignore', ignore,
      '--format', 'unix', '--no-color', '--no-terminalLink', '--output', output],
    { cwd: tree.root, env: { BENCH_RSS_OUT: rss } },
  );
  let memory: { sampledPeak: number; maxRss: number } | null = null;
  try {
    memory = JSON.parse(readFileSync(rss, 'utf8')) as { sampledPeak: number; maxRss: number };
  } catch {
    memory = null;
  }
  const base = {
    tool: `secretlint ${secretlintVersion()} CLI`,
    // What it was given: the tree less node_modules/ and the ignore file's paths, as scanTree reads it.
    files: tree.scanned.files,
    bytes: tree.scanned.bytes,
    seconds: child.seconds,
    timeMaxRss: child.timeMaxRss,
    peakRss: memory === null ? null : Math.max(memory.maxRss, memory.sampledPeak),
    sampledPeak: memory?.sampledPeak ?? null,
  };
  if (child.code !== 0 || !existsSync(output)) return { ...base, keyHits: [], error: `exit ${child.code}: ${tail(child.stderr)}` };
  const hits: Hit[] = [];
  // `/abs/path:LINE:COL: [messageId] message [Error/preset > rule]`
  for (const line of readFileSync(output, 'utf8').split('\n')) {
    const m = /^(.+?):(\d+):\d+: \[[^\]]*\] .* \[\w+\/(?:.* > )?([^\]]+)\]$/.exec(line);
    if (m !== null) hits.push([m[3] as string, relative(tree.root, m[1] as string).split('\\').join('/'), Number(m[2])]);
  }
  return { ...base, keyHits: hits };
}

function secretlintVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../node_modules/secretlint/package.json', import.meta.url), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return '?';
  }
}

function tail(text: string): string {
  return text.trim().split('\n').slice(-3).join(' | ');
}

// ---------------------------------------------------------------------------------------------------------------
// Matching and printing

const at = (file: string, line: number): string => `${file}:${line}`;

function foundAt(hits: readonly Hit[], planted: Planted<string>): boolean {
  return hits.some(([, file, line]) => file === planted.file && line >= planted.line && line <= planted.toLine);
}

function countFound<K extends string>(hits: readonly Hit[], planted: readonly Planted<K>[], kind?: K): { found: number; planted: number } {
  const list = kind === undefined ? planted : planted.filter((p) => p.kind === kind);
  const lines = new Set(hits.map(([, file, line]) => at(file, line)));
  const found = list.filter((p) => (p.line === p.toLine ? lines.has(at(p.file, p.line)) : foundAt(hits, p))).length;
  return { found, planted: list.length };
}

function otherHits(hits: readonly Hit[], tree: GeneratedTree): Hit[] {
  const planted = new Set([...tree.keys, ...tree.placeholders].map((p) => at(p.file, p.line)));
  return hits.filter(([, file, line]) => !planted.has(at(file, line)));
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
const ratio = (r: { found: number; planted: number }): string => `${r.found} / ${r.planted}`;

/** `directories 0–10 deep, 3–8 for 88% of the files`. */
function depthText(depths: readonly number[]): string {
  const total = depths.reduce((a, b) => a + b, 0);
  const mid = depths.slice(3, 9).reduce((a, b) => a + b, 0);
  const min = depths.findIndex((n) => n > 0);
  return `files ${min}–${depths.length - 1} directories deep, 3–8 for ${((100 * mid) / Math.max(1, total)).toFixed(0)}%`;
}

function printTree(tree: GeneratedTree, seconds: number): void {
  console.log('## 1. The tree');
  console.log(
    `${grouped(tree.files)} files, ${mb(tree.bytes)} MB, written in ${seconds.toFixed(1)} s (seed ${SEED}); ` +
      `a default scan reads ${grouped(tree.scanned.files)} files (${mb(tree.scanned.bytes)} MB): ` +
      `${grouped(tree.dependencyFiles)} under node_modules/ and vendor/ and ${grouped(tree.gitignoredFiles)} .gitignored are left out; ` +
      `${tree.largeFiles} files of 200 KB–1 MB; ${depthText(tree.depths)}`,
  );
  console.log('');
  const types = [...tree.byType].sort((a, b) => b[1] - a[1]);
  printTable(['file type (scanned part)', 'files', 'share'], types.map(([type, n]) => [type, grouped(n), `${((100 * n) / tree.scanned.files).toFixed(1)}%`]));
  console.log('');
  const aws = tree.keys.filter((k) => k.kind === 'aws-access-key-id').length;
  console.log(
    `planted: ${tree.keys.length} keys (${KEY_KINDS.length} kinds; AWS as ${aws} access key ID + secret pairs), ` +
      `${tree.placeholders.length} placeholder lines (${PLACEHOLDER_FORMS.length} forms), ${tree.egress.length} AI egress calls ` +
      `(${EGRESS_FORMS.length} forms), ${tree.models.length} model weight files`,
  );
  console.log('');
}

function printComparison(runs: readonly ToolRun[], airlock: ScanChildReport | null, tree: GeneratedTree): void {
  console.log('## 2. airlock scanTree and secretlint on the same tree');
  console.log('');
  printTable(
    ['tool', 'files', 'seconds', 'files/s', 'MB/s', 'peak RSS MB', 'keys found / planted', 'placeholder false positives'],
    runs.map((r) => {
      if (r.error !== undefined) return [r.tool, grouped(r.files), r.seconds.toFixed(2), '-', '-', '-', '-', '-'];
      const fp = countFound(r.keyHits, tree.placeholders);
      return [
        r.tool,
        grouped(r.files),
        r.seconds.toFixed(2),
        grouped(r.files / r.seconds),
        (r.bytes / 1024 / 1024 / r.seconds).toFixed(1),
        r.peakRss === null ? 'not measured' : mb(r.peakRss),
        ratio(countFound(r.keyHits, tree.keys)),
        `${fp.found} / ${fp.planted}`,
      ];
    }),
  );
  console.log('');
  for (const r of runs) if (r.error !== undefined) console.log(`${r.tool} failed: ${r.error}`);
  console.log('secretlint prints no file count: its row counts what its glob leaves after node_modules/ and the ignore file (from the generator)');
  if (airlock !== null) {
    const seconds = airlock.scanMs / 1000;
    const scaled = (seconds * TARGET_FILES) / Math.max(1, airlock.filesScanned);
    const rssMb = Math.max(airlock.maxRss, airlock.sampledPeak) / 1024 / 1024;
    console.log(
      `scanTree call alone: ${seconds.toFixed(2)} s for ${grouped(airlock.filesScanned)} files (${grouped(airlock.filesScanned / seconds)} files/s, ` +
        `${(airlock.bytesScanned / 1024 / 1024 / seconds).toFixed(1)} MB/s); warnings: ${Object.entries(airlock.warnings).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
    );
    console.log(`target: ${grouped(TARGET_FILES)} files in < ${TARGET_SECONDS} s — ${FILES >= TARGET_FILES ? `measured ${seconds.toFixed(1)} s` : `${scaled.toFixed(1)} s at this run's rate (quick run, scaled)`}`);
    console.log(`target: peak memory < ${TARGET_RSS_MB} MB — measured ${rssMb.toFixed(0)} MB${FILES >= TARGET_FILES ? '' : ` on ${grouped(airlock.filesScanned)} files`}`);
    const retained = airlock.retainedHeap === null ? 'not measured' : `${mb(airlock.retainedHeap)} MB`;
    console.log(`scanTree heap: peak used ${mb(airlock.peakHeap)} MB (sampled), still used after the scan and a forced full GC ${retained}`);
  }
  for (const r of runs) {
    const sampled = r.sampledPeak === null ? 'none' : `${mb(r.sampledPeak)} MB`;
    const time = r.timeMaxRss === null ? 'not run (no /usr/bin/time)' : `${mb(r.timeMaxRss)} MB`;
    console.log(`${r.tool}: peak RSS sampled every ${SAMPLE_MS} ms ${sampled}, getrusage max in the table; /usr/bin/time -v max RSS ${time}`);
  }
  console.log('');
}

function printPlanted(tree: GeneratedTree, airlock: ToolRun, secretlint: ToolRun, report: ScanChildReport | null): void {
  console.log('## 3. Planted items found (file and line match)');
  console.log('');
  const egressHits = (report?.hits ?? []).filter(([rule]) => rule.startsWith('egress.') || rule.startsWith('cors.'));
  const artifactHits = (report?.hits ?? []).filter(([rule]) => rule.startsWith('artifact.'));
  const rows: string[][] = [];
  for (const kind of KEY_KINDS) {
    rows.push([`key: ${kind}`, ratio(countFound(airlock.keyHits, tree.keys, kind)), ratio(countFound(secretlint.keyHits, tree.keys, kind))]);
  }
  for (const form of PLACEHOLDER_FORMS) {
    const count = (hits: Hit[]): string => {
      const r = countFound(hits, tree.placeholders, form);
      return `${r.found} FP / ${r.planted}`;
    };
    rows.push([`placeholder: ${form}`, count(airlock.keyHits), count(secretlint.keyHits)]);
  }
  rows.push(['other key findings (no planted line)', String(otherHits(airlock.keyHits, tree).length), String(otherHits(secretlint.keyHits, tree).length)]);
  for (const form of EGRESS_FORMS) rows.push([`egress: ${form}`, ratio(countFound(egressHits, tree.egress, form)), '-']);
  const plantedEgress = egressHits.filter(([, file, line]) => !tree.egress.some((e) => e.file === file && line >= e.line && line <= e.toLine));
  rows.push(['other egress findings (no planted block)', String(plantedEgress.length), '-']);
  rows.push(['model weights (3 under public/, 1 elsewhere)', ratio(countFound(artifactHits, tree.models)), '-']);
  printTable(['planted', 'airlock', 'secretlint'], rows);
  const missed = tree.keys.filter((k) => !airlock.keyHits.some(([, file, line]) => file === k.file && line === k.line)).slice(0, 5);
  for (const k of missed) console.log(`airlock missed ${k.kind} at ${k.file}:${k.line}`);
  const others = otherHits(airlock.keyHits, tree).slice(0, 5);
  for (const [rule, file, line] of others) console.log(`airlock other: ${rule} at ${file}:${line}`);
  console.log('');
}

function printFamilies(report: ScanChildReport | null): void {
  if (report === null) return;
  console.log('## 4. airlock findings by rule');
  console.log('');
  const counts = new Map<string, number>();
  for (const [rule] of report.hits) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  const rows = [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([rule, n]) => [rule.split('.')[0] as string, rule, String(n)]);
  rows.push(['total', '', String(report.hits.length)]);
  printTable(['family', 'rule', 'findings'], rows);
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (!Number.isInteger(FILES) || FILES < 100) throw new Error(`--files wants a whole number of at least 100, not ${values.files}`);
  const work = mkdtempSync(join(tmpdir(), 'airlock-bench-scan-'));
  const root = join(work, 'tree');
  if (!values.keep) cleanup = () => rmSync(work, { recursive: true, force: true });
  const started = performance.now();
  try {
    const genStart = performance.now();
    const tree = generateScanTree(root, { files: FILES, seed: SEED });
    const genSeconds = (performance.now() - genStart) / 1000;
    console.log(`node ${process.version}; CPU ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}; ${values.quick ? 'quick run; ' : ''}each tool in its own child process; tree in ${root}`);
    console.log('');
    printTree(tree, genSeconds);
    const { run: airlock, report } = await runAirlock(root);
    const secretlint = await runSecretlint(tree, work);
    printComparison([airlock, secretlint], report, tree);
    printPlanted(tree, airlock, secretlint, report);
    printFamilies(report);
  } finally {
    if (values.keep) console.log(`\nkept ${work}`);
    else rmSync(work, { recursive: true, force: true });
    console.log(`\nwall time ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

if (values['scan-child'] !== undefined) await scanChild(values['scan-child']);
else await main();
