import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChunkBatch } from '../../src/backends/types.ts';
import { ReplyStopped, mapReplyTexts, mapStreamTexts, stopReplyBody, type TextStream } from '../../src/transform/reply-text.ts';

const envelope = { id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm' };
const delta = (content: string, index = 0, finish: string | null = null) => ({ ...envelope, choices: [{ index, delta: { content }, finish_reason: finish }] });

async function* batches(...list: ChunkBatch[]): AsyncGenerator<ChunkBatch> {
  for (const batch of list) yield await Promise.resolve(batch);
}

async function collect(stream: AsyncIterable<ChunkBatch>): Promise<ChunkBatch[]> {
  const out: ChunkBatch[] = [];
  for await (const batch of stream) out.push(batch);
  return out;
}

/** Holds everything until flush; stops the reply when it sees STOP. */
function holdingStream(): TextStream {
  let held = '';
  return {
    push(text) {
      if (text.includes('STOP')) throw new ReplyStopped('canary');
      held += text;
      return '';
    },
    flush() {
      const rest = held;
      held = '';
      return rest;
    },
  };
}

describe('reply text fields', () => {
  it('maps content, reasoning, tool arguments and legacy text of a JSON reply with their modes', () => {
    const body = {
      choices: [
        { index: 0, message: { role: 'assistant', content: 'a', reasoning_content: 'b', tool_calls: [{ index: 0, function: { name: 'f', arguments: '{}' } }] } },
        { index: 1, text: 'c' },
      ],
    };
    const seen: string[] = [];
    mapReplyTexts(body, (text, mode) => {
      seen.push(`${text}:${mode}`);
      return text.toUpperCase();
    });
    assert.deepEqual(seen, ['a:text', 'b:text', '{}:json', 'c:text']);
    assert.equal(body.choices[0]?.message?.content, 'A');
  });

  it('releases held text in the chunk that carries finish_reason', async () => {
    const out = await collect(mapStreamTexts(batches([delta('Hel')], [delta('lo')], [delta('', 0, 'stop')]), () => holdingStream()));
    assert.deepEqual(out.map((b) => b.map((c) => (c.choices as { delta: { content: string } }[])[0]?.delta.content)), [[''], [''], ['Hello']]);
  });

  it('stops a stream with content_filter for every unfinished choice and releases the upstream', async () => {
    let released = false;
    async function* upstream(): AsyncGenerator<ChunkBatch> {
      try {
        yield await Promise.resolve([delta('fine', 0), delta('also fine', 1)]);
        yield [delta('STOP', 0)];
        yield [delta('never', 0)];
      } finally {
        released = true;
      }
    }
    const out = await collect(mapStreamTexts(upstream(), () => holdingStream()));
    const last = out.at(-1)?.[0];
    assert.deepEqual(last?.choices, [
      { index: 0, delta: {}, finish_reason: 'content_filter' },
      { index: 1, delta: {}, finish_reason: 'content_filter' },
    ]);
    assert.equal(out.flat().length, 3, 'the two first chunks and the stop chunk; the held text never went out');
    assert.equal(JSON.stringify(out).includes('fine'), false);
    assert.equal(released, true);
  });

  it('a stopped JSON reply keeps its choices and loses every text', () => {
    const body: Record<string, unknown> = {
      choices: [
        { index: 0, message: { role: 'assistant', content: 'secret', tool_calls: [] }, finish_reason: 'stop' },
        { index: 1, text: 'secret', finish_reason: 'stop' },
      ],
      usage: { total_tokens: 3 },
    };
    stopReplyBody(body);
    assert.deepEqual(body.choices, [
      { index: 0, message: { role: 'assistant', content: null }, finish_reason: 'content_filter' },
      { index: 1, text: '', finish_reason: 'content_filter' },
    ]);
    assert.deepEqual(body.usage, { total_tokens: 3 });
  });
});
