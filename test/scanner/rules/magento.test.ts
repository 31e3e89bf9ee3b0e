/**
 * The Magento rule: AI key fields in system.xml without the Encrypted backend are reported at their `<field>`;
 * encrypted or obscure fields, non-secret fields (`max_tokens`) and secrets of non-AI integrations are not. The
 * config.xml default key is the keys rule's finding, reported once. Magento 1 layout, include files, CDATA labels
 * and broken XML are covered too.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { keyRules } from '../../../src/scanner/rules/keys.ts';
import { magentoRules } from '../../../src/scanner/rules/magento.ts';
import { parseXml } from '../../../src/scanner/rules/xml.ts';
import { arbitraryFile, fixtureFiles, run, scanFile, scanOne, tuples } from './rule-harness.ts';

const systemXml = (groups: string, section = 'shopai', label = 'AI Assistant'): string =>
  `<?xml version="1.0"?>\n<config>\n  <system>\n    <section id="${section}">\n      <label>${label}</label>\n${groups}\n    </section>\n  </system>\n</config>\n`;

describe('Magento module fixture', () => {
  // The module's PHP code is another fixture's concern (egress); these rules are asserted over its etc/ tree.
  const etc = (): ReturnType<typeof fixtureFiles> => fixtureFiles('magento-module').filter((f) => f.path.startsWith('etc/'));

  it('reports the plain-text OpenAI key field and the config.xml default key, nothing else', () => {
    assert.deepEqual(tuples(run([magentoRules, keyRules], etc())), [
      ['magento.plaintext-ai-key-field', 'etc/adminhtml/system.xml', 17, 17],
      ['keys.hardcoded-ai-key', 'etc/config.xml', 7, 26],
    ]);
  });

  it('names the config path and the missing backend', () => {
    const [finding] = run([magentoRules], etc());
    assert.equal(finding?.properties?.configPath, 'shopai/openai/api_key');
    assert.equal(finding?.properties?.backendModel, 'none');
    assert.match(finding?.message ?? '', /no Encrypted backend model/);
  });
});

describe('system.xml fields', () => {
  it('takes the AI context from the field, its group or its section', () => {
    const byField = systemXml('      <group id="general">\n        <field id="chatgpt_secret" type="text"><label>Secret</label></field>\n      </group>', 'shop', 'Shop');
    assert.deepEqual(scanOne([magentoRules], 'etc/adminhtml/system.xml', byField), [['magento.plaintext-ai-key-field', 'etc/adminhtml/system.xml', 7, 9]]);
    const bySection = systemXml('      <group id="general">\n        <field id="token" type="password"><label>Access token</label></field>\n      </group>', 'llm', 'LLM');
    assert.equal(scanOne([magentoRules], 'app/code/Shop/Llm/etc/adminhtml/system.xml', bySection).length, 1);
  });

  it('accepts custom Encrypted backends and obscure fields; ignores non-secrets and non-AI secrets', () => {
    const fields = [
      '      <group id="openai">',
      '        <field id="api_key" type="text"><backend_model>Shop\\Ai\\Model\\Config\\Backend\\EncryptedKey</backend_model></field>',
      '        <field id="org_secret" type="obscure"><label>Organisation secret</label></field>',
      '        <field id="max_tokens" type="text"><label>Max tokens</label></field>',
      '        <field id="model" type="text"><label>Model</label></field>',
      '      </group>',
    ].join('\n');
    assert.deepEqual(scanOne([magentoRules], 'etc/adminhtml/system.xml', systemXml(fields)), []);
    const mailchimp = systemXml('      <group id="mailchimp">\n        <field id="api_key" type="text"/>\n      </group>', 'newsletter', 'Newsletter');
    assert.deepEqual(scanOne([magentoRules], 'etc/adminhtml/system.xml', mailchimp), []);
  });

  it('reads Magento 1 system.xml, include files and CDATA labels', () => {
    const m1 = [
      '<config><sections><openai_connector translate="label"><label>OpenAI</label><groups><settings>',
      '  <fields>',
      '    <api_key translate="label"><label><![CDATA[API Key]]></label><frontend_type>text</frontend_type></api_key>',
      '    <secret translate="label"><frontend_type>obscure</frontend_type><backend_model>adminhtml/system_config_backend_encrypted</backend_model></secret>',
      '  </fields>',
      '</settings></groups></openai_connector></sections></config>',
    ].join('\n');
    assert.deepEqual(scanOne([magentoRules], 'app/code/local/Shop/Ai/etc/system.xml', m1), [['magento.plaintext-ai-key-field', 'app/code/local/Shop/Ai/etc/system.xml', 3, 5]]);
    const include = '<include>\n  <group id="anthropic">\n    <label>Claude</label>\n    <field id="api_key" type="text"><label>API Key</label></field>\n  </group>\n</include>\n';
    assert.equal(scanOne([magentoRules], 'etc/adminhtml/system/anthropic.xml', include).length, 1);
    assert.equal(magentoRules.applies(scanFile('etc/adminhtml/menu.xml', include)), false);
  });

  it('tolerates broken XML', () => {
    const broken = '<config><section id="ai"><group id="openai"><field id="api_key" type="text"><label>API Key</label><!-- unclosed';
    assert.equal(scanOne([magentoRules], 'etc/adminhtml/system.xml', broken).length, 1);
    assert.equal(parseXml('<a><b></a></b><c x="1"/><![CDATA[').children.length, 2);
  });
});

describe('magento robustness', () => {
  it('never throws on arbitrary files or deeply nested XML', () => {
    fc.assert(
      fc.property(arbitraryFile, ({ content }) => {
        const file = scanFile('etc/adminhtml/system.xml', content);
        if (magentoRules.applies(file)) magentoRules.scan(file);
      }),
      { numRuns: 300 },
    );
    const deep = `${'<group id="ai">'.repeat(20000)}<field id="api_key"/>`;
    assert.doesNotThrow(() => scanOne([magentoRules], 'etc/adminhtml/system.xml', deep));
  });
});
