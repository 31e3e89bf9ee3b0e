/**
 * Runs `airlock dataset …` in a child process, with the error handling of src/cli/main.ts (usage and
 * configuration errors exit 2, other failures 1), so the tests do not depend on the command table.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUNNER = fileURLToPath(new URL('./run-dataset.ts', import.meta.url));

export interface DatasetCliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runDatasetCli(args: string[], cwd: string): DatasetCliResult {
  const r = spawnSync(process.execPath, [RUNNER, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
