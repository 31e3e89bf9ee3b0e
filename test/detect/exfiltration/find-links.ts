/**
 * Test helpers for the link finder: each reported span shown as the source text it covers, so that the tests
 * read as the markdown and HTML they are about rather than as offsets.
 */
import assert from 'node:assert/strict';
import { findLinks, type LinkKind } from '../../../src/detect/exfiltration/links.ts';

export interface Seen {
  readonly kind: LinkKind;
  readonly source: string;
  readonly text: string;
  readonly urls: readonly string[];
}

/** What findLinks reports, with each span shown as the source text it covers. */
export function seen(text: string): Seen[] {
  return findLinks(text).map((span) => {
    assert.equal(span.url, span.urls[0], 'url is the first of urls');
    return { kind: span.kind, source: text.slice(span.start, span.end), text: span.text, urls: span.urls };
  });
}

export function only(text: string): Seen {
  const all = seen(text);
  assert.equal(all.length, 1, `one span expected in ${JSON.stringify(text)}, got ${JSON.stringify(all)}`);
  return all[0] as Seen;
}
