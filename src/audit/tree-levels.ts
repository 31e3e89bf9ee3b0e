/**
 * Every level of a Merkle tree held in memory, for proving many events at once (a bundle export): built once in
 * O(n) hashes, each inclusion proof is then O(log n) lookups instead of the O(n) hashing of merkle.ts's
 * one-off prover. A level of odd length carries its last node up unchanged, which builds exactly RFC 6962's tree
 * (its left subtrees are the largest powers of two); a property test checks the proofs against merkle.ts.
 */
import { nodeHash } from './hashes.ts';

export class TreeLevels {
  readonly #levels: Buffer[][];

  constructor(leafHashes: readonly Buffer[]) {
    this.#levels = [[...leafHashes]];
    let level = this.#levels[0] as Buffer[];
    while (level.length > 1) {
      const next: Buffer[] = [];
      for (let i = 0; i + 1 < level.length; i += 2) next.push(nodeHash(level[i] as Buffer, level[i + 1] as Buffer));
      if (level.length % 2 === 1) next.push(level.at(-1) as Buffer);
      this.#levels.push(next);
      level = next;
    }
  }

  get size(): number {
    return (this.#levels[0] as Buffer[]).length;
  }

  /** RFC 6962 PATH(index, D[size]) for the whole tree: the sibling at each level that has one, leaf upwards. */
  inclusionProof(index: number): Buffer[] {
    if (!Number.isSafeInteger(index) || index < 0 || index >= this.size) throw new RangeError(`index ${index} is outside a tree of ${this.size}`);
    const proof: Buffer[] = [];
    let position = index;
    for (const level of this.#levels.slice(0, -1)) {
      const sibling = position ^ 1;
      if (sibling < level.length) proof.push(level[sibling] as Buffer);
      position >>= 1;
    }
    return proof;
  }
}
