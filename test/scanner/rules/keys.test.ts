/**
 * The keys rules: AI and cloud keys in a shop's `.env`, `.wp-env.json`, a service-account JSON and Salesforce
 * metadata are found at their exact positions; placeholders, environment lookups and browser-public Google keys are
 * not; every reported key is masked and no finding field holds a whole key.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fixtureKeys } from '../../../scripts/generate-scan-fixtures.ts';
import { ALNUM, createRng } from '../../../scripts/corpus/rng.ts';
import { findKeys, keyRules, maskSecret } from '../../../src/scanner/rules/keys.ts';
import { arbitraryFile, fixtureFiles, run, scanFile, scanOne, tuples } from './rule-harness.ts';

const rng = createRng(9001);
const b62 = (n: number): string => rng.chars(ALNUM, n);

describe('keys fixture', () => {
  it('reports exactly the hard-coded keys', () => {
    assert.deepEqual(tuples(run([keyRules], fixtureFiles('keys'))), [
      ['keys.hardcoded-ai-key', '.env', 5, 16],
      ['keys.hardcoded-ai-key', '.env', 7, 16],
      ['keys.hardcoded-cloud-key', '.env', 10, 19],
      ['keys.hardcoded-cloud-key', '.env', 11, 23],
      ['keys.hardcoded-ai-key', '.wp-env.json', 10, 31],
      ['keys.hardcoded-cloud-key', 'credentials/vertex-service-account.json', 5, 19],
      ['keys.hardcoded-ai-key', 'force-app/main/default/customMetadata/AI_Provider.Groq.md-meta.xml', 11, 38],
    ]);
  });

  it('names the provider of each key, the one without a prefix by its variable', () => {
    const providers = run([keyRules], fixtureFiles('keys')).map((f) => f.properties?.provider);
    assert.deepEqual(providers, ['openai', 'cohere', 'aws-access-key', 'aws-secret-key', 'anthropic', 'gcp-service-account', 'groq']);
  });

  it('finds nothing in the placeholder .env.example, config.js or settings.py', () => {
    const files = fixtureFiles('keys').filter((f) => ['.env.example', 'config.js', 'settings.py'].includes(f.path));
    assert.equal(files.length, 3);
    assert.deepEqual(run([keyRules], files), []);
  });

  it('never puts a whole key into any finding field, in any fixture', () => {
    const keys = Object.values(fixtureKeys());
    const findings = ['keys', 'deployment', 'magento-module'].flatMap((f) => run([keyRules], fixtureFiles(f)));
    assert.ok(findings.length >= 8);
    for (const finding of findings) {
      const serialised = JSON.stringify(finding);
      for (const key of keys) assert.ok(!serialised.includes(key.slice(8, -4)), `${finding.file} leaks a key`);
    }
  });
});

describe('masking', () => {
  it('shows at most the first and last four characters', () => {
    assert.equal(maskSecret('sk-proj-abcdefghij1234x9Qa'), 'sk-p…x9Qa');
    assert.equal(maskSecret('short1234567'), 'sh…');
    assert.equal(maskSecret('-----BEGIN PRIVATE KEY-----\nMIIE'), '-----BEGIN … PRIVATE KEY-----');
  });

  it('reports random keys of every AI format masked', () => {
    fc.assert(
      fc.property(fc.constantFrom('sk-proj-', 'sk-', 'gsk_', 'hf_', 'r8_', 'xai-', 'pplx-'), fc.integer({ min: 0, max: 1e9 }), (prefix, seed) => {
        const body = createRng(seed).chars(ALNUM, prefix === 'hf_' || prefix === 'r8_' ? 34 : 48);
        const key = `${prefix}${body}`;
        const findings = keyRules.scan(scanFile('src/ai.ts', `const client = new Client({ apiKey: "${key}" });\n`));
        for (const f of findings) assert.ok(!JSON.stringify(f).includes(body.slice(0, 12)));
        return findings.length === 1 && findings[0]?.ruleId === 'keys.hardcoded-ai-key';
      }),
      { numRuns: 200 },
    );
  });
});

describe('placeholders and lookups', () => {
  const placeholders = [
    'OPENAI_API_KEY=sk-your-key', 'OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'OPENAI_API_KEY=<OPENAI_API_KEY>', 'OPENAI_API_KEY=${OPENAI_API_KEY}', "openai_key: '%env(OPENAI_API_KEY)%'",
    "$key = getenv('OPENAI_API_KEY');", 'const key = process.env.OPENAI_API_KEY;', "key = os.environ['OPENAI_API_KEY']",
    'OPENAI_API_KEY=sk-proj-0000000000000000000000000000000000000000', 'OPENAI_API_KEY=sk-proj-****************************',
    'OPENAI_API_KEY=sk-proj-…', 'OPENAI_API_KEY=sk-1234abcd1234abcd1234abcd1234abcd', 'GROQ_API_KEY=gsk_your_key_here_please_replace_me_0123456789',
    'OPENAI_API_KEY=sk-example-key-for-the-docs-000000', 'HF_TOKEN=hf_changemechangemechangemechangeme12',
    'COHERE_API_KEY=dummy-dummy-dummy-dummy', 'AWS_SECRET_ACCESS_KEY=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  ];
  for (const line of placeholders) {
    it(`is silent on ${line}`, () => assert.deepEqual(scanOne([keyRules], '.env', `${line}\n`), []));
  }
});

describe('key kinds and contexts', () => {
  it('takes the provider of a prefix-less key from its name or enclosing block', () => {
    const mistral = b62(32);
    const yaml = `ai:\n  mistral:\n    api_key: ${mistral}\n`;
    assert.deepEqual(findKeys(yaml).map((h) => [h.kind, h.provider]), [['ai', 'mistral']]);
    const xml = `<config>\n  <default>\n    <cohere>\n      <api_key>${b62(40)}</api_key>\n    </cohere>\n  </default>\n</config>\n`;
    assert.deepEqual(findKeys(xml).map((h) => [h.kind, h.provider]), [['ai', 'cohere']]);
  });

  it('names OpenAI-compatible sk- keys by their variable, and ignores sk- identifiers', () => {
    const hits = findKeys(`DEEPSEEK_API_KEY=sk-${rng.chars('0123456789abcdef', 32)}\n`);
    assert.deepEqual(hits.map((h) => [h.kind, h.provider]), [['ai', 'deepseek']]);
    assert.deepEqual(findKeys('<div class="sk-SkeletonLoaderContainerBase">\n'), []);
  });

  it('leaves Firebase app configs alone', () => {
    const config = `{\n  "client": [{\n    "api_key": [{ "current_key": "AIza${b62(35)}" }]\n  }]\n}\n`;
    assert.deepEqual(scanOne([keyRules], 'android/app/google-services.json', config), []);
  });

  it('leaves generic secrets without an AI or cloud name alone', () => {
    assert.deepEqual(findKeys(`DJANGO_SECRET_KEY=${b62(50)}\nSESSION_TOKEN=${b62(40)}\n`), []);
  });

  it('skips Google keys of Firebase web configs and Maps embeds, keeps Gemini keys', () => {
    const firebase = `const firebaseConfig = {\n  apiKey: "AIza${b62(35)}",\n  authDomain: "shop.firebaseapp.com",\n};\n`;
    assert.deepEqual(scanOne([keyRules], 'src/firebase.js', firebase), []);
    const maps = `<script src="https://maps.googleapis.com/maps/api/js?key=AIza${b62(35)}"></script>\n`;
    assert.deepEqual(scanOne([keyRules], 'index.html', maps), []);
    assert.deepEqual(scanOne([keyRules], '.env', `GEMINI_API_KEY=AIza${b62(35)}\n`), [['keys.hardcoded-ai-key', '.env', 1, 16]]);
  });

  it('reports Stripe live keys as cloud keys and leaves test keys alone', () => {
    const text = `STRIPE_SECRET=sk_live_${b62(40)}\nSTRIPE_TEST=sk_test_${b62(40)}\n`;
    assert.deepEqual(scanOne([keyRules], '.env.production', text), [['keys.hardcoded-cloud-key', '.env.production', 1, 15]]);
  });

  it('leaves Dockerfile ENV and ARG to the deployment rule, but not RUN lines', () => {
    const key = `sk-proj-${b62(48)}`;
    const dockerfile = `FROM node:22\nENV OPENAI_API_KEY=${key}\nRUN curl -H "Authorization: Bearer ${key}" https://api.openai.com/v1/models\n`;
    assert.deepEqual(scanOne([keyRules], 'Dockerfile', dockerfile), [['keys.hardcoded-ai-key', 'Dockerfile', 3, 36]]);
  });

  it('skips lock files and binary files', () => {
    const lock = `{ "resolved": "https://registry.npmjs.org/x", "key": "sk-proj-${b62(48)}" }`;
    assert.equal(keyRules.applies(scanFile('package-lock.json', lock)), false);
    assert.equal(keyRules.applies(scanFile('model.bin', Buffer.from([0, 1, 2, 3]))), false);
  });
});

describe('keys robustness', () => {
  it('never throws on arbitrary files', () => {
    fc.assert(
      fc.property(arbitraryFile, ({ path, content }) => {
        const file = scanFile(path, content);
        if (keyRules.applies(file)) keyRules.scan(file);
      }),
      { numRuns: 300 },
    );
  });
});

describe('keys in real formats with a distinctive prefix', () => {
  const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const tokens = createRng(20_251_122);

  it('finds every random hf_ token (letters-only by design), however many vowels it has', () => {
    const missed: string[] = [];
    for (let i = 0; i < 2_000; i++) {
      const token = `hf_${tokens.chars(LETTERS, 34)}`;
      if (findKeys(`HF_TOKEN="${token}"\n`).length !== 1) missed.push(maskSecret(token));
    }
    assert.deepEqual(missed, []);
  });

  it('finds every random ghp_ token, letters-only ones and vowel-rich ones included', () => {
    const missed: string[] = [];
    for (let i = 0; i < 1_000; i++) {
      const alnum = `ghp_${tokens.chars(ALNUM, 36)}`;
      const letters = `ghp_${tokens.chars(LETTERS, 36)}`;
      for (const token of [alnum, letters]) if (findKeys(`GITHUB_TOKEN=${token}\n`).length !== 1) missed.push(maskSecret(token));
    }
    // Vowel-rich letters-only bodies: what the words heuristic dropped.
    for (const token of ['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', 'ghp_AbEcIdOfUgAhEiIjOkUlAmEnIoOpUqArEsIt']) {
      if (findKeys(`TOKEN="${token}"\n`).length !== 1) missed.push(maskSecret(token));
    }
    assert.deepEqual(missed, []);
  });

  it('still drops the placeholder forms of those prefixes', () => {
    const placeholders = [
      `hf_${'x'.repeat(34)}`, `hf_${'X'.repeat(34)}`, `ghp_${'x'.repeat(36)}`, `ghp_${'a'.repeat(36)}`,
      'hf_yourHuggingFaceTokenGoesHereNowOk', 'hf_exampleTokenForTheDocsOnlyAbcdefg', 'ghp_yourGithubPersonalAccessTokenHereAb',
      'ghp_ExampleTokenForTheReadmeAbcdefghijk', 'hf_abcabcabcabcabcabcabcabcabcabcabca', `ghp_${'ab'.repeat(18)}`,
      'hf_placeholderPlaceholderPlaceholde', 'ghp_replaceMeWithYourOwnTokenPleaseNow',
    ];
    for (const token of placeholders) assert.deepEqual(findKeys(`TOKEN="${token}"\n`), [], token);
  });

  it('keeps treating letters-only words after the bare sk- prefix as identifiers', () => {
    assert.deepEqual(findKeys('const cls = "sk-SkeletonLoaderContainerAnimated";\n'), []);
  });
});
