/**
 * Hard-coded AI and cloud credentials in any text file (code, config, `.env*`, `.wp-env.json`, `*-meta.xml`, YAML,
 * JSON, XML). Detection is the gateway's own secret detectors (src/detect/secrets): the provider key table finds
 * prefixed keys (`sk-proj-`, `sk-ant-`, `AIza`, `gsk_`, `hf_`, `AKIA`, …), the entropy rule finds random values
 * bound to credential names, and the private-key rule finds PEM blocks. This module only sorts their findings
 * into AI keys (critical) and cloud/SaaS keys (high), takes the provider from the key's name or its enclosing
 * block for keys without a prefix (`COHERE_API_KEY=…`, `mistral:` → `api_key: …`), drops placeholders and
 * browser-public Google keys, and masks every value it reports (first and last four characters at most).
 */
import { createDetectionEngine } from '../../detect/engine.ts';
import { entropyDetector, isCredentialToken } from '../../detect/secrets/entropy.ts';
import { privateKeyDetector } from '../../detect/secrets/private-key.ts';
import { PROVIDER_RULES, providerDetector } from '../../detect/secrets/provider-detector.ts';
import { isPlaceholderToken, shannonEntropy } from '../../detect/secrets/shared.ts';
import { enclosingNames, nearLineStart, positionsIn } from '../position.ts';
import { ruleFinding, type RuleInfo, type ScanFile, type ScanFinding, type ScanRule } from '../types.ts';
import { dockerInstructions, isDockerfile } from './deployment/dockerfile-lines.ts';
import { aiProviderIn, cloudProviderIn, describeKey, type KeyKind } from './keys/names.ts';

export { aiProviderIn, describeKey, type KeyKind };

/** A credential found in a text; the value itself stays inside this module's callers, never in a finding. */
export interface KeyHit {
  readonly kind: KeyKind;
  /** Provider id (`openai`, `aws-access-key`, `cohere`). */
  readonly provider: string;
  readonly start: number;
  readonly end: number;
  /** At most the first and last four characters (`sk-p…x9Qa`). */
  readonly masked: string;
}

export const AI_KEY_RULE: RuleInfo = {
  id: 'keys.hardcoded-ai-key',
  severity: 'critical',
  summary: 'An AI provider API key is hard-coded in the repository.',
  remediation:
    'Revoke the key at the provider, load it from a secret store or an environment variable set at deploy time, ' +
    'and route AI calls through the gateway so application code never holds provider keys.',
};

export const CLOUD_KEY_RULE: RuleInfo = {
  id: 'keys.hardcoded-cloud-key',
  severity: 'high',
  summary: 'A cloud, payment or SaaS credential is hard-coded in the repository.',
  remediation:
    'Rotate the credential, remove it from the code and its history, and inject it at runtime from a secret store.',
};

const engine = createDetectionEngine({ detectors: [providerDetector, entropyDetector, privateKeyDetector] });

/** Provider table rows whose keys reach an AI model provider (or Airlock's own gateway keys). */
const AI_ROWS = new Set([
  'openai', 'anthropic', 'openrouter', 'airlock', 'google', 'groq', 'huggingface', 'replicate', 'xai',
  'perplexity', 'langsmith', 'mistral', 'azure-openai',
]);
/** Generic rows that name no provider, and rows that are not cloud credentials. */
const IGNORED_ROWS = new Set(['bearer', 'basic-auth', 'age', 'private-key', 'jwt', 'connection-string', 'password']);
/** Test-mode keys (Stripe, Mollie, Braintree sandbox) move no real money and are committed on purpose. */
const TEST_MODE = /^(?:[sr]k_test_|test_)|\$sandbox\$/;

/** `sk-p…x9Qa`: never more than eight characters of the value, fewer for short values. */
export function maskSecret(value: string): string {
  if (value.startsWith('-----BEGIN')) return '-----BEGIN … PRIVATE KEY-----';
  if (value.length >= 16) return `${value.slice(0, 4)}…${value.slice(-4)}`;
  return `${value.slice(0, Math.min(2, Math.floor(value.length / 4)))}…`;
}

// Words and marks of a value a person typed for documentation; the detectors' own test covers most of them.
const PLACEHOLDER_WORDS = ['your', 'example', 'sample', 'changeme', 'change_me', 'dummy', 'placeholder', 'replace', 'insert', 'fake', 'redacted', 'xxxx'];
const PLACEHOLDER_SYMBOLS = String.raw`\*\*\*|…|\.\.\.|<|>|\$\{|\{\{|%env\(`;
const PLACEHOLDER_MARKS = new RegExp(`${PLACEHOLDER_WORDS.join('|')}|${PLACEHOLDER_SYMBOLS}`, 'i');
/**
 * The same marks as a person writes them: each word in one case (`your`, `YOUR`, `Your`). Used for keys with a
 * distinctive prefix, whose random letters now and then spell `fAKE` or `yOUr` by chance.
 */
const WRITTEN_MARKS = new RegExp(
  `${PLACEHOLDER_WORDS.flatMap((w) => [w, w.toUpperCase(), `${w.charAt(0).toUpperCase()}${w.slice(1)}`]).join('|')}|${PLACEHOLDER_SYMBOLS}`,
);
/** The provider prefix (`sk-proj-`, `sk-ant-api03-`, `gsk_`, `AKIA`) before the random body. */
const KEY_PREFIX = /^(?:[a-z0-9]{1,8}[-_.](?:[a-z]{2,8}[0-9]{0,3}[-_])?|AKIA|ASIA|AIza)/;

/**
 * The provider table's distinctive key prefixes (`hf_`, `ghp_`, `gsk_`, `sk-ant-`, `AKIA`, …): every literal a row
 * requires that ends in a separator or has four or more characters, except OpenAI's bare `sk-`, which
 * OpenAI-compatible APIs and identifiers (`sk-SkeletonLoaderContainer`) share, and the generic rows' words.
 */
const DISTINCTIVE_PREFIXES: readonly string[] = [...new Set(PROVIDER_RULES
  .filter((rule) => !IGNORED_ROWS.has(rule.id))
  .flatMap((rule) => rule.literals ?? [])
  .filter((literal) => literal !== 'sk-' && !/\s/.test(literal) && (/[-_.]$/.test(literal) || literal.length >= 4)))];

/** Whether a value starts with a provider's distinctive prefix: its body is generated, letters-only or not. */
function hasDistinctivePrefix(value: string): boolean {
  return DISTINCTIVE_PREFIXES.some((prefix) => value.startsWith(prefix));
}

/**
 * Too few distinct symbols for a generated key: `sk-1234abcd1234abcd…`, `AKIA0000111122223333`. Letters-only,
 * vowel-rich bodies count as words only without a distinctive prefix: `hf_` tokens are letters-only by design, and
 * some `ghp_` ones happen to be.
 */
function isLowEntropy(value: string): boolean {
  const body = value.replace(KEY_PREFIX, '');
  const floor = body.length < 20 ? 2.8 : /^[0-9a-f]+$/i.test(body) ? 3.05 : 3.5;
  return shannonEntropy(body) < floor || isRepeating(body) || (isWords(body) && !hasDistinctivePrefix(value));
}

/** Letters only and vowel-rich: an identifier (`sk-SkeletonLoaderContainer`), not a generated key. */
function isWords(body: string): boolean {
  return /^[A-Za-z]+$/.test(body) && (body.match(/[aeiouAEIOU]/g)?.length ?? 0) / body.length >= 0.3;
}

/** A short unit typed over and over (`abc123abc123abc123…`). */
function isRepeating(body: string): boolean {
  for (let unit = 1; unit <= 12 && unit * 3 <= body.length; unit++) {
    if (body === body.slice(0, unit).repeat(Math.ceil(body.length / unit)).slice(0, body.length)) return true;
  }
  return false;
}

export function isPlaceholderValue(value: string): boolean {
  if (value.startsWith('-----BEGIN')) return false;
  const marked = hasDistinctivePrefix(value) ? WRITTEN_MARKS.test(value) : PLACEHOLDER_MARKS.test(value);
  return marked || isPlaceholderToken(value) || isLowEntropy(value);
}

// Google keys in Firebase web configs and Maps/reCAPTCHA embeds are public by design (restricted by referrer).
const BROWSER_GOOGLE_KEY =
  /firebase|authDomain|maps\.googleapis|google\.maps|maps_?api|mapsApiKey|recaptcha|youtube|geocod|places_?api/i;
const SERVICE_ACCOUNT = /service_account|gserviceaccount\.com|private_key_id/;

function around(text: string, start: number, end: number, reach: number): string {
  return text.slice(Math.max(0, start - reach), Math.min(text.length, end + reach));
}

/** The lines from `lines` before `start` to `lines` after `end`, clamped to 400 characters either side. */
function nearbyLines(text: string, start: number, end: number, lines: number): string {
  const from = Math.max(0, start - 400);
  const window = text.slice(from, Math.min(text.length, end + 400));
  let a = start - from;
  for (let i = 0; i <= lines && a > 0; i++) a = Math.max(0, window.lastIndexOf('\n', a - 1));
  let b = end - from;
  for (let i = 0; i <= lines && b !== -1 && b < window.length; i++) b = window.indexOf('\n', b + 1);
  return window.slice(a, b === -1 ? window.length : b);
}

// `NAME = `, `"name": `, `name: `, `'name' => `, `<name>`, `define('NAME', ` right before a value.
const NAME_BEFORE = [
  /([A-Za-z_$][\w$.-]*)["'\]]?[ \t]*(?:=>|:=|[:=])[ \t]*["'`]?$/,
  /<([A-Za-z_][\w.:-]*)[^<>]*>[ \t]*$/,
  /define\(\s*["']([\w]+)["']\s*,\s*["']$/,
  /\b(?:ENV|ARG|export|set)[ \t]+([A-Za-z_][\w]*)[ \t]+["']?$/,
];

/** The name a value is bound to on its line, or ''. */
function nameBefore(text: string, start: number): string {
  const lineStart = nearLineStart(text, start, 200);
  const prefix = text.slice(lineStart === -1 ? start - 200 : lineStart, start);
  for (const pattern of NAME_BEFORE) {
    const name = pattern.exec(prefix)?.[1];
    if (name !== undefined) return name;
  }
  return '';
}

/** Provider and kind for a value the entropy rule bound to a credential name, from that name or its block. */
function contextClass(text: string, start: number): { kind: KeyKind; provider: string } | null {
  const names = [nameBefore(text, start), ...enclosingNames(text, start)].filter((n) => n !== '');
  for (const name of names) {
    const ai = aiProviderIn(name);
    if (ai !== null) return { kind: 'ai', provider: ai };
  }
  const cloud = names.map(cloudProviderIn).find((c) => c !== null);
  return cloud === undefined || cloud === null ? null : { kind: 'cloud', provider: cloud };
}

interface Raw {
  readonly detector: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Rows that recognise a key by words near it, and the plain `sk-` row whose format DeepSeek, Moonshot and other
 * OpenAI-compatible APIs copied: when the key's own name (or block) names another AI provider, that name wins.
 */
const NEAR_ROWS = new Set(['aws-secret-key', 'mistral', 'azure-openai', 'openai']);

function classify(text: string, raw: Raw, value: string): { kind: KeyKind; provider: string } | null {
  const row = raw.detector.replace(/^secret\./, '');
  if (row === 'entropy') return contextClass(text, raw.start);
  if (row === 'private-key') {
    return SERVICE_ACCOUNT.test(around(text, raw.start, raw.start, 1500))
      ? { kind: 'cloud', provider: 'gcp-service-account' }
      : null;
  }
  if (IGNORED_ROWS.has(row) || TEST_MODE.test(value)) return null;
  if (row === 'google' && BROWSER_GOOGLE_KEY.test(nearbyLines(text, raw.start, raw.end, 1))) return null;
  const named = NEAR_ROWS.has(row) ? contextClass(text, raw.start) : null;
  const generic = row !== 'openai' || !value.startsWith('sk-proj-');
  if (generic && named !== null && named.provider !== row && named.kind === 'ai' && named.provider !== 'ai') return named;
  return { kind: AI_ROWS.has(row) ? 'ai' : 'cloud', provider: row };
}

// XML elements named like a credential (`<api_key>…</api_key>`): the entropy rule reads `name: value` pairs only.
const XML_CREDENTIAL =
  /<([A-Za-z_][\w.-]*(?:key|Key|KEY|token|Token|TOKEN|secret|Secret|SECRET))(?:\s[^<>]*)?>\s*([^<>\s]{16,512})\s*<\/\1>/g;

function xmlCredentials(text: string): Raw[] {
  if (!text.includes('</')) return [];
  const out: Raw[] = [];
  XML_CREDENTIAL.lastIndex = 0;
  for (let m = XML_CREDENTIAL.exec(text); m !== null; m = XML_CREDENTIAL.exec(text)) {
    const value = m[2] ?? '';
    const start = m.index + m[0].indexOf(value, m[0].indexOf('>'));
    if (isCredentialToken(value, false, true)) out.push({ detector: 'secret.entropy', start, end: start + value.length });
  }
  return out;
}

function overlaps(a: Raw, list: readonly Raw[]): boolean {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

function detect(text: string): Raw[] {
  try {
    return engine.detect(text);
  } catch {
    return []; // a detector failure is a gateway error there, but must not stop a scan here
  }
}

/**
 * Large texts go through the engine in windows: its overlap resolution is quadratic in the findings of one call,
 * which a bundle with thousands of tokens makes seconds. Windows overlap by MARGIN so context words near a
 * window's edge are seen; a finding belongs to the window its start falls in.
 */
const WINDOW = 32 * 1024;
const MARGIN = 512;

function detectWindowed(text: string): Raw[] {
  if (text.length <= 2 * WINDOW) return detect(text);
  const out: Raw[] = [];
  for (let start = 0; start < text.length; start += WINDOW) {
    const from = Math.max(0, start - MARGIN);
    for (const raw of detect(text.slice(from, Math.min(text.length, start + WINDOW + MARGIN)))) {
      const at = raw.start + from;
      if (at >= start && at < start + WINDOW) out.push({ detector: raw.detector, start: at, end: raw.end + from });
    }
  }
  return out;
}

function rawFindings(text: string): Raw[] {
  const found = detectWindowed(text);
  const xml = xmlCredentials(text).filter((x) => !overlaps(x, found));
  return [...found, ...xml].sort((a, b) => a.start - b.start);
}

/** Every AI or cloud credential in `text`, placeholders and browser-public keys left out, in text order. */
export function findKeys(text: string): KeyHit[] {
  const hits: KeyHit[] = [];
  for (const raw of rawFindings(text)) {
    const value = text.slice(raw.start, raw.end);
    if (isPlaceholderValue(value)) continue;
    const kind = classify(text, raw, value);
    if (kind !== null) hits.push({ ...kind, start: raw.start, end: raw.end, masked: maskSecret(value) });
  }
  // A service account's PEM block and its private_key_id are one credential: keep the key.
  const hasPem = hits.some((h) => h.provider === 'gcp-service-account' && h.masked.startsWith('-----'));
  return hasPem ? hits.filter((h) => h.provider !== 'gcp-service-account' || h.masked.startsWith('-----')) : hits;
}

/** The finding for a hit, as the keys rules word it. */
export function keyFinding(file: ScanFile, hit: KeyHit, at: { line: number; column: number }): ScanFinding {
  const rule = hit.kind === 'ai' ? AI_KEY_RULE : CLOUD_KEY_RULE;
  return ruleFinding(rule, file.path, at, `Hard-coded ${describeKey(hit)} (${hit.masked}).`, { provider: hit.provider, masked: hit.masked });
}

/** Firebase app configs: their Google API keys identify the app and are public by design. */
const PUBLIC_GOOGLE_CONFIGS = new Set(['google-services.json', 'googleservice-info.plist']);
const LOCKFILES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'composer.lock',
  'poetry.lock', 'pipfile.lock', 'uv.lock', 'cargo.lock', 'gemfile.lock', 'go.sum',
]);
/** Longer texts are scanned up to here: minified bundles of many megabytes cost seconds otherwise. */
const MAX_TEXT = 4 * 1024 * 1024;

/** Offsets of Dockerfile ENV and ARG arguments: deployment.ts reports keys there as baked into the image. */
function dockerEnvRanges(file: ScanFile, text: string): [number, number][] {
  if (!isDockerfile(file.name)) return [];
  return dockerInstructions(text)
    .filter((i) => i.keyword === 'ENV' || i.keyword === 'ARG')
    .map((i) => [i.argsStart, i.argsStart + i.args.length]);
}

export const keyRules: ScanRule = {
  rules: [AI_KEY_RULE, CLOUD_KEY_RULE],
  applies: (file) => file.text !== null && file.text.length > 0 && !LOCKFILES.has(file.name),
  scan(file) {
    const text = (file.text ?? '').slice(0, MAX_TEXT);
    const skip = dockerEnvRanges(file, text);
    const positionOf = positionsIn(text);
    return findKeys(text)
      .filter((hit) => !skip.some(([s, e]) => hit.start >= s && hit.start < e))
      .filter((hit) => hit.provider !== 'google' || !PUBLIC_GOOGLE_CONFIGS.has(file.name))
      .map((hit) => keyFinding(file, hit, positionOf(hit.start)));
  },
};
