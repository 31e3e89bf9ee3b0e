/**
 * The values of a JSON record: which strings are values, their paths and fields, tool-call arguments walked as
 * JSON and written back as JSON, inline images skipped, keys that may be data hidden, sensitive fields whole,
 * and numbers written back exactly as read.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDetectionEngine } from '../../src/detect/engine.ts';
import { parseExact, serialize } from '../../src/dataset/json.ts';
import { recordValues } from '../../src/dataset/walk.ts';

const engine = createDetectionEngine();

function values(record: object, eng = engine) {
  const root = structuredClone(record) as Record<string, unknown>;
  const v = recordValues(root, eng);
  return { root, ...v, summary: v.units.map((u) => [u.path, u.field, u.label, u.text]) };
}

describe('recordValues', () => {
  it('takes chat messages by role, skipping their schema strings and inline images', () => {
    const { shape, summary } = values({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', name: 'anna', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }, { type: 'text', text: 'Hello' }] },
        { role: 'narrator', content: 'odd role' },
      ],
      tools: [{ type: 'function', function: { name: 'refund', description: 'Refunds' } }],
    });
    assert.equal(shape, 'chat');
    assert.deepEqual(summary, [
      ['messages[0].content', 'messages[system].content', 'content', 'Be brief.'],
      ['messages[1].name', 'messages[user].name', 'name', 'anna'],
      ['messages[1].content[1].text', 'messages[user].content[].text', 'text', 'Hello'],
      ['messages[2].content', 'messages[].content', 'content', 'odd role'],
      ['tools[0].type', 'tools[].type', 'type', 'function'],
      ['tools[0].function.name', 'tools[].function.name', 'name', 'refund'],
      ['tools[0].function.description', 'tools[].function.description', 'description', 'Refunds'],
    ]);
  });

  it('walks tool-call arguments and tool results as JSON and writes them back as JSON', () => {
    const walked = values({
      messages: [
        { role: 'assistant', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{"to": {"email": "a@b.de"}, "n": 1.50}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: 'not json, plain text' },
      ],
    });
    assert.deepEqual(walked.units.map((u) => u.path), ['messages[0].tool_calls[0].function.name', 'messages[0].tool_calls[0].function.arguments.to.email', 'messages[1].content']);
    walked.units[1]?.write('[EMAIL]');
    walked.settle();
    const messages = walked.root.messages as { tool_calls?: { function: { arguments: string } }[] }[];
    assert.equal(messages[0]?.tool_calls?.[0]?.function.arguments, '{"to":{"email":"[EMAIL]"},"n":1.50}');
  });

  it('shows keys that may be data as *, and keeps prompt/completion and other objects apart', () => {
    assert.deepEqual(values({ prompt: 'p', completion: 'c' }).shape, 'prompt-completion');
    const other = values({ 'anna@example.de': { 'x y': 'v', ok: ['w'] }, n: 5, b: true, e: '' });
    assert.equal(other.shape, 'other');
    assert.deepEqual(other.summary.map(([path, field]) => [path, field]), [['*.*', '*.*'], ['*.ok[0]', '*.ok[]']]);
  });

  it('makes a sensitive field one value, whatever it holds', () => {
    const business = createDetectionEngine({ business: { jsonFields: ['margin'] } });
    const { units } = values({ deal: { margin: { net: 0.3 }, note: 'hi' } }, business);
    assert.deepEqual(units.map((u) => [u.path, u.text, u.sensitive]), [['deal.margin', '{"net":0.3}', true], ['deal.note', 'hi', false]]);
  });
});

describe('parseExact', () => {
  it('writes numbers back exactly as they were written', () => {
    const text = '{"id":12345678901234567890,"w":1.50,"e":1e3,"n":-0,"plain":42}';
    assert.equal(serialize(parseExact(text)), text);
  });
});
