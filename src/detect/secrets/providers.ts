/**
 * The provider key table: one row per published key format (AI providers, cloud, payment, commerce and SaaS
 * APIs). A row is data: the literal prefix that gates it (or, for keys without one, the words that must stand
 * near and the shape a token must have), a whole-token regex built from the provider's documented prefix and
 * alphabet, a score, and optionally context words or a value check. Adding a provider is adding a row here or in
 * tokens.ts; provider-detector.ts runs them. Patterns are written from the public key formats; no real or
 * example key appears in this file.
 */
import type { EntityType } from '../types.ts';
import { hasAllClasses, looksRandom, token } from './shared.ts';

export interface ProviderRule {
  /** Detector id without the `secret.` prefix; rows sharing an id form one detector. */
  readonly id: string;
  readonly type: EntityType;
  /** Case-sensitive literals, one of which every match contains (its prefix); the row runs only on such tokens. */
  readonly literals?: readonly string[];
  /**
   * For rows without a prefix: words, each spelling listed, one of which must stand next to the token (within
   * 80 characters before or 40 after: `Bearer`, a provider's name). The row runs only on such tokens.
   */
  readonly near?: readonly string[];
  /** What a token must contain before `near` words are looked for around it (cheaper than looking). */
  readonly shape?: RegExp;
  /**
   * 'text': literals and pattern are tried over the whole prompt, for keys that may contain no digit or
   * punctuation for scan.ts to find (`AKIA` + 16 letters, a short Basic value). Default: near candidate tokens.
   */
  readonly scope?: 'text';
  /** Global regex. With the `d` flag and a group 1, the group is the secret; otherwise the whole match. */
  readonly pattern: RegExp;
  readonly score: number;
  /** Non-global, case-insensitive words required within `window` characters before or after the match. */
  readonly context?: RegExp;
  readonly window?: number;
  /** Value test; defaults to `looksRandom` (two character classes, not a placeholder). */
  readonly check?: (value: string) => boolean;
}

const URLSAFE = 'A-Za-z0-9_\\-';
// Context words in each spelling that occurs (near-word search is case-sensitive, for speed).
const AWS_WORDS = [
  'aws', 'AWS', 'Aws', 'ecret_access_key', 'ECRET_ACCESS_KEY', 'ecretAccessKey', 'ecret access key', 'ecret Access Key',
];
const AZURE_WORDS = [
  'azure', 'Azure', 'AZURE', 'cognitive', 'Cognitive', 'COGNITIVE', 'ocp-apim', 'Ocp-Apim', 'OCP-APIM',
];
const anyClasses = (value: string): boolean => looksRandom(value, 1);

/** AI model providers. */
const AI_RULES: readonly ProviderRule[] = [
  {
    id: 'openai', type: 'API_KEY', literals: ['sk-'], score: 0.99,
    pattern: token(`sk-(?:proj|svcacct|admin|None)-[${URLSAFE}]{20,}`),
  },
  // Plain `sk-` + alphanumerics: OpenAI's legacy keys and the many OpenAI-compatible APIs (DeepSeek, Moonshot,
  // DashScope) that copied the format. The lookahead leaves providers with their own row to that row.
  {
    id: 'openai', type: 'API_KEY', literals: ['sk-'], score: 0.97,
    pattern: token('sk-(?!ant-|or-|airlock-)[A-Za-z0-9]{20,}'),
  },
  {
    id: 'anthropic', type: 'API_KEY', literals: ['sk-ant-'], score: 0.99,
    pattern: token(`sk-ant-[a-z]{2,8}[0-9]{0,3}-[${URLSAFE}]{32,}`),
  },
  {
    id: 'openrouter', type: 'API_KEY', literals: ['sk-or-'], score: 0.99,
    pattern: token('sk-or-v[0-9]{1,2}-[A-Za-z0-9]{32,}'),
  },
  // Airlock's own tenant keys (src/auth/api-keys.ts) must not travel to a model either.
  {
    id: 'airlock', type: 'API_KEY', literals: ['sk-airlock-'], score: 0.99,
    pattern: token(`sk-airlock-[${URLSAFE}]{32,}`),
  },
  {
    id: 'google', type: 'API_KEY', literals: ['AIza'], score: 0.98, check: anyClasses,
    pattern: token(`AIza[${URLSAFE}]{35}`),
  },
  {
    id: 'google-oauth', type: 'API_KEY', literals: ['GOCSPX-'], score: 0.97,
    pattern: token(`GOCSPX-[${URLSAFE}]{24,40}`),
  },
  { id: 'groq', type: 'API_KEY', literals: ['gsk_'], score: 0.98, pattern: token('gsk_[A-Za-z0-9]{40,}') },
  {
    id: 'huggingface', type: 'API_KEY', literals: ['hf_', 'api_org_'], score: 0.97,
    pattern: token('(?:hf|api_org)_[A-Za-z0-9]{30,40}'),
  },
  { id: 'replicate', type: 'API_KEY', literals: ['r8_'], score: 0.97, pattern: token('r8_[A-Za-z0-9]{30,40}') },
  { id: 'xai', type: 'API_KEY', literals: ['xai-'], score: 0.98, pattern: token('xai-[A-Za-z0-9]{40,}') },
  { id: 'perplexity', type: 'API_KEY', literals: ['pplx-'], score: 0.98, pattern: token('pplx-[A-Za-z0-9]{40,}') },
  {
    id: 'langsmith', type: 'API_KEY', literals: ['lsv2_'], score: 0.98,
    pattern: token('lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}'),
  },
  // Mistral keys are 32 bare alphanumerics: only credible next to the provider's name.
  {
    id: 'mistral', type: 'API_KEY', near: ['mistral', 'Mistral', 'MISTRAL'], shape: /[A-Za-z0-9]{32}/, score: 0.8,
    pattern: token('[A-Za-z0-9]{32}'), context: /mistral/i, window: 80, check: hasAllClasses,
  },
];

/** Cloud platforms. */
const CLOUD_RULES: readonly ProviderRule[] = [
  {
    id: 'aws-access-key', type: 'API_KEY', literals: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'], scope: 'text',
    score: 0.97, pattern: token('(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}'), check: anyClasses,
  },
  // The 40-character secret access key has no prefix: it needs AWS context nearby and all three character
  // classes, which rules out hex digests and most identifiers. A bare "secret" is not enough: any client
  // secret of that length would become an AWS key (the entropy rule reports those as CREDENTIAL).
  {
    id: 'aws-secret-key', type: 'API_KEY', near: AWS_WORDS, shape: /[A-Za-z0-9/+]{40}/, score: 0.85,
    pattern: /(?:(?<=\\[nrt])|(?<![A-Za-z0-9/+_-]))[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=_-])/g,
    context: /aws|secret.?access.?key/i, window: 60, check: hasAllClasses,
  },
  {
    id: 'gcp-service-account', type: 'API_KEY', near: ['private_key_id'], shape: /[a-f0-9]{40}/, score: 0.95,
    pattern: /\\?"private_key_id\\?"\s*:\s*\\?"([a-f0-9]{40})\\?"/dg,
  },
  {
    id: 'azure-storage', type: 'API_KEY', literals: ['AccountKey=', 'SharedAccessKey='], score: 0.98,
    pattern: /(?:AccountKey|SharedAccessKey)=([A-Za-z0-9+/]{30,100}={0,2})(?![A-Za-z0-9+/=])/dg,
  },
  {
    id: 'azure-sas', type: 'ACCESS_TOKEN', literals: ['sig='], score: 0.9,
    pattern: /[?&]sig=([A-Za-z0-9%+/]{30,}(?:%3D|=){0,2})/dg, context: /[?&]sv=\d{4}-/, window: 400,
  },
  // Azure OpenAI and Cognitive Services keys of 32 hex, only with Azure context. (The newer 84-character keys
  // are left to the entropy rule, which sees them next to `api-key`/`key`.)
  {
    id: 'azure-openai', type: 'API_KEY', near: AZURE_WORDS, shape: /[a-fA-F0-9]{32}/, score: 0.8,
    pattern: token('[a-fA-F0-9]{32}'), context: /azure|cognitive|ocp-apim/i, window: 80,
  },
  {
    id: 'databricks', type: 'API_KEY', literals: ['dapi'], score: 0.95,
    pattern: token('dapi[a-f0-9]{32}(?:-[0-9]{1,2})?'),
  },
  {
    id: 'age', type: 'PRIVATE_KEY', literals: ['AGE-SECRET-KEY-1'], score: 0.99,
    pattern: token('AGE-SECRET-KEY-1[0-9A-Z]{58}'),
  },
];

/** Payment, commerce, e-mail and SaaS APIs. */
const COMMERCE_RULES: readonly ProviderRule[] = [
  {
    id: 'stripe', type: 'API_KEY', literals: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_'], score: 0.98,
    pattern: token('[sr]k_(?:live|test)_[A-Za-z0-9]{20,}'),
  },
  { id: 'stripe', type: 'API_KEY', literals: ['whsec_'], score: 0.97, pattern: token('whsec_[A-Za-z0-9+/=]{24,}') },
  { id: 'square', type: 'API_KEY', literals: ['sq0csp-'], score: 0.97, pattern: token(`sq0csp-[${URLSAFE}]{40,}`) },
  { id: 'shopify', type: 'API_KEY', literals: ['shpss_'], score: 0.98, pattern: token('shpss_[a-fA-F0-9]{32}') },
  { id: 'woocommerce', type: 'API_KEY', literals: ['ck_', 'cs_'], score: 0.95, pattern: token('c[ks]_[a-f0-9]{40}') },
  { id: 'klaviyo', type: 'API_KEY', literals: ['pk_'], score: 0.9, pattern: token('pk_[a-f0-9]{34}') },
  // Mollie's `live_`/`test_` prefixes are common words, so all three character classes are required.
  {
    id: 'mollie', type: 'API_KEY', literals: ['live_', 'test_'], score: 0.85, check: hasAllClasses,
    pattern: token('(?:live|test)_[A-Za-z0-9]{30}'),
  },
  {
    id: 'sendgrid', type: 'API_KEY', literals: ['SG.'], score: 0.98,
    pattern: token(`SG\\.[${URLSAFE}]{16,32}\\.[${URLSAFE}]{16,64}`),
  },
  { id: 'mailgun', type: 'API_KEY', literals: ['key-'], score: 0.9, pattern: token('key-[a-f0-9]{32}') },
  { id: 'mailchimp', type: 'API_KEY', literals: ['-us'], score: 0.95, pattern: token('[a-f0-9]{32}-us[0-9]{1,2}') },
  {
    id: 'notion', type: 'API_KEY', literals: ['secret_', 'ntn_'], score: 0.95, check: hasAllClasses,
    pattern: token('(?:secret_[A-Za-z0-9]{43}|ntn_[A-Za-z0-9]{40,50})'),
  },
  { id: 'linear', type: 'API_KEY', literals: ['lin_api_'], score: 0.97, pattern: token('lin_api_[A-Za-z0-9]{40}') },
  {
    id: 'airtable', type: 'API_KEY', literals: ['pat'], score: 0.97,
    pattern: token('pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}'),
  },
  {
    id: 'doppler', type: 'API_KEY', literals: ['dp.'], score: 0.95,
    pattern: token(`dp\\.(?:st|ct|pt|sa|scim|audit)\\.[${URLSAFE}]{40,}`),
  },
  { id: 'twilio', type: 'API_KEY', literals: ['SK'], score: 0.9, pattern: token('SK[0-9a-f]{32}') },
  {
    id: 'postman', type: 'API_KEY', literals: ['PMAK-'], score: 0.98,
    pattern: token('PMAK-[a-f0-9]{24}-[a-f0-9]{34}'),
  },
  { id: 'newrelic', type: 'API_KEY', literals: ['NRAK-'], score: 0.97, pattern: token('NRAK-[A-Z0-9]{27}') },
  {
    id: 'supabase', type: 'API_KEY', literals: ['sbp_', 'sb_secret_'], score: 0.97,
    pattern: token(`(?:sbp_[a-f0-9]{40}|sb_secret_[${URLSAFE}]{20,})`),
  },
];

export const API_KEY_RULES: readonly ProviderRule[] = [...AI_RULES, ...CLOUD_RULES, ...COMMERCE_RULES];
