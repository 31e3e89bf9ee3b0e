/**
 * A pass-through stream that hashes (SHA-256) and counts the bytes flowing through it, so a file's digest is
 * known the moment it has been read or written, without reading it a second time.
 */
import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

export interface FileDigest {
  readonly sha256: string;
  readonly bytes: number;
}

export class DigestTap extends Transform {
  private readonly hash = createHash('sha256');
  private count = 0;
  private digest: FileDigest | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.count += chunk.length;
    callback(null, chunk);
  }

  /** The digest of everything that passed; valid once the stream has ended. */
  result(): FileDigest {
    this.digest ??= { sha256: this.hash.digest('hex'), bytes: this.count };
    return this.digest;
  }
}
