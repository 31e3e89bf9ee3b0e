/**
 * The audit log's Merkle tree (RFC 6962 section 2.1, verification as in RFC 9162 section 2.1): the tree head
 * over leaf hashes, an incremental root that needs only O(log n) memory (for the writer), and inclusion and
 * consistency proofs with their verifiers (for an offline auditor). Generating functions validate their
 * arguments and throw a RangeError; verifying functions read untrusted input, so they never throw and only
 * answer true or false.
 */
import { timingSafeEqual } from 'node:crypto';
import { emptyRoot, nodeHash } from './hashes.ts';

const HASH_SIZE = 32;

/** RFC 6962 MTH(D[n]) over the given leaf hashes; the empty tree's root is SHA-256 of nothing. */
export function rootOf(leafHashes: readonly Uint8Array[]): Buffer {
  assertLeafHashes(leafHashes);
  if (leafHashes.length === 0) return emptyRoot();
  return Buffer.from(rangeRoot(leafHashes, 0, leafHashes.length));
}

/**
 * The root of a growing tree from the roots of its perfect subtrees along the left edge, largest first: one
 * per set bit of the size. Appending merges subtrees like a binary counter carries.
 */
export class Frontier {
  #size: number;
  readonly #hashes: Buffer[];

  constructor(size = 0, hashes: readonly Uint8Array[] = []) {
    if (!isCount(size)) throw new RangeError(`tree size ${String(size)} is not a non-negative safe integer`);
    if (hashes.length !== bitCount(size)) {
      throw new RangeError(`a tree of ${size} leaves has ${bitCount(size)} frontier hashes, not ${hashes.length}`);
    }
    if (!hashes.every(isHash)) throw new RangeError(`frontier hashes must be ${HASH_SIZE} bytes each`);
    this.#size = size;
    this.#hashes = hashes.map((hash) => Buffer.from(hash));
  }

  get size(): number {
    return this.#size;
  }

  append(leafHash: Uint8Array): void {
    if (!isHash(leafHash)) throw new RangeError(`a leaf hash must be ${HASH_SIZE} bytes`);
    if (this.#size >= Number.MAX_SAFE_INTEGER) throw new RangeError('the tree cannot grow any further');
    let carried: Buffer = Buffer.from(leafHash);
    // Each trailing 1 bit of the old size is a perfect subtree of the new leaf's size: they merge.
    for (let rest = this.#size; isOdd(rest); rest = half(rest)) {
      const left = this.#hashes.pop();
      if (left === undefined) throw new Error('frontier hashes out of step with the tree size');
      carried = nodeHash(left, carried);
    }
    this.#hashes.push(carried);
    this.#size += 1;
  }

  root(): Buffer {
    const last = this.#hashes.at(-1);
    if (last === undefined) return emptyRoot();
    let root: Buffer = Buffer.from(last);
    for (let i = this.#hashes.length - 2; i >= 0; i -= 1) root = nodeHash(at(this.#hashes, i), root);
    return root;
  }

  /** Everything needed to resume: `new Frontier(state.size, state.hashes)`. */
  state(): { size: number; hashes: Buffer[] } {
    return { size: this.#size, hashes: this.#hashes.map((hash) => Buffer.from(hash)) };
  }
}

/** RFC 6962 2.1.1 PATH(index, D[n]) with n = leafHashes.length: sibling roots from the leaf upwards. */
export function inclusionProof(index: number, leafHashes: readonly Uint8Array[]): Buffer[] {
  assertLeafHashes(leafHashes);
  if (!isCount(index) || index >= leafHashes.length) {
    throw new RangeError(`leaf index ${String(index)} is outside a tree of ${leafHashes.length} leaves`);
  }
  const proof: Buffer[] = [];
  collectPath(leafHashes, index, 0, leafHashes.length, proof);
  return proof;
}

/**
 * RFC 6962 2.1.2 PROOF(oldSize, D[n]) with n = leafHashes.length. For oldSize = n that definition gives the
 * empty proof; oldSize = 0 is outside it and gets the empty proof too, the empty tree being a prefix of all.
 */
export function consistencyProof(oldSize: number, leafHashes: readonly Uint8Array[]): Buffer[] {
  assertLeafHashes(leafHashes);
  if (!isCount(oldSize) || oldSize > leafHashes.length) {
    throw new RangeError(`old size ${String(oldSize)} is outside a tree of ${leafHashes.length} leaves`);
  }
  const proof: Buffer[] = [];
  if (oldSize > 0 && oldSize < leafHashes.length) {
    collectSubproof(leafHashes, oldSize, 0, leafHashes.length, true, proof);
  }
  return proof;
}

/** RFC 9162 2.1.3.2: does `proof` lead from the leaf at `index` to `root` in a tree of `size` leaves? */
export function verifyInclusion(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  // Verifiers read untrusted input: anything unexpected is a failed proof, never an exception.
  try {
    if (!isCount(index) || !isCount(size) || index >= size) return false;
    if (!isHash(leafHash) || !isHash(root) || !isHashList(proof)) return false;
    let fn = index;
    let sn = size - 1;
    let hash: Uint8Array = leafHash;
    for (const sibling of proof) {
      if (sn === 0) return false;
      if (isOdd(fn) || fn === sn) {
        hash = nodeHash(sibling, hash);
        // Climb past the levels where this node has no right sibling (the tree's right edge).
        while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
      } else {
        hash = nodeHash(hash, sibling);
      }
      [fn, sn] = [half(fn), half(sn)];
    }
    return sn === 0 && bytesEqual(hash, root);
  } catch {
    return false;
  }
}

/**
 * RFC 9162 2.1.4.2: is the tree of `newSize` leaves an append-only extension of the one of `oldSize`? That
 * algorithm covers 0 < oldSize < newSize. Outside it, as transparency-dev/merkle does, equal sizes need equal
 * roots and the empty tree (whose root must be the empty root) is consistent with every tree, both only with
 * an empty proof.
 */
export function verifyConsistency(
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  // Verifiers read untrusted input: anything unexpected is a failed proof, never an exception.
  try {
    if (!isCount(oldSize) || !isCount(newSize) || oldSize > newSize) return false;
    if (!isHash(oldRoot) || !isHash(newRoot) || !isHashList(proof)) return false;
    if (oldSize === 0 && !bytesEqual(oldRoot, emptyRoot())) return false;
    if (oldSize === newSize) return proof.length === 0 && bytesEqual(oldRoot, newRoot);
    if (oldSize === 0) return proof.length === 0;
    if (proof.length === 0) return false;
    // A perfect old tree is itself a node of the new tree, so the proof leaves it out.
    const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
    let fn = oldSize - 1;
    let sn = newSize - 1;
    while (isOdd(fn)) [fn, sn] = [half(fn), half(sn)];
    let oldHash = at(path, 0);
    let newHash = oldHash;
    for (const node of path.slice(1)) {
      if (sn === 0) return false;
      if (isOdd(fn) || fn === sn) {
        oldHash = nodeHash(node, oldHash);
        newHash = nodeHash(node, newHash);
        while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
      } else {
        newHash = nodeHash(newHash, node);
      }
      [fn, sn] = [half(fn), half(sn)];
    }
    return sn === 0 && bytesEqual(oldHash, oldRoot) && bytesEqual(newHash, newRoot);
  } catch {
    return false;
  }
}

/** PATH(m, D[lo:hi]), m relative to lo; the deepest sibling goes first. */
function collectPath(leaves: readonly Uint8Array[], m: number, lo: number, hi: number, out: Buffer[]): void {
  if (hi - lo === 1) return;
  const k = splitPoint(hi - lo);
  if (m < k) {
    collectPath(leaves, m, lo, lo + k, out);
    out.push(Buffer.from(rangeRoot(leaves, lo + k, hi)));
  } else {
    collectPath(leaves, m - k, lo + k, hi, out);
    out.push(Buffer.from(rangeRoot(leaves, lo, lo + k)));
  }
}

/**
 * SUBPROOF(m, D[lo:hi], oldRootKnown), m relative to lo. `oldRootKnown` is RFC 6962's b: whether this
 * subtree is the whole old tree, whose root the verifier already has.
 */
function collectSubproof(
  leaves: readonly Uint8Array[],
  m: number,
  lo: number,
  hi: number,
  oldRootKnown: boolean,
  out: Buffer[],
): void {
  if (m === hi - lo) {
    if (!oldRootKnown) out.push(Buffer.from(rangeRoot(leaves, lo, hi)));
    return;
  }
  const k = splitPoint(hi - lo);
  if (m <= k) {
    collectSubproof(leaves, m, lo, lo + k, oldRootKnown, out);
    out.push(Buffer.from(rangeRoot(leaves, lo + k, hi)));
  } else {
    collectSubproof(leaves, m - k, lo + k, hi, false, out);
    out.push(Buffer.from(rangeRoot(leaves, lo, lo + k)));
  }
}

/** MTH(D[lo:hi]) of a non-empty range: hi - lo - 1 node hashes. */
function rangeRoot(leaves: readonly Uint8Array[], lo: number, hi: number): Uint8Array {
  if (hi - lo === 1) return at(leaves, lo);
  const mid = lo + splitPoint(hi - lo);
  return nodeHash(rangeRoot(leaves, lo, mid), rangeRoot(leaves, mid, hi));
}

/** The largest power of two below n (n >= 2): where RFC 6962 splits a tree of n leaves. */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function assertLeafHashes(leafHashes: readonly Uint8Array[]): void {
  const bad = leafHashes.findIndex((hash) => !isHash(hash));
  if (bad !== -1) throw new RangeError(`leaf hash ${bad} is not ${HASH_SIZE} bytes`);
}

function at<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new RangeError(`no item at ${i}`);
  return item;
}

function isHash(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.length === HASH_SIZE;
}

function isHashList(value: unknown): value is readonly Uint8Array[] {
  return Array.isArray(value) && value.every(isHash);
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

// Arithmetic rather than bit operators: those truncate to 32 bits, and sizes may grow past 2^32.
function isOdd(n: number): boolean {
  return n % 2 === 1;
}

function half(n: number): number {
  return Math.floor(n / 2);
}

function isPowerOfTwo(n: number): boolean {
  while (n > 1 && !isOdd(n)) n = half(n);
  return n === 1;
}

function bitCount(n: number): number {
  let count = 0;
  for (let rest = n; rest > 0; rest = half(rest)) count += rest % 2;
  return count;
}
