/**
 * Business terms (code names, supplier names, unreleased products): every term of a tenant's dictionary is
 * found in one left-to-right pass with an Aho–Corasick automaton over folded text, so the cost does not grow
 * with the size of the dictionary. Hand-written because it is small, runs on every prompt and must match on
 * folded code units with word boundaries, which the packaged automata do not offer.
 */
import type { Detector, RawFinding } from '../types.ts';
import { foldCode, foldString, isWordCode } from './fold.ts';

interface Node {
  readonly next: Map<number, number>;
  fail: number;
  /** Lengths of the terms that end here (own and via failure links). */
  outputs: number[];
}

export function createTermDetector(terms: readonly string[]): Detector {
  const nodes = buildAutomaton(terms.map(foldString).filter((term) => term.trim().length > 0));
  return {
    id: 'business.term',
    types: ['BUSINESS_TERM'],
    detect(text) {
      const findings: RawFinding[] = [];
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        const code = foldCode(text.charCodeAt(i));
        state = step(nodes, state, code);
        for (const length of (nodes[state] as Node).outputs) {
          const start = i + 1 - length;
          if (isBoundary(text, start - 1) && isBoundary(text, i + 1)) {
            findings.push({ type: 'BUSINESS_TERM', start, end: i + 1, score: 0.9, detector: 'business.term' });
          }
        }
      }
      return findings;
    },
  };
}

function isBoundary(text: string, at: number): boolean {
  return at < 0 || at >= text.length || !isWordCode(text.charCodeAt(at));
}

function step(nodes: readonly Node[], from: number, code: number): number {
  let state = from;
  for (;;) {
    const next = (nodes[state] as Node).next.get(code);
    if (next !== undefined) return next;
    if (state === 0) return 0;
    state = (nodes[state] as Node).fail;
  }
}

function buildAutomaton(terms: readonly string[]): Node[] {
  const nodes: Node[] = [{ next: new Map(), fail: 0, outputs: [] }];
  for (const term of terms) {
    let state = 0;
    for (let i = 0; i < term.length; i++) {
      const code = term.charCodeAt(i);
      let next = (nodes[state] as Node).next.get(code);
      if (next === undefined) {
        next = nodes.push({ next: new Map(), fail: 0, outputs: [] }) - 1;
        (nodes[state] as Node).next.set(code, next);
      }
      state = next;
    }
    const outputs = (nodes[state] as Node).outputs;
    if (!outputs.includes(term.length)) outputs.push(term.length);
  }
  linkFailures(nodes);
  return nodes;
}

/** Breadth-first, so every failure target is complete before it is inherited from. */
function linkFailures(nodes: Node[]): void {
  const queue: number[] = [...(nodes[0] as Node).next.values()];
  for (let head = 0; head < queue.length; head++) {
    const node = nodes[queue[head] as number] as Node;
    for (const [code, child] of node.next) {
      const childNode = nodes[child] as Node;
      childNode.fail = node === nodes[0] ? 0 : step(nodes, node.fail, code);
      if (childNode.fail === child) childNode.fail = 0;
      childNode.outputs = [...childNode.outputs, ...(nodes[childNode.fail] as Node).outputs];
      queue.push(child);
    }
  }
}
