/**
 * Constructs and how they become reported spans. The parsers record every image, link and HTML element they
 * find, nested ones included and most of them twice (the block and per-line views overlap). The caller needs
 * one span per outermost construct, so nesting cannot split a span (an image inside a link is one image span
 * carrying both URLs), and a visible text with nested markup and tags removed, so that replacing the span by
 * its text can never bring back an image.
 */

import type { LinkKind, LinkSpan } from './links.ts';
import type { RangeIndex } from './ranges.ts';

/** One image, link or HTML element as found; nested ones are merged into the outermost later. */
export interface Construct {
  readonly start: number;
  end: number;
  kind: LinkKind;
  /** Own destinations, main one first; never empty. */
  readonly urls: readonly string[];
  /** Visible text when it is not read from the source (an alt attribute); null to read textFrom..textTo. */
  readonly fixedText: string | null;
  textFrom: number;
  textTo: number;
}

/** One span per group of overlapping constructs; `tags` are the HTML tags dropped from visible text. */
export function mergeIntoSpans(text: string, constructs: readonly Construct[], tags: RangeIndex): LinkSpan[] {
  return groupConstructs(uniqueConstructs(constructs)).map((group) => spanOf(text, group, tags));
}

/** Both inline views find most constructs twice. */
function uniqueConstructs(constructs: readonly Construct[]): Construct[] {
  const seen = new Set<string>();
  return constructs.filter((c) => {
    const key = `${c.start}:${c.end}:${c.kind}:${c.urls.join('\n')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Overlapping constructs, outermost first; a group becomes one span. */
function groupConstructs(constructs: readonly Construct[]): Construct[][] {
  const sorted = [...constructs].sort((a, b) => a.start - b.start || b.end - a.end);
  const groups: Construct[][] = [];
  let current: Construct[] = [];
  let currentEnd = -1;
  for (const construct of sorted) {
    if (current.length > 0 && construct.start < currentEnd) {
      current.push(construct);
      currentEnd = Math.max(currentEnd, construct.end);
      continue;
    }
    current = [construct];
    currentEnd = construct.end;
    groups.push(current);
  }
  return groups;
}

/** The group's span: an image if anything in it is, with the first image URL (else the root's) as its main URL. */
function spanOf(text: string, group: readonly Construct[], tags: RangeIndex): LinkSpan {
  const root = group[0];
  if (root === undefined) throw new Error('empty construct group');
  const image = group.find((c) => c.kind === 'image');
  const url = (image ?? root).urls[0] ?? '';
  return {
    kind: image === undefined ? root.kind : 'image',
    start: root.start,
    end: group.reduce((end, c) => Math.max(end, c.end), root.end),
    text: visibleText(text, root, group, tags),
    url,
    urls: [...new Set([url, ...group.flatMap((c) => c.urls)])],
  };
}

interface TextFrame {
  readonly node: Construct;
  pos: number;
  next: number;
}

/**
 * The visible text of a group whose outermost construct is `root`: its text with nested constructs replaced by
 * their own text and HTML tags dropped, so that replacing a span by its text can never bring back an image.
 */
function visibleText(text: string, root: Construct, group: readonly Construct[], tags: RangeIndex): string {
  if (root.fixedText !== null) return root.fixedText;
  const children = childrenOf(group);
  const out: string[] = [];
  const frames: TextFrame[] = [{ node: root, pos: root.textFrom, next: 0 }];
  for (let frame = frames.at(-1); frame !== undefined; frame = frames.at(-1)) {
    const kids = children.get(frame.node) ?? [];
    while ((kids[frame.next]?.start ?? Infinity) < frame.pos) frame.next++;
    const child = kids[frame.next];
    const tag = tags.firstAtOrAfter(frame.pos);
    const stop = Math.min(frame.node.textTo, child?.start ?? Infinity, tag?.[0] ?? Infinity);
    if (stop > frame.pos) out.push(text.slice(frame.pos, stop));
    frame.pos = Math.max(frame.pos, stop);
    if (frame.pos >= frame.node.textTo) frames.pop();
    else if (child !== undefined && child.start === frame.pos) {
      frame.pos = child.end;
      frame.next++;
      if (child.fixedText !== null) out.push(child.fixedText);
      else frames.push({ node: child, pos: child.textFrom, next: 0 });
    } else if (tag !== undefined) frame.pos = tag[1];
  }
  return out.join('');
}

/** Each construct's directly nested constructs; the group is sorted outermost first. */
function childrenOf(group: readonly Construct[]): Map<Construct, Construct[]> {
  const children = new Map<Construct, Construct[]>();
  const stack: Construct[] = [];
  for (const construct of group) {
    while (stack.length > 0 && (stack[stack.length - 1]?.end ?? 0) <= construct.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent !== undefined) {
      const list = children.get(parent) ?? [];
      list.push(construct);
      children.set(parent, list);
    }
    stack.push(construct);
  }
  return children;
}
