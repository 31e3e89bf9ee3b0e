/**
 * Email addresses. Work starts from each '@' (text without one costs a single indexOf): the local part is read
 * backwards by hand, the domain forwards with one sticky regex, so the cost is linear in the address and never
 * in the prompt. The pattern is practical rather than RFC 5322: dotted local parts, plus-addressing, subdomains,
 * internationalised letters and punycode TLDs; not quoted local parts or IP-literal domains. Image names like
 * `icon@2x.png`, `@handle` mentions and the credentials of a connection string (`postgres://user:pw@db`) are not
 * addresses.
 */
import type { Detector, RawFinding } from '../types.ts';
import { finding } from './national-ids-shared.ts';

const DETECTOR_ID = 'pii.email';
const SCORE = 0.97;
const MAX_LOCAL = 64;

/**
 * Labels of letters/digits/hyphens (no leading or trailing hyphen) joined by single dots, then an alphabetic or
 * punycode TLD; what follows must not continue a word, so `a@b.com.` ends before the dot.
 */
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?';
const DOMAIN = new RegExp(`(?:${LABEL}\\.)+(?:\\p{L}{2,24}|xn--[a-z\\d-]{1,59})(?![\\p{L}\\p{N}_-])`, 'uy');
/** File extensions after an '@2x'-style density marker or on their own: `logo@2x.png` is an image name. */
const FILE_TLDS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'bmp', 'ico', 'tif', 'tiff', 'avif', 'heic']);
const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

function isLocalChar(code: number, text: string, i: number): boolean {
  if (code >= 97 && code <= 122) return true; // a-z
  if (code >= 65 && code <= 90) return true; // A-Z
  if (code >= 48 && code <= 57) return true; // 0-9
  if (code === 46 || code === 95 || code === 45 || code === 43 || code === 37) return true; // . _ - + %
  if (code === 39) return true; // apostrophe, as in o'brien@
  return code > 127 && NON_ASCII_WORD.test(text.charAt(i));
}

/** Start of the local part ending before `at`, or -1 when there is none worth reporting. */
function localStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && at - i < MAX_LOCAL && isLocalChar(text.charCodeAt(i - 1), text, i - 1)) i--;
  if (i > 0 && at - i >= MAX_LOCAL && isLocalChar(text.charCodeAt(i - 1), text, i - 1)) return -1;
  // Quotes and dots may wrap an address but cannot start a local part.
  while (i < at && (text.charCodeAt(i) === 39 || text.charCodeAt(i) === 46)) i++;
  // "first..last@" breaks the RFC but leaks a person all the same; only a dot right before '@' is punctuation.
  if (i === at || text.charCodeAt(at - 1) === 46) return -1;
  return i;
}

/** End of the domain starting after `at`, or -1. */
function domainEnd(text: string, at: number): number {
  DOMAIN.lastIndex = at + 1;
  const m = DOMAIN.exec(text);
  if (m === null) return -1;
  const end = at + 1 + m[0].length;
  const tld = m[0].slice(m[0].lastIndexOf('.') + 1).toLowerCase();
  return FILE_TLDS.has(tld) ? -1 : end;
}

/** How far back an '@' is checked for a URI scheme: longer than any plausible `scheme://user:password`. */
const MAX_USERINFO = 256;

/**
 * True when the '@' ends the user-info of a URI (`postgres://user:secret@db`, `redis://default:pw@cache`): the
 * same token holds `://` before it with no '/', '?' or '#' in between, so the '@' separates credentials from
 * the host and the "local part" is a user name or password. `https://x.org/?mail=ann@example.com` is a path.
 */
function endsUserInfo(text: string, at: number): boolean {
  const from = Math.max(0, at - MAX_USERINFO);
  for (let i = at - 1; i > from; i--) {
    const code = text.charCodeAt(i);
    if (code === 47) return text.charCodeAt(i - 1) === 47 && text.charCodeAt(i - 2) === 58; // '://', or a path
    if (code <= 32 || code === 63 || code === 35 || code === 34 || code === 60) return false; // ? # " < end it
  }
  return false;
}

export const emailDetector: Detector = {
  id: DETECTOR_ID,
  types: ['EMAIL'],
  detect(text: string): RawFinding[] {
    const found: RawFinding[] = [];
    let from = 0;
    for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', from)) {
      from = at + 1;
      const start = at > 0 ? localStart(text, at) : -1;
      if (start === -1 || endsUserInfo(text, at)) continue;
      const end = domainEnd(text, at);
      if (end === -1) continue;
      found.push(finding('EMAIL', start, end, SCORE, DETECTOR_ID));
      from = end;
    }
    return found;
  },
};
