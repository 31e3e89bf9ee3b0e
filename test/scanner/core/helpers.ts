/**
 * Shared pieces of the scanner core tests: temporary trees built from a path → content map, tiny rules defined
 * here (the real rule modules are tested on their own), and an in-process IO sink for `runScan`.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ScanIo } from '../../../src/cli/scan.ts';
import type { ScanFile, ScanFinding, ScanRule, Severity } from '../../../src/scanner/types.ts';

/** Writes the files into a fresh temporary directory and returns its path. */
export function makeTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'airlock-scan-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** Reports every occurrence of `token` in text files, at its line and column. */
export function tokenRule(id: string, token: string, severity: Severity = 'high'): ScanRule {
  return {
    rules: [{ id, severity, summary: `Contains ${token}.`, remediation: `Remove ${token}.` }],
    applies: (file) => file.text !== null,
    scan: (file) => occurrences(file, token).map((place) => ({
      ruleId: id,
      severity,
      file: file.path,
      ...place,
      message: `${token} found.`,
      remediation: `Remove ${token}.`,
    })),
  };
}

function occurrences(file: ScanFile, token: string): { line: number; column: number }[] {
  const places: { line: number; column: number }[] = [];
  (file.text ?? '').split('\n').forEach((line, i) => {
    for (let at = line.indexOf(token); at !== -1; at = line.indexOf(token, at + 1)) places.push({ line: i + 1, column: at + 1 });
  });
  return places;
}

/** Records every file the scan hands to rules, with what it got (text or not, head length). */
export function recordingRule(seen: Map<string, ScanFile>): ScanRule {
  return {
    rules: [{ id: 'test.record', severity: 'info', summary: 'Records files.', remediation: 'None.' }],
    applies: (file) => {
      seen.set(file.path, file);
      return false;
    },
    scan: (): ScanFinding[] => [],
  };
}

export interface CapturedIo {
  readonly io: ScanIo;
  stdout(): string;
  stderr(): string;
}

export function captureIo(): CapturedIo {
  let out = '';
  let err = '';
  return {
    io: { stdout: (text) => void (out += text), stderr: (text) => void (err += text) },
    stdout: () => out,
    stderr: () => err,
  };
}
