/**
 * Provider key rows: every row finds a key built here at run time (seeded random, so no key-like literal is ever
 * committed) with its exact span, in every usual surrounding (.env, YAML, JSON, escaped JSON, URL, backticks,
 * prose); and misses the same key glued into a longer word, placeholders and documentation examples.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../../../scripts/corpus/rng.ts';
import { SECRET_DETECTORS } from '../../../src/detect/secrets/index.ts';
import type { RawFinding } from '../../../src/detect/types.ts';

const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URLSAFE = `${B62}-_`;
const HEX = '0123456789abcdef';
const DIGITS = '0123456789';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Seeded random strings (mulberry32): the same keys on every run. */
/** Seeded key bodies, made at run time so no key-like literal is committed. */
function randomText(seed: number): (length: number, alphabet?: string) => string {
  const rng = createRng(seed);
  return (length, alphabet = B62) => rng.chars(alphabet, length);
}

const r = randomText(20240601);

function detectAll(text: string): RawFinding[] {
  return SECRET_DETECTORS.flatMap((d) => d.detect(text));
}

/** The strongest finding covering exactly [start, end), or undefined. */
function exact(text: string, start: number, end: number): RawFinding | undefined {
  return detectAll(text)
    .filter((f) => f.start === start && f.end === end)
    .sort((a, b) => b.score - a.score)[0];
}

type Sample = readonly [detector: string, type: RawFinding['type'], make: () => string];

const SAMPLES: readonly Sample[] = [
  ['secret.openai', 'API_KEY', () => `sk-proj-${r(74, URLSAFE)}T3BlbkFJ${r(74, URLSAFE)}`],
  ['secret.openai', 'API_KEY', () => `sk-svcacct-${r(120, URLSAFE)}`],
  ['secret.openai', 'API_KEY', () => `sk-${r(20)}T3BlbkFJ${r(20)}`],
  ['secret.openai', 'API_KEY', () => `sk-${r(32, HEX)}`],
  ['secret.anthropic', 'API_KEY', () => `sk-ant-api03-${r(93, URLSAFE)}AA`],
  ['secret.openrouter', 'API_KEY', () => `sk-or-v1-${r(64, HEX)}`],
  ['secret.airlock', 'API_KEY', () => `sk-airlock-${r(43, URLSAFE)}`],
  ['secret.google', 'API_KEY', () => `AIza${r(35, URLSAFE)}`],
  ['secret.google-oauth', 'API_KEY', () => `GOCSPX-${r(28, URLSAFE)}`],
  ['secret.groq', 'API_KEY', () => `gsk_${r(52)}`],
  ['secret.huggingface', 'API_KEY', () => `hf_${r(34, B62.slice(0, 52))}`],
  ['secret.replicate', 'API_KEY', () => `r8_${r(37)}`],
  ['secret.xai', 'API_KEY', () => `xai-${r(80)}`],
  ['secret.perplexity', 'API_KEY', () => `pplx-${r(48)}`],
  ['secret.langsmith', 'API_KEY', () => `lsv2_pt_${r(32, HEX)}_${r(10, HEX)}`],
  ['secret.aws-access-key', 'API_KEY', () => `AKIA${r(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`],
  ['secret.aws-access-key', 'API_KEY', () => `ASIA${r(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`],
  ['secret.databricks', 'API_KEY', () => `dapi${r(32, HEX)}`],
  ['secret.age', 'PRIVATE_KEY', () => `AGE-SECRET-KEY-1${r(58, UPPER_DIGITS)}`],
  ['secret.stripe', 'API_KEY', () => `sk_live_${r(99)}`],
  ['secret.stripe', 'API_KEY', () => `rk_live_${r(24)}`],
  ['secret.stripe', 'API_KEY', () => `sk_test_${r(24)}`],
  ['secret.stripe', 'API_KEY', () => `whsec_${r(32)}`],
  ['secret.square', 'API_KEY', () => `sq0csp-${r(43, URLSAFE)}`],
  ['secret.shopify', 'API_KEY', () => `shpss_${r(32, HEX)}`],
  ['secret.woocommerce', 'API_KEY', () => `ck_${r(40, HEX)}`],
  ['secret.woocommerce', 'API_KEY', () => `cs_${r(40, HEX)}`],
  ['secret.klaviyo', 'API_KEY', () => `pk_${r(34, HEX)}`],
  ['secret.mollie', 'API_KEY', () => `live_${r(30)}`],
  ['secret.sendgrid', 'API_KEY', () => `SG.${r(22, URLSAFE)}.${r(43, URLSAFE)}`],
  ['secret.mailgun', 'API_KEY', () => `key-${r(32, HEX)}`],
  ['secret.mailchimp', 'API_KEY', () => `${r(32, HEX)}-us6`],
  ['secret.notion', 'API_KEY', () => `ntn_${r(46)}`],
  ['secret.linear', 'API_KEY', () => `lin_api_${r(40)}`],
  ['secret.airtable', 'API_KEY', () => `pat${r(14)}.${r(64, HEX)}`],
  ['secret.doppler', 'API_KEY', () => `dp.st.${r(43, URLSAFE)}`],
  ['secret.twilio', 'API_KEY', () => `SK${r(32, HEX)}`],
  ['secret.postman', 'API_KEY', () => `PMAK-${r(24, HEX)}-${r(34, HEX)}`],
  ['secret.newrelic', 'API_KEY', () => `NRAK-${r(27, UPPER_DIGITS)}`],
  ['secret.supabase', 'API_KEY', () => `sbp_${r(40, HEX)}`],
  ['secret.docker', 'ACCESS_TOKEN', () => `dckr_pat_${r(27, URLSAFE)}`],
  ['secret.heroku', 'ACCESS_TOKEN', () => `HRKU-${r(60, URLSAFE)}`],
  ['secret.grafana', 'ACCESS_TOKEN', () => `glsa_${r(32)}_${r(8, HEX)}`],
  ['secret.pulumi', 'ACCESS_TOKEN', () => `pul-${r(40, HEX)}`],
  ['secret.figma', 'ACCESS_TOKEN', () => `figd_${r(40, URLSAFE)}`],
  ['secret.github', 'ACCESS_TOKEN', () => `ghp_${r(36)}`],
  ['secret.github', 'ACCESS_TOKEN', () => `ghs_${r(36)}`],
  ['secret.github', 'ACCESS_TOKEN', () => `github_pat_${r(22)}_${r(59)}`],
  ['secret.gitlab', 'ACCESS_TOKEN', () => `glpat-${r(20, URLSAFE)}`],
  ['secret.gitlab', 'ACCESS_TOKEN', () => `glrt-${r(24, URLSAFE)}`],
  ['secret.atlassian', 'ACCESS_TOKEN', () => `ATATT3${r(180, URLSAFE)}`],
  ['secret.npm', 'ACCESS_TOKEN', () => `npm_${r(36)}`],
  ['secret.pypi', 'ACCESS_TOKEN', () => `pypi-AgEIcHlwaS5vcmc${r(60, URLSAFE)}`],
  ['secret.digitalocean', 'ACCESS_TOKEN', () => `dop_v1_${r(64, HEX)}`],
  ['secret.vault', 'ACCESS_TOKEN', () => `hvs.${r(90, URLSAFE)}`],
  ['secret.terraform', 'ACCESS_TOKEN', () => `${r(14)}.atlasv1.${r(67, URLSAFE)}`],
  ['secret.sentry', 'ACCESS_TOKEN', () => `sntrys_${r(60)}`],
  ['secret.google-oauth', 'ACCESS_TOKEN', () => `ya29.${r(60, URLSAFE)}`],
  ['secret.mapbox', 'ACCESS_TOKEN', () => `sk.eyJ1Ijoi${r(40, URLSAFE)}.${r(22, URLSAFE)}`],
  ['secret.meta', 'ACCESS_TOKEN', () => `EAAG${r(150)}`],
  ['secret.slack', 'ACCESS_TOKEN', () => `xoxb-${r(12, DIGITS)}-${r(13, DIGITS)}-${r(24)}`],
  ['secret.slack', 'ACCESS_TOKEN', () => `xoxp-${r(12, DIGITS)}-${r(12, DIGITS)}-${r(13, DIGITS)}-${r(32, HEX)}`],
  ['secret.slack', 'ACCESS_TOKEN', () => `xapp-1-${r(11, UPPER_DIGITS)}-${r(13, DIGITS)}-${r(64, HEX)}`],
  ['secret.slack-webhook', 'ACCESS_TOKEN', () => `https://hooks.slack.com/services/T${r(8, UPPER_DIGITS)}/B${r(10, UPPER_DIGITS)}/${r(24)}`],
  ['secret.discord-webhook', 'ACCESS_TOKEN', () => `https://discord.com/api/webhooks/${r(18, DIGITS)}/${r(68, URLSAFE)}`],
  ['secret.telegram', 'ACCESS_TOKEN', () => `${r(9, DIGITS)}:AA${r(33, URLSAFE)}`],
  ['secret.shopify', 'ACCESS_TOKEN', () => `shpat_${r(32, HEX)}`],
  ['secret.square', 'ACCESS_TOKEN', () => `EAAA${r(60, URLSAFE)}`],
  ['secret.salesforce', 'ACCESS_TOKEN', () => `00D${r(15)}!${r(96, `${B62}._`)}${r(1)}`],
  ['secret.braintree', 'ACCESS_TOKEN', () => `access_token$production$${r(16, '0123456789abcdefghijklmnopqrstuvwxyz')}$${r(32, HEX)}`],
];

/** Where keys are pasted: the key must be found with its exact span in each. */
const SURROUNDINGS: readonly ((key: string) => string)[] = [
  (key) => key,
  (key) => `EXAMPLE_KEY=${key}`,
  (key) => `export EXAMPLE_KEY="${key}"`,
  (key) => `config:\n  credentials:\n    value: ${key}\n  region: eu-central-1`,
  (key) => `{"provider":"x","key":"${key}","retries":3}`,
  (key) => `{"messages":[{"role":"user","content":"my .env:\\nEXAMPLE=${key}\\nthanks"}]}`,
  (key) => `Why does \`${key}\` return 401?`,
  (key) => `curl 'https://api.example.com/v1/items?key=${key}&limit=10'`,
  (key) => `Hallo, hier ist der Schlüssel ${key}. Danke!`,
  (key) => `- ${key}`,
];

describe('provider keys', () => {
  for (const [detector, type, make] of SAMPLES) {
    it(`${detector} finds ${make().slice(0, 12)}… with its exact span wherever it is pasted`, () => {
      for (const surround of SURROUNDINGS) {
        const key = make();
        const text = surround(key);
        const start = text.indexOf(key);
        const found = exact(text, start, start + key.length);
        assert.ok(found, `no finding for ${JSON.stringify(text.slice(0, 80))}`);
        assert.equal(found.detector, detector);
        assert.equal(found.type, type);
        assert.ok(found.score >= 0.85);
      }
    });
  }

  it('does not match a key glued into a longer word', () => {
    for (const [detector, , make] of SAMPLES) {
      if (detector.endsWith('webhook')) continue; // a URL may legitimately follow any character
      const text = `x${make()}`;
      assert.deepEqual(detectAll(text).filter((f) => f.detector === detector), [], text.slice(0, 40));
    }
  });

  it('ignores placeholders and documentation examples', () => {
    const placeholders = [
      `sk-${'x'.repeat(48)}`,
      `sk-proj-${'X'.repeat(60)}`,
      'sk-your-api-key-here-please-replace',
      'OPENAI_API_KEY=sk-...',
      `ghp_${'x'.repeat(36)}`,
      `ghp_${'0123456789'.repeat(3)}abcdef`,
      `AKIA${'IOSFODNN7'}${'EXAMPLE'}`,
      `AIza${'A'.repeat(35)}`,
      `xoxb-${'1234567890'}-${'1234567890'}-${'x'.repeat(24)}`,
      `https://hooks.slack.com/services/T${'0'.repeat(8)}/B${'0'.repeat(8)}/${'X'.repeat(24)}`,
      `sk_live_${'*'.repeat(24)}`,
      'Authorization: Bearer YOUR_API_KEY',
      'Authorization: Bearer <token>',
      'Authorization: Bearer ${TOKEN}',
    ];
    for (const text of placeholders) assert.deepEqual(detectAll(text), [], text);
  });

  it('leaves prefixes in ordinary words and prose alone', () => {
    const prose = [
      'The task-force meeting about sk-learn pipelines is at 10:00.',
      'We use scikit-learn, desk-sharing and a risk-based approach.',
      'Order #AK-1234 ships via DHL; SKU hf_blue_shirt_large is back in stock.',
      'Call the pk_ and ck_ helpers from the test_ suite (see live_reload docs).',
      'Key features: water-resistant, ultra-light, made in Portugal.',
    ];
    for (const text of prose) assert.deepEqual(detectAll(text), [], text);
  });

  it('needs context for keys without a prefix', () => {
    const mistral = r(32);
    const text = `MISTRAL_API_KEY=${mistral}`;
    assert.equal(exact(text, 16, 48)?.detector, 'secret.mistral');
    const noContext = `reference ${mistral}`;
    assert.ok(!detectAll(noContext).some((f) => f.detector === 'secret.mistral'));

    const awsSecret = `${r(20)}/${r(9)}+${r(9)}`;
    const aws = `aws_secret_access_key = ${awsSecret}`;
    assert.equal(exact(aws, 24, 64)?.detector, 'secret.aws-secret-key');
    assert.ok(!detectAll(`digest ${awsSecret}`).some((f) => f.detector === 'secret.aws-secret-key'));

    const azure = r(32, HEX);
    const header = `curl -H "api-key: ${azure}" https://shop.openai.azure.com/openai/deployments`;
    assert.equal(exact(header, 18, 50)?.type, 'API_KEY');
    assert.ok(!detectAll(`md5 ${azure}`).length);
  });

  it('reads keys out of cloud configuration formats', () => {
    const hexId = r(40, HEX);
    const gcp = `{"type": "service_account", "project_id": "shop", "private_key_id": "${hexId}", "client_email": "x"}`;
    const at = gcp.indexOf(hexId);
    assert.equal(exact(gcp, at, at + 40)?.detector, 'secret.gcp-service-account');

    const accountKey = `${r(86, `${B62}+/`)}==`;
    const azure = `DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=${accountKey};EndpointSuffix=core.windows.net`;
    const k = azure.indexOf(accountKey);
    assert.equal(exact(azure, k, k + accountKey.length)?.detector, 'secret.azure-storage');

    const sig = `${r(40, `${B62}+/`)}%3D`;
    const sas = `https://shop.blob.core.windows.net/c/f.csv?sv=2022-11-02&ss=b&sp=r&se=2030-01-01&sig=${sig}`;
    const s = sas.indexOf(sig);
    assert.equal(exact(sas, s, s + sig.length)?.detector, 'secret.azure-sas');
  });

  it('takes the value of Authorization: Bearer and a Basic user:password pair', () => {
    const bearer = `${r(40, URLSAFE)}.${r(20)}`;
    const text = `curl -H "Authorization: Bearer ${bearer}." https://api.example.com`;
    const at = text.indexOf(bearer);
    const found = exact(text, at, at + bearer.length);
    assert.equal(found?.detector, 'secret.bearer');
    assert.equal(found.type, 'ACCESS_TOKEN');

    const basic = Buffer.from(`shop-admin:${r(12)}`).toString('base64');
    const header = `Authorization: Basic ${basic}`;
    assert.equal(exact(header, 21, header.length)?.type, 'CREDENTIAL');
    assert.deepEqual(detectAll('Our Basic membership plan costs 5 EUR.'), []);
  });
});
