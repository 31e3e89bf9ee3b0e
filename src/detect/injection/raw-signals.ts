/**
 * Obfuscation visible in the raw text itself, before any normalisation: invisible characters inside words and
 * words mixing Latin with Cyrillic or Greek letters, which ordinary shop text does not contain.
 */

const INVISIBLE_IN_WORD = /\p{L}\p{Default_Ignorable_Code_Point}+\p{L}/u;
const MIXED_SCRIPT = /\p{Script=Latin}[\p{Script=Cyrillic}\p{Script=Greek}]|[\p{Script=Cyrillic}\p{Script=Greek}]\p{Script=Latin}/u;

/**
 * Code units that can be part of an invisible or a Cyrillic or Greek character. Below U+0100 only the soft hyphen
 * is either (raw-signals.test.ts checks it), so the search skips accented Latin and the euro sign's neighbours.
 */
const RARE_UNIT = /[\u00ad\u0100-\uffff]/g;
/** What a UTF-16 code unit from U+0080 up is, learnt on first sight: 0 means not looked at yet. */
const SEEN = 1;
const INVISIBLE = 2;
const CYRILLIC_OR_GREEK = 4;
/** Half of a character outside the BMP, which may be either. */
const SURROGATE = 8;
const UNIT_CLASS = new Uint8Array(0x10000);

function classOfUnit(unit: number): number {
  let cls = UNIT_CLASS[unit] as number;
  if (cls === 0) {
    const ch = String.fromCharCode(unit);
    cls = SEEN;
    if (unit >= 0xd800 && unit <= 0xdfff) cls |= SURROGATE;
    else {
      if (/^\p{Default_Ignorable_Code_Point}$/u.test(ch)) cls |= INVISIBLE;
      if (/^[\p{Script=Cyrillic}\p{Script=Greek}]$/u.test(ch)) cls |= CYRILLIC_OR_GREEK;
    }
    UNIT_CLASS[unit] = cls;
  }
  return cls;
}

/**
 * The raw signals of `text`. Each regex needs a character few texts hold (an invisible one; a Cyrillic or Greek
 * one), so it is tried only around those, on a few code units either side (a letter may be a surrogate pair):
 * run over the whole of every text with an accent or a euro sign, the two Unicode-property scans took ~170 µs per
 * 4 KB prompt, this ~5 µs (measured). A surrogate pair may be either kind, so a text with one is scanned whole.
 */
export function rawSignals(text: string): string[] {
  let invisible = false;
  let mixed = false;
  let wholeText = false;
  RARE_UNIT.lastIndex = 0;
  for (let m = RARE_UNIT.exec(text); m !== null && !wholeText; m = RARE_UNIT.exec(text)) {
    const at = m.index;
    const cls = classOfUnit(text.charCodeAt(at));
    if ((cls & SURROGATE) !== 0) wholeText = true;
    else {
      if (!invisible && (cls & INVISIBLE) !== 0) invisible = INVISIBLE_IN_WORD.test(aroundInvisible(text, at));
      if (!mixed && (cls & CYRILLIC_OR_GREEK) !== 0) mixed = MIXED_SCRIPT.test(text.slice(Math.max(0, at - 2), at + 3));
    }
  }
  if (wholeText) {
    invisible = INVISIBLE_IN_WORD.test(text);
    mixed = MIXED_SCRIPT.test(text);
  }
  const signals: string[] = [];
  if (invisible) signals.push('obfuscation.invisible-characters');
  if (mixed) signals.push('obfuscation.mixed-scripts');
  return signals;
}

/** The run of invisible characters at `at`, with two code units either side. */
function aroundInvisible(text: string, at: number): string {
  let end = at + 1;
  while (end < text.length && (classOfUnit(text.charCodeAt(end)) & INVISIBLE) !== 0) end++;
  return text.slice(Math.max(0, at - 2), end + 2);
}
