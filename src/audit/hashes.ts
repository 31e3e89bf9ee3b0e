/**
 * RFC 6962 hashing (section 2.1), kept apart from the tree code so stores and verifiers share exactly one
 * definition: a leaf is SHA-256(0x00 ‖ data) and an interior node SHA-256(0x01 ‖ left ‖ right). The prefixes
 * keep a leaf from ever being passed off as a node (second-preimage resistance).
 */
import { createHash } from 'node:crypto';

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export function leafHash(data: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(data).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** The root of the empty tree: SHA-256 of nothing. */
export function emptyRoot(): Buffer {
  return createHash('sha256').digest();
}
