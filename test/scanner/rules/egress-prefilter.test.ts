/**
 * Tests for the egress prefilter (rules/egress/prefilter.ts): it must never change results. Every file it rejects,
 * analysed without it, has no egress site and so no egress, CORS or WordPress finding: over every fixture file, a
 * generated shop tree (the benchmark's generator), and snippets made from the provider table itself (every host
 * pattern and every SDK entry, in each language, plain and with escape sequences). Also that its literals come from
 * the tables and that it rejects ordinary code.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { generateScanTree } from '../../../bench/lib/scan-tree.ts';
import { analyzeEgress } from '../../../src/scanner/rules/egress/analyze.ts';
import { EGRESS_LITERALS, mayHaveEgress } from '../../../src/scanner/rules/egress/prefilter.ts';
import { languageOf } from '../../../src/scanner/rules/egress/tokens.ts';
import { AI_PROVIDERS, AI_SDKS } from '../../../src/scanner/rules/providers.ts';
import { collectSalesforceFacts } from '../../../src/scanner/rules/salesforce.ts';
import { wordpressRules } from '../../../src/scanner/rules/wordpress.ts';
import type { ProjectFacts, ScanFile } from '../../../src/scanner/types.ts';
import { fixtureFiles, SCAN_FIXTURES, scanFile } from './rule-harness.ts';

interface Tally {
  analysed: number;
  rejected: number;
  withSites: number;
}

/** Asserts the prefilter's soundness on each source file; returns how many it saw, rejected, and had sites. */
function checkSound(files: readonly ScanFile[], facts: ProjectFacts | undefined): Tally {
  const tally: Tally = { analysed: 0, rejected: 0, withSites: 0 };
  for (const file of files) {
    if (file.text === null || languageOf(file.extension) === null) continue;
    tally.analysed += 1;
    const full = analyzeEgress(file, facts, { prefilter: false });
    const sites = full?.sites.length ?? 0;
    if (sites > 0) tally.withSites += 1;
    if (mayHaveEgress(file.text)) continue;
    tally.rejected += 1;
    assert.equal(sites, 0, `${file.path}: rejected by the prefilter but has ${sites} egress site(s)`);
    assert.deepEqual(full?.findings ?? [], [], `${file.path}: rejected by the prefilter but has findings`);
    assert.equal(analyzeEgress(file, facts), null, `${file.path}: rejected, so not analysed`);
    assert.deepEqual(wordpressRules.applies(file) ? wordpressRules.scan(file, facts) : [], [], `${file.path}: WordPress findings`);
  }
  return tally;
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

describe('egress prefilter', () => {
  it('derives its literals from the provider table and SDK list', () => {
    for (const literal of ['openai', 'anthropic', 'bedrock', 'aiplatform', 'callout:', 'huggingface', 'orhanerday', 'genai']) {
      assert.ok(EGRESS_LITERALS.includes(literal), literal);
    }
    assert.ok(EGRESS_LITERALS.every((literal) => literal.length >= 3 && literal === literal.toLowerCase()));
    for (const provider of AI_PROVIDERS) {
      for (const pattern of provider.hosts) {
        const example = pattern.split('/')[0]?.replaceAll('*', 'x') ?? '';
        assert.ok(mayHaveEgress(`u = "https://${example}/v1"`), pattern);
        assert.ok(mayHaveEgress(`u = "https://${example.toUpperCase()}/v1"`), `${pattern} upper-case`);
      }
    }
  });

  it('rejects ordinary shop code and accepts escaped provider names', () => {
    assert.equal(mayHaveEgress('<?php\nfunction get_order_total($order) { return wp_remote_get("https://api.example.com/orders"); }\n'), false);
    assert.equal(mayHaveEgress('const r = await fetch(`https://shop.example/api/cart`);'), false);
    assert.ok(mayHaveEgress('fetch("https://api.open\\x61i.com/v1/chat/completions")'));
    assert.ok(mayHaveEgress('fetch("https://api.open\\u0061i.com/v1/chat/completions")'));
    assert.ok(mayHaveEgress('fetch("https://api.open\\u{61}i.com/v1/chat/completions")'));
    assert.ok(mayHaveEgress('fetch("https://api.anth\\ropic.com/v1/messages")'));
  });

  it('never rejects a fixture file that has an egress site', () => {
    const total: Tally = { analysed: 0, rejected: 0, withSites: 0 };
    for (const fixture of readdirSync(SCAN_FIXTURES).sort()) {
      if (!statSync(join(SCAN_FIXTURES, fixture)).isDirectory()) continue;
      const files = fixtureFiles(fixture);
      const tally = checkSound(files, collectSalesforceFacts(files));
      total.analysed += tally.analysed;
      total.rejected += tally.rejected;
      total.withSites += tally.withSites;
    }
    assert.ok(total.withSites > 10, `fixtures have egress sites (${total.withSites})`);
    assert.ok(total.rejected > 0, `the prefilter rejects some fixture files (${total.rejected})`);
  });

  describe('on a generated shop tree', () => {
    const root = mkdtempSync(join(tmpdir(), 'airlock-prefilter-'));
    after(() => rmSync(root, { recursive: true, force: true }));

    it('never rejects a generated file that has an egress site', () => {
      generateScanTree(root, { files: 2_500, seed: 4_242 });
      const files = [...walk(root)].map((abs) => scanFile(relative(root, abs).split('\\').join('/'), readFileSync(abs)));
      const tally = checkSound(files, collectSalesforceFacts(files));
      assert.ok(tally.withSites > 0, `the tree has egress sites (${tally.withSites})`);
      assert.ok(tally.rejected > tally.analysed * 0.9, `most files are rejected (${tally.rejected} of ${tally.analysed})`);
    });
  });

  it('never rejects a snippet made from the tables that has an egress site', () => {
    const files: ScanFile[] = [];
    const add = (path: string, text: string): void => {
      files.push(scanFile(path, text));
      // The same with every letter of the provider names spelt as an escape where the language decodes them.
      files.push(scanFile(path.replace(/(\.\w+)$/, '-escaped$1'), text.replace(/(["'])(https?:\/\/)([a-z]+)/g, (_m, q: string, s: string, w: string) =>
        `${q}${s}${[...w].map((c) => `\\x${c.charCodeAt(0).toString(16)}`).join('')}`)));
    };
    AI_PROVIDERS.forEach((provider, n) => {
      provider.hosts.forEach((pattern, m) => {
        const [host = '', ...path] = pattern.replaceAll('*', 'eu1').split('/');
        const url = `https://${host}/${path.join('/')}v1/chat`;
        add(`p${n}-${m}.php`, `<?php\n$r = wp_remote_post('${url}', ['body' => $order]);\n`);
        add(`p${n}-${m}.js`, `const r = await fetch("${url}", { method: 'POST' });\n`);
        add(`p${n}-${m}.py`, `import requests\nr = requests.post("${url}", json=data)\n`);
        add(`p${n}-${m}.cls`, `public class C { void f() { HttpRequest req = new HttpRequest(); req.setEndpoint('${url}'); new Http().send(req); } }\n`);
      });
    });
    AI_SDKS.forEach((entry, n) => {
      entry.calls.forEach((call, m) => {
        const name = `s${n}-${m}`;
        if (entry.language === 'js') {
          const head = call.split('.')[0] ?? call;
          const use = call === 'default' ? `import Client from '${entry.module}';\nconst c = new Client();\n`
            : `import { ${head} } from '${entry.module}';\nconst c = new ${call}();\n`;
          add(`${name}.ts`, use);
          add(`${name}-require.js`, `const sdk = require('${entry.module}');\nconst c = new sdk.${call === 'default' ? 'default' : call}();\n`);
        } else if (entry.language === 'python') {
          add(`${name}.py`, `import ${entry.module}\nc = ${entry.module}.${call}()\n`);
          const dot = entry.module.lastIndexOf('.');
          if (dot > 0) add(`${name}-from.py`, `from ${entry.module.slice(0, dot)} import ${entry.module.slice(dot + 1)}\nc = ${entry.module.slice(dot + 1)}.${call}()\n`);
        } else {
          const last = entry.module.split('\\').at(-1) ?? entry.module;
          const use = call === 'new' ? `$c = new ${last}();` : `$c = ${last}::${call}();`;
          add(`${name}.php`, `<?php\nuse ${entry.module};\n${use}\n`);
          const ns = entry.module.split('\\').slice(0, -1).join('\\');
          if (ns !== '') add(`${name}-ns.php`, `<?php\nnamespace ${ns};\n${use}\n`);
        }
      });
    });
    const facts: ProjectFacts = {
      namedCredentials: new Map([['OpenAI_NC', 'https://api.openai.com'], ['Claude', 'https://api.anthropic.com']]),
      externalCredentials: new Map(),
    };
    files.push(scanFile('callout.cls', `public class C { void f() { HttpRequest r = new HttpRequest(); r.setEndpoint('callout:OpenAI_NC/v1'); new Http().send(r); } }\n`));
    files.push(scanFile('callout-escaped.cls', `public class C { void f() { HttpRequest r = new HttpRequest(); r.setEndpoint('\\u0063allout:Claude/v1'); new Http().send(r); } }\n`));
    const tally = checkSound(files, facts);
    assert.ok(tally.withSites > files.length / 2, `most snippets have egress sites (${tally.withSites} of ${files.length})`);
  });
});
