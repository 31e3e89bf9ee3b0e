/**
 * `airlock inspect [FILE…|-] [--config FILE] [--tenant T] [--format json|text] [--jsonl]`: runs detection, the
 * tenant's policy and the transforms offline. Each file (or stdin) is one input; with `--jsonl` each line is a
 * JSON object whose `text` is one input, and output line N answers input line N (a bad line gets an `error`
 * object and the command exits 1 at the end). Text output shows types, offsets and actions, never the values.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEV_TENANT } from '../config/defaults.ts';
import { loadConfig } from '../config/load.ts';
import { readSecretKey } from '../config/secret-key-file.ts';
import { inspectText, type InspectResult } from '../pipeline/inspect-text.ts';
import { createTenantPolicies, type TenantPolicy } from '../pipeline/tenant-policies.ts';
import { CliUsageError, parseCommandArgs } from './usage.ts';

export async function runInspect(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      config: { type: 'string', short: 'c' },
      tenant: { type: 'string' },
      format: { type: 'string', default: 'json' },
      jsonl: { type: 'boolean', default: false },
    },
  );
  if (values.format !== 'json' && values.format !== 'text') throw new CliUsageError('--format must be json or text');
  const policy = loadPolicy(values.config, values.tenant);
  const sources = positionals.length === 0 ? ['-'] : positionals;
  let failed = false;
  for (const source of sources) {
    const content = source === '-' ? await readStdin() : readFileSync(source, 'utf8');
    if (!values.jsonl) {
      write(inspectText(content, policy), values.format, source);
      continue;
    }
    const lines = content.split('\n');
    if (lines.at(-1) === '') lines.pop();
    lines.forEach((line, i) => {
      const text = textOfLine(line);
      if (typeof text === 'string') write(inspectText(text, policy), values.format, `${source}:${i + 1}`);
      else {
        failed = true;
        process.stdout.write(`${JSON.stringify({ error: `line ${i + 1}: ${text.error}` })}\n`);
      }
    });
  }
  return failed ? 1 : 0;
}

function loadPolicy(configPath: string | undefined, tenant: string | undefined): TenantPolicy {
  const { config } = loadConfig({ path: configPath });
  const tenantId = tenant ?? config.tenants[0]?.id ?? DEV_TENANT;
  if (tenant !== undefined && !config.tenants.some((t) => t.id === tenant)) {
    throw new CliUsageError(`tenant "${tenant}" is not in the configuration`);
  }
  // Without a stored secret the pseudonyms are valid for this run only; nothing is written to disk.
  const secret = config.secretKey ?? readSecretKey(config.dataDir) ?? randomBytes(32).toString('base64url');
  return createTenantPolicies(config, secret).forTenant(tenantId);
}

function textOfLine(line: string): string | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: 'not valid JSON' };
  }
  const text = (value as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text : { error: 'expected an object with a string "text" field' };
}

function write(result: InspectResult, format: string, source: string): void {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const lines = [`${source}: ${result.decision}, level ${result.level}, ${result.findings.length} finding(s)`];
  for (const f of result.findings) {
    lines.push(`  ${f.type.padEnd(16)} ${`${f.start}-${f.end}`.padEnd(12)} ${f.action.padEnd(13)} ${f.level.padEnd(13)} ${f.detector} (${f.score.toFixed(2)})`);
  }
  if (result.injection.verdict !== 'clean') {
    lines.push(`  injection: ${result.injection.verdict} (score ${result.injection.score}; ${result.injection.signals.join(', ')})`);
  }
  if (result.sanitized !== null) lines.push('  sanitized:', ...result.sanitized.split('\n').map((l) => `    ${l}`));
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
