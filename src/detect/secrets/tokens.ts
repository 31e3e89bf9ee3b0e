/**
 * The access-token half of the provider table (see providers.ts for the row format): code hosts, chat and
 * webhook URLs, package registries, commerce platforms, plus the HTTP `Authorization` schemes. Bearer values
 * carry no provider prefix, so they are judged like any key (long, mixed classes, not a placeholder); a Basic
 * value counts only when it decodes to `user:password`.
 */
import { looksRandom, token } from './shared.ts';
import type { ProviderRule } from './providers.ts';

const URLSAFE = 'A-Za-z0-9_\\-';
const GITLAB_KINDS = ['pat', 'dt', 'rt', 'cbt', 'ptt', 'soat', 'ffct', 'imt', 'agent', 'oas', 'ft', 'wt', 'sst'];
const GITLAB_SUFFIX = '(?:\\.[0-9a-z]{2}\\.[0-9a-z]{7,9})?';
const GITLAB_PREFIXES = [...GITLAB_KINDS.map((kind) => `gl${kind}-`), 'GR1348941'];

/** The last path segment of a webhook URL is its secret; the rest is routing. */
function webhookSecretLooksRandom(url: string): boolean {
  const secret = url.slice(url.lastIndexOf('/') + 1);
  return secret.length >= 16 && looksRandom(secret);
}

const PRINTABLE = /^[\x20-\x7e]+$/;

/** The value decodes to printable `user:password` with a non-empty password. */
function isBasicCredential(value: string): boolean {
  if (value.length % 4 === 1 || value.length > 1024) return false;
  const pair = Buffer.from(value, 'base64').toString('latin1');
  const colon = pair.indexOf(':');
  return colon >= 0 && colon < pair.length - 1 && PRINTABLE.test(pair);
}

const CODE_HOST_RULES: readonly ProviderRule[] = [
  {
    id: 'github', type: 'ACCESS_TOKEN', literals: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], score: 0.99,
    pattern: token('gh[pousr]_[A-Za-z0-9]{36,251}'),
  },
  {
    id: 'github', type: 'ACCESS_TOKEN', literals: ['github_pat_'], score: 0.99,
    pattern: token('github_pat_[A-Za-z0-9_]{50,}'),
  },
  {
    id: 'gitlab', type: 'ACCESS_TOKEN', literals: GITLAB_PREFIXES, score: 0.98,
    // Newer tokens end in a routing suffix: `.01.` and a short id.
    pattern: token(`(?:gl(?:${GITLAB_KINDS.join('|')})-|GR1348941)[${URLSAFE}]{20,}${GITLAB_SUFFIX}`),
  },
  {
    id: 'atlassian', type: 'ACCESS_TOKEN', literals: ['ATATT3'], score: 0.97,
    pattern: token('ATATT3[A-Za-z0-9_\\-=]{100,}'),
  },
  {
    id: 'docker', type: 'ACCESS_TOKEN', literals: ['dckr_pat_'], score: 0.97,
    pattern: token(`dckr_pat_[${URLSAFE}]{24,}`),
  },
  { id: 'heroku', type: 'ACCESS_TOKEN', literals: ['HRKU-'], score: 0.97, pattern: token(`HRKU-[${URLSAFE}]{40,}`) },
  {
    id: 'grafana', type: 'ACCESS_TOKEN', literals: ['glsa_', 'glc_'], score: 0.95,
    pattern: token('(?:glsa_[A-Za-z0-9]{32}_[a-f0-9]{8}|glc_[A-Za-z0-9+/]{32,}={0,2})'),
  },
  { id: 'pulumi', type: 'ACCESS_TOKEN', literals: ['pul-'], score: 0.97, pattern: token('pul-[a-f0-9]{40}') },
  { id: 'figma', type: 'ACCESS_TOKEN', literals: ['figd_'], score: 0.97, pattern: token(`figd_[${URLSAFE}]{40,}`) },
  { id: 'npm', type: 'ACCESS_TOKEN', literals: ['npm_'], score: 0.97, pattern: token('npm_[A-Za-z0-9]{36}') },
  {
    id: 'pypi', type: 'ACCESS_TOKEN', literals: ['pypi-AgE'], score: 0.98,
    pattern: token(`pypi-AgE[${URLSAFE}]{50,}`),
  },
  {
    id: 'digitalocean', type: 'ACCESS_TOKEN', literals: ['_v1_'], score: 0.98,
    pattern: token('do[opr]_v1_[a-f0-9]{64}'),
  },
  {
    id: 'vault', type: 'ACCESS_TOKEN', literals: ['hvs.', 'hvb.'], score: 0.95,
    pattern: token(`hv[sb]\\.[${URLSAFE}]{24,}`),
  },
  {
    id: 'terraform', type: 'ACCESS_TOKEN', literals: ['.atlasv1.'], score: 0.98,
    pattern: token(`[A-Za-z0-9]{14}\\.atlasv1\\.[${URLSAFE}]{60,}`),
  },
  {
    id: 'sentry', type: 'ACCESS_TOKEN', literals: ['sntrys_', 'sntryu_'], score: 0.97,
    pattern: token('sntry[su]_[A-Za-z0-9+/=_]{40,}'),
  },
  // Mapbox secret tokens (`pk.` tokens are public) and Meta Graph API tokens (shops' Conversions API).
  {
    id: 'mapbox', type: 'ACCESS_TOKEN', literals: ['sk.eyJ'], score: 0.95,
    pattern: token(`sk\\.eyJ[${URLSAFE}]{20,}\\.[${URLSAFE}]{20,}`),
  },
  { id: 'meta', type: 'ACCESS_TOKEN', literals: ['EAA'], score: 0.9, pattern: token('EAA[A-Za-z0-9]{90,}') },
  {
    id: 'google-oauth', type: 'ACCESS_TOKEN', literals: ['ya29.'], score: 0.95,
    pattern: token(`ya29\\.[${URLSAFE}]{20,}`),
  },
];

const CHAT_RULES: readonly ProviderRule[] = [
  {
    id: 'slack', type: 'ACCESS_TOKEN', literals: ['xox'], score: 0.98,
    pattern: token('xox[abposre](?:\\.xox[bp])?-[A-Za-z0-9-]{10,}'),
  },
  {
    id: 'slack', type: 'ACCESS_TOKEN', literals: ['xapp-'], score: 0.98,
    pattern: token('xapp-[0-9]-[A-Za-z0-9-]{20,}'),
  },
  {
    id: 'slack-webhook', type: 'ACCESS_TOKEN', literals: ['hooks.slack.com'], score: 0.98,
    check: webhookSecretLooksRandom,
    pattern: token('(?:https?://)?hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9]+(?:/[\\w-]+){1,4}'),
  },
  {
    id: 'discord-webhook', type: 'ACCESS_TOKEN', literals: ['discord'], score: 0.98, check: webhookSecretLooksRandom,
    pattern: token(`(?:https?://)?(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/\\d{17,20}/[\\w-]{60,}`),
  },
  {
    id: 'telegram', type: 'ACCESS_TOKEN', literals: [':AA'], score: 0.95,
    pattern: token(`[0-9]{8,10}:AA[${URLSAFE}]{33}`),
  },
];

const COMMERCE_TOKEN_RULES: readonly ProviderRule[] = [
  {
    id: 'shopify', type: 'ACCESS_TOKEN', literals: ['shpat_', 'shpca_', 'shppa_'], score: 0.98,
    pattern: token('shp(?:at|ca|pa)_[a-fA-F0-9]{32}'),
  },
  {
    id: 'square', type: 'ACCESS_TOKEN', literals: ['EAAA', 'sq0atp-'], score: 0.95,
    pattern: token(`(?:EAAA[${URLSAFE}]{60}|sq0atp-[${URLSAFE}]{22})`),
  },
  {
    id: 'salesforce', type: 'ACCESS_TOKEN', literals: ['00D'], score: 0.95,
    pattern: token('00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{79,}[A-Za-z0-9_]'),
  },
  {
    id: 'braintree', type: 'ACCESS_TOKEN', literals: ['access_token$'], score: 0.98,
    pattern: token('access_token\\$(?:production|sandbox)\\$[0-9a-z]{16}\\$[0-9a-f]{32}'),
  },
];

// Token68 (RFC 7235) without trailing dots, so "Bearer abc.def." ends before the full stop.
const TOKEN68 = 'A-Za-z0-9\\-_~+/';

const HTTP_AUTH_RULES: readonly ProviderRule[] = [
  {
    id: 'bearer', type: 'ACCESS_TOKEN', literals: ['Bearer', 'bearer', 'BEARER'], scope: 'text', score: 0.9,
    pattern: new RegExp(`(?<![\\w-])bearer[ \\t]+([${TOKEN68}]{8,}(?:\\.[${TOKEN68}]+)*=*)(?![${TOKEN68}=])`, 'dgi'),
    check: (value) => value.length >= 16 && looksRandom(value),
  },
  {
    id: 'basic-auth', type: 'CREDENTIAL', literals: ['Basic ', 'basic ', 'BASIC '], scope: 'text', score: 0.9,
    check: isBasicCredential,
    pattern: /(?<![A-Za-z0-9_-])basic[ \t]+([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/dgi,
  },
];

export const ACCESS_TOKEN_RULES: readonly ProviderRule[] = [
  ...CODE_HOST_RULES,
  ...CHAT_RULES,
  ...COMMERCE_TOKEN_RULES,
  ...HTTP_AUTH_RULES,
];
