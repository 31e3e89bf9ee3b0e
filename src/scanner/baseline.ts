/**
 * Finding fingerprints and the baseline file. A fingerprint is the rule id, the file, a hash of the finding's
 * line text (trimmed, whitespace collapsed) and the occurrence index among identical lines — never the line
 * number, so adding code above a known finding does not make it "new" and fail CI. The baseline file lists the
 * fingerprints of accepted findings; `--write-baseline` writes it and `--baseline` subtracts it.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { LineIndex } from './position.ts';
import type { ScanFinding } from './types.ts';

export interface FingerprintedFinding extends ScanFinding {
  /** Stable across line moves; also SARIF's partialFingerprints value. */
  readonly fingerprint: string;
}

export interface BaselineEntry {
  readonly fingerprint: string;
  readonly ruleId: string;
  readonly file: string;
}

export interface BaselineFile {
  readonly version: 1;
  readonly tool: 'airlock scan';
  readonly findings: readonly BaselineEntry[];
}

export class BaselineError extends Error {
  override name = 'BaselineError';
}

/** Fingerprints one file's findings; `text` is the file's decoded text, or null for a binary file. */
export function fingerprintFindings(findings: readonly ScanFinding[], text: string | null): FingerprintedFinding[] {
  if (findings.length === 0) return [];
  const lines = text === null ? null : new LineIndex(text);
  const ordered = [...findings].sort((a, b) => a.line - b.line || a.column - b.column || compare(a.ruleId, b.ruleId));
  const seen = new Map<string, number>();
  return ordered.map((finding) => {
    const lineHash = hashLine(finding, lines?.lineText(finding.line) ?? '');
    const occurrence = seen.get(lineHash) ?? 0;
    seen.set(lineHash, occurrence + 1);
    return { ...finding, fingerprint: `${lineHash}:${occurrence}` };
  });
}

function hashLine(finding: ScanFinding, lineText: string): string {
  const normalised = lineText.trim().replace(/\s+/g, ' ');
  return createHash('sha256').update(`${finding.ruleId}\0${finding.file}\0${normalised}`).digest('hex').slice(0, 24);
}

export function buildBaseline(findings: readonly FingerprintedFinding[]): BaselineFile {
  const entries = findings
    .map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, file: f.file }))
    .sort((a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint));
  return { version: 1, tool: 'airlock scan', findings: entries };
}

export async function writeBaseline(path: string, findings: readonly FingerprintedFinding[]): Promise<void> {
  await writeFile(path, `${JSON.stringify(buildBaseline(findings), null, 2)}\n`);
}

/** The set of accepted fingerprints (each keyed with its rule and file, so a hash never matches elsewhere). */
export async function readBaseline(path: string): Promise<ReadonlySet<string>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new BaselineError(`cannot read baseline ${path}: ${(err as Error).message}`);
  }
  const findings = (parsed as { findings?: unknown } | null)?.findings;
  if ((parsed as { version?: unknown }).version !== 1 || !Array.isArray(findings)) {
    throw new BaselineError(`${path} is not an airlock scan baseline (expected version 1 with a findings list)`);
  }
  return new Set(findings.filter(isEntry).map(baselineKey));
}

function isEntry(value: unknown): value is BaselineEntry {
  const v = value as Partial<BaselineEntry> | null;
  return typeof v?.fingerprint === 'string' && typeof v.ruleId === 'string' && typeof v.file === 'string';
}

export function baselineKey(entry: BaselineEntry): string {
  return `${entry.ruleId}\0${entry.file}\0${entry.fingerprint}`;
}

/** Code-unit order of two strings (locale-independent, so reports and baselines sort the same everywhere). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
