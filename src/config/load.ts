/**
 * Loading: YAML text → `${ENV}` interpolation → zod validation → one frozen config object. This module (with
 * key-file.ts) is the only place that reads configuration files or `process.env`. Every problem becomes a
 * ConfigError whose lines name the exact path (`tenants[1].keys[0].hash: …`) and the reason, never a value.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../errors.ts';
import { embeddedDefaults } from './defaults.ts';
import { configSchema, type AirlockConfig } from './schema.ts';

export const DEFAULT_CONFIG_FILE = 'airlock.yaml';

export interface LoadedConfig {
  readonly config: AirlockConfig;
  /** The file it came from, or null for the embedded defaults. */
  readonly path: string | null;
}

export interface LoadOptions {
  /** An explicit --config path: it must exist. Without it, ./airlock.yaml is used when present. */
  readonly path?: string | undefined;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Command-line overrides of server.host and server.port, validated like the file's values. */
  readonly overrides?: { readonly host?: string | undefined; readonly port?: string | undefined };
}

export function loadConfig(options: LoadOptions = {}): LoadedConfig {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const explicit = options.path !== undefined;
  const path = resolve(cwd, options.path ?? DEFAULT_CONFIG_FILE);
  if (!existsSync(path)) {
    if (explicit) throw new ConfigError([`${options.path}: the configuration file does not exist`]);
    return { config: parseConfig(withOverrides(embeddedDefaults(), options), { baseDir: cwd, env }), path: null };
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError([`${path}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  return { config: parseConfig(withOverrides(parseYaml(text), options), { baseDir: dirname(path), env }), path };
}

function withOverrides(raw: Record<string, unknown>, options: LoadOptions): Record<string, unknown> {
  const { host, port } = options.overrides ?? {};
  if (host === undefined && port === undefined) return raw;
  const server = { ...(raw.server as Record<string, unknown> | undefined) };
  if (host !== undefined) server.host = host;
  if (port !== undefined) server.port = port; // the schema reads a string of digits as a number
  return { ...raw, server };
}

export interface ParseOptions {
  /** Relative paths (dataDir, the audit files, `file:` secrets) are resolved against this directory. */
  readonly baseDir: string;
  readonly env: NodeJS.ProcessEnv;
}

export function parseConfigText(text: string, options: ParseOptions): AirlockConfig {
  return parseConfig(parseYaml(text), options);
}

function parseYaml(text: string): Record<string, unknown> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    // The first syntax error is the one to fix (the rest usually cascade from it). Some parser messages end by
    // quoting the offending token, which could be a secret, so that quote is cut off.
    const [first] = doc.errors;
    const pos = lineCounter.linePos(first?.pos[0] ?? 0);
    const reason = (first?.message.split('\n')[0] ?? 'syntax error').replace(/:\s*".*$/, '');
    const more = doc.errors.length > 1 ? ` (and ${doc.errors.length - 1} more YAML errors after it)` : '';
    throw new ConfigError([`YAML line ${pos.line}, column ${pos.col}: ${reason}${more}`]);
  }
  const raw: unknown = doc.toJS({ maxAliasCount: 100 });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(['(root): expected a YAML mapping']);
  }
  return raw as Record<string, unknown>;
}

export function parseConfig(raw: unknown, options: ParseOptions): AirlockConfig {
  const issues: string[] = [];
  const interpolated = interpolate(raw, [], options, issues);
  if (issues.length > 0) throw new ConfigError(issues);
  const result = configSchema.safeParse(interpolated);
  if (!result.success) throw new ConfigError(result.error.issues.map(formatIssue));
  const config = result.data;
  config.dataDir = resolve(options.baseDir, config.dataDir);
  if (config.audit.path !== undefined) config.audit.path = resolve(options.baseDir, config.audit.path);
  if (config.audit.signingKeyFile !== undefined) config.audit.signingKeyFile = resolve(options.baseDir, config.audit.signingKeyFile);
  return deepFreeze(config);
}

const ENV_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Replaces `${NAME}` in every string and makes secret `file:` references absolute; collects missing variables. */
function interpolate(value: unknown, path: PathSegment[], options: ParseOptions, issues: string[]): unknown {
  if (typeof value === 'string') {
    const replaced = value.replace(ENV_REF, (_, name: string) => {
      const v = options.env[name];
      if (v === undefined) issues.push(`${formatPath(path)}: environment variable ${name} is not set`);
      return v ?? '';
    });
    if (isSecretField(path) && replaced.startsWith('file:') && !isAbsolute(replaced.slice(5))) {
      return `file:${resolve(options.baseDir, replaced.slice(5))}`;
    }
    return replaced;
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolate(v, [...path, i], options, issues));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, [...path, k], options, issues)]));
  }
  return value;
}

type PathSegment = string | number;

/** Fields whose value may be a `file:` secret reference (see `secret` in schema.ts). */
function isSecretField(path: readonly PathSegment[]): boolean {
  const last = path.at(-1);
  return last === 'apiKey' || last === 'hash' || path.at(-2) === 'headers';
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out === '' ? '(root)' : out;
}

/** One line per zod issue. Unknown keys are named (they are keys, not values); received values never are. */
export function formatIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => `${formatPath([...issue.path, k])}: unknown key`).join('\n  ');
  }
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
    const received = issue.message.match(/received (\w+)/)?.[1];
    return `${formatPath(issue.path)}: expected ${issue.expected}${received ? `, got ${received}` : ''}`;
  }
  return `${formatPath(issue.path)}: ${describeIssue(issue)}`;
}

/** zod's wording minus its "Invalid input:" lead; zod v4 messages state the rule, never the received value. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  return issue.message.replace(/^Invalid (input|option):\s*/, '');
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
