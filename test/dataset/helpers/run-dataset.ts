/** The child process of helpers/cli.ts: `runDataset` with main.ts's exit codes for errors. */
import { runDataset } from '../../../src/cli/dataset.ts';
import { CliUsageError } from '../../../src/cli/usage.ts';
import { ConfigError } from '../../../src/errors.ts';

try {
  process.exitCode = await runDataset(process.argv.slice(2));
} catch (err) {
  const usage = err instanceof CliUsageError || err instanceof ConfigError;
  process.stderr.write(`airlock dataset: ${(err as Error).message}\n`);
  process.exitCode = usage ? 2 : 1;
}
