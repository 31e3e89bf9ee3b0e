/**
 * Spans from a redacted text, for peers that only return the text with each finding replaced by a fixed token
 * (redact-pii prints `EMAIL_ADDRESS`, `PHONE_NUMBER`, ...). Walk the original and the redacted text together:
 * equal characters are copied text; where the redacted text has a token the original does not, the token stands
 * for the original from here up to the next anchor, the literal text between this token and the next one (or
 * the end). Where that anchor occurs more than once, the earliest occurrence that lets the rest of both strings
 * align is taken (bounded backtracking), so the result always reproduces the redacted text exactly or is null.
 * Tokens with nothing between them cannot be told apart and become one span. Offsets are UTF-16, like the gold.
 */

export interface TokenSpan {
  /** The token(s) that replaced original[start, end); several when they were adjacent. */
  readonly tokens: readonly string[];
  readonly start: number;
  readonly end: number;
}

/** Anchor occurrences tried over a whole text before giving up; real redactions need one per token. */
const MAX_TRIES = 10_000;

interface Walk {
  readonly original: string;
  readonly redacted: string;
  /** Sticky: matches a token exactly at lastIndex. */
  readonly tokenAt: RegExp;
  /** Global: finds the next token at or after lastIndex. */
  readonly nextToken: RegExp;
  readonly spans: TokenSpan[];
  tries: number;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Spans of `original` that `redacted` replaced by one of `tokens`, or null when no alignment explains it. */
export function alignRedaction(original: string, redacted: string, tokens: readonly string[]): TokenSpan[] | null {
  if (original === redacted) return [];
  // Longest first, so a token that is a prefix of another never wins over it.
  const source = [...new Set(tokens)].sort((a, b) => b.length - a.length).map(escape).join('|');
  const walk: Walk = {
    original,
    redacted,
    tokenAt: new RegExp(source, 'y'),
    nextToken: new RegExp(source, 'g'),
    spans: [],
    tries: 0,
  };
  try {
    return copyFrom(walk, 0, 0) ? walk.spans : null;
  } catch (err) {
    // The walk recurses once per token; a text with thousands of them is reported as unaligned, not a crash.
    if (err instanceof RangeError) return null;
    throw err;
  }
}

function tokenAt(walk: Walk, at: number): string | null {
  walk.tokenAt.lastIndex = at;
  return walk.tokenAt.exec(walk.redacted)?.[0] ?? null;
}

/** Copies equal characters from original[i] / redacted[j] on until a token, then hands over to replaceAt. */
function copyFrom(walk: Walk, i: number, j: number): boolean {
  const { original, redacted } = walk;
  while (j < redacted.length) {
    const token = tokenAt(walk, j);
    // A token the original also has here is the original's own text, not a replacement.
    if (token !== null && !original.startsWith(token, i)) return replaceAt(walk, i, j);
    if (i >= original.length || original.charCodeAt(i) !== redacted.charCodeAt(j)) return false;
    i++;
    j++;
  }
  return i === original.length;
}

/** redacted[j] starts a token: find where the original text it replaced ends, trying anchor occurrences in order. */
function replaceAt(walk: Walk, i: number, j: number): boolean {
  const { original, redacted, spans } = walk;
  const tokens: string[] = [];
  let k = j;
  for (let t = tokenAt(walk, k); t !== null; t = tokenAt(walk, k)) {
    tokens.push(t);
    k += t.length;
  }
  if (k === redacted.length) {
    if (i >= original.length) return false;
    spans.push({ tokens, start: i, end: original.length });
    return true;
  }
  walk.nextToken.lastIndex = k;
  const anchorEnd = walk.nextToken.exec(redacted)?.index ?? redacted.length;
  const anchor = redacted.slice(k, anchorEnd);
  // A replacement covers at least one character, so the anchor starts after i.
  for (let at = original.indexOf(anchor, i + 1); at !== -1; at = original.indexOf(anchor, at + 1)) {
    if (++walk.tries > MAX_TRIES) return false;
    const mark = spans.length;
    spans.push({ tokens, start: i, end: at });
    if (copyFrom(walk, at, k)) return true;
    spans.length = mark;
  }
  return false;
}
