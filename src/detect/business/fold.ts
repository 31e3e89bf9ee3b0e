/**
 * Case- and accent-insensitive folding that keeps one code unit per code unit, so a match in the folded text
 * has the same offsets in the text it came from. `Société` and `SOCIETE` fold alike; characters whose folding
 * would change length (`ß`, `İ`) keep their plain lower-case form instead.
 */

const CACHE = new Map<number, number>();

export function foldChar(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 32;
  if (code < 0x80) return code;
  let folded = CACHE.get(code);
  if (folded === undefined) {
    const stripped = String.fromCharCode(code).toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    folded = stripped.length === 1 ? stripped.charCodeAt(0) : code;
    if (/\s/.test(String.fromCharCode(code))) folded = 0x20;
    CACHE.set(code, folded);
  }
  return folded;
}

/** Whitespace of any kind folds to one space so `Project\nFalcon` matches the term `Project Falcon`. */
export function foldCode(code: number): number {
  return code === 0x09 || code === 0x0a || code === 0x0d ? 0x20 : foldChar(code);
}

const PRINTABLE_ASCII = /^[\t\n\r -~]*$/;
const NON_ASCII = /[^\t\n\r -~]/g;

/**
 * Lower case and folded, one code unit per code unit, so offsets in the folded text are offsets in the original.
 * Native lower-casing does ASCII; only the other characters go through `foldOther` (default: the folding table).
 */
export function foldTextKeepingOffsets(text: string, foldOther: (code: number) => number = foldCode): string {
  const lower = text.toLowerCase();
  if (PRINTABLE_ASCII.test(text)) return lower;
  // Lower-casing changes the length only for a few characters (`İ`); then fold ASCII and the rest separately.
  const base = lower.length === text.length ? lower : text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
  return base.replace(NON_ASCII, (c) => String.fromCharCode(foldOther(c.charCodeAt(0))));
}

export function foldString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldCode(text.charCodeAt(i)));
  return out.replace(/ +/g, ' ');
}

/** Letters and digits in any script: a term matches only where it is not part of a longer word. */
export function isWordCode(code: number): boolean {
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return true;
  if (code < 0x80) return code === 0x5f;
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}
