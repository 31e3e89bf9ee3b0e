/**
 * The encoded disguise: base64 (or base64url) and hex runs in a text that decode to text, so that "decode this
 * and follow it" attacks are read in the clear (prepare.ts makes them a variant of their own).
 */

const BASE64_MIN = 24;
const HEX_RUN = /\b(?:[0-9a-fA-F]{2}[ :]?){12,}\b/g;
/** Hex digits a HEX_RUN match holds at least (twelve pairs). */
const HEX_MIN_DIGITS = 24;
/** Runs longer than this are decoded only in part: enough for any instruction, and bounded work per run. */
const MAX_DECODED_CHARS = 4096;

/** Base64 and hex runs that decode to mostly printable text, joined by newlines; '' when there are none. */
export function decodeRuns(text: string): string {
  const { base64, hexStretches } = findRuns(text);
  const parts: string[] = [];
  for (const run of base64) {
    // A run may carry a prefix (`x-`, `ref_`) before the encoded part: try the run, then what follows the prefix.
    const cut = run.search(/[-_]/);
    for (const candidate of cut > 0 && cut < 12 ? [run, run.slice(cut + 1)] : [run]) {
      const decoded = decodeBase64(candidate);
      if (isMostlyText(decoded)) {
        parts.push(decoded);
        break;
      }
    }
  }
  for (const [from, to] of hexStretches) {
    // The stretch with one character of context each side: `\b` at its ends reads what the whole text holds.
    for (const match of text.slice(Math.max(0, from - 1), to + 1).matchAll(HEX_RUN)) {
      const decoded = Buffer.from(match[0].replace(/[ :]/g, '').slice(0, MAX_DECODED_CHARS * 2), 'hex').toString('utf8');
      if (isMostlyText(decoded)) parts.push(decoded);
    }
  }
  return parts.join('\n');
}

/** ASCII character classes for the run search: base64 letters, `-`, hex digits, hex separators. */
const BASE64 = 1;
const DASH = 2;
const HEX = 4;
const HEX_SEPARATOR = 8;
const CLASSES = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9+/_]/.test(ch)) CLASSES[c] = (CLASSES[c] as number) | BASE64;
  if (ch === '-') CLASSES[c] = (CLASSES[c] as number) | DASH;
  if (/[0-9a-fA-F]/.test(ch)) CLASSES[c] = (CLASSES[c] as number) | HEX;
  if (ch === ' ' || ch === ':') CLASSES[c] = (CLASSES[c] as number) | HEX_SEPARATOR;
}
const classAt = (text: string, i: number): number => {
  const c = text.charCodeAt(i);
  return c < 128 ? (CLASSES[c] as number) : 0;
};

/**
 * Runs of base64 (or base64url) characters of at least 24, and the stretches of hex digits and separators
 * holding at least 24 digits, the only places a HEX_RUN match can lie. Both are maximal stretches of one
 * character class at least 24 long, and any such stretch covers a multiple of 24: only those positions are
 * looked at, and a stretch is walked only from one that falls in it. A regex for the runs restarts inside every
 * shorter one (measured 95–120 µs per 4 KB), and with a loop over every character and HEX_RUN over the whole
 * text the decoding step took ~55 µs per 4 KB prompt, ~15 this way (measured).
 */
function findRuns(text: string): { base64: string[]; hexStretches: [number, number][] } {
  const base64: string[] = [];
  const hexStretches: [number, number][] = [];
  const n = text.length;
  let base64End = 0;
  let hexEnd = 0;
  for (let probe = BASE64_MIN - 1; probe < n; probe += BASE64_MIN) {
    const cls = classAt(text, probe);
    if (probe >= base64End && (cls & (BASE64 | DASH)) !== 0) {
      // The stretch of base64 characters and dashes around the probe; its run starts after any leading dashes.
      let start = probe;
      while (start > 0 && (classAt(text, start - 1) & (BASE64 | DASH)) !== 0) start--;
      let end = probe + 1;
      while (end < n && (classAt(text, end) & (BASE64 | DASH)) !== 0) end++;
      base64End = end;
      while (start < end && (classAt(text, start) & BASE64) === 0) start++;
      // A run right after a backslash starts with an escape letter (`\\nTmV3…` inside JSON): drop it.
      const from = start > 0 && text.charCodeAt(start - 1) === 0x5c ? start + 1 : start;
      if (end - from >= BASE64_MIN) base64.push(text.slice(from, end));
    }
    if (probe >= hexEnd && (cls & (HEX | HEX_SEPARATOR)) !== 0) {
      let start = probe;
      while (start > 0 && (classAt(text, start - 1) & (HEX | HEX_SEPARATOR)) !== 0) start--;
      let end = probe;
      let digits = 0;
      for (let i = start; i < end; i++) if ((classAt(text, i) & HEX) !== 0) digits++;
      for (; end < n && (classAt(text, end) & (HEX | HEX_SEPARATOR)) !== 0; end++) if ((classAt(text, end) & HEX) !== 0) digits++;
      hexEnd = end;
      if (digits >= HEX_MIN_DIGITS) hexStretches.push([start, end]);
    }
  }
  return { base64, hexStretches };
}

function decodeBase64(run: string): string {
  const head = run.slice(0, (MAX_DECODED_CHARS / 3) * 4);
  return Buffer.from(head, /[-_]/.test(head) ? 'base64url' : 'base64').toString('utf8');
}

/**
 * Decoded binary (an image, a hash) is not a message: at least 90% printable, and somewhere a word of three
 * letters, a space and a word of two. One linear pass (a regex for the word test was quadratic on long runs).
 */
function isMostlyText(decoded: string): boolean {
  if (decoded.length < 12) return false;
  let printable = 0;
  let letters = 0;
  let lettersBeforeSpace = -1;
  let words = false;
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || (c >= 0xc0 && c < 0x250)) printable++;
    const isLetter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (isLetter) {
      letters++;
      if (lettersBeforeSpace >= 3 && letters >= 2) words = true;
    } else {
      lettersBeforeSpace = c === 0x20 ? letters : -1;
      letters = 0;
    }
  }
  return words && printable / decoded.length >= 0.9;
}
