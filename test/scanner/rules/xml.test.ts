/**
 * The rules' one XML element reader (src/scanner/rules/xml.ts), as the Salesforce and Magento rules use it:
 * attributes, decoded leaf text and where it starts, CDATA, skipped comments and declarations, and malformed or
 * hostile input (stray and missing end tags, unterminated markup, deep nesting, thousands of `<`) read in one pass.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { childrenNamed, childText, parseXml } from '../../../src/scanner/rules/xml.ts';

describe('parseXml', () => {
  it('reads elements, attributes and decoded leaf text with its offset', () => {
    const text = '<?xml version="1.0"?>\n<!DOCTYPE x>\n<field id="api_key" label=\'A &amp; B\'>\n' +
      '  <label>  Key &lt;1&gt; &#x41;&#66;</label>\n  <x><![CDATA[raw <b>]]></x>\n  <!-- <label>no</label> -->\n  <empty/>\n</field>';
    const root = parseXml(text).children[0];
    assert.ok(root);
    assert.deepEqual([root.name, [...root.attributes]], ['field', [['id', 'api_key'], ['label', 'A & B']]]);
    assert.deepEqual(root.children.map((c) => [c.name, c.text]), [['label', 'Key <1> AB'], ['x', 'raw <b>'], ['empty', '']]);
    assert.equal(root.text, '');
    const label = childrenNamed(root, 'label')[0];
    assert.equal(label?.textOffset, text.indexOf('Key'));
    assert.equal(label?.offset, text.indexOf('<label>'));
    assert.equal(childText(root, 'missing'), undefined);
  });

  it('survives malformed input', () => {
    assert.deepEqual(parseXml('<a><b></a></b><c x="1"/><![CDATA[').children.map((c) => c.name), ['a', 'c']);
    assert.deepEqual(parseXml('<a>1 < 2<b>x</b><!-- open').children[0]?.children.map((c) => [c.name, c.text]), [['b', 'x']]);
    assert.equal(parseXml('<a><b>unclosed').children[0]?.children[0]?.text, '');
    assert.equal(parseXml('').children.length, 0);
  });

  it('flattens deep nesting and stays fast on hostile input', () => {
    let element = parseXml('<g>'.repeat(20000)).children[0];
    let depth = 0;
    while (element !== undefined && element.children.length === 1) {
      element = element.children[0];
      depth++;
    }
    assert.ok(depth < 70, `depth ${depth}`);
    const started = performance.now();
    for (const hostile of ['<a'.repeat(200_000), '<!--'.repeat(200_000), '<a b="'.repeat(100_000)]) parseXml(hostile);
    assert.ok(performance.now() - started < 2000);
  });
});
