import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { leafHash } from '../../src/audit/hashes.ts';
import { inclusionProof, rootOf, verifyInclusion } from '../../src/audit/merkle.ts';
import { TreeLevels } from '../../src/audit/tree-levels.ts';

const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(createHash('sha256').update(String(i)).digest()));

describe('tree levels (many proofs at once)', () => {
  it('gives exactly the RFC 6962 inclusion proof of merkle.ts for every index of every size up to 70', () => {
    for (let size = 1; size <= 70; size++) {
      const hashes = leaves(size);
      const tree = new TreeLevels(hashes);
      const root = rootOf(hashes);
      for (let index = 0; index < size; index++) {
        const proof = tree.inclusionProof(index);
        assert.deepEqual(proof, inclusionProof(index, hashes), `size ${size}, index ${index}`);
        assert.equal(verifyInclusion(index, size, hashes[index] as Buffer, proof, root), true);
      }
    }
  });

  it('refuses an index outside the tree', () => {
    const tree = new TreeLevels(leaves(5));
    assert.throws(() => tree.inclusionProof(5), RangeError);
    assert.throws(() => tree.inclusionProof(-1), RangeError);
  });
});
