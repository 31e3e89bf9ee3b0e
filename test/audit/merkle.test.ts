/**
 * Tests of the RFC 6962 Merkle tree: the published Certificate Transparency vectors, a cross-check against a
 * naive implementation written straight from RFC 6962's recursive definitions, and properties over every
 * tree size from 1 to 256 (proofs verify; any changed bit, index or size makes them fail).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { leafHash } from '../../src/audit/hashes.ts';
import {
  consistencyProof,
  Frontier,
  inclusionProof,
  rootOf,
  verifyConsistency,
  verifyInclusion,
} from '../../src/audit/merkle.ts';

// Published vectors: github.com/transparency-dev/merkle, proof/verify_test.go (the same data as Certificate
// Transparency's C++ and Go merkle tests). Leaf numbers there are 1-based; indexes here are 0-based.
const VECTOR_INPUTS = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const VECTOR_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const EMPTY_TREE_ROOT = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const VECTOR_INCLUSION = [
  { index: 0, size: 1, proof: [] },
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { index: 2, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    index: 1,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];
const VECTOR_CONSISTENCY = [
  { oldSize: 1, newSize: 1, proof: [] },
  {
    oldSize: 1,
    newSize: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    oldSize: 6,
    newSize: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    oldSize: 2,
    newSize: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    oldSize: 6,
    newSize: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

const vectorLeaves = VECTOR_INPUTS.map((hex) => leafHash(Buffer.from(hex, 'hex')));
const vectorRoot = (size: number): Buffer => Buffer.from(VECTOR_ROOTS[size - 1] ?? '', 'hex');
const fromHex = (list: readonly string[]): Buffer[] => list.map((hex) => Buffer.from(hex, 'hex'));
const hexOf = (list: readonly Uint8Array[]): string[] => list.map((hash) => Buffer.from(hash).toString('hex'));

// --- A naive implementation, written directly from RFC 6962 section 2.1, independent of the code under test.

function sha256(...parts: Uint8Array[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function naiveRoot(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return leaves[0] ?? Buffer.alloc(0);
  const k = largestPowerOfTwoBelow(leaves.length);
  return sha256(Buffer.from([1]), naiveRoot(leaves.slice(0, k)), naiveRoot(leaves.slice(k)));
}

function naivePath(m: number, leaves: readonly Buffer[]): Buffer[] {
  if (leaves.length <= 1) return [];
  const k = largestPowerOfTwoBelow(leaves.length);
  return m < k
    ? [...naivePath(m, leaves.slice(0, k)), naiveRoot(leaves.slice(k))]
    : [...naivePath(m - k, leaves.slice(k)), naiveRoot(leaves.slice(0, k))];
}

function naiveSubproof(m: number, leaves: readonly Buffer[], wholeOldTree: boolean): Buffer[] {
  if (m === leaves.length) return wholeOldTree ? [] : [naiveRoot(leaves)];
  const k = largestPowerOfTwoBelow(leaves.length);
  return m <= k
    ? [...naiveSubproof(m, leaves.slice(0, k), wholeOldTree), naiveRoot(leaves.slice(k))]
    : [...naiveSubproof(m - k, leaves.slice(k), false), naiveRoot(leaves.slice(0, k))];
}

// --- Shared fixtures for the properties: 256 distinct leaves and the reference root of every prefix.

const MAX_SIZE = 256;
const leaves = Array.from({ length: MAX_SIZE }, (_, i) => leafHash(Buffer.from(`audit event ${i}`)));
const roots = Array.from({ length: MAX_SIZE + 1 }, (_, size) => naiveRoot(leaves.slice(0, size)));
const rootAt = (size: number): Buffer => roots[size] ?? assert.fail(`no root for size ${size}`);
const prefix = (size: number): Buffer[] => leaves.slice(0, size);

/**
 * Every index for small trees. Each proof of a big tree costs O(n) hashes, so for those only the edges, the
 * split around the largest power of two and a few spread points: this keeps the run to about a second.
 */
function indexesToCheck(size: number, exhaustiveUpTo: number): number[] {
  if (size <= exhaustiveUpTo) return Array.from({ length: size }, (_, i) => i);
  let split = 1;
  while (split * 2 < size) split *= 2;
  const spread = [3, 5, 7].map((d) => Math.floor((size * (d - 2)) / d));
  const picked = new Set([0, 1, size - 2, size - 1, split - 1, split, split + 1, Math.floor(split / 2), ...spread]);
  return [...picked].filter((i) => i >= 0 && i < size).sort((a, b) => a - b);
}

function flipBit(bytes: Uint8Array, bit: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[bit >> 3] = (copy[bit >> 3] ?? 0) ^ (1 << (bit & 7));
  return copy;
}

function withFlippedBit(list: readonly Uint8Array[], element: number, bit: number): Buffer[] {
  return list.map((hash, i) => (i === element ? flipBit(hash, bit) : Buffer.from(hash)));
}

describe('Merkle tree: published RFC 6962 vectors', () => {
  it('computes the published root for every prefix of the eight inputs, with rootOf and Frontier', () => {
    const frontier = new Frontier();
    for (let size = 1; size <= 8; size += 1) {
      frontier.append(vectorLeaves[size - 1] ?? Buffer.alloc(0));
      assert.equal(rootOf(vectorLeaves.slice(0, size)).toString('hex'), VECTOR_ROOTS[size - 1], `size ${size}`);
      assert.equal(frontier.root().toString('hex'), VECTOR_ROOTS[size - 1], `frontier size ${size}`);
    }
  });

  it('gives the empty tree the root SHA-256("")', () => {
    assert.equal(rootOf([]).toString('hex'), EMPTY_TREE_ROOT);
    assert.equal(new Frontier().root().toString('hex'), EMPTY_TREE_ROOT);
  });

  it('generates exactly the published inclusion proofs, and they verify', () => {
    for (const { index, size, proof } of VECTOR_INCLUSION) {
      const generated = inclusionProof(index, vectorLeaves.slice(0, size));
      assert.deepEqual(hexOf(generated), proof, `leaf ${index} of ${size}`);
      assert.ok(verifyInclusion(index, size, vectorLeaves[index] ?? Buffer.alloc(0), generated, vectorRoot(size)));
    }
  });

  it('generates exactly the published consistency proofs, and they verify', () => {
    for (const { oldSize, newSize, proof } of VECTOR_CONSISTENCY) {
      const generated = consistencyProof(oldSize, vectorLeaves.slice(0, newSize));
      assert.deepEqual(hexOf(generated), proof, `${oldSize} -> ${newSize}`);
      assert.ok(verifyConsistency(oldSize, newSize, vectorRoot(oldSize), vectorRoot(newSize), generated));
    }
  });

  it('rejects the published inclusion proofs once corrupted', () => {
    const someHash = Buffer.from('abacaba000000000000000000000000000000000000000000060061e00123456', 'hex');
    for (const { index, size, proof: hexProof } of VECTOR_INCLUSION.filter((v) => v.proof.length > 0)) {
      const proof = fromHex(hexProof);
      const leaf = vectorLeaves[index] ?? Buffer.alloc(0);
      const root = vectorRoot(size);
      const probes: [string, number, number, Uint8Array, Uint8Array[], Uint8Array][] = [
        ['index - 1', index - 1, size, leaf, proof, root],
        ['index + 1', index + 1, size, leaf, proof, root],
        ['index ^ 2', index ^ 2, size, leaf, proof, root],
        ['size * 2', index, size * 2, leaf, proof, root],
        ['size / 2', index, Math.floor(size / 2), leaf, proof, root],
        ['other leaf', index, size, someHash, proof, root],
        ['empty root', index, size, leaf, proof, Buffer.from(EMPTY_TREE_ROOT, 'hex')],
        ['other root', index, size, leaf, proof, someHash],
        ['trailing root', index, size, leaf, [...proof, root], root],
        ['preceding root', index, size, leaf, [root, ...proof], root],
        ['removed element', index, size, leaf, proof.slice(0, -1), root],
        ['inserted element', index, size, leaf, [proof[0] ?? someHash, someHash, ...proof.slice(1)], root],
        ...proof.map((_, i): [string, number, number, Uint8Array, Uint8Array[], Uint8Array] => [
          `proof[${i}] bit 3`, index, size, leaf, withFlippedBit(proof, i, 3), root,
        ]),
      ];
      for (const [what, i, n, l, p, r] of probes) {
        assert.equal(verifyInclusion(i, n, l, p, r), false, `leaf ${index} of ${size}: ${what}`);
      }
    }
  });

  it('rejects the published consistency proofs once corrupted', () => {
    for (const { oldSize: m, newSize: n, proof: hexProof } of VECTOR_CONSISTENCY.filter((v) => v.proof.length > 0)) {
      const proof = fromHex(hexProof);
      const [r1, r2] = [vectorRoot(m), vectorRoot(n)];
      const probes: [string, number, number, Uint8Array, Uint8Array, Uint8Array[]][] = [
        ['old size - 1', m - 1, n, r1, r2, proof],
        ['old size + 1', m + 1, n, r1, r2, proof],
        ['old size ^ 2', m ^ 2, n, r1, r2, proof],
        ['new size * 2', m, n * 2, r1, r2, proof],
        ['new size / 2', m, Math.floor(n / 2), r1, r2, proof],
        ['swapped roots', m, n, r2, r1, proof],
        ['empty proof', m, n, r1, r2, []],
        ['trailing old root', m, n, r1, r2, [...proof, r1]],
        ['trailing new root', m, n, r1, r2, [...proof, r2]],
        ['preceding old root', m, n, r1, r2, [r1, ...proof]],
        ['preceding new root', m, n, r1, r2, [r2, ...proof]],
        ['repeated first element', m, n, r1, r2, [proof[0] ?? r1, ...proof]],
        ['truncated', m, n, r1, r2, proof.slice(0, -1)],
        ...proof.map((_, i): [string, number, number, Uint8Array, Uint8Array, Uint8Array[]] => [
          `proof[${i}] bit 4`, m, n, r1, r2, withFlippedBit(proof, i, 4),
        ]),
      ];
      for (const [what, a, b, x, y, p] of probes) {
        assert.equal(verifyConsistency(a, b, x, y, p), false, `${m} -> ${n}: ${what}`);
      }
    }
  });
});

describe('Merkle tree: agreement with RFC 6962 definitions', () => {
  it('matches a naive MTH/PATH/PROOF implementation for every index and old size up to 48 leaves', () => {
    for (let size = 1; size <= 48; size += 1) {
      const tree = prefix(size);
      assert.ok(rootOf(tree).equals(rootAt(size)), `root of ${size}`);
      for (let i = 0; i < size; i += 1) {
        assert.deepEqual(hexOf(inclusionProof(i, tree)), hexOf(naivePath(i, tree)), `path ${i} of ${size}`);
      }
      for (let m = 1; m < size; m += 1) {
        const expected = hexOf(naiveSubproof(m, tree, true));
        assert.deepEqual(hexOf(consistencyProof(m, tree)), expected, `proof ${m} -> ${size}`);
      }
    }
  });
});

describe('Merkle tree: properties over every size 1..256', () => {
  it('verifies the inclusion proof of every checked index in every size', () => {
    for (let size = 1; size <= MAX_SIZE; size += 1) {
      const tree = prefix(size);
      for (const i of indexesToCheck(size, 64)) {
        const proof = inclusionProof(i, tree);
        assert.ok(verifyInclusion(i, size, tree[i] ?? Buffer.alloc(0), proof, rootAt(size)), `leaf ${i} of ${size}`);
      }
    }
  });

  it('verifies the consistency proof of every checked pair of sizes', () => {
    for (let size = 0; size <= MAX_SIZE; size += 1) {
      const tree = prefix(size);
      const oldSizes = [...indexesToCheck(size, 64), size];
      for (const m of oldSizes) {
        const proof = consistencyProof(m, tree);
        assert.ok(verifyConsistency(m, size, rootAt(m), rootAt(size), proof), `${m} -> ${size}`);
      }
    }
  });

  it('rejects an inclusion proof when any single bit of the proof, the leaf or the root flips', () => {
    const target = fc.constantFrom('proof', 'leaf', 'root');
    const sizes = fc.integer({ min: 2, max: MAX_SIZE });
    const cases = sizes.chain((size) => fc.tuple(fc.constant(size), fc.nat(size - 1), target, fc.nat(), fc.nat(255)));
    fc.assert(
      fc.property(cases, ([size, index, where, pick, bit]) => {
        const proof = inclusionProof(index, prefix(size));
        const leaf = leaves[index] ?? Buffer.alloc(0);
        if (where === 'leaf') return !verifyInclusion(index, size, flipBit(leaf, bit), proof, rootAt(size));
        if (where === 'root') return !verifyInclusion(index, size, leaf, proof, flipBit(rootAt(size), bit));
        const bent = withFlippedBit(proof, pick % proof.length, bit);
        return !verifyInclusion(index, size, leaf, bent, rootAt(size));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a consistency proof when any single bit of the proof or of either root flips', () => {
    const target = fc.constantFrom('proof', 'old root', 'new root');
    const pairs = fc
      .integer({ min: 2, max: MAX_SIZE })
      .chain((size) => fc.tuple(fc.integer({ min: 1, max: size - 1 }), fc.constant(size)));
    fc.assert(
      fc.property(pairs, target, fc.nat(), fc.nat(255), ([m, n], where, pick, bit) => {
        const proof = consistencyProof(m, prefix(n));
        const [r1, r2] = [rootAt(m), rootAt(n)];
        if (where === 'old root') return !verifyConsistency(m, n, flipBit(r1, bit), r2, proof);
        if (where === 'new root') return !verifyConsistency(m, n, r1, flipBit(r2, bit), proof);
        return !verifyConsistency(m, n, r1, r2, withFlippedBit(proof, pick % proof.length, bit));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects an inclusion proof for another index, or against another tree size and its root', () => {
    const otherSizes = fc.integer({ min: 1, max: MAX_SIZE });
    const cases = fc
      .integer({ min: 2, max: MAX_SIZE })
      .chain((size) => fc.tuple(fc.constant(size), fc.nat(size - 1), fc.nat(size - 1), otherSizes));
    fc.assert(
      fc.property(cases, ([size, index, otherIndex, otherSize]) => {
        const proof = inclusionProof(index, prefix(size));
        const leaf = leaves[index] ?? Buffer.alloc(0);
        const wrongIndex = otherIndex !== index && verifyInclusion(otherIndex, size, leaf, proof, rootAt(size));
        const wrongSize =
          otherSize !== size && verifyInclusion(index, otherSize, leaf, proof, rootAt(otherSize));
        return !wrongIndex && !wrongSize;
      }),
      { numRuns: 500 },
    );
  });

  it('rejects a consistency proof presented for another pair of checkpoints', () => {
    const pair = fc
      .integer({ min: 2, max: MAX_SIZE })
      .chain((size) => fc.tuple(fc.integer({ min: 1, max: size - 1 }), fc.constant(size)));
    fc.assert(
      fc.property(pair, pair, ([m, n], [m2, n2]) => {
        fc.pre(m !== m2 || n !== n2);
        return !verifyConsistency(m2, n2, rootAt(m2), rootAt(n2), consistencyProof(m, prefix(n)));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps Frontier.root() equal to rootOf() at every size, and resumes from any saved state', () => {
    const frontier = new Frontier();
    for (let size = 0; size <= MAX_SIZE; size += 1) {
      assert.equal(frontier.size, size);
      assert.ok(frontier.root().equals(rootAt(size)), `root at ${size}`);
      assert.ok(rootOf(prefix(size)).equals(rootAt(size)), `rootOf at ${size}`);
      const { size: savedSize, hashes } = frontier.state();
      assert.equal(hashes.length, [...size.toString(2)].filter((bit) => bit === '1').length);
      const resumed = new Frontier(savedSize, hashes);
      for (const leaf of leaves.slice(size, size + 5)) resumed.append(leaf);
      assert.ok(resumed.root().equals(rootAt(Math.min(size + 5, MAX_SIZE))), `resumed from ${size}`);
      if (size < MAX_SIZE) frontier.append(leaves[size] ?? Buffer.alloc(0));
    }
  });

  it('keeps its saved state independent of later appends', () => {
    const frontier = new Frontier();
    for (const leaf of prefix(7)) frontier.append(leaf);
    const state = frontier.state();
    frontier.append(leaves[7] ?? Buffer.alloc(0));
    assert.ok(new Frontier(state.size, state.hashes).root().equals(rootAt(7)));
    assert.ok(frontier.root().equals(rootAt(8)));
  });
});

describe('Merkle tree: edge cases and argument checks', () => {
  const someRoot = rootAt(5);
  const empty = rootAt(0);

  it('treats the empty tree as consistent with every tree, and a tree only with itself', () => {
    assert.ok(verifyConsistency(0, 0, empty, empty, []));
    assert.ok(verifyConsistency(0, 5, empty, someRoot, []));
    assert.ok(verifyConsistency(5, 5, someRoot, someRoot, []));
    assert.deepEqual(consistencyProof(0, prefix(5)), []);
    assert.deepEqual(consistencyProof(5, prefix(5)), []);
    assert.equal(verifyConsistency(0, 5, someRoot, someRoot, []), false, 'size 0 needs the empty root');
    assert.equal(verifyConsistency(0, 0, empty, someRoot, []), false);
    assert.equal(verifyConsistency(5, 5, someRoot, rootAt(4), []), false);
    assert.equal(verifyConsistency(5, 5, someRoot, someRoot, [someRoot]), false, 'equal sizes take no proof');
    assert.equal(verifyConsistency(0, 5, empty, someRoot, [someRoot]), false, 'size 0 takes no proof');
    assert.equal(verifyConsistency(4, 5, rootAt(4), someRoot, []), false, 'a real step needs a proof');
  });

  it('treats a one-leaf tree as its own root with an empty proof', () => {
    const leaf = leaves[0] ?? Buffer.alloc(0);
    assert.deepEqual(inclusionProof(0, [leaf]), []);
    assert.ok(verifyInclusion(0, 1, leaf, [], leaf));
    assert.equal(verifyInclusion(0, 1, leaf, [], empty), false);
    assert.equal(verifyInclusion(0, 0, leaf, [], leaf), false);
    assert.equal(verifyInclusion(1, 1, leaf, [], leaf), false);
  });

  it('rejects out-of-range and malformed arguments to the generators with a RangeError', () => {
    const tree = prefix(5);
    for (const index of [-1, 5, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => inclusionProof(index, tree), RangeError, `index ${index}`);
    }
    assert.throws(() => inclusionProof(0, []), RangeError);
    for (const oldSize of [-1, 6, 0.5]) assert.throws(() => consistencyProof(oldSize, tree), RangeError);
    const shortLeaf = [...prefix(2), Buffer.alloc(31)];
    assert.throws(() => rootOf(shortLeaf), RangeError);
    assert.throws(() => inclusionProof(0, shortLeaf), RangeError);
    assert.throws(() => consistencyProof(1, shortLeaf), RangeError);
  });

  it('rejects a Frontier state that does not fit its size', () => {
    const hash = rootAt(1);
    assert.throws(() => new Frontier(-1, []), RangeError);
    assert.throws(() => new Frontier(1.5, [hash]), RangeError);
    assert.throws(() => new Frontier(3, [hash]), RangeError, 'size 3 has two frontier hashes');
    assert.throws(() => new Frontier(1, []), RangeError);
    assert.throws(() => new Frontier(1, [Buffer.alloc(16)]), RangeError);
    assert.throws(() => new Frontier().append(Buffer.alloc(33)), RangeError);
  });

  it('answers false, and never throws, for sizes out of order or hashes of the wrong length', () => {
    const leaf = leaves[2] ?? Buffer.alloc(0);
    const proof = inclusionProof(2, prefix(5));
    assert.ok(verifyInclusion(2, 5, leaf, proof, someRoot));
    assert.equal(verifyInclusion(5, 5, leaf, proof, someRoot), false);
    assert.equal(verifyInclusion(-1, 5, leaf, proof, someRoot), false);
    assert.equal(verifyInclusion(2, 5.5, leaf, proof, someRoot), false);
    assert.equal(verifyInclusion(2, 5, leaf.subarray(1), proof, someRoot), false);
    assert.equal(verifyInclusion(2, 5, leaf, [...proof.slice(0, -1), Buffer.alloc(31)], someRoot), false);
    assert.equal(verifyInclusion(2, 5, leaf, proof, someRoot.subarray(0, 31)), false);
    const cproof = consistencyProof(3, prefix(5));
    assert.ok(verifyConsistency(3, 5, rootAt(3), someRoot, cproof));
    assert.equal(verifyConsistency(5, 3, someRoot, rootAt(3), cproof), false);
    assert.equal(verifyConsistency(3, 5, rootAt(3), Buffer.alloc(0), cproof), false);
  });

  it('never throws on arbitrary input to the verifiers', () => {
    const anything = fc.anything({ withTypedArray: true, withBigInt: true });
    fc.assert(
      fc.property(anything, anything, anything, anything, anything, (a, b, c, d, e) => {
        const loose = verifyInclusion as (...args: unknown[]) => boolean;
        const looseConsistency = verifyConsistency as (...args: unknown[]) => boolean;
        return loose(a, b, c, d, e) === false && looseConsistency(a, b, c, d, e) === false;
      }),
      { numRuns: 300 },
    );
  });
});
