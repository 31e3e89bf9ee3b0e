/**
 * Which attributes of an HTML element carry URLs, and whether the browser fetches them as soon as the element
 * is shown (an image: zero-click exfiltration) or only on a click (a link). Besides plain URL attributes this
 * reads the lists and documents that hide URLs inside one value: srcset candidates, `ping` lists, inline
 * styles, a meta refresh and an iframe's srcdoc.
 */

import { CLOSE_PAREN, COMMA, isAsciiWhitespace, OPEN_PAREN } from './chars.ts';
import { cssUrls } from './css-urls.ts';
import { attributeValue, type HtmlTag } from './html-tags.ts';

// Attributes whose URL the browser fetches as soon as the element is shown.
const FETCHED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  img: ['src', 'lowsrc', 'dynsrc'],
  image: ['href', 'xlink:href', 'src'],
  use: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href'],
  video: ['src', 'poster'],
  audio: ['src'],
  source: ['src'],
  track: ['src'],
  iframe: ['src'],
  frame: ['src'],
  object: ['data'],
  embed: ['src'],
  link: ['href'],
  input: ['src'],
  script: ['src'],
  // Not fetched itself, but it redirects every relative URL after it.
  base: ['href'],
};

// Attributes whose URL is only contacted on a click.
const FOLLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  area: ['href'],
  form: ['action'],
  button: ['formaction'],
  input: ['formaction'],
};

/**
 * Reads the URLs a nested document (an iframe's srcdoc) loads, or null when documents already nest too deep to
 * follow. The link finder supplies it, so that this module need not call back into it.
 */
export type SrcdocReader = ((html: string) => string[]) | null;

/** The element's URLs: `fetched` load when it is shown, `followed` only on a click. */
export function elementUrls(tag: HtmlTag, readSrcdoc: SrcdocReader): { fetched: string[]; followed: string[] } {
  const fetched: string[] = [];
  const followed: string[] = [];
  for (const { name, value } of tag.attributes) {
    if (value === null) continue;
    if (name === 'background' || FETCHED_ATTRIBUTES[tag.name]?.includes(name)) fetched.push(value);
    else if (name === 'srcset' || name === 'imagesrcset') append(fetched, srcsetUrls(value));
    else if (name === 'style') append(fetched, cssUrls(value));
    else if (name === 'srcdoc' && tag.name === 'iframe' && readSrcdoc !== null) append(fetched, readSrcdoc(value));
    else if (FOLLOWED_ATTRIBUTES[tag.name]?.includes(name)) followed.push(value);
    else if (name === 'ping' && (tag.name === 'a' || tag.name === 'area')) append(followed, value.split(/[ \t\n\f\r]+/).filter((u) => u !== ''));
  }
  if (tag.name === 'meta') append(fetched, refreshUrls(tag));
  return { fetched, followed };
}

/** Pushes one by one: spreading a huge list into push() overflows the call stack. */
function append(target: string[], items: readonly string[]): void {
  for (const item of items) target.push(item);
}

/** Candidate URLs of a srcset: comma-separated `url [descriptor]`, where a URL may itself contain commas. */
function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && (isAsciiWhitespace(value.charCodeAt(i)) || value.charCodeAt(i) === COMMA)) i++;
    const start = i;
    while (i < value.length && !isAsciiWhitespace(value.charCodeAt(i))) i++;
    let end = i;
    while (end > start && value.charCodeAt(end - 1) === COMMA) end--;
    if (end > start) urls.push(value.slice(start, end));
    if (end === i) i = skipDescriptors(value, i);
  }
  return urls;
}

function skipDescriptors(value: string, pos: number): number {
  let depth = 0;
  for (let i = pos; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === OPEN_PAREN) depth++;
    else if (c === CLOSE_PAREN) depth = Math.max(0, depth - 1);
    else if (c === COMMA && depth === 0) return i + 1;
  }
  return value.length;
}

/** `<meta http-equiv="refresh" content="0; url=…">` navigates without a click. */
function refreshUrls(tag: HtmlTag): string[] {
  const content = attributeValue(tag, 'content');
  if (attributeValue(tag, 'http-equiv')?.trim().toLowerCase() !== 'refresh' || content === undefined) return [];
  const target = /^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?(.*)$/is.exec(content)?.[1]?.trim() ?? '';
  const quote = target.charAt(0);
  const url = quote === '"' || quote === "'" ? target.slice(1).split(quote)[0] ?? '' : target;
  return url === '' ? [] : [url];
}
