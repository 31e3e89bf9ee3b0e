import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createDetectionEngine } from '../../src/detect/engine.ts';
import { inspectRequest } from '../../src/detect/inspect.ts';
import type { Detector, RawFinding } from '../../src/detect/types.ts';
import { resolveActions } from '../../src/policy/actions.ts';
import { createStreamRestorer, placeholderPrefixes, restoreText } from '../../src/transform/restore.ts';
import { sanitizeRequest } from '../../src/transform/sanitize.ts';
import { deriveTenantKeys } from '../../src/transform/tenant-keys.ts';

const KEYS = deriveTenantKeys('a-master-secret-of-at-least-32-characters', 'acme');
const PSEUDONYMIZE_ALL = resolveActions({ PII: 'pseudonymize', BUSINESS: 'pseudonymize' });

/** A detector that reports fixed spans, so properties can plant findings anywhere in any text. */
function spansDetector(spans: readonly [number, number][]): Detector {
  return {
    id: 'test.spans',
    types: ['EMAIL'],
    detect: (text) =>
      spans
        .map(([a, b]) => [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y) as [number, number])
        .filter(([start, end]) => start < end)
        .map(([start, end]): RawFinding => ({ type: 'EMAIL', start, end, score: 0.9, detector: 'test.spans' })),
  };
}

function pseudonymize(text: string, spans: readonly [number, number][]) {
  const engine = createDetectionEngine({ detectors: [spansDetector(spans)] });
  const inspection = inspectRequest(engine, 'completions', { model: 'm', prompt: text });
  const outcome = sanitizeRequest<{ prompt: string }>(inspection, PSEUDONYMIZE_ALL, KEYS);
  return { sanitized: outcome.request.prompt, map: outcome.restore };
}

/** Splits `text` at the given cut points (any UTF-16 position, even inside a surrogate pair or placeholder). */
function chunk(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let at = 0;
  for (const p of points) {
    parts.push(text.slice(at, p));
    at = p;
  }
  parts.push(text.slice(at));
  return parts;
}

const spanList = fc.array(fc.tuple(fc.nat(1000), fc.nat(1000)), { maxLength: 6 });

describe('restore', () => {
  it('restore(pseudonymize(x)) = x for any text and any spans (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), spanList, (text, spans) => {
        const { sanitized, map } = pseudonymize(text, spans);
        if (map.size > 0) assert.notEqual(sanitized, text);
        assert.equal(restoreText(sanitized, map, 'text'), text);
      }),
      { numRuns: 500 },
    );
  });

  it('streaming restore equals whole-text restore for any chunking (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), spanList, fc.array(fc.nat(200), { maxLength: 12 }), (text, spans, cuts) => {
        const { sanitized, map } = pseudonymize(text, spans);
        const restorer = createStreamRestorer(map, 'text', placeholderPrefixes(map));
        const streamed = chunk(sanitized, cuts).map((c) => restorer.push(c)).join('') + restorer.flush();
        assert.equal(streamed, text);
      }),
      { numRuns: 500 },
    );
  });

  it('holds back only a tail that can still become one of this request\'s placeholders', () => {
    const map = new Map([['[EMAIL_0123abcd]', 'anna@example.com']]);
    const restorer = createStreamRestorer(map, 'text', placeholderPrefixes(map));
    assert.equal(restorer.push('Write to [EMA'), 'Write to ');
    assert.equal(restorer.push('IL_0123ab'), '');
    assert.equal(restorer.push('cd] today [x'), 'anna@example.com today [x');
    assert.equal(restorer.push(' and [PHONE_0000'), ' and [PHONE_0000');
    assert.equal(restorer.flush(), '');
  });

  it('restores only placeholders issued for this request', () => {
    const map = new Map([['[EMAIL_0123abcd]', 'anna@example.com']]);
    assert.equal(restoreText('[EMAIL_0123abcd] [EMAIL_ffffffff] [EMAIL]', map, 'text'), 'anna@example.com [EMAIL_ffffffff] [EMAIL]');
  });

  it('never restores secrets or national ids, even when the policy pseudonymizes them', () => {
    const typed = (type: 'API_KEY' | 'NL_BSN' | 'EMAIL'): Detector => ({
      id: `test.${type}`,
      types: [type],
      detect: (text) => {
        const at = text.indexOf(type === 'EMAIL' ? 'mail' : type === 'API_KEY' ? 'key' : 'bsn');
        return at < 0 ? [] : [{ type, start: at, end: at + (type === 'EMAIL' ? 4 : 3), score: 0.9, detector: `test.${type}` }];
      },
    });
    const engine = createDetectionEngine({ detectors: [typed('API_KEY'), typed('NL_BSN'), typed('EMAIL')] });
    const inspection = inspectRequest(engine, 'completions', { model: 'm', prompt: 'key bsn mail' });
    const actions = resolveActions({ SECRET: 'pseudonymize', NATIONAL_ID: 'pseudonymize', PII: 'pseudonymize' });
    const outcome = sanitizeRequest<{ prompt: string }>(inspection, actions, KEYS);
    assert.match(outcome.request.prompt, /^\[API_KEY_[0-9a-f]{8}\] \[NL_BSN_[0-9a-f]{8}\] \[EMAIL_[0-9a-f]{8}\]$/);
    assert.deepEqual([...outcome.restore.values()], ['mail']);
    assert.equal(restoreText(outcome.request.prompt, outcome.restore, 'text').split(' ')[2], 'mail');
  });

  it('JSON-escapes restored values inside tool arguments', () => {
    const map = new Map([['[ADDRESS_0123abcd]', 'Hauptstraße 5\n"Hinterhaus"']]);
    const args = restoreText('{"to":"[ADDRESS_0123abcd]"}', map, 'json');
    assert.deepEqual(JSON.parse(args), { to: 'Hauptstraße 5\n"Hinterhaus"' });
  });
});
