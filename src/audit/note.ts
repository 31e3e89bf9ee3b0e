/**
 * Signed notes (c2sp.org/signed-note) with Ed25519 keys, and transparency-log checkpoints
 * (c2sp.org/tlog-checkpoint) as their text. The audit log publishes each checkpoint as a signed note, so an
 * auditor needs only the verifier key, and any tool that speaks the format (Go's golang.org/x/mod/sumdb/note,
 * witnesses) can check our checkpoints too. Parsing is strict: a note or checkpoint that is not exactly in the
 * format is rejected, never repaired.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** C2SP text encodings of one Ed25519 key pair. */
export interface NoteKeys {
  /** "PRIVATE+KEY+<name>+<hex8 key ID>+<base64(0x01 ‖ 32-byte seed)>": a secret. */
  readonly signerKey: string;
  /** "<name>+<hex8 key ID>+<base64(0x01 ‖ 32-byte public key)>". */
  readonly verifierKey: string;
}

export interface NoteSigner {
  readonly name: string;
  readonly verifierKey: string;
  /** The whole signed note: text (ending in "\n"), a blank line, and one signature line. */
  sign(text: string): string;
}

export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: Buffer;
}

export type NoteErrorReason =
  | 'malformed-key'
  | 'malformed-note'
  | 'unknown-key'
  | 'bad-signature'
  | 'malformed-checkpoint';

/** Why a key, note or checkpoint was refused; `reason` is stable, the message says what exactly. */
export class NoteError extends Error {
  readonly reason: NoteErrorReason;

  constructor(reason: NoteErrorReason, message: string) {
    super(message);
    this.name = 'NoteError';
    this.reason = reason;
  }
}

const ED25519_TYPE = 0x01;
const ED25519_KEY_SIZE = 32;
const ED25519_SIGNATURE_SIZE = 64;
const KEY_ID_SIZE = 4;
const ROOT_SIZE = 32;
const PRIVATE_KEY_PREFIX = 'PRIVATE+KEY+';
const SIGNATURE_LINE_START = '\u2014 ';
/** The spec asks verifiers for a limit of at least 16; Go's implementation allows 100. */
const MAX_SIGNATURES = 100;
/** PKCS #8 wrapping of a raw Ed25519 seed (RFC 8410): node:crypto imports a bare seed only this way. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function generateNoteKeys(name: string): NoteKeys {
  assertKeyName(name);
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const seed = Buffer.from(jwk.d ?? '', 'base64url');
  const publicKey = Buffer.from(jwk.x ?? '', 'base64url');
  const keyId = keyIdOf(name, publicKey);
  return {
    signerKey: `${PRIVATE_KEY_PREFIX}${name}+${keyId.toString('hex')}+${typedKeyBase64(seed)}`,
    verifierKey: `${name}+${keyId.toString('hex')}+${typedKeyBase64(publicKey)}`,
  };
}

export function noteSigner(signerKey: string): NoteSigner {
  const { name, keyId, privateKey, verifierKey } = parseSignerKey(signerKey);
  return {
    name,
    verifierKey,
    sign(text: string): string {
      assertNoteText(text);
      const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
      const encoded = Buffer.concat([keyId, signature]).toString('base64');
      return `${text}\n${SIGNATURE_LINE_START}${name} ${encoded}\n`;
    },
  };
}

/**
 * The text of `note` if a signature by `verifierKey` is on it and every signature by that key verifies.
 * Signatures by other keys are ignored, as the spec requires; a bad one by this key rejects the whole note.
 */
export function openNote(note: string | Uint8Array, verifierKey: string): string {
  const key = parseVerifierKey(verifierKey);
  const { text, signatures } = parseNote(typeof note === 'string' ? note : decodeUtf8(note));
  const ours = signatures.filter((sig) => sig.name === key.name && sig.keyId.equals(key.keyId));
  const keyLabel = `${key.name}+${key.keyId.toString('hex')}`;
  if (ours.length === 0) throw new NoteError('unknown-key', `the note has no signature by key ${keyLabel}`);
  const message = Buffer.from(text, 'utf8');
  for (const sig of ours) {
    if (!ed25519Verifies(message, key.publicKey, sig.signature)) {
      throw new NoteError('bad-signature', `invalid signature for key ${keyLabel}`);
    }
  }
  return text;
}

export function checkpointText(cp: Checkpoint): string {
  if (!isCheckpointLine(cp.origin)) {
    throw new NoteError('malformed-checkpoint', 'the origin must be one non-empty line');
  }
  if (!Number.isSafeInteger(cp.size) || cp.size < 0) {
    throw new NoteError('malformed-checkpoint', 'the tree size must be a non-negative safe integer');
  }
  if (!(cp.root instanceof Uint8Array) || cp.root.length !== ROOT_SIZE) {
    throw new NoteError('malformed-checkpoint', `the root hash must be ${ROOT_SIZE} bytes`);
  }
  return `${cp.origin}\n${cp.size}\n${Buffer.from(cp.root).toString('base64')}\n`;
}

/** Origin, size and root of a checkpoint's note text; extension lines are checked for form and ignored. */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) throw badCheckpoint('the text must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  const [origin, sizeLine, rootLine] = lines;
  if (origin === undefined || sizeLine === undefined || rootLine === undefined) {
    throw badCheckpoint('origin, tree size and root hash lines are required');
  }
  if (!lines.every(isCheckpointLine)) throw badCheckpoint('every line must be non-empty, with no control characters');
  if (!/^(0|[1-9][0-9]*)$/.test(sizeLine)) throw badCheckpoint('the tree size must be decimal without leading zeros');
  const size = Number(sizeLine);
  if (!Number.isSafeInteger(size)) throw badCheckpoint('the tree size is too large');
  const root = decodeBase64(rootLine);
  if (root?.length !== ROOT_SIZE) throw badCheckpoint(`the root hash must be the base64 of ${ROOT_SIZE} bytes`);
  return { origin, size, root };
}

interface NoteSignature {
  readonly name: string;
  readonly keyId: Buffer;
  readonly signature: Buffer;
}

interface ParsedNote {
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

interface VerifierKey {
  readonly name: string;
  readonly keyId: Buffer;
  readonly publicKey: KeyObject;
}

interface SignerKey {
  readonly name: string;
  readonly keyId: Buffer;
  readonly privateKey: KeyObject;
  readonly verifierKey: string;
}

function parseNote(note: string): ParsedNote {
  if (!isWellFormed(note)) throw badNote('not valid UTF-8');
  if (hasControlCharacter(note)) throw badNote('control characters other than newline are not allowed');
  if (!note.endsWith('\n')) throw badNote('the note must end with a newline');
  // The text may hold blank lines itself: the last blank line is the one before the signatures.
  const blankLine = note.lastIndexOf('\n\n');
  if (blankLine === -1) throw badNote('no blank line between the text and the signatures');
  const lines = note.slice(blankLine + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw badNote(`more than ${MAX_SIGNATURES} signatures`);
  return { text: note.slice(0, blankLine + 1), signatures: lines.map(parseSignatureLine) };
}

function parseSignatureLine(line: string): NoteSignature {
  if (!line.startsWith(SIGNATURE_LINE_START)) throw badNote('a signature line must start with an em dash and a space');
  const fields = line.slice(SIGNATURE_LINE_START.length).split(' ');
  const [name, encoded] = fields;
  if (fields.length !== 2 || name === undefined || encoded === undefined) {
    throw badNote('a signature line must be "\u2014 <key name> <base64 signature>"');
  }
  if (!isKeyName(name)) throw badNote(`invalid key name ${JSON.stringify(name)} in a signature line`);
  const bytes = decodeBase64(encoded);
  if (bytes === undefined) throw badNote('a signature is not valid base64');
  if (bytes.length <= KEY_ID_SIZE) throw badNote('a signature is too short to hold a key ID');
  return { name, keyId: bytes.subarray(0, KEY_ID_SIZE), signature: bytes.subarray(KEY_ID_SIZE) };
}

function parseVerifierKey(text: string): VerifierKey {
  const { name, keyId, keyBytes } = splitKey(text, 'verifier key');
  if (!keyIdOf(name, keyBytes).equals(keyId)) throw badKey('verifier key', 'the key ID does not match the key');
  const publicKey = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: keyBytes.toString('base64url') },
    format: 'jwk',
  });
  return { name, keyId, publicKey };
}

function parseSignerKey(text: string): SignerKey {
  if (!text.startsWith(PRIVATE_KEY_PREFIX)) throw badKey('signer key', `it must start with "${PRIVATE_KEY_PREFIX}"`);
  const { name, keyId, keyBytes: seed } = splitKey(text.slice(PRIVATE_KEY_PREFIX.length), 'signer key');
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x ?? '', 'base64url');
  // The ID in a signer key is that of its public key; a mismatch means the text was damaged or mixed up.
  if (!keyIdOf(name, publicKey).equals(keyId)) throw badKey('signer key', 'the key ID does not match the key');
  const verifierKey = `${name}+${keyId.toString('hex')}+${typedKeyBase64(publicKey)}`;
  return { name, keyId, privateKey, verifierKey };
}

/** "<name>+<hex8 key ID>+<base64(0x01 ‖ 32 bytes)>", the form both key encodings share after any prefix. */
function splitKey(text: string, what: string): { name: string; keyId: Buffer; keyBytes: Buffer } {
  // Names hold no '+', so the first two split the fields; the base64 may hold more.
  const [name = '', idHex = '', ...rest] = text.split('+');
  if (!isKeyName(name)) throw badKey(what, 'invalid key name');
  if (!/^[0-9a-f]{8}$/i.test(idHex)) throw badKey(what, 'the key ID must be 8 hexadecimal digits');
  const typed = decodeBase64(rest.join('+'));
  if (typed?.length !== 1 + ED25519_KEY_SIZE) throw badKey(what, 'the key must be the base64 of 33 bytes');
  if (typed[0] !== ED25519_TYPE) throw badKey(what, 'only Ed25519 keys (type 0x01) are supported');
  return { name, keyId: Buffer.from(idHex, 'hex'), keyBytes: typed.subarray(1) };
}

/** SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4], the Ed25519 key ID of the signed-note spec. */
function keyIdOf(name: string, publicKey: Uint8Array): Buffer {
  return createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, ED25519_TYPE]))
    .update(publicKey)
    .digest()
    .subarray(0, KEY_ID_SIZE);
}

function typedKeyBase64(key: Uint8Array): string {
  return Buffer.concat([Buffer.from([ED25519_TYPE]), key]).toString('base64');
}

function ed25519Verifies(message: Buffer, publicKey: KeyObject, signature: Buffer): boolean {
  if (signature.length !== ED25519_SIGNATURE_SIZE) return false;
  try {
    return verify(null, message, publicKey, signature);
  } catch {
    return false;
  }
}

function assertKeyName(name: string): void {
  if (!isKeyName(name)) {
    throw new NoteError('malformed-key', 'a key name must be non-empty, without spaces, "+" or control characters');
  }
}

function assertNoteText(text: string): void {
  if (!isWellFormed(text)) throw cannotSign('the text is not valid UTF-8');
  if (hasControlCharacter(text)) throw cannotSign('the text holds control characters other than newline');
  if (!text.endsWith('\n')) throw cannotSign('the text must end with a newline');
}

function isKeyName(name: string): boolean {
  return name.length > 0 && isWellFormed(name) && !/[\p{White_Space}+]/u.test(name) && !hasControlCharacter(name);
}

function isCheckpointLine(line: string): boolean {
  return line.length > 0 && isWellFormed(line) && !line.includes('\n') && !hasControlCharacter(line);
}

/** Below U+0020 other than newline: the characters the spec bans from notes. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x0a) return true;
  }
  return false;
}

/** A JavaScript string is valid UTF-8 when it has no unpaired surrogate. */
function isWellFormed(text: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

function badNote(why: string): NoteError {
  return new NoteError('malformed-note', `malformed note: ${why}`);
}

function cannotSign(why: string): NoteError {
  return new NoteError('malformed-note', `cannot sign: ${why}`);
}

function badKey(what: string, why: string): NoteError {
  return new NoteError('malformed-key', `malformed ${what}: ${why}`);
}

function badCheckpoint(why: string): NoteError {
  return new NoteError('malformed-checkpoint', `malformed checkpoint: ${why}`);
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    // ignoreBOM keeps a leading U+FEFF in the text: it is part of the signed bytes.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw badNote('not valid UTF-8');
  }
}

/** Standard, padded base64 (RFC 4648 section 4) in its one canonical spelling, else undefined. */
function decodeBase64(text: string): Buffer | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}
