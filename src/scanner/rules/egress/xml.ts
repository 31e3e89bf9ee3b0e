/**
 * A small XML element reader for Salesforce metadata files: elements with their children, the decoded text of
 * leaf elements and where that text starts. Comments, processing instructions and doctypes are skipped, CDATA is
 * text; attributes are not needed and ignored. Malformed input yields whatever elements were closed properly.
 */

export interface XmlElement {
  readonly name: string;
  readonly children: XmlElement[];
  /** Decoded, trimmed text content (leaf elements). */
  text: string;
  /** Offset of the element's `<`. */
  readonly offset: number;
  /** Offset of the first non-space character of its text (the element's offset when it has none). */
  textOffset: number;
}

const TAG = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>|<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>/g;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The document's root element, or null when there is none. */
export function parseXml(text: string): XmlElement | null {
  const root: XmlElement = { name: '#document', children: [], text: '', offset: 0, textOffset: 0 };
  const stack: XmlElement[] = [root];
  let textStart = 0;
  let buffer = '';
  const regex = new RegExp(TAG.source, 'g');
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    const current = stack.at(-1) ?? root;
    const between = text.slice(textStart, match.index);
    if (buffer === '' && between.trim() !== '') current.textOffset = textStart + (between.length - between.trimStart().length);
    buffer += decodeEntities(between) + (match[1] ?? '');
    textStart = match.index + match[0].length;
    const name = match[3];
    if (name === undefined) continue;
    if (match[2] === '/') {
      closeElement(stack, name, buffer);
      buffer = '';
      continue;
    }
    const element: XmlElement = { name, children: [], text: '', offset: match.index, textOffset: match.index };
    current.children.push(element);
    buffer = '';
    if (match[4] !== '/') stack.push(element);
  }
  return root.children[0] ?? null;
}

function closeElement(stack: XmlElement[], name: string, buffer: string): void {
  const at = stack.findLastIndex((element) => element.name === name);
  if (at <= 0) return;
  const element = stack[at];
  if (element !== undefined && element.children.length === 0) element.text = buffer.trim();
  stack.length = at;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#')) {
      const code = entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/** Direct children named `name` (Salesforce element names are case-sensitive; compared as such). */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

export function childText(element: XmlElement, name: string): string | undefined {
  return childrenNamed(element, name)[0]?.text;
}
