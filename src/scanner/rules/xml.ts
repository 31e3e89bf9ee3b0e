/**
 * A small XML element reader for the configuration files the rules read (Salesforce metadata, Magento
 * `system.xml`): elements with their attributes and children, the decoded text of leaf elements and where that
 * text starts. Comments, processing instructions and doctypes are skipped, CDATA is text. It cannot fail on
 * malformed input and reads any input in one pass: a stray closing tag is ignored, unclosed elements just end the
 * tree, an unterminated comment or CDATA section runs to the end, and nesting deeper than any real configuration
 * file is flattened, which bounds the recursion of callers that walk the tree.
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: XmlElement[];
  /** Decoded, trimmed text content (leaf elements; '' for others). */
  text: string;
  /** Offset of the element's `<`. */
  readonly offset: number;
  /** Offset of the first non-space character of its text (the element's offset when it has none). */
  textOffset: number;
}

/** Deeper elements become children of the element at this depth. */
const MAX_DEPTH = 64;
/** Markup that is not an element, with its end; an unterminated one runs to the end of the text. */
const SKIPPED = [['<!--', '-->'], ['<![CDATA[', ']]>'], ['<?', '?>'], ['<!', '>']] as const;
/** A start, end or empty-element tag at the `<` (no `<` inside a tag, so a failed try stops at the next one). */
const TAG = /<(\/?)([A-Za-z_][\w:.-]*)([^<>]*?)(\/?)>/y;
const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The document: a `#document` element whose children are the top-level elements (one in a well-formed file). */
export function parseXml(text: string): XmlElement {
  const root = element('#document', new Map(), 0);
  const stack: XmlElement[] = [root];
  /** Where the text not yet read starts, and the decoded text since the last tag. */
  let textStart = 0;
  let buffer = '';
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i)) {
    const skipped = SKIPPED.find(([open]) => text.startsWith(open, i));
    let end: number;
    let cdata = '';
    let tag: RegExpExecArray | null = null;
    if (skipped !== undefined) {
      const close = text.indexOf(skipped[1], i + skipped[0].length);
      end = close === -1 ? text.length : close + skipped[1].length;
      if (skipped[0] === '<![CDATA[') cdata = text.slice(i + skipped[0].length, close === -1 ? text.length : close);
    } else {
      TAG.lastIndex = i;
      tag = TAG.exec(text);
      if (tag === null) {
        i++; // a `<` that starts no markup is text
        continue;
      }
      end = i + tag[0].length;
    }
    const current = stack.at(-1) ?? root;
    const between = text.slice(textStart, i);
    if (buffer === '' && between.trim() !== '') current.textOffset = textStart + (between.length - between.trimStart().length);
    buffer += decodeEntities(between) + cdata;
    textStart = end;
    if (tag !== null) buffer = closeOrOpen(stack, tag, i, buffer);
    i = end;
  }
  return root;
}

/**
 * Applies a start, end or empty-element tag at `offset` to the open elements (an end tag gives a leaf element
 * the text read since its start); returns the text buffer to go on with.
 */
function closeOrOpen(stack: XmlElement[], tag: RegExpExecArray, offset: number, buffer: string): string {
  const name = tag[2] ?? '';
  if (tag[1] === '/') {
    const at = stack.findLastIndex((open) => open.name === name);
    const closed = stack[at];
    if (at <= 0 || closed === undefined) return '';
    if (closed.children.length === 0) closed.text = buffer.trim();
    stack.length = at;
    return '';
  }
  const opened = element(name, attributesOf(tag[3] ?? ''), offset);
  (stack.at(-1) as XmlElement).children.push(opened);
  if (tag[4] !== '/' && stack.length < MAX_DEPTH) stack.push(opened);
  return '';
}

function element(name: string, attributes: ReadonlyMap<string, string>, offset: number): XmlElement {
  return { name, attributes, children: [], text: '', offset, textOffset: offset };
}

function attributesOf(source: string): Map<string, string> {
  return new Map([...source.matchAll(ATTRIBUTE)].map((m) => [m[1] ?? '', decodeEntities(m[2] ?? m[3] ?? '')]));
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

/** Direct children named `name` (element names are case-sensitive and compared as such). */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** The text of the first child named `name`, or undefined when there is none. */
export function childText(element: XmlElement, name: string): string | undefined {
  return childrenNamed(element, name)[0]?.text;
}
