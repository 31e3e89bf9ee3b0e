/**
 * HTML tags as browsers tokenise them. An attacker who wants an image fetched writes whatever a browser accepts
 * (`<IMG/SRC=…>`, unquoted values, attributes split by `/`, `&#104;ttps:`), so the tag and its attribute values
 * are read the same forgiving way, with character references resolved. A `<` inside a tag makes it invalid,
 * which keeps rescanning after a failed tag linear.
 */

import {
  BACKTICK,
  DOUBLE_QUOTE,
  EQUALS,
  GREATER_THAN,
  isAsciiWhitespace,
  LESS_THAN,
  SINGLE_QUOTE,
  skipAsciiWhitespace,
  SLASH,
} from './chars.ts';
import { decodeReferences } from './character-references.ts';

interface HtmlAttribute {
  readonly name: string;
  /** Character references resolved; null for an attribute without a value. */
  readonly value: string | null;
}

export interface HtmlTag {
  readonly name: string;
  readonly closing: boolean;
  readonly attributes: readonly HtmlAttribute[];
  readonly end: number;
}

const TAG_NAME = /[A-Za-z][A-Za-z0-9-]*/y;

/**
 * An opening or closing tag at `pos`, tokenised the way browsers do (`/` separates attributes, unquoted values
 * may hold `=`). A `<` inside a tag makes it invalid, which keeps rescanning linear.
 */
export function parseHtmlTag(text: string, pos: number, limit: number): HtmlTag | null {
  const closing = text.charCodeAt(pos + 1) === SLASH;
  TAG_NAME.lastIndex = pos + (closing ? 2 : 1);
  const name = TAG_NAME.exec(text)?.[0].toLowerCase();
  let i = TAG_NAME.lastIndex;
  if (name === undefined || i >= limit) return null;
  if (closing) {
    i = skipAsciiWhitespace(text, i, limit);
    return i < limit && text.charCodeAt(i) === GREATER_THAN ? { name, closing, attributes: [], end: i + 1 } : null;
  }
  const attributes: HtmlAttribute[] = [];
  const afterName = text.charCodeAt(i);
  if (!isAsciiWhitespace(afterName) && afterName !== SLASH && afterName !== GREATER_THAN) return null;
  while (i < limit) {
    while (i < limit && (isAsciiWhitespace(text.charCodeAt(i)) || text.charCodeAt(i) === SLASH)) i++;
    if (i >= limit) return null;
    if (text.charCodeAt(i) === GREATER_THAN) return { name, closing, attributes, end: i + 1 };
    const attribute = parseAttribute(text, i, limit);
    if (attribute === null) return null;
    attributes.push(attribute.attribute);
    i = attribute.end;
  }
  return null;
}

function isAttributeNameCode(c: number): boolean {
  return !isAsciiWhitespace(c) && c !== SLASH && c !== GREATER_THAN && c !== EQUALS && c !== LESS_THAN &&
    c !== DOUBLE_QUOTE && c !== SINGLE_QUOTE && c !== BACKTICK;
}

function parseAttribute(text: string, pos: number, limit: number): { attribute: HtmlAttribute; end: number } | null {
  let i = pos;
  while (i < limit && isAttributeNameCode(text.charCodeAt(i))) i++;
  if (i === pos) return null;
  const name = text.slice(pos, i).toLowerCase();
  const equals = skipAsciiWhitespace(text, i, limit);
  if (equals >= limit || text.charCodeAt(equals) !== EQUALS) return { attribute: { name, value: null }, end: i };
  const value = parseAttributeValue(text, skipAsciiWhitespace(text, equals + 1, limit), limit);
  return value === null ? null : { attribute: { name, value: decodeReferences(value.raw) }, end: value.end };
}

function parseAttributeValue(text: string, pos: number, limit: number): { raw: string; end: number } | null {
  const quote = text.charCodeAt(pos);
  if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
    for (let i = pos + 1; i < limit; i++) {
      if (text.charCodeAt(i) === quote) return { raw: text.slice(pos + 1, i), end: i + 1 };
    }
    return null;
  }
  let i = pos;
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (isAsciiWhitespace(c) || c === GREATER_THAN) break;
    if (c === LESS_THAN) return null;
  }
  return i > pos ? { raw: text.slice(pos, i), end: i } : null;
}

/** The value of the first attribute called `name` that has one. */
export function attributeValue(tag: HtmlTag, name: string): string | undefined {
  return tag.attributes.find((a) => a.name === name && a.value !== null)?.value ?? undefined;
}
