/**
 * Normalisation for detection: attackers (and copy-paste) hide values behind full-width digits, mathematical
 * letters, Cyrillic look-alikes, zero-width characters and bidi controls. Detectors run on a folded copy in
 * which those are undone, and every folded code unit keeps the span of original code units it came from, so a
 * finding maps back to exact UTF-16 offsets in the caller's text. Only the detection copy is folded; the text
 * that is forwarded keeps its original characters except where a finding is replaced.
 */

export interface NormalizedText {
  readonly text: string;
  /** Maps a span of `text` back to the smallest span of the original that produced it. */
  toOriginal(start: number, end: number): [number, number];
}

// Printable ASCII needs no folding; most prompts are, so they skip the per-character pass entirely.
const NEEDS_FOLDING = /[^\t\n\r -~]/;
const INVISIBLE = /^\p{Default_Ignorable_Code_Point}$/u;
const COMBINING = /^\p{M}$/u;
const DASHES = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe58', '\ufe63']);
const LINE_BREAKS = new Set(['\u2028', '\u2029', '\u0085']);

// Cyrillic and Greek letters that render like Latin ones (Unicode confusables, the subset used in spoofing).
const HOMOGLYPHS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    а: 'a', в: 'B', е: 'e', к: 'k', м: 'M', н: 'H', о: 'o', р: 'p', с: 'c', т: 'T', у: 'y', х: 'x', ѕ: 's',
    і: 'i', ј: 'j', ԁ: 'd', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w', ɡ: 'g', А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M',
    Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', І: 'I', Ј: 'J', Ѕ: 'S', ο: 'o', ν: 'v', ρ: 'p',
    ι: 'i', κ: 'k', α: 'a', Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O',
    Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  }),
);

const IDENTITY: NormalizedText['toOriginal'] = (start, end) => [start, end];

// Runs of characters that may need folding; everything between them is copied as one slice.
const FOLDABLE_RUN = /[^\t\n\r -~]+/g;

/**
 * The folded text is a list of segments: stretches copied verbatim (offsets shift by a constant) and folded
 * clusters (any folded unit maps to the whole original cluster). Offsets are found by binary search, so mostly
 * ASCII text pays per non-ASCII cluster, not per character.
 */
export function normalizeText(original: string): NormalizedText {
  if (!NEEDS_FOLDING.test(original)) return { text: original, toOriginal: IDENTITY };
  const out: string[] = [];
  const segments: number[] = []; // flat quadruples: folded start, original start, original end, verbatim (1) or not (0)
  let folded = 0;
  let copiedTo = 0;
  const copy = (to: number) => {
    if (to <= copiedTo) return;
    segments.push(folded, copiedTo, to, 1);
    out.push(original.slice(copiedTo, to));
    folded += to - copiedTo;
    copiedTo = to;
  };
  FOLDABLE_RUN.lastIndex = 0;
  for (let run = FOLDABLE_RUN.exec(original); run !== null; run = FOLDABLE_RUN.exec(original)) {
    let i = run.index;
    // A combining mark after an ASCII letter must be folded together with it (`e` + U+0301 → `é`).
    if (i > copiedTo && COMBINING.test(String.fromCodePoint(original.codePointAt(i) as number))) i--;
    copy(i);
    const runEnd = run.index + run[0].length;
    while (i < runEnd) {
      const clusterEnd = endOfCluster(original, i);
      const piece = foldCluster(original, i, clusterEnd);
      if (piece.length > 0) {
        segments.push(folded, i, clusterEnd, 0);
        out.push(piece);
        folded += piece.length;
      }
      i = clusterEnd;
    }
    copiedTo = Math.max(copiedTo, i);
    FOLDABLE_RUN.lastIndex = Math.max(FOLDABLE_RUN.lastIndex, i);
  }
  copy(original.length);
  const text = out.join('');
  return { text, toOriginal: (start, end) => mapSpan(segments, original.length, start, end) };
}

function segmentAt(segments: readonly number[], at: number): number {
  let low = 0;
  let high = segments.length / 4 - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((segments[mid * 4] as number) <= at) low = mid;
    else high = mid - 1;
  }
  return low * 4;
}

function mapSpan(segments: readonly number[], length: number, start: number, end: number): [number, number] {
  if (segments.length === 0) return [length, length];
  const s = segmentAt(segments, start);
  const from = segments[s + 3] === 1 ? (segments[s + 1] as number) + start - (segments[s] as number) : (segments[s + 1] as number);
  if (start >= end) return [from, from];
  const e = segmentAt(segments, end - 1);
  const to = segments[e + 3] === 1 ? (segments[e + 1] as number) + end - (segments[e] as number) : (segments[e + 2] as number);
  return [from, to];
}

/** A code point plus any combining marks after it: NFKC must see them together to compose `e`+`◌́` into `é`. */
function endOfCluster(text: string, at: number): number {
  let end = at + codePointLength(text, at);
  if (text.charCodeAt(at) < 0x80 && (end >= text.length || text.charCodeAt(end) < 0x300)) return end;
  while (end < text.length) {
    const next = String.fromCodePoint(text.codePointAt(end) as number);
    if (!COMBINING.test(next) || INVISIBLE.test(next)) break;
    end += next.length;
  }
  return end;
}

function codePointLength(text: string, at: number): number {
  const unit = text.charCodeAt(at);
  return unit >= 0xd800 && unit <= 0xdbff && at + 1 < text.length ? 2 : 1;
}

function foldCluster(text: string, start: number, end: number): string {
  const cluster = text.slice(start, end);
  if (cluster.length === 1 && cluster.charCodeAt(0) < 0x80) return cluster;
  const first = String.fromCodePoint(cluster.codePointAt(0) as number);
  if (INVISIBLE.test(first)) return '';
  if (DASHES.has(first)) return '-';
  if (LINE_BREAKS.has(first)) return '\n';
  const homoglyph = HOMOGLYPHS.get(first);
  if (homoglyph !== undefined && cluster.length === first.length && bordersLatin(text, start, end)) return homoglyph;
  return cluster.normalize('NFKC');
}

/**
 * Look-alikes are folded only inside mixed-script words (`pаypal`, `jоhn@…`): a word written wholly in Cyrillic
 * or Greek is genuine text and stays as it is.
 */
function bordersLatin(text: string, start: number, end: number): boolean {
  let left = start - 1;
  while (left >= 0 && HOMOGLYPHS.has(text[left] as string)) left--;
  let right = end;
  while (right < text.length && HOMOGLYPHS.has(text[right] as string)) right++;
  return isLatinNeighbour(text[left]) || isLatinNeighbour(text[right]);
}

function isLatinNeighbour(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z0-9@.]/.test(char);
}
