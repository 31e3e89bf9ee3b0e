#!/usr/bin/env node
/**
 * The `airlock` command: dispatches to one module per subcommand. Configuration errors print their path and
 * reason and exit 2; other failures exit 1 without a stack trace unless AIRLOCK_DEBUG is set.
 */
import { ConfigError } from '../errors.ts';
import { CliUsageError } from './usage.ts';

type Command = (args: string[]) => Promise<number>;

// Each subcommand is loaded only when it runs: `airlock scan` or `airlock audit verify` need neither the
// detection engine nor the injection rules, whose patterns are compiled at load (about half a second).
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./serve.ts')).runServe,
  init: async () => (await import('./init.ts')).runInit,
  keys: async () => (await import('./keys.ts')).runKeys,
  inspect: async () => (await import('./inspect.ts')).runInspect,
  policy: async () => (await import('./policy.ts')).runPolicy,
  audit: async () => (await import('./audit.ts')).runAudit,
  scan: async () => (await import('./scan.ts')).runScan,
  dataset: async () => (await import('./dataset.ts')).runDataset,
};

const USAGE = `Usage: airlock <command> [options]

Commands:
  serve [--config FILE] [--host H] [--port P]
                                        run the gateway (embedded defaults when no config file exists)
  init [--out FILE] [--force] [--tenant T]
                                        write a commented airlock.yaml and print the tenant's first key
  keys create --tenant T [--id ID] [--scopes a,b] [--models m1,m2] [--json] [--config FILE]
  keys list [--tenant T] [--json] [--config FILE]
  keys revoke --tenant T --id ID [--config FILE]
  inspect [FILE...|-] [--config FILE] [--tenant T] [--format json|text] [--jsonl]
                                        run detection, the tenant's policy and the transforms offline
  policy explain --tenant T --model M [--config FILE] [--endpoint chat|completions|embeddings]
                 [--level L] [--format text|json] FILE|-
                                        show a sample request's findings, level, decision and routing;
                                        exit 3 when the gateway would refuse it
  audit verify [--db FILE | --postgres URL | --bundle DIR | --config FILE] --pubkey FILE [--checkpoint FILE...]
                                        check every event, the tree and the signed checkpoints; exit 4 when
                                        the log is not intact, naming the first bad sequence number
  audit export --out DIR [--since T] [--until T] [--pubkey FILE]
                                        write a bundle that verify accepts without the database
  audit proof --seq N                   an inclusion proof of one event in the latest checkpoint
  audit tail [-n N] [--follow]          the latest events as JSON lines
  audit query [--tenant T] [--kind K] [--since T] [--until T]
                                        events as JSON lines (audit commands also take --db, --postgres
                                        [--schema S] or --config FILE)
  scan [PATH] [--format text|json|sarif] [--out FILE] [--fail-on SEVERITY|none] [--baseline FILE]
       [--write-baseline FILE] [--include-deps] [--max-file-size BYTES]
                                        map where the code sends data to hosted AI; exit 1 when a finding
                                        at or above --fail-on (default low) remains, 2 on usage errors
  dataset scan FILE [--config FILE] [--tenant T] [--format text|json] [--examples N] [--fail-on-findings]
               [--input-format jsonl|csv|tsv] [--max-record-mb N]
                                        count sensitive values in training data by type and field
                                        (positions only); exit 3 with --fail-on-findings when any
  dataset sanitize FILE --out FILE [--config FILE] [--tenant T] [--skip-invalid] [--format text|json]
                   [--input-format jsonl|csv|tsv] [--max-record-mb N]
                                        write a sanitized copy and its lineage event in the audit log;
                                        exit 3 when invalid records would be dropped without --skip-invalid
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  const load = COMMANDS[command];
  if (!load) {
    process.stderr.write(`airlock: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(rest);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof CliUsageError) {
      process.stderr.write(`airlock ${command}: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`airlock ${command}: ${(err as Error).message ?? String(err)}\n`);
    if (process.env.AIRLOCK_DEBUG) process.stderr.write(`${(err as Error).stack ?? ''}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
