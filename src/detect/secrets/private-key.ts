/**
 * Private key blocks: PEM and OpenSSH (`-----BEGIN … PRIVATE KEY-----` to the matching END line, markers
 * included), the same with line breaks escaped as `\n` inside JSON strings (a GCP service-account file), a block
 * cut off before its END line (up to where the base64 stops), and PuTTY `.ppk` files. A block must carry real key
 * material: a BEGIN line around "..." or "<your key here>" is documentation, not a key.
 */
import type { Detector, RawFinding } from '../types.ts';
import { finding } from './shared.ts';

const DETECTOR_ID = 'secret.private-key';
const SCORE = 0.99;
/** An 8192-bit RSA key is about 6.5 KB of PEM; PGP blocks can be larger. */
const MAX_BLOCK = 16_384;
/** Key material has long unbroken base64 runs (64 or 70 characters a line). */
const MIN_RUN = 32;

const BEGIN = /-{3,5} ?BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)? ?-{3,5}/g;
const END_LINE = /-{3,5} ?END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)? ?-{3,5}/g;
const PUTTY = /PuTTY-User-Key-File-[0-9]: /g;
const PUTTY_MAC = /Private-MAC: [0-9a-f]{20,}/g;
const BASE64_RUN = /[A-Za-z0-9+/=]{32,}/;
/** `Proc-Type: 4,ENCRYPTED` and `DEK-Info: …` headers of legacy encrypted PEM. */
const HEADER_LINE = /[A-Za-z-]{3,20}: [^\n\\]{1,80}/y;

function isBase64Char(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61;
}

/** Skips whitespace and escaped line breaks (`\n`, `\r`, `\t`, also double-escaped `\\n`). */
function skipBreaks(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 92 && /^\\{1,2}[nrt]/.test(text.slice(i, i + 3))) i += text.charCodeAt(i + 1) === 92 ? 3 : 2;
    else return i;
  }
}

/**
 * End of the base64 body of a block with no END line: whole base64 lines, then at most one short final line
 * that looks like base64 (digits, `+`, `/` or padding), stopping at the first line of anything else.
 */
function truncatedBodyEnd(text: string, from: number): number {
  let i = from;
  let end = from;
  let material = 0;
  const limit = Math.min(text.length, from + MAX_BLOCK);
  while (i < limit) {
    const j = skipBreaks(text, i);
    if (material === 0) {
      HEADER_LINE.lastIndex = j;
      if (HEADER_LINE.test(text)) {
        i = HEADER_LINE.lastIndex;
        continue;
      }
    }
    let k = j;
    while (k < limit && isBase64Char(text.charCodeAt(k))) k++;
    if (k === j) break;
    const segment = text.slice(j, k);
    if (segment.length >= 20) {
      material += segment.length;
      end = k;
      i = k;
      continue;
    }
    if (material > 0 && /[0-9+/=]/.test(segment)) end = k;
    break;
  }
  return material >= MIN_RUN ? end : -1;
}

/**
 * The next match of `pattern` at or after `from`. One search serves every start before the match it found, so
 * text with many BEGIN (or PuTTY header) lines and no END (or MAC) line is still scanned once.
 */
function nextFinder(text: string, pattern: RegExp): (from: number) => RegExpExecArray | null {
  let last: RegExpExecArray | null | undefined;
  return (from) => {
    if (last === null || (last !== undefined && last.index >= from)) return last;
    pattern.lastIndex = from;
    last = pattern.exec(text);
    return last;
  };
}

function pemBlocks(text: string, out: RawFinding[]): void {
  const nextEnd = nextFinder(text, END_LINE);
  BEGIN.lastIndex = 0;
  for (let m = BEGIN.exec(text); m !== null; m = BEGIN.exec(text)) {
    const bodyStart = m.index + m[0].length;
    const nextBegin = text.indexOf('BEGIN ', bodyStart);
    const end = nextEnd(bodyStart);
    const closed = end !== null && end.index - bodyStart <= MAX_BLOCK && (nextBegin === -1 || end.index < nextBegin);
    if (closed) {
      if (BASE64_RUN.test(text.slice(bodyStart, end.index))) {
        out.push(finding('PRIVATE_KEY', m.index, end.index + end[0].length, SCORE, DETECTOR_ID));
      }
      BEGIN.lastIndex = end.index + end[0].length;
      continue;
    }
    const bodyEnd = truncatedBodyEnd(text, bodyStart);
    if (bodyEnd > bodyStart) {
      out.push(finding('PRIVATE_KEY', m.index, bodyEnd, SCORE, DETECTOR_ID));
      BEGIN.lastIndex = bodyEnd;
    }
  }
}

function puttyKeys(text: string, out: RawFinding[]): void {
  const nextMac = nextFinder(text, PUTTY_MAC);
  PUTTY.lastIndex = 0;
  for (let m = PUTTY.exec(text); m !== null; m = PUTTY.exec(text)) {
    const mac = nextMac(m.index);
    if (mac === null) return;
    if (mac.index - m.index > MAX_BLOCK) continue;
    const end = mac.index + mac[0].length;
    out.push(finding('PRIVATE_KEY', m.index, end, SCORE, DETECTOR_ID));
    PUTTY.lastIndex = end;
  }
}

export const privateKeyDetector: Detector = {
  id: DETECTOR_ID,
  types: ['PRIVATE_KEY'],
  detect(text: string): RawFinding[] {
    const out: RawFinding[] = [];
    if (text.includes('PRIVATE KEY')) pemBlocks(text, out);
    if (text.includes('PuTTY-User-Key-File-')) puttyKeys(text, out);
    return out;
  },
};
