/** Argument parsing shared by subcommands: node:util parseArgs in strict mode, errors as CliUsageError. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (err) {
    throw new CliUsageError((err as Error).message);
  }
}

/** A comma-separated list option, or undefined when absent. */
export function listOption(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
}
