/**
 * The scanner's file walk and file loading. The walk is a depth-first async generator: it holds one open
 * directory per level and never a list of the tree, so memory stays flat however many files there are.
 * `.gitignore` files apply at every level (each one relative to its own directory, deeper ones first, as git
 * reads them); `node_modules/` and `vendor/` are only counted unless dependencies are asked for, and then
 * walked as trees of their own (the project's `.gitignore` usually lists them); directory
 * symlinks are followed unless they point back at a directory on the current path (a loop). Loading a file
 * decodes UTF-8 and BOM-marked UTF-16, tells binary from text by a NUL byte, and turns every odd case into a
 * counted warning instead of an exception.
 */
import { closeSync, openSync, readSync, type Dirent, type Stats } from 'node:fs';
import { open, opendir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { ScanFile } from './types.ts';

export const WARNING_KINDS = ['binary', 'too-large', 'unreadable', 'symlink-loop', 'encoding', 'rule-error'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

/** Directory names that hold third-party code, skipped unless the caller asks for dependencies. */
export const DEPENDENCY_DIRS: ReadonlySet<string> = new Set(['node_modules', 'vendor']);
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;
const BINARY_SNIFF_BYTES = 8 * 1024;
const SAMPLE_LIMIT = 20;

export interface WarningSample {
  readonly kind: WarningKind;
  readonly path: string;
  readonly detail: string;
}

/** What the walk and the loader count; shared by both so the summary sees everything. */
export class WalkCounters {
  readonly warnings: Record<WarningKind, number> = Object.fromEntries(WARNING_KINDS.map((k) => [k, 0])) as Record<WarningKind, number>;
  /** The first few warnings with their paths, so a user can find them (bounded: never one per file). */
  readonly samples: WarningSample[] = [];
  skippedDependencyFiles = 0;
  /** Files and directories left out by a `.gitignore` (a directory counts once, its contents are not walked). */
  gitignored = 0;

  warn(kind: WarningKind, path: string, detail: string): void {
    this.warnings[kind] += 1;
    // Binary files (images, archives) are expected; samples are for what a user may want to fix or re-run.
    if (kind !== 'binary' && this.samples.length < SAMPLE_LIMIT) this.samples.push({ kind, path, detail });
  }
}

export interface WalkEntry {
  readonly absPath: string;
  /** Relative to the root, `/` separators. */
  readonly relPath: string;
}

export interface WalkOptions {
  readonly includeDeps: boolean;
  /** Only files whose lower-case name passes are yielded (the facts pass wants a handful of file types). */
  readonly wants?: (lowerName: string) => boolean;
}

interface IgnoreLayer {
  /** The directory of the `.gitignore`, relative to the root ('' for the root). */
  readonly base: string;
  readonly matcher: Ignore;
}

interface DirFrame {
  readonly abs: string;
  readonly rel: string;
  readonly layers: readonly IgnoreLayer[];
  /** device:inode of every directory on the path from the root, to recognise a symlink back to one. */
  readonly ancestors: readonly string[];
}

export async function* walkFiles(root: string, options: WalkOptions, counters: WalkCounters): AsyncGenerator<WalkEntry> {
  const rootStats = await stat(root);
  yield* walkDir({ abs: root, rel: '', layers: [], ancestors: [inodeKey(rootStats)] }, options, counters);
}

async function* walkDir(frame: DirFrame, options: WalkOptions, counters: WalkCounters): AsyncGenerator<WalkEntry> {
  const layers = await withGitignore(frame);
  let dir;
  try {
    dir = await opendir(frame.abs);
  } catch (err) {
    counters.warn('unreadable', frame.rel || '.', errorText(err));
    return;
  }
  for await (const dirent of dir) {
    if (dirent.name === '.git') continue;
    const rel = frame.rel === '' ? dirent.name : `${frame.rel}/${dirent.name}`;
    const abs = join(frame.abs, dirent.name);
    // Ignore rules see the entry as git does (a symlink is a file), before anything odd in it can warn.
    const maybeDependency = DEPENDENCY_DIRS.has(dirent.name);
    if (!maybeDependency && isIgnored(layers, rel, dirent.isDirectory())) {
      counters.gitignored += 1;
      continue;
    }
    const target = await classify(dirent, abs, rel, counters);
    if (target === null) continue;
    const dependency = maybeDependency && target.kind === 'dir';
    if (dependency && !options.includeDeps) {
      counters.skippedDependencyFiles += await countFiles(abs);
      continue;
    }
    if (maybeDependency && !dependency && isIgnored(layers, rel, false)) {
      counters.gitignored += 1;
      continue;
    }
    if (target.kind === 'file') {
      if (!options.wants || options.wants(dirent.name.toLowerCase())) yield { absPath: abs, relPath: rel };
      continue;
    }
    if (frame.ancestors.includes(target.key)) {
      counters.warn('symlink-loop', rel, 'links back to a directory that contains it');
      continue;
    }
    // Asked-for dependencies are scanned as trees of their own: the project's `.gitignore` usually lists them.
    const inherited = dependency ? [] : layers;
    yield* walkDir({ abs, rel, layers: inherited, ancestors: [...frame.ancestors, target.key] }, options, counters);
  }
}

type Target = { kind: 'file' } | { kind: 'dir'; key: string };

/** What a directory entry is, following symlinks; null (with a warning) when it cannot be scanned. */
async function classify(dirent: Dirent, abs: string, rel: string, counters: WalkCounters): Promise<Target | null> {
  if (dirent.isFile()) return { kind: 'file' };
  if (!dirent.isDirectory() && !dirent.isSymbolicLink()) {
    counters.warn('unreadable', rel, 'not a regular file (FIFO, socket or device)');
    return null;
  }
  let stats: Stats;
  try {
    stats = await stat(abs);
  } catch (err) {
    const loop = (err as NodeJS.ErrnoException).code === 'ELOOP';
    counters.warn(loop ? 'symlink-loop' : 'unreadable', rel, loop ? 'symlink chain loops' : errorText(err));
    return null;
  }
  if (stats.isDirectory()) return { kind: 'dir', key: inodeKey(stats) };
  if (stats.isFile()) return { kind: 'file' };
  counters.warn('unreadable', rel, 'symlink to something that is not a regular file');
  return null;
}

/** Adds this directory's `.gitignore` (if any) to the layers inherited from its parents. */
async function withGitignore(frame: DirFrame): Promise<readonly IgnoreLayer[]> {
  let content: string;
  try {
    content = await readFile(join(frame.abs, '.gitignore'), 'utf8');
  } catch {
    return frame.layers;
  }
  return [...frame.layers, { base: frame.rel, matcher: ignore().add(content) }];
}

/** Git's precedence: the deepest `.gitignore` with an opinion on the path decides. */
function isIgnored(layers: readonly IgnoreLayer[], rel: string, isDir: boolean): boolean {
  for (let i = layers.length - 1; i >= 0; i -= 1) {
    const layer = layers[i] as IgnoreLayer;
    const local = layer.base === '' ? rel : rel.slice(layer.base.length + 1);
    const result = layer.matcher.test(isDir ? `${local}/` : local);
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}

/** Counts the files under a skipped dependency directory without following symlinks or reading anything. */
async function countFiles(abs: string): Promise<number> {
  let count = 0;
  try {
    for await (const dirent of await opendir(abs)) {
      if (dirent.isDirectory()) count += await countFiles(join(abs, dirent.name));
      else count += 1;
    }
  } catch {
    // An unreadable corner of a skipped dependency tree changes only the count shown.
  }
  return count;
}

/**
 * Reads one walked file into what the rules see, or null (with a counted warning) when it cannot be read.
 * Text files above `maxFileSize`, binaries and undecodable files get `text: null` but keep their head, so
 * content-sniffing rules (model weights are big binaries) still see them.
 */
export async function loadFile(entry: WalkEntry, maxFileSize: number, counters: WalkCounters): Promise<ScanFile | null> {
  let bytes: Buffer;
  let size: number;
  try {
    const handle = await open(entry.absPath, 'r');
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw new Error('not a regular file');
      size = stats.size;
      bytes = await readPrefix(handle, size <= maxFileSize ? size : HEAD_BYTES);
    } finally {
      await handle.close();
    }
  } catch (err) {
    counters.warn('unreadable', entry.relPath, errorText(err));
    return null;
  }
  const head = bytes.subarray(0, HEAD_BYTES);
  const text = decodeText(bytes, size, maxFileSize, entry.relPath, counters);
  return makeScanFile(entry, size, head, text, maxFileSize, text !== null ? bytes : null);
}

async function readPrefix(handle: Awaited<ReturnType<typeof open>>, length: number): Promise<Buffer> {
  // Not zero-filled: only the `filled` bytes read are ever exposed.
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/** The file's text, or null with the reason counted (binary, too large, not valid UTF-8). */
function decodeText(bytes: Buffer, size: number, maxFileSize: number, rel: string, counters: WalkCounters): string | null {
  const utf16 = utf16Order(bytes);
  if (utf16 === null && bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    counters.warn('binary', rel, 'NUL byte in the first 8 KiB');
    return null;
  }
  if (size > maxFileSize) {
    counters.warn('too-large', rel, `${size} bytes, over the ${maxFileSize}-byte limit for text rules`);
    return null;
  }
  if (utf16 !== null) return decodeUtf16(bytes.subarray(2), utf16);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    counters.warn('encoding', rel, 'not valid UTF-8 and no UTF-16 byte-order mark');
    return null;
  }
}

function utf16Order(bytes: Buffer): 'le' | 'be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'be';
  return null;
}

function decodeUtf16(body: Buffer, order: 'le' | 'be'): string {
  const even = Buffer.from(body.subarray(0, body.length - (body.length % 2)));
  if (order === 'be') even.swap16();
  return even.toString('utf16le');
}

function makeScanFile(entry: WalkEntry, size: number, head: Buffer, text: string | null, maxFileSize: number, whole: Buffer | null): ScanFile {
  const name = entry.relPath.slice(entry.relPath.lastIndexOf('/') + 1).toLowerCase();
  return {
    path: entry.relPath,
    name,
    extension: extname(name).slice(1),
    size,
    text,
    head,
    readAll: () => whole ?? readBounded(entry.absPath, Math.min(size, maxFileSize)),
  };
}

/** Synchronous bounded read for rules that need more than the head of a binary; never above the size limit. */
function readBounded(absPath: string, length: number): Buffer {
  const fd = openSync(absPath, 'r');
  try {
    const buffer = Buffer.alloc(length);
    let filled = 0;
    while (filled < length) {
      const read = readSync(fd, buffer, filled, length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return buffer.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

function inodeKey(stats: Stats): string {
  return `${stats.dev}:${stats.ino}`;
}

function errorText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code ?? e.message ?? String(err);
}
