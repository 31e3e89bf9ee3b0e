/**
 * The configuration schema: the single reference for every option Airlock reads. Objects are strict, so an
 * unknown key is an error naming its path; durations and sizes carry their unit in the name. docs/configuration.md
 * documents each field. Secret references (`${ENV}`, `file:`) are resolved by load.ts before this schema runs.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { ENTITY_GROUPS, ENTITY_TYPES, LEVELS, type EntityGroup, type EntityType, type Level } from '../entities.ts';
import { patternProblem } from './regex-safety.ts';

const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/**
 * A whole number that may also arrive as a string of digits, as it does from `port: ${PORT}` once the
 * environment reference has been substituted.
 */
const wholeNumber = () => z.preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v), z.number().int());

/** Bytes as a number or a string such as `4mb`, `512kb`. */
const byteSize = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(v.trim());
    return match ? Math.floor(Number(match[1]) * (SIZE_UNITS[(match[2] ?? 'b').toLowerCase()] as number)) : v;
  },
  z.number({ error: 'expected a size such as 4mb, 512kb or a number of bytes' }).int().positive(),
);

const boolean = () => z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());

const durationMs = wholeNumber().pipe(z.number().positive().max(3_600_000));
const identifier = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'expected 1-64 letters, digits, ".", "_" or "-"');

export const SCOPES = ['chat', 'completions', 'embeddings', 'models'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * A secret value: a literal, a `${ENV}` reference (resolved for every string by load.ts) or `file:PATH`, read here
 * so an error names the field. Relative paths were made absolute by load.ts.
 */
const secret = z.string().min(1).transform((value, ctx) => {
  if (!value.startsWith('file:')) return value;
  try {
    const content = readFileSync(value.slice('file:'.length), 'utf8').trim();
    if (content === '') ctx.addIssue({ code: 'custom', message: 'the referenced secret file is empty' });
    return content;
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: `cannot read the referenced secret file (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
    return z.NEVER;
  }
});

const keyHash = secret.pipe(z.string().regex(/^sha256:[0-9a-f]{64}$/, 'expected "sha256:" followed by 64 lowercase hex digits'));

export const apiKeyRecordSchema = z.strictObject({
  id: identifier,
  hash: keyHash,
  scopes: z.array(z.enum(SCOPES)).min(1).default([...SCOPES]),
  /** Public model aliases this key may use; absent means every model its tenant may use. */
  models: z.array(z.string().min(1)).optional(),
});

/** A key from which per-tenant pseudonym, hash and (later) audit keys are derived; ≥ 32 characters of secret. */
const secretKey = secret.pipe(z.string().min(32, 'expected at least 32 characters of secret material'));

const tenantSchema = z.strictObject({
  id: identifier,
  /** The policy that decides what happens to sensitive data in this tenant's requests. */
  policy: identifier.default('default'),
  /** This tenant's own secret key; deleting it makes its pseudonyms and hashes unlinkable. Default: derived. */
  secretKey: secretKey.optional(),
  keys: z.array(apiKeyRecordSchema).default([]),
  /** Public model aliases the tenant may use; absent means every alias of a backend the tenant may reach. */
  models: z.array(z.string().min(1)).optional(),
});

export const ACTIONS = ['allow', 'redact', 'mask', 'hash', 'pseudonymize', 'block'] as const;
export type Action = (typeof ACTIONS)[number];

const ENTITY_KEYS: readonly string[] = [...ENTITY_TYPES, ...Object.keys(ENTITY_GROUPS)];

/**
 * Entity type or group → one of `values`. Checked by hand so every bad key and value is reported with its path
 * (a zod record would stop at the first bad key).
 */
function entityTable<V extends string>(values: readonly V[]) {
  return z
    .record(z.string(), z.unknown())
    .superRefine((entries, ctx) => {
      for (const [key, value] of Object.entries(entries)) {
        if (!ENTITY_KEYS.includes(key)) {
          const groups = Object.keys(ENTITY_GROUPS).join(', ');
          ctx.addIssue({ code: 'custom', path: [key], message: `expected an entity type or group (${groups}, or a type such as EMAIL)` });
        }
        if (!(values as readonly unknown[]).includes(value)) {
          ctx.addIssue({ code: 'custom', path: [key], message: `expected one of ${values.join(', ')}` });
        }
      }
    })
    .transform((entries) => entries as Partial<Record<EntityType | EntityGroup, V>>);
}

const level = z.enum(LEVELS, { error: `expected one of ${LEVELS.join(', ')}` });

/** `any` stands for every jurisdiction; it cannot be declared as a name of its own. */
export const ANY_JURISDICTION = 'any';

/**
 * Where data of one level may go: a list of jurisdictions (each includes every jurisdiction declared within it),
 * or `{ jurisdictions, sanitized }` when values of that level that were replaced (pseudonymized, hashed, masked,
 * redacted) may go further than values sent as they are. Without `sanitized` the same rule holds either way.
 */
const levelRule = z
  .union([z.array(identifier), z.strictObject({ jurisdictions: z.array(identifier), sanitized: z.array(identifier).optional() })], {
    error: 'expected a list of jurisdictions or { jurisdictions, sanitized }',
  })
  .transform((rule) => (Array.isArray(rule) ? { jurisdictions: rule, sanitized: rule } : { jurisdictions: rule.jurisdictions, sanitized: rule.sanitized ?? [...rule.jurisdictions] }));

export type LevelRule = z.output<typeof levelRule>;

const businessPattern = z.string().min(1).superRefine((source, ctx) => {
  const problem = patternProblem(source);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: `the pattern ${problem}` });
});

const termText = z.string().trim().regex(/[\p{L}\p{N}]/u, 'expected a term with at least one letter or digit');
const fieldName = z.string().trim().min(1);

/** A business rule is its text, or `{ <kind>: text, level }` when it carries its own classification level. */
function businessRule<K extends string>(kind: K, text: z.ZodType<string>) {
  return z
    .union([text, z.strictObject({ [kind]: text, level } as Record<K, z.ZodType<string>> & { level: typeof level })], {
      error: `expected a string or { ${kind}, level }`,
    })
    .transform((rule): BusinessRuleEntry => (typeof rule === 'string' ? rule : { value: (rule as Record<K, string>)[kind], level: (rule as { level: Level }).level }));
}

/** A business rule after parsing: plain text (classified by its type) or text with its own level. */
export type BusinessRuleEntry = string | { readonly value: string; readonly level: Level };

const businessSchema = z.strictObject({
  /** Code names, supplier names: matched case- and accent-insensitively on word boundaries. */
  terms: z.array(businessRule('term', termText)).default([]),
  /** Regular expressions (JavaScript syntax, Unicode mode), proven free of catastrophic backtracking. */
  patterns: z.array(businessRule('pattern', businessPattern)).default([]),
  /** JSON field names whose values are confidential wherever the JSON appears. */
  jsonFields: z.array(businessRule('field', fieldName)).default([]),
});

export const INJECTION_ACTIONS = ['block', 'sanitize', 'flag', 'allow', 'off'] as const;
export type InjectionAction = (typeof INJECTION_ACTIONS)[number];

/** What happens to a request whose user or tool content scores as a prompt injection. */
const injectionSchema = z.strictObject({
  /**
   * block: refuse; sanitize: remove the injected lines and forward; flag: forward, record, header; allow: record
   * only; off: not screened at all (saves the scoring time, about 0.3–1.5 ms per 4 KB prompt).
   */
  action: z.enum(INJECTION_ACTIONS, { error: `expected one of ${INJECTION_ACTIONS.join(', ')}` }).default('block'),
  /** Score at or above which a text counts as an injection (0–1; the built-in rules are calibrated for 0.5). */
  threshold: z.number().gt(0).max(1).default(0.5),
});

/** An entity type or a group name (`SECRET`, `EMAIL`). */
const entityName = z.string().refine((name) => ENTITY_KEYS.includes(name), {
  error: `expected an entity type or group (${Object.keys(ENTITY_GROUPS).join(', ')}, or a type such as EMAIL)`,
});

export const LEAK_ACTIONS = ['redact', 'block', 'flag', 'off'] as const;
export const LINK_ACTIONS = ['neutralize', 'block', 'flag', 'off'] as const;

/** The types a reply may not introduce by default: secrets, national ids and the PII that identifies one person. */
export const DEFAULT_LEAK_TYPES = ['SECRET', 'NATIONAL_ID', 'EMAIL', 'PHONE', 'CARD_NUMBER', 'IBAN', 'DATE_OF_BIRTH'] as const;

/**
 * A host on the link allow-list: `shop.example` (that host only) or `*.shop.example` (its subdomains and itself).
 * Lower-cased; no scheme, port or path.
 */
const allowedHost = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(\*\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/, 'expected a host name such as shop.example or *.shop.example');

/** What Airlock checks in a model's reply before the caller sees it. */
const outputSchema = z.strictObject({
  /** Secrets and PII in a reply that the request did not contain (a model repeating memorised data). */
  leaks: z
    .strictObject({
      /** redact: replaced by `[TYPE]`; block: the reply is stopped; flag: recorded only; off: not checked. */
      action: z.enum(LEAK_ACTIONS, { error: `expected one of ${LEAK_ACTIONS.join(', ')}` }).default('redact'),
      /** Entity types or groups that count as leaks. */
      types: z.array(entityName).min(1).default([...DEFAULT_LEAK_TYPES]),
    })
    .default({ action: 'redact', types: [...DEFAULT_LEAK_TYPES] }),
  /** Markdown and HTML images and links in a reply: the channel a prompt injection uses to send data out. */
  links: z
    .strictObject({
      /** neutralize: the link or image is replaced by its text and a marker; block: the reply is stopped; flag: recorded only. */
      action: z.enum(LINK_ACTIONS, { error: `expected one of ${LINK_ACTIONS.join(', ')}` }).default('neutralize'),
      /** Hosts links and images may point to; any other host is neutralised, and so is a URL that carries data. */
      allowHosts: z.array(allowedHost).default([]),
    })
    .default({ action: 'neutralize', allowHosts: [] }),
  /** Put a per-request canary in the system prompt and stop any reply that repeats it (a system-prompt leak). */
  canary: boolean().default(false),
});

export const BULK_ACTIONS = ['flag', 'block', 'off'] as const;

/** Bulk extraction: one API key sending an unusual number of distinct PII values within a window. */
const bulkSchema = z.strictObject({
  /** flag: forward, record and report in `x-airlock-bulk`; block: refuse further requests that add values; off. */
  action: z.enum(BULK_ACTIONS, { error: `expected one of ${BULK_ACTIONS.join(', ')}` }).default('flag'),
  /** More distinct values than this within the window is unusual. */
  maxDistinctValues: wholeNumber().pipe(z.number().min(1).max(1_000_000)).default(200),
  windowSeconds: wholeNumber().pipe(z.number().min(1).max(86_400)).default(600),
});

const policySchema = z.strictObject({
  /** Entity type or group → action; a type's own entry wins over its group's. Unlisted types use the defaults. */
  entities: entityTable(ACTIONS).default({}),
  /** Entity type or group → classification level; unlisted types use the defaults in docs/policies.md. */
  classification: entityTable(LEVELS).default({}),
  /** The level of a request in which nothing was found. */
  baseLevel: level.default('public'),
  /** Level → where data of that level may be processed; unlisted levels keep the built-in rule. */
  levels: z.partialRecord(level, levelRule).default({}),
  business: businessSchema.default(businessSchema.parse({})),
  injection: injectionSchema.default(injectionSchema.parse({})),
  output: outputSchema.default(outputSchema.parse({})),
  bulk: bulkSchema.default(bulkSchema.parse({})),
  /** Keep the sanitized prompt and the reply in the audit log, encrypted under the tenant's key (docs/audit.md). */
  captureContent: boolean().default(false),
  /** Add a short system message asking the model to copy placeholders verbatim. */
  placeholderInstruction: boolean().default(false),
});

const timeoutsSchema = z.strictObject({
  connectTimeoutMs: durationMs.default(2_000),
  headersTimeoutMs: durationMs.default(60_000),
  bodyTimeoutMs: durationMs.default(120_000),
});

const poolSchema = z.strictObject({
  connections: wholeNumber().pipe(z.number().positive().max(1024)).default(64),
  keepAliveTimeoutMs: durationMs.default(30_000),
});

/** Milliseconds where 0 means "off". */
const optionalDurationMs = wholeNumber().pipe(z.number().min(0).max(3_600_000));

/** Passive failure counting, the circuit breaker and active checks for one backend. */
const healthSchema = z.strictObject({
  /** Consecutive failures (connect errors, timeouts, 5xx) that take the backend out. */
  failureThreshold: wholeNumber().pipe(z.number().min(1).max(1000)).default(3),
  /** How long a backend stays out before one trial request (or probe) may bring it back. */
  openMs: durationMs.default(10_000),
  /** Each failed trial doubles the time out, up to this. */
  maxOpenMs: durationMs.default(300_000),
  /** Active check period (GET of the backend's model list); 0 turns active checks off. */
  checkIntervalMs: optionalDurationMs.default(10_000),
  probeTimeoutMs: durationMs.default(2_000),
});

const backendUrl = z.string().superRefine((s, ctx) => {
  if (!URL.canParse(s)) return ctx.addIssue({ code: 'custom', message: 'expected an absolute URL' });
  const u = new URL(s);
  if (!/^https?:$/.test(u.protocol)) ctx.addIssue({ code: 'custom', message: 'expected an http:// or https:// URL' });
  else if (u.username || u.password || u.search || u.hash) {
    ctx.addIssue({ code: 'custom', message: 'credentials, query and fragment are not allowed in a backend URL; use apiKey or headers' });
  }
});

export const BACKEND_KINDS = ['openai', 'ollama'] as const;

const backendSchema = z.strictObject({
  id: identifier,
  kind: z.enum(BACKEND_KINDS),
  /** Base URL: for `openai` the API root including `/v1`; for `ollama` the server root. */
  url: backendUrl,
  jurisdiction: identifier,
  /** Public alias → this backend's own model name. */
  models: z.record(z.string().min(1), z.string().min(1)).refine((m) => Object.keys(m).length > 0, {
    message: 'at least one model alias is required',
  }),
  /** Sent as `Authorization: Bearer` to the backend; never taken from the caller. */
  apiKey: secret.optional(),
  headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/, 'expected an HTTP header name'), secret).default({}),
  /** Tenants this backend is dedicated to; absent means shared by every tenant. */
  tenants: z.array(identifier).optional(),
  /** Which endpoints the backend's models serve. */
  endpoints: z.array(z.enum(['chat', 'completions', 'embeddings'])).min(1).default(['chat', 'completions', 'embeddings']),
  timeouts: timeoutsSchema.default(timeoutsSchema.parse({})),
  pool: poolSchema.default(poolSchema.parse({})),
  /** Lower is tried first; backends of equal priority share requests by weight. */
  priority: wholeNumber().pipe(z.number().min(0).max(1000)).default(0),
  weight: wholeNumber().pipe(z.number().min(1).max(1000)).default(1),
  health: healthSchema.default(healthSchema.parse({})),
});

/** Retries before any byte of the reply reached the caller: on connect errors, 5xx and 429, never after. */
const routingSchema = z.strictObject({
  /** Further attempts after the first; each goes to the next compliant backend (or the same one if it is alone). */
  retries: wholeNumber().pipe(z.number().min(0).max(10)).default(2),
  /** Backoff before a retry: full jitter over base · 2^attempt, capped. */
  retryBaseDelayMs: optionalDurationMs.default(50),
  retryMaxDelayMs: optionalDurationMs.default(1_000),
});

const serverSchema = z.strictObject({
  host: z.string().min(1).default('127.0.0.1'),
  port: wholeNumber().pipe(z.number().min(0).max(65535)).default(8080),
  bodyLimitBytes: byteSize.default(4 * 1024 * 1024),
  /** How long SIGTERM waits for in-flight requests and streams before closing them. */
  shutdownGraceMs: durationMs.default(10_000),
  /** Serve Prometheus metrics at GET /metrics. */
  metrics: boolean().default(true),
});

export const AUDIT_STORES = ['sqlite', 'postgres'] as const;

/** The tamper-evident audit log (docs/audit.md). */
const auditSchema = z.strictObject({
  /** sqlite: one file under dataDir (one gateway); postgres: one log shared by several gateway replicas. */
  store: z.enum(AUDIT_STORES, { error: `expected one of ${AUDIT_STORES.join(', ')}` }).default('sqlite'),
  /** SQLite file; default `<dataDir>/audit.db`. */
  path: z.string().min(1).optional(),
  /** PostgreSQL connection string (a secret: `${ENV}` or `file:` work), required for the postgres store. */
  postgresUrl: secret.optional(),
  /** PostgreSQL schema holding the log's tables. */
  postgresSchema: identifier.default('airlock_audit'),
  /** The log's name in its checkpoints; replicas sharing a log must share it. */
  origin: z.string().regex(/^[\x21-\x7e]+$/, 'expected printable ASCII without spaces').default('airlock/audit'),
  /** Ed25519 signer key file (C2SP note format); default `<dataDir>/audit-signing.key`, created on first start. */
  signingKeyFile: z.string().min(1).optional(),
  /** A signed checkpoint at least this often while events arrive. */
  checkpointIntervalMs: durationMs.default(1_000),
  /**
   * How long a commit waits for companions beyond the current event-loop turn (0: only what arrives in the same
   * turn, and whatever arrives during a commit goes in the next), and how many events one commit may carry.
   */
  groupCommitMs: optionalDurationMs.default(0),
  maxBatch: wholeNumber().pipe(z.number().min(1).max(10_000)).default(512),
});

const loggingSchema = z.strictObject({
  level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

const configObjectSchema = z.strictObject({
    server: serverSchema.default(serverSchema.parse({})),
    logging: loggingSchema.default(loggingSchema.parse({})),
    /** Where Airlock keeps its state (managed key file, later the audit log). */
    dataDir: z.string().min(1).default('./.airlock'),
    /** Named jurisdictions and the one each lies within (`on-prem` within `DE` within `EU`). */
    jurisdictions: z.record(identifier, z.strictObject({ within: identifier.optional() })).default({}),
    backends: z.array(backendSchema).min(1),
    routing: routingSchema.default(routingSchema.parse({})),
    tenants: z.array(tenantSchema).default([]),
    /** Named policies; `default` exists built in and may be overridden. */
    policies: z.record(identifier, policySchema).default({}),
    audit: auditSchema.default(auditSchema.parse({})),
    /** Master secret for pseudonyms and hashes; absent means one generated once under dataDir. */
    secretKey: secretKey.optional(),
});

export const configSchema = configObjectSchema.superRefine(checkReferences);

/** Cross-references that a field-level schema cannot see: ids unique, names declared. */
function checkReferences(cfg: z.output<typeof configObjectSchema>, ctx: z.RefinementCtx): void {
  const backendIds = new Set<string>();
  cfg.backends.forEach((b, i) => {
    if (backendIds.has(b.id)) ctx.addIssue({ code: 'custom', path: ['backends', i, 'id'], message: 'duplicate backend id' });
    backendIds.add(b.id);
    const known = Object.keys(cfg.jurisdictions);
    if (b.jurisdiction === ANY_JURISDICTION) {
      ctx.addIssue({ code: 'custom', path: ['backends', i, 'jurisdiction'], message: `"${ANY_JURISDICTION}" means every jurisdiction; name the backend's own` });
    } else if (known.length > 0 && !known.includes(b.jurisdiction)) {
      ctx.addIssue({ code: 'custom', path: ['backends', i, 'jurisdiction'], message: 'jurisdiction is not declared under jurisdictions' });
    }
  });
  if (cfg.audit.store === 'postgres' && cfg.audit.postgresUrl === undefined) {
    ctx.addIssue({ code: 'custom', path: ['audit', 'postgresUrl'], message: 'the postgres audit store needs a connection string' });
  }
  const tenantIds = new Set(cfg.tenants.map((t) => t.id));
  cfg.backends.forEach((b, i) =>
    (b.tenants ?? []).forEach((t, j) => {
      if (!tenantIds.has(t)) ctx.addIssue({ code: 'custom', path: ['backends', i, 'tenants', j], message: 'unknown tenant' });
    }),
  );
  const aliases = new Set(cfg.backends.flatMap((b) => Object.keys(b.models)));
  const seenTenants = new Set<string>();
  const seenKeys = new Set<string>();
  cfg.tenants.forEach((t, i) => {
    if (t.policy !== 'default' && !(t.policy in cfg.policies)) {
      ctx.addIssue({ code: 'custom', path: ['tenants', i, 'policy'], message: 'policy is not declared under policies' });
    }
    if (seenTenants.has(t.id)) ctx.addIssue({ code: 'custom', path: ['tenants', i, 'id'], message: 'duplicate tenant id' });
    seenTenants.add(t.id);
    (t.models ?? []).forEach((m, j) => {
      if (!aliases.has(m)) ctx.addIssue({ code: 'custom', path: ['tenants', i, 'models', j], message: 'no backend serves this model alias' });
    });
    const keyIds = new Set<string>();
    t.keys.forEach((k, j) => {
      if (seenKeys.has(k.hash)) ctx.addIssue({ code: 'custom', path: ['tenants', i, 'keys', j, 'hash'], message: 'duplicate key hash' });
      seenKeys.add(k.hash);
      if (keyIds.has(k.id)) ctx.addIssue({ code: 'custom', path: ['tenants', i, 'keys', j, 'id'], message: 'duplicate key id in this tenant' });
      keyIds.add(k.id);
      (k.models ?? []).forEach((m, n) => {
        if (!aliases.has(m)) ctx.addIssue({ code: 'custom', path: ['tenants', i, 'keys', j, 'models', n], message: 'no backend serves this model alias' });
      });
    });
  });
  checkPolicyJurisdictions(cfg, ctx);
  for (const [name, j] of Object.entries(cfg.jurisdictions)) {
    if (name === ANY_JURISDICTION) {
      ctx.addIssue({ code: 'custom', path: ['jurisdictions', name], message: `"${ANY_JURISDICTION}" means every jurisdiction and cannot be declared` });
    }
    if (j.within !== undefined && !(j.within in cfg.jurisdictions)) {
      ctx.addIssue({ code: 'custom', path: ['jurisdictions', name, 'within'], message: 'jurisdiction is not declared' });
    } else if (withinCycle(cfg.jurisdictions, name)) {
      ctx.addIssue({ code: 'custom', path: ['jurisdictions', name, 'within'], message: 'jurisdictions contain each other in a cycle' });
    }
  }
}

/** A policy may name declared jurisdictions, backends' jurisdictions and `any`; a typo would refuse data silently. */
function checkPolicyJurisdictions(cfg: z.output<typeof configObjectSchema>, ctx: z.RefinementCtx): void {
  const known = new Set([ANY_JURISDICTION, ...Object.keys(cfg.jurisdictions), ...cfg.backends.map((b) => b.jurisdiction)]);
  for (const [name, policy] of Object.entries(cfg.policies)) {
    for (const [lvl, rule] of Object.entries(policy.levels)) {
      // Cross-checks also run when a field failed its own check: a malformed rule was reported already.
      if (!Array.isArray(rule?.jurisdictions) || !Array.isArray(rule.sanitized)) continue;
      // The list form parses to one array used for both bases (see levelRule): report it under its own path. A
      // `sanitized` list equal to `jurisdictions` (written so, or copied when absent) is reported once.
      const bases: ReadonlyArray<readonly [string[], readonly string[]]> =
        rule.sanitized === rule.jurisdictions
          ? [[[], rule.jurisdictions]]
          : isDeepStrictEqual(rule.sanitized, rule.jurisdictions)
            ? [[['jurisdictions'], rule.jurisdictions]]
            : [[['jurisdictions'], rule.jurisdictions], [['sanitized'], rule.sanitized]];
      for (const [sub, list] of bases) {
        list.forEach((j, i) => {
          if (identifier.safeParse(j).success && !known.has(j)) {
            ctx.addIssue({ code: 'custom', path: ['policies', name, 'levels', lvl, ...sub, i], message: 'jurisdiction is not declared and no backend is in it' });
          }
        });
      }
    }
  }
}

function withinCycle(jurisdictions: Record<string, { within?: string | undefined }>, start: string): boolean {
  const seen = new Set<string>();
  for (let at: string | undefined = start; at !== undefined; at = jurisdictions[at]?.within) {
    if (seen.has(at)) return true;
    seen.add(at);
  }
  return false;
}

export type AirlockConfig = z.output<typeof configSchema>;
export type BackendConfig = AirlockConfig['backends'][number];
export type TenantConfig = AirlockConfig['tenants'][number];
export type PolicyConfig = z.output<typeof policySchema>;
export type RoutingConfig = AirlockConfig['routing'];
export type HealthConfig = BackendConfig['health'];
export type ApiKeyRecord = z.output<typeof apiKeyRecordSchema>;
