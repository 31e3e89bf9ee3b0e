/**
 * Tests for the egress rule on source snippets, per language: endpoint URLs used as data (constants, config
 * arrays, concatenations, sprintf, templates, f-strings) and tied to their HTTP client; SDK clients with their
 * base URL resolved (gateway and self-hosted hosts are no finding, another provider is named); text that only
 * mentions a host; Apex callouts through facts; reflected CORS; and a property test that no input makes it throw.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { egressRules } from '../../../src/scanner/rules/egress.ts';
import { salesforceRules } from '../../../src/scanner/rules/salesforce.ts';
import { wordpressRules } from '../../../src/scanner/rules/wordpress.ts';
import type { ProjectFacts, ScanFile, ScanFinding } from '../../../src/scanner/types.ts';

function fileOf(path: string, text: string): ScanFile {
  const bytes = Buffer.from(text);
  const name = path.split('/').at(-1)?.toLowerCase() ?? '';
  const extension = name.includes('.') ? (name.split('.').at(-1) ?? '') : '';
  return { path, extension, name, size: bytes.length, text, head: bytes.subarray(0, 65536), readAll: () => bytes };
}

/** [ruleId, line, provider, client] per finding. */
function scan(path: string, text: string, facts?: ProjectFacts): [string, number, string, string][] {
  return egressRules.scan(fileOf(path, text), facts).map((f: ScanFinding) => [f.ruleId, f.line, String(f.properties?.provider), String(f.properties?.client)]);
}

describe('egress: PHP', () => {
  it('ties a define()d endpoint to the wp_remote_post that uses it', () => {
    const php = "<?php\ndefine( 'MY_AI_URL', 'https://api.deepseek.com/chat/completions' );\nfunction ask( $order ) {\n  return wp_remote_post( MY_AI_URL, [] );\n}";
    assert.deepEqual(scan('a.php', php), [['egress.host-literal', 2, 'deepseek', 'wp_remote_post']]);
    assert.deepEqual(egressRules.scan(fileOf('a.php', php))[0]?.properties?.data, ['order']);
  });

  it('ties a provider map entry to the call through its key', () => {
    const php = "<?php\nclass P {\n  private $providers = array(\n    'claude' => array( 'url' => 'https://api.anthropic.com/v1/messages' ),\n  );\n" +
      "  public function send( $p ) { return wp_safe_remote_post( $this->providers[ $p ]['url'], array() ); }\n}";
    assert.deepEqual(scan('p.php', php), [['egress.host-literal', 4, 'anthropic', 'wp_safe_remote_post']]);
  });

  it('reads URLs assembled with concatenation and sprintf', () => {
    const php = "<?php\nfunction a( $loc ) { $ch = curl_init( 'https://' . $loc . '-aiplatform.googleapis.com/v1/projects' ); }\n" +
      "function b( $res ) { $u = sprintf( 'https://%s.openai.azure.com/openai/deployments', $res ); return wp_remote_post( $u ); }";
    assert.deepEqual(scan('c.php', php), [['egress.host-literal', 2, 'google-vertex', 'curl_init'], ['egress.host-literal', 3, 'azure-openai', 'wp_remote_post']]);
  });

  it('names Guzzle, Laminas and Magento clients from their imports', () => {
    const guzzle = "<?php\nuse GuzzleHttp\\Client;\n$c = new Client( [ 'base_uri' => 'https://api.together.xyz/v1/' ] );\n$c->post( 'chat/completions' );";
    assert.deepEqual(scan('g.php', guzzle), [['egress.host-literal', 3, 'together', 'Guzzle']]);
    const laminas = "<?php\nuse Laminas\\Http\\Client;\nclass X { function go( Client $http ) { $http->setUri( 'https://api.cohere.com/v2/chat' ); $http->send(); } }";
    assert.deepEqual(scan('l.php', laminas), [['egress.host-literal', 3, 'cohere', 'Laminas\\Http\\Client']]);
  });

  it('finds openai-php and orhanerday clients, and honours their base URL', () => {
    assert.deepEqual(scan('o.php', "<?php\n$client = \\OpenAI::client( $key );"), [['egress.sdk', 2, 'openai', 'openai-php/client']]);
    assert.deepEqual(scan('o.php', "<?php\nuse Orhanerday\\OpenAi\\OpenAi;\n$ai = new OpenAi( $key );"), [['egress.sdk', 3, 'openai', 'orhanerday/open-ai']]);
    const groq = "<?php\n$c = OpenAI::factory()->withApiKey( $k )->withBaseUri( 'api.groq.com/openai/v1' )->make();";
    assert.deepEqual(scan('f.php', groq), [['egress.sdk', 2, 'groq', 'openai-php/client']]);
    assert.deepEqual(scan('f.php', "<?php\n$c = OpenAI::factory()->withBaseUri( 'localhost:8080/v1' )->make();"), []);
    assert.deepEqual(scan('f.php', "<?php\nuse Orhanerday\\OpenAi\\OpenAi;\n$ai = new OpenAi( $k );\n$ai->setBaseURL( 'http://10.0.0.5:8080' );"), []);
  });

  it('ignores text that only mentions a host: comments, UI strings, output, placeholders, comparisons, self-hosted URLs', () => {
    const php = "<?php\n// wp_remote_post('https://api.openai.com/v1')\n$a = __( 'Key from platform.openai.com', 'x' );\necho 'https://api.openai.com/v1';\n" +
      "$f = array( 'placeholder' => 'https://api.openai.com/v1' );\nif ( false !== strpos( $url, 'api.openai.com' ) ) {}\nif ( $host === 'api.anthropic.com' ) {}\n" +
      "wp_remote_post( 'http://localhost:11434/api/chat' );\n$openai_enabled = true;\n$s = 'Calls go to https://api.openai.com/v1 when enabled';";
    assert.deepEqual(scan('n.php', php), []);
  });

  it('reports an endpoint with no HTTP call in the file as such', () => {
    const [finding] = egressRules.scan(fileOf('cfg.php', "<?php\nreturn array( 'endpoint' => 'https://api.perplexity.ai/chat/completions' );"));
    assert.equal(finding?.properties?.client, 'unknown');
    assert.match(finding?.message ?? '', /no HTTP call to it seen in this file/);
  });
});

describe('egress: JavaScript and TypeScript', () => {
  it('follows constants into fetch, template literals and axios instances', () => {
    const ts = "const API: string = 'https://api.fireworks.ai/inference/v1';\nexport async function run(cart: Cart) {\n  return fetch(`${API}/chat/completions`, {});\n}";
    assert.deepEqual(scan('a.ts', ts), [['egress.host-literal', 1, 'fireworks', 'fetch']]);
    const axios = "import axios from 'axios';\nconst ai = axios.create({ baseURL: 'https://api.replicate.com/v1' });\nexport const go = (p) => ai.post('/predictions', p);";
    assert.deepEqual(scan('b.js', axios), [['egress.host-literal', 2, 'replicate', 'axios']]);
    const nodeFetch = "import fetchIt from 'node-fetch';\nawait fetchIt(`https://api.voyageai.com/v1/embeddings`);";
    assert.deepEqual(scan('c.mjs', nodeFetch), [['egress.host-literal', 2, 'voyage', 'node-fetch']]);
  });

  it('finds SDK clients from imports and requires, resolving base URLs', () => {
    assert.deepEqual(scan('a.cjs', "const Anthropic = require('@anthropic-ai/sdk');\nconst c = new Anthropic();"), [['egress.sdk', 2, 'anthropic', '@anthropic-ai/sdk']]);
    assert.deepEqual(scan('b.ts', "import * as ai from 'openai';\nconst c = new ai.AzureOpenAI({ endpoint: process.env.AZURE_URL });"), [['egress.sdk', 2, 'azure-openai', 'openai']]);
    const shorthand = "import OpenAI from 'openai';\nconst baseURL = 'https://api.x.ai/v1';\nconst grok = new OpenAI({ baseURL });";
    assert.deepEqual(scan('c.ts', shorthand), [['egress.sdk', 3, 'xai', 'openai']]);
    const langchain = "import { ChatOpenAI } from '@langchain/openai';\nconst m = new ChatOpenAI({ configuration: { baseURL: 'http://airlock:8080/v1' } });";
    assert.deepEqual(scan('d.ts', langchain), []);
    const vercel = "import { createOpenAI } from '@ai-sdk/openai';\nconst p = createOpenAI({ baseURL: process.env.LLM_URL || 'http://127.0.0.1:8080/v1' });";
    assert.deepEqual(scan('e.ts', vercel), []);
  });

  it('reports a base URL only known at run time, defaulting to the provider', () => {
    const [finding] = egressRules.scan(fileOf('f.ts', "import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: process.env.OPENAI_BASE_URL });"));
    assert.equal(finding?.properties?.baseUrl, 'dynamic');
    assert.match(finding?.message ?? '', /base URL at run time \(default OpenAI/);
  });

  it('does not mistake a class method named fetch for a call, nor an unrelated import for an SDK', () => {
    assert.deepEqual(scan('g.ts', "import OpenAI from './my-openai.js';\nconst c = new OpenAI();\nclass A { fetch(u: string) { return u; } }"), []);
  });

  it('reports reflected CORS with credentials only in files that call AI, and not when checked against a list', () => {
    const ai = "import OpenAI from 'openai';\nconst openai = new OpenAI();\n";
    const reflect = "app.use((req, res, next) => {\n  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);\n" +
      "  res.setHeader('Access-Control-Allow-Credentials', 'true');\n  next();\n});\n";
    assert.deepEqual(scan('a.js', ai + reflect).map((r) => r.slice(0, 2)), [['egress.sdk', 2], ['cors.reflected-origin-ai', 4]]);
    assert.deepEqual(scan('b.js', reflect), []);
    const checked = reflect.replace("res.setHeader('Access-Control-Allow-Origin'", "if (ALLOWED.includes(req.headers.origin)) res.setHeader('Access-Control-Allow-Origin'");
    assert.deepEqual(scan('c.js', ai + checked).map((r) => r[0]), ['egress.sdk']);
    const cors = "import cors from 'cors';\napp.use(cors({ credentials: true, origin: (origin, cb) => cb(null, true) }));\n";
    assert.deepEqual(scan('d.js', ai + cors).map((r) => r.slice(0, 2)), [['egress.sdk', 2], ['cors.reflected-origin-ai', 4]]);
    assert.deepEqual(scan('e.js', ai + cors.replace('(origin, cb) => cb(null, true)', "['https://shop.example']")).map((r) => r[0]), ['egress.sdk']);
  });
});

describe('egress: Python', () => {
  it('ties endpoints in f-strings and module constants to requests and httpx clients', () => {
    const py = "import requests\nBASE = 'https://api.perplexity.ai'\n\ndef ask(order):\n    return requests.post(f'{BASE}/chat/completions', json={})\n";
    assert.deepEqual(scan('a.py', py), [['egress.host-literal', 2, 'perplexity', 'requests']]);
    const httpx = "import httpx\n\nasync def go(customer):\n    async with httpx.AsyncClient() as client:\n        await client.post('https://api.mistral.ai/v1/chat/completions')\n";
    assert.deepEqual(scan('b.py', httpx), [['egress.host-literal', 5, 'mistral', 'httpx']]);
  });

  it('finds SDK clients and module-level calls, honouring base_url and api_base', () => {
    assert.deepEqual(scan('c.py', 'from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(base_url="https://api.groq.com/openai/v1")\n'),
      [['egress.sdk', 2, 'groq', 'langchain-openai']]);
    assert.deepEqual(scan('d.py', 'import google.generativeai as genai\nmodel = genai.GenerativeModel("gemini-1.5-pro")\n'),
      [['egress.sdk', 2, 'google-gemini', 'google.generativeai']]);
    assert.deepEqual(scan('e.py', "import openai\nopenai.api_base = 'http://localhost:8080/v1'\nr = openai.ChatCompletion.create(model='x')\n"), []);
    assert.deepEqual(scan('f.py', "import openai\nr = openai.ChatCompletion.create(model='x')\n"), [['egress.sdk', 2, 'openai', 'openai']]);
  });

  it('ignores docstrings and comments', () => {
    assert.deepEqual(scan('g.py', '"""Calls https://api.openai.com/v1 in production."""\n# requests.post("https://api.openai.com/v1")\ndef f():\n    """https://api.anthropic.com"""\n'), []);
  });

  it('reports Starlette CORS with wildcard origins and credentials in files that call AI', () => {
    const py = "from openai import OpenAI\nclient = OpenAI()\napp.add_middleware(CORSMiddleware, allow_origins=['*'], allow_credentials=True)\n";
    assert.deepEqual(scan('h.py', py).map((r) => r.slice(0, 2)), [['egress.sdk', 2], ['cors.reflected-origin-ai', 3]]);
  });
});

describe('egress: Apex', () => {
  const facts: ProjectFacts = {
    namedCredentials: new Map([['OpenAI_NC', 'https://api.openai.com'], ['ERP', 'https://erp.example.com']]),
    externalCredentials: new Map(),
  };

  it('resolves callout:NAME through the Named Credentials, case-insensitively', () => {
    const apex = "public class A {\n  public static void go(Id id) {\n    Lead l = [SELECT Name FROM Lead WHERE Id = :id];\n" +
      "    HttpRequest r = new HttpRequest();\n    r.setEndpoint('callout:openai_nc/v1/responses');\n  }\n}";
    assert.deepEqual(scan('classes/A.cls', apex, facts), [['egress.apex-callout', 5, 'openai', 'HttpRequest']]);
    assert.deepEqual(egressRules.scan(fileOf('classes/A.cls', apex), facts)[0]?.properties?.data, ['Lead']);
    assert.deepEqual(scan('classes/A.cls', apex), []);
    assert.deepEqual(scan('classes/B.cls', apex.replace('openai_nc', 'ERP'), facts), []);
  });

  it('finds direct endpoints in triggers and ignores them in comments', () => {
    const trigger = "trigger T on Account (after update) {\n  // req.setEndpoint('https://api.openai.com/v1');\n  HttpRequest req = new HttpRequest();\n" +
      "  req.setEndpoint('https://api.cohere.ai/v1/chat');\n}";
    assert.deepEqual(scan('triggers/T.trigger', trigger), [['egress.host-literal', 4, 'cohere', 'HttpRequest']]);
  });
});

describe('egress: robustness', () => {
  const extensions = ['php', 'js', 'ts', 'tsx', 'py', 'cls', 'trigger'];
  const rules = [egressRules, wordpressRules, salesforceRules];
  const names = ['a.php', 'a.js', 'a.ts', 'a.py', 'A.cls', 'T.trigger', 'X.namedCredential-meta.xml', 'X.remoteSite-meta.xml', 'X.cspTrustedSite-meta.xml'];
  const facts: ProjectFacts = { namedCredentials: new Map([['N', 'https://api.openai.com']]), externalCredentials: new Map([['E', 'https://api.openai.com']]) };

  function scanAll(name: string, text: string): void {
    const file = fileOf(name, text);
    for (const rule of rules) if (rule.applies(file)) rule.scan(file, facts);
  }

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.constantFrom(...names), fc.string({ unit: 'binary', maxLength: 400 }), scanAll), { numRuns: 600 });
  });

  const fragment = fc.constantFrom(
    '<?php ', '?>', '"', "'", '`', '${', '{$', '}', '{', '(', ')', '[', ']', '<<<EOT\n', '\nEOT;', "<<<'X'\n", '\nX;', '/*', '*/', '//', '#', '\n',
    '"""', "f'{", 'r"', '\\', '/', 'https://api.openai.com/v1', 'api.anthropic.com', 'callout:N/x', 'wp_remote_post(', 'fetch(', 'new OpenAI(',
    "import OpenAI from 'openai';", 'OpenAI::client(', 'function f() {', 'def f():\n    ', 'add_action(\'wp_ajax_nopriv_x\', ', 'register_rest_route(',
    "'permission_callback' => '__return_true'", 'Access-Control-Allow-Origin: ', '<url>', '</url>', '<endpointUrl>https://*.openai.com</endpointUrl>',
    '.', '+', ',', ';', '=', '=>', ':', '->', '::', '$order', 'baseURL: ', 'base_url=', ' ',
  );

  it('never throws on code built from adversarial fragments', () => {
    fc.assert(fc.property(fc.constantFrom(...names), fc.array(fragment, { maxLength: 80 }).map((parts) => parts.join('')), scanAll), { numRuns: 1500 });
  });

  it('stays linear on deeply nested interpolation and long inputs', () => {
    for (const extension of extensions) {
      const started = performance.now();
      scanAll(`deep.${extension}`, '`${'.repeat(5000) + '"${'.repeat(5000) + "f'{".repeat(5000) + '('.repeat(20000));
      scanAll(`long.${extension}`, "wp_remote_post('https://api.openai.com/v1'); fetch(x); ".repeat(4000));
      assert.ok(performance.now() - started < 5000, extension);
    }
  });
});
