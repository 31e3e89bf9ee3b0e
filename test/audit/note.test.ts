/**
 * Tests of C2SP signed notes and tlog checkpoints: interoperability with the published example keys and notes
 * of Go's golang.org/x/mod/sumdb/note (which implements c2sp.org/signed-note), round trips with fresh keys,
 * the specific reason for every refusal, and strict checkpoint parsing.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  checkpointText,
  generateNoteKeys,
  NoteError,
  noteSigner,
  openNote,
  parseCheckpoint,
} from '../../src/audit/note.ts';
import type { NoteErrorReason } from '../../src/audit/note.ts';

// From golang.org/x/mod/sumdb/note, note_test.go (TestSign, TestOpen): keys, text and signature lines.
const PETER_VERIFIER = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_SIGNER = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const ENOCH_VERIFIER = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIG =
  '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const ENOCH_SIG =
  '\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';

// From c2sp.org/signed-note and c2sp.org/tlog-checkpoint: example notes whose verifier keys are not published.
const C2SP_NOTE =
  'Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned \u00e8 subito sera.\n\n' +
  '\u2014 quasimodo.example/salvatore ' +
  'NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=\n';
const C2SP_CHECKPOINT_TEXT = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';

/** Drops the characters below U+0020, which notes may not hold (newlines are added back by the caller). */
function printableOnly(text: string): string {
  return [...text].filter((char) => char.charCodeAt(0) >= 0x20).join('');
}

function rejects(action: () => unknown, reason: NoteErrorReason, message?: RegExp): void {
  assert.throws(action, (error: unknown) => {
    assert.ok(error instanceof NoteError, `not a NoteError: ${String(error)}`);
    assert.equal(error.reason, reason, error.message);
    if (message) assert.match(error.message, message);
    return true;
  });
}

function withCharIncremented(text: string, i: number): string {
  return text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) + 1) + text.slice(i + 1);
}

/** The note with one byte of its base64 signature changed, keeping the base64 valid. */
function withSignatureByteFlipped(note: string, byteIndex: number): string {
  const lineStart = note.lastIndexOf('\u2014 ');
  const space = note.indexOf(' ', lineStart + 2);
  const bytes = Buffer.from(note.slice(space + 1, -1), 'base64');
  bytes[byteIndex] = (bytes[byteIndex] ?? 0) ^ 0x01;
  return `${note.slice(0, space + 1)}${bytes.toString('base64')}\n`;
}

const keys = generateNoteKeys('audit.example/log');
const signer = noteSigner(keys.signerKey);

describe('signed notes: interoperability with the published examples', () => {
  it('opens the Go reference note with its verifier key', () => {
    assert.equal(openNote(GO_TEXT + '\n' + PETER_SIG, PETER_VERIFIER), GO_TEXT);
  });

  it('signs byte for byte like the Go reference (Ed25519 is deterministic)', () => {
    const peter = noteSigner(PETER_SIGNER);
    assert.equal(peter.name, 'PeterNeumann');
    assert.equal(peter.verifierKey, PETER_VERIFIER);
    assert.equal(peter.sign(GO_TEXT), GO_TEXT + '\n' + PETER_SIG);
  });

  it('opens a note signed by two keys with either key, ignoring the other signature', () => {
    const note = GO_TEXT + '\n' + PETER_SIG + ENOCH_SIG;
    assert.equal(openNote(note, PETER_VERIFIER), GO_TEXT);
    assert.equal(openNote(note, ENOCH_VERIFIER), GO_TEXT);
  });

  it('rejects the Go note once a byte of the text changes', () => {
    const tampered = GO_TEXT.replace('cryptography', 'cryptographY') + '\n' + PETER_SIG;
    rejects(() => openNote(tampered, PETER_VERIFIER), 'bad-signature', /PeterNeumann\+c74f20a3/);
  });

  it('parses the C2SP example note (its key is unpublished, so it opens under no key of ours)', () => {
    rejects(() => openNote(C2SP_NOTE, keys.verifierKey), 'unknown-key');
    rejects(() => openNote(C2SP_NOTE, PETER_VERIFIER), 'unknown-key');
  });

  it('parses the C2SP example checkpoint', () => {
    const cp = parseCheckpoint(C2SP_CHECKPOINT_TEXT);
    assert.equal(cp.origin, 'example.com/behind-the-sofa');
    assert.equal(cp.size, 20852163);
    assert.equal(cp.root.toString('base64'), 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=');
    assert.equal(checkpointText(cp), C2SP_CHECKPOINT_TEXT);
  });
});

describe('signed notes: keys', () => {
  it('encodes generated keys in the C2SP forms, with the key ID of the spec', () => {
    const signerParts = /^PRIVATE\+KEY\+audit\.example\/log\+([0-9a-f]{8})\+([A-Za-z0-9+/]{44})$/.exec(keys.signerKey);
    const verifierParts = /^audit\.example\/log\+([0-9a-f]{8})\+([A-Za-z0-9+/]{44})$/.exec(keys.verifierKey);
    assert.ok(signerParts && verifierParts, `${keys.signerKey} / ${keys.verifierKey}`);
    assert.equal(signerParts[1], verifierParts[1], 'the same key ID in both');
    const publicKey = Buffer.from(verifierParts[2] ?? '', 'base64');
    assert.equal(publicKey.length, 33);
    assert.equal(Buffer.from(signerParts[2] ?? '', 'base64')[0], 0x01, 'seed typed as Ed25519');
    assert.equal(publicKey[0], 0x01, 'public key typed as Ed25519');
    const keyId = createHash('sha256').update('audit.example/log\n').update(publicKey).digest().subarray(0, 4);
    assert.equal(verifierParts[1], keyId.toString('hex'), 'key ID = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key)[:4]');
    assert.equal(signer.verifierKey, keys.verifierKey);
    assert.equal(signer.name, 'audit.example/log');
    assert.notEqual(generateNoteKeys('audit.example/log').verifierKey, keys.verifierKey);
  });

  it('refuses key names that are empty or hold spaces, "+" or control characters', () => {
    for (const name of ['', 'a b', 'a+b', 'tab\there', 'nbsp\u00a0here', 'line\u2028sep', 'ctl\u0001']) {
      rejects(() => generateNoteKeys(name), 'malformed-key');
    }
  });

  it('refuses every truncation and every one-byte change of a verifier key', () => {
    for (let start = 0; start < PETER_VERIFIER.length; start += 1) {
      for (let end = start + 1; end <= PETER_VERIFIER.length; end += 1) {
        if (start === 0 && end === PETER_VERIFIER.length) continue;
        rejects(() => openNote(GO_TEXT + '\n' + PETER_SIG, PETER_VERIFIER.slice(start, end)), 'malformed-key');
      }
    }
    for (let i = 0; i < PETER_VERIFIER.length; i += 1) {
      rejects(() => openNote(GO_TEXT + '\n' + PETER_SIG, withCharIncremented(PETER_VERIFIER, i)), 'malformed-key');
    }
  });

  it('refuses every truncation and every one-byte change of a signer key', () => {
    for (let end = 1; end < PETER_SIGNER.length; end += 1) {
      rejects(() => noteSigner(PETER_SIGNER.slice(0, end)), 'malformed-key');
    }
    for (let i = 0; i < PETER_SIGNER.length; i += 1) {
      rejects(() => noteSigner(withCharIncremented(PETER_SIGNER, i)), 'malformed-key');
    }
    rejects(() => noteSigner(PETER_VERIFIER), 'malformed-key', /PRIVATE\+KEY\+/);
  });

  it('refuses a verifier key whose ID does not match, or of another type or length (Go test vectors)', () => {
    const note = GO_TEXT + '\n' + PETER_SIG;
    const otherId = PETER_VERIFIER.replace('c74f20a3', 'c74f20a4');
    rejects(() => openNote(note, otherId), 'malformed-key', /key ID does not match/);
    const otherType = 'PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
    rejects(() => openNote(note, otherType), 'malformed-key', /type 0x01/);
    const longer = 'PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==';
    rejects(() => openNote(note, longer), 'malformed-key', /33 bytes/);
  });
});

describe('signed notes: signing and opening', () => {
  it('round-trips any valid text', () => {
    const lines = fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }).map(printableOnly), { maxLength: 6 });
    fc.assert(
      fc.property(lines, (textLines) => {
        const text = textLines.map((line) => `${line}\n`).join('') || '\n';
        return openNote(signer.sign(text), keys.verifierKey) === text;
      }),
      { numRuns: 200 },
    );
  });

  it('opens notes given as UTF-8 bytes, and refuses invalid UTF-8', () => {
    const note = signer.sign('caf\u00e9\n');
    assert.equal(openNote(Buffer.from(note, 'utf8'), keys.verifierKey), 'caf\u00e9\n');
    const bytes = Buffer.from(note, 'utf8');
    bytes[3] = 0xff;
    rejects(() => openNote(bytes, keys.verifierKey), 'malformed-note', /UTF-8/);
    rejects(() => openNote(`\ud800${note}`, keys.verifierKey), 'malformed-note', /UTF-8/);
  });

  it('rejects a note whose text changed in any byte, naming the key', () => {
    const text = 'example.com/log\n42\nAAAA\n';
    const note = signer.sign(text);
    // The text's final newline belongs to the separator, so changing it makes a malformed note instead.
    for (let i = 0; i < text.length - 1; i += 1) {
      const bent = text.slice(0, i) + (text[i] === 'x' ? 'y' : 'x') + note.slice(i + 1);
      rejects(() => openNote(bent, keys.verifierKey), 'bad-signature', /^invalid signature for key audit\.example\/log\+/);
    }
  });

  it('rejects a note whose signature changed in any byte', () => {
    const note = signer.sign('hello\n');
    for (let i = 4; i < 68; i += 1) {
      rejects(() => openNote(withSignatureByteFlipped(note, i), keys.verifierKey), 'bad-signature');
    }
  });

  it('reports an unknown key for another key, also one of the same name, and for a changed key ID', () => {
    const note = signer.sign('hello\n');
    rejects(() => openNote(note, generateNoteKeys('audit.example/log').verifierKey), 'unknown-key');
    rejects(() => openNote(note, generateNoteKeys('other.example/log').verifierKey), 'unknown-key');
    for (let i = 0; i < 4; i += 1) {
      rejects(() => openNote(withSignatureByteFlipped(note, i), keys.verifierKey), 'unknown-key');
    }
  });

  it('opens a note that also carries a signature by an unknown key, in either order', () => {
    const other = noteSigner(generateNoteKeys('witness.example').signerKey);
    const text = 'two signers\n';
    const ourLine = signer.sign(text).slice(text.length + 1);
    const theirLine = other.sign(text).slice(text.length + 1);
    assert.equal(openNote(`${text}\n${ourLine}${theirLine}`, keys.verifierKey), text);
    assert.equal(openNote(`${text}\n${theirLine}${ourLine}`, keys.verifierKey), text);
    assert.equal(openNote(`${text}\n${theirLine}${ourLine}`, other.verifierKey), text);
  });

  it('rejects the whole note when any signature by the key is bad, even beside a good one', () => {
    const note = signer.sign('hello\n');
    const badLine = withSignatureByteFlipped(note, 10).slice('hello\n\n'.length);
    rejects(() => openNote(note + badLine, keys.verifierKey), 'bad-signature');
  });

  it('keeps blank lines inside the text: only the last blank line separates the signatures', () => {
    const text = 'first\n\nsecond\n\n';
    assert.equal(openNote(signer.sign(text), keys.verifierKey), text);
  });

  it('refuses to sign text that is not a valid note text', () => {
    for (const text of ['', 'no newline', 'tab\there\n', 'carriage\r\n', `lone \udc00\n`]) {
      rejects(() => signer.sign(text), 'malformed-note', /cannot sign/);
    }
  });

  it('refuses malformed notes with a specific message', () => {
    const note = signer.sign('hello\n');
    const line = note.slice('hello\n\n'.length);
    const encoded = line.slice(line.lastIndexOf(' ') + 1, -1);
    const cases: [string, string, RegExp][] = [
      ['no blank line', `hello\n${line}`, /no blank line/],
      ['only the text', 'hello\n', /no blank line/],
      ['no signature', 'hello\n\n', /em dash/],
      ['no final newline', note.slice(0, -1), /end with a newline/],
      ['hyphen instead of em dash', note.replace('\u2014', '-'), /em dash/],
      ['en dash instead of em dash', note.replace('\u2014', '\u2013'), /em dash/],
      ['no space after the dash', note.replace('\u2014 ', '\u2014'), /em dash/],
      ['space in the key name', note.replace('audit.example/log', 'audit example/log'), /signature line must be/],
      ['plus in the key name', note.replace('audit.example/log', 'audit+log'), /invalid key name/],
      ['bad base64', note.replace(encoded, `${encoded.slice(0, -4)}!!!=`), /base64/],
      ['unpadded base64', note.replace(encoded, encoded.replace(/=+$/, '')), /base64/],
      ['signature shorter than a key ID', note.replace(encoded, 'AAAAAA=='), /too short/],
      ['trailing text line', `${note}unexpected\n`, /em dash/],
      ['control character', `\u0001${note}`, /control characters/],
      ['carriage return', note.replace('hello\n', 'hello\r\n'), /control characters/],
      ['too many signatures', `hello\n\n${line.repeat(101)}`, /more than 100/],
    ];
    for (const [what, bad, message] of cases) {
      assert.throws(
        () => openNote(bad, keys.verifierKey),
        (error: unknown) =>
          error instanceof NoteError && error.reason === 'malformed-note' && message.test(error.message),
        what,
      );
    }
    assert.equal(openNote(`hello\n\n${line.repeat(100)}`, keys.verifierKey), 'hello\n', '100 signatures are fine');
  });
});

describe('checkpoints', () => {
  const root = Buffer.alloc(32, 7);

  it('round-trips origin, size and root', () => {
    const origins = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((s) => printableOnly(s) === s);
    const sizes = fc.nat({ max: Number.MAX_SAFE_INTEGER });
    const roots = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes));
    fc.assert(
      fc.property(origins, sizes, roots, (origin, size, rootHash) => {
        const parsed = parseCheckpoint(checkpointText({ origin, size, root: rootHash }));
        return parsed.origin === origin && parsed.size === size && parsed.root.equals(rootHash);
      }),
      { numRuns: 200 },
    );
  });

  it('writes the exact C2SP text', () => {
    const expected = `audit.example/log\n0\n${root.toString('base64')}\n`;
    assert.equal(checkpointText({ origin: 'audit.example/log', size: 0, root }), expected);
  });

  it('parses extension lines correctly and ignores them', () => {
    const cp = parseCheckpoint(`${C2SP_CHECKPOINT_TEXT}ext one\nsecond extension\n`);
    assert.equal(cp.origin, 'example.com/behind-the-sofa');
    assert.equal(cp.size, 20852163);
    assert.equal(cp.root.toString('base64'), 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=');
  });

  it('signs, opens and parses as one flow', () => {
    const note = signer.sign(checkpointText({ origin: signer.name, size: 12, root }));
    const cp = parseCheckpoint(openNote(note, keys.verifierKey));
    assert.equal(cp.origin, signer.name);
    assert.equal(cp.size, 12);
    assert.ok(cp.root.equals(root));
  });

  it('refuses malformed checkpoint text', () => {
    const b64 = root.toString('base64');
    const cases: [string, string][] = [
      ['no final newline', `o\n1\n${b64}`],
      ['two lines', `o\n1\n`],
      ['empty origin', `\n1\n${b64}\n`],
      ['leading zero', `o\n01\n${b64}\n`],
      ['negative size', `o\n-1\n${b64}\n`],
      ['plus sign', `o\n+1\n${b64}\n`],
      ['exponent', `o\n1e3\n${b64}\n`],
      ['space in size', `o\n 1\n${b64}\n`],
      ['size beyond 2^53', `o\n9007199254740993\n${b64}\n`],
      ['empty size', `o\n\n${b64}\n`],
      ['31-byte root', `o\n1\n${Buffer.alloc(31).toString('base64')}\n`],
      ['33-byte root', `o\n1\n${Buffer.alloc(33).toString('base64')}\n`],
      ['root without padding', `o\n1\n${b64.replace(/=+$/, '')}\n`],
      ['root in base64url', `o\n1\n${Buffer.alloc(32, 0xfb).toString('base64url')}=\n`],
      ['non-canonical root', `o\n1\n${b64.slice(0, -2)}9=\n`],
      ['empty extension line', `o\n1\n${b64}\n\nmore\n`],
      ['trailing blank line', `o\n1\n${b64}\n\n`],
      ['CRLF line ends', `o\r\n1\r\n${b64}\r\n`],
      ['control character', `o\u0007\n1\n${b64}\n`],
    ];
    for (const [what, text] of cases) {
      assert.throws(
        () => parseCheckpoint(text),
        (error: unknown) => error instanceof NoteError && error.reason === 'malformed-checkpoint',
        what,
      );
    }
  });

  it('refuses to write a checkpoint that could not be parsed back', () => {
    rejects(() => checkpointText({ origin: '', size: 1, root }), 'malformed-checkpoint');
    rejects(() => checkpointText({ origin: 'a\nb', size: 1, root }), 'malformed-checkpoint');
    rejects(() => checkpointText({ origin: 'o', size: -1, root }), 'malformed-checkpoint');
    rejects(() => checkpointText({ origin: 'o', size: 1.5, root }), 'malformed-checkpoint');
    rejects(() => checkpointText({ origin: 'o', size: 1, root: Buffer.alloc(31) }), 'malformed-checkpoint');
  });
});
