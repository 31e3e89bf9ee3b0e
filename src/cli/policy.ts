/**
 * `airlock policy explain --tenant T --model M [--config FILE] [--endpoint chat|completions|embeddings]
 * [--level L] [--format text|json] FILE|-`: shows what the gateway would do with a sample request — findings,
 * policy and hash, level, decision, allowed jurisdictions, every candidate backend with why it is or is not
 * compliant, and the one that would be chosen. The work is src/pipeline/explain.ts; this module reads the input
 * and prints. Exit codes: 0 the request would be forwarded, 3 it would be refused (blocked content or no
 * compliant backend), 2 a usage error. Nothing printed contains a value from the prompt.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadConfig } from '../config/load.ts';
import { readSecretKey } from '../config/secret-key-file.ts';
import { LEVELS, type Level } from '../entities.ts';
import { AirlockError } from '../errors.ts';
import { explainRequest, formatShare, requestBodyFrom, type Explanation } from '../pipeline/explain.ts';
import { requestedLevel } from '../pipeline/stages/classify.ts';
import type { Endpoint } from '../protocol/openai.ts';
import { CliUsageError, parseCommandArgs } from './usage.ts';

/** The exit code of a request the gateway would refuse: distinct from 1 (failure) and 2 (usage). */
export const EXIT_REFUSED = 3;

const ENDPOINTS: readonly Endpoint[] = ['chat', 'completions', 'embeddings'];

export async function runPolicy(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'explain') return runExplain(rest);
  throw new CliUsageError(sub === undefined ? 'expected a subcommand: explain' : `unknown subcommand "${sub}"; expected explain`);
}

async function runExplain(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    config: { type: 'string', short: 'c' },
    tenant: { type: 'string' },
    model: { type: 'string' },
    endpoint: { type: 'string', default: 'chat' },
    level: { type: 'string' },
    format: { type: 'string', default: 'text' },
  });
  if (values.tenant === undefined) throw new CliUsageError('--tenant is required');
  if (values.model === undefined) throw new CliUsageError('--model is required');
  if (values.format !== 'json' && values.format !== 'text') throw new CliUsageError('--format must be text or json');
  const endpoint = ENDPOINTS.find((e) => e === values.endpoint);
  if (endpoint === undefined) throw new CliUsageError(`--endpoint must be one of ${ENDPOINTS.join(', ')}`);
  const level = parseLevel(values.level);
  if (positionals.length !== 1) throw new CliUsageError('expected one input: a file, or - for stdin');
  const source = positionals[0] as string;

  const { config } = loadConfig({ path: values.config });
  if (!config.tenants.some((t) => t.id === values.tenant)) throw new CliUsageError(`tenant "${values.tenant}" is not in the configuration`);
  // The secret only shapes pseudonyms, which are never printed; without a stored one a random one will do.
  const masterSecret = config.secretKey ?? readSecretKey(config.dataDir) ?? randomBytes(32).toString('base64url');
  const content = source === '-' ? await readStdin() : readInput(source);
  const request = { config, masterSecret, tenant: values.tenant, model: values.model, endpoint, level };
  const explanation = explainOrUsageError({ ...request, body: requestBodyFrom(content, endpoint) }, source);
  process.stdout.write(values.format === 'json' ? `${JSON.stringify(toJson(explanation))}\n` : formatText(explanation, level));
  return explanation.refusal === null ? 0 : EXIT_REFUSED;
}

/** `--level` is read exactly as the gateway reads the x-airlock-level header. */
function parseLevel(value: string | undefined): Level | undefined {
  try {
    return requestedLevel(value);
  } catch {
    throw new CliUsageError(`--level must be one of ${LEVELS.join(', ')}`);
  }
}

function readInput(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliUsageError(`cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** What the gateway would answer with a 4xx before classifying is a mistake in the command line or the input. */
function explainOrUsageError(options: Parameters<typeof explainRequest>[0], source: string): Explanation {
  try {
    return explainRequest(options);
  } catch (err) {
    if (!(err instanceof AirlockError)) throw err;
    if (err.code === 'AIRLOCK_MODEL_NOT_FOUND') {
      throw new CliUsageError(`model "${options.model}" does not exist or tenant "${options.tenant}" may not use it`);
    }
    if (err.code === 'AIRLOCK_MODEL_WRONG_ENDPOINT') throw new CliUsageError(`model "${options.model}" does not serve the ${options.endpoint} endpoint`);
    if (err.code.startsWith('AIRLOCK_REQUEST_')) throw new CliUsageError(`${source}: not a valid ${options.endpoint} request: ${err.message}`);
    throw err;
  }
}

/** The documented JSON shape, key for key. */
function toJson(e: Explanation) {
  return {
    policy: e.policy,
    findings: e.findings,
    level: e.level,
    requestedLevel: e.requestedLevel,
    levelRaised: e.levelRaised,
    decision: e.decision,
    redactions: e.redactions,
    allowedJurisdictions: e.allowedJurisdictions,
    candidates: e.candidates,
    chosen: e.chosen,
    refusal: e.refusal,
  };
}

function formatText(e: Explanation, requested: Level | undefined): string {
  const lines = [
    `Policy      ${e.policy.name} (${e.policy.hash})`,
    `Findings    ${e.findings.length === 0 ? 'none' : e.findings.length}`,
    ...table(['TYPE', 'PLACE', 'OFFSETS', 'DETECTOR', 'ACTION', 'LEVEL'], e.findings.map((f) => [f.type, f.path, `${f.start}-${f.end}`, f.detector, f.action, f.level])),
    `Level       ${e.level}${levelNote(e, requested)}`,
    `Decision    ${decisionText(e)}`,
    `Allowed     ${e.allowedJurisdictions.join(', ') || 'no jurisdiction'}`,
    `Candidates  ${e.candidates.length} (health is not known offline: every backend is assumed in service)`,
    ...table(
      ['BACKEND', 'JURISDICTION', 'PRIORITY', 'WEIGHT', 'COMPLIANT', 'SHARE', 'REASON'],
      e.candidates.map((c) => [c.backend, c.jurisdiction, String(c.priority), String(c.weight), c.compliant ? 'yes' : 'no', shareText(c), c.reason]),
    ),
    `Chosen      ${chosenText(e)}`,
  ];
  if (e.refusal !== null) lines.push(`Refused     ${e.refusal.code}: ${e.refusal.message}`);
  return `${lines.join('\n')}\n`;
}

function levelNote(e: Explanation, requested: Level | undefined): string {
  if (requested === undefined) return '';
  if (e.levelRaised) return ` (raised by --level ${requested})`;
  if (requested === e.level) return ` (--level ${requested}; the content alone gives it too)`;
  return ` (--level ${requested} does not lower it)`;
}

function decisionText(e: Explanation): string {
  if (e.decision === 'block') return 'block (the policy refuses this content; nothing would be sent)';
  if (e.decision === 'allow') return 'allow (nothing to replace)';
  return `sanitize (${e.redactions} value${e.redactions === 1 ? '' : 's'} would be replaced)`;
}

function shareText(c: Explanation['candidates'][number]): string {
  if (!c.compliant) return '-';
  return c.share > 0 ? formatShare(c.share) : 'fallback';
}

function chosenText(e: Explanation): string {
  if (e.chosen === null) return 'none: no candidate is compliant, so the request would be refused';
  const choice = `${e.chosen.backend}: ${e.chosen.reason}`;
  return e.decision === 'block' ? `none, the request is blocked (were it not: ${choice})` : choice;
}

/** Rows under a header, columns padded to their widest cell, indented under the section name. */
function table(header: string[], rows: string[][]): string[] {
  if (rows.length === 0) return [];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
  return all.map((row) => `  ${row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] as number))).join('  ')}`);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
