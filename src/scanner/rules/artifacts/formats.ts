/**
 * Model weight formats recognised from the first bytes of a file (at most 64 KiB, so a multi-gigabyte file costs
 * no more than a small one): GGUF and the GGML formats before it, safetensors, PyTorch zip archives and legacy
 * pickles (and pickled scikit-learn/XGBoost models), ONNX protobufs, Keras HDF5 and `.keras` archives, TFLite
 * flatbuffers. Each test checks structure (versions, lengths, field numbers, entry names), not just a magic
 * number, so a file merely named like a model, or noise that starts with the right byte, is not one.
 */

export interface ModelFormat {
  /** `gguf`, `safetensors`, `pytorch`, `pickle`, `onnx`, `keras-h5`, `keras`, `tflite`, `ggml`. */
  readonly format: string;
  readonly label: string;
}

/** `1 tensor`, `3 tensors`. */
export const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
const u32 = (b: Buffer, at: number): number => (at + 4 <= b.length ? b.readUInt32LE(at) : -1);
const u64 = (b: Buffer, at: number): number => (at + 8 <= b.length ? Number(b.readBigUInt64LE(at)) : -1);

function ascii(b: Buffer, at: number, length: number): string {
  return b.subarray(at, at + length).toString('latin1');
}

/** GGUF: `GGUF`, version 1–3, plausible tensor and metadata counts, a printable first metadata key. */
function gguf(b: Buffer): ModelFormat | null {
  if (ascii(b, 0, 4) !== 'GGUF') return null;
  const version = u32(b, 4);
  if (version < 1 || version > 3) return null;
  const wide = version >= 2;
  const tensors = wide ? u64(b, 8) : u32(b, 8);
  const keys = wide ? u64(b, 16) : u32(b, 12);
  if (tensors < 0 || tensors > 1_000_000 || keys < 0 || keys > 100_000) return null;
  const keyAt = wide ? 24 : 16;
  const keyLength = wide ? u64(b, keyAt) : u32(b, keyAt);
  const keyStart = keyAt + (wide ? 8 : 4);
  if (keys > 0 && b.length >= keyStart + 1) {
    if (keyLength < 1 || keyLength > 1024) return null;
    if (!/^[\x20-\x7e]+$/.test(ascii(b, keyStart, Math.min(keyLength, b.length - keyStart)))) return null;
  }
  return { format: 'gguf', label: `GGUF v${version} model weights (${plural(tensors, 'tensor')})` };
}

/** llama.cpp's formats before GGUF: `ggjt`/`ggmf`/`ggml` magic (stored little-endian) with a small version. */
function ggml(b: Buffer): ModelFormat | null {
  const magic = ascii(b, 0, 4);
  if (magic === 'lmgg') return { format: 'ggml', label: 'GGML model weights' };
  if ((magic === 'tjgg' || magic === 'fmgg') && u32(b, 4) >= 1 && u32(b, 4) <= 3) {
    return { format: 'ggml', label: 'GGML model weights' };
  }
  return null;
}

interface TensorEntry {
  readonly dtype?: unknown;
  readonly shape?: unknown;
  readonly data_offsets?: unknown;
}

function isTensorEntry(entry: unknown): boolean {
  if (typeof entry !== 'object' || entry === null) return false;
  const { dtype, shape, data_offsets: offsets } = entry as TensorEntry;
  return typeof dtype === 'string' && Array.isArray(shape) && Array.isArray(offsets) && offsets.length === 2;
}

/** safetensors: 8-byte little-endian header length, then a JSON header of tensors (dtype, shape, data_offsets). */
function safetensors(b: Buffer, size: number): ModelFormat | null {
  const length = u64(b, 0);
  if (length < 2 || length > 100_000_000 || 8 + length > size || b[8] !== 0x7b) return null;
  if (8 + length <= b.length) {
    try {
      const header = JSON.parse(b.subarray(8, 8 + length).toString('utf8')) as Record<string, unknown>;
      const tensors = Object.entries(header).filter(([name]) => name !== '__metadata__');
      if (tensors.length === 0 || !tensors.every(([, entry]) => isTensorEntry(entry))) return null;
      return { format: 'safetensors', label: `safetensors model weights (${plural(tensors.length, 'tensor')})` };
    } catch {
      return null;
    }
  }
  // A header longer than the head (large models): the visible part must read as tensor entries.
  const visible = b.subarray(8).toString('latin1');
  const looksLikeHeader = /"dtype"\s*:\s*"[A-Za-z0-9_]+"/.test(visible) && /"data_offsets"\s*:\s*\[\s*\d/.test(visible);
  return looksLikeHeader && /"shape"\s*:\s*\[/.test(visible) ? { format: 'safetensors', label: 'safetensors model weights' } : null;
}

/** Entry names and stored contents of the zip local headers that fit in the head. */
function zipEntries(b: Buffer): Map<string, Buffer | null> {
  const entries = new Map<string, Buffer | null>();
  let at = 0;
  while (at + 30 <= b.length && u32(b, at) === 0x04034b50 && entries.size < 256) {
    const method = b.readUInt16LE(at + 8);
    const nameLength = b.readUInt16LE(at + 26);
    const extraLength = b.readUInt16LE(at + 28);
    const name = b.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const dataAt = at + 30 + nameLength + extraLength;
    let compressed = u32(b, at + 18);
    if (compressed === 0xffffffff) compressed = zip64Size(b.subarray(at + 30 + nameLength, dataAt));
    entries.set(name, method === 0 && dataAt + compressed <= b.length ? b.subarray(dataAt, dataAt + compressed) : null);
    // Sizes left to a data descriptor (flag bit 3) are unknown here: the next header cannot be found.
    if ((b.readUInt16LE(at + 6) & 8) !== 0 && compressed === 0) break;
    at = dataAt + compressed;
  }
  return entries;
}

/** The compressed size from a ZIP64 extra field, or -1. */
function zip64Size(extra: Buffer): number {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001 && length >= 16) return u64(extra, at + 12);
    at += 4 + length;
  }
  return -1;
}

const TORCH_PICKLE = /torch|_rebuild_tensor|collections\nOrderedDict/;

/** PyTorch's zip format (`<name>/data.pkl` with `<name>/data/<n>` tensors) or a Keras 3 `.keras` archive. */
function zipModel(b: Buffer): ModelFormat | null {
  if (u32(b, 0) !== 0x04034b50) return null;
  const entries = zipEntries(b);
  const names = [...entries.keys()];
  const pickle = names.find((name) => /^(?:[^/]+\/)?data\.pkl$/.test(name));
  if (pickle !== undefined) {
    const root = pickle.slice(0, pickle.length - 'data.pkl'.length);
    const content = entries.get(pickle)?.toString('latin1') ?? '';
    const hasTensors = names.some((name) => name.startsWith(`${root}data/`) || name === `${root}version`);
    if (hasTensors || TORCH_PICKLE.test(content)) return { format: 'pytorch', label: 'PyTorch model weights' };
  }
  if (names.includes('model.weights.h5')) return { format: 'keras', label: 'Keras model (.keras archive)' };
  return null;
}

/** PyTorch's legacy format starts with its magic number pickled; other pickles need a model library named. */
const TORCH_LEGACY_MAGIC = Buffer.from('80028a0a6cfc9c46f9206aa85019', 'hex');
const PICKLED_MODEL = /torch\._utils|_rebuild_tensor|sklearn\.|xgboost|lightgbm/;

function pickleModel(b: Buffer): ModelFormat | null {
  if (b.subarray(0, TORCH_LEGACY_MAGIC.length).equals(TORCH_LEGACY_MAGIC)) {
    return { format: 'pytorch', label: 'PyTorch model weights (legacy format)' };
  }
  const pickled = b[0] === 0x80 && (b[1] ?? 0) >= 2 && (b[1] ?? 0) <= 5;
  return pickled && PICKLED_MODEL.test(b.toString('latin1')) ? { format: 'pickle', label: 'pickled model' } : null;
}

/** Protobuf base-128 varint at `at`: [value, next offset], or null when cut off or longer than 8 bytes. */
function varint(b: Buffer, at: number): [number, number] | null {
  let value = 0;
  for (let i = 0; i < 8 && at + i < b.length; i++) {
    const byte = b[at + i] ?? 0;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) return [value, at + i + 1];
  }
  return null;
}

/** ModelProto fields and their wire types (0 varint, 2 length-delimited). */
const ONNX_FIELDS = new Map([[1, 0], [2, 2], [3, 2], [4, 2], [5, 0], [6, 2], [7, 2], [8, 2], [14, 2], [20, 2], [25, 2]]);
const GRAPH_FIRST_TAGS = new Set([0x0a, 0x12, 0x2a, 0x52, 0x5a, 0x62, 0x6a, 0x72, 0x7a]);

/** ONNX: field 1 (ir_version) first and small, then known ModelProto fields up to field 7 (graph). */
function onnx(b: Buffer, size: number): ModelFormat | null {
  if (b[0] !== 0x08) return null;
  const ir = varint(b, 1);
  if (ir === null || ir[0] < 1 || ir[0] > 20) return null;
  let producer = '';
  for (let at = ir[1]; at < b.length; ) {
    const tag = varint(b, at);
    if (tag === null) return null;
    const field = Math.floor(tag[0] / 8);
    const wire = tag[0] & 7;
    if (ONNX_FIELDS.get(field) !== wire) return null;
    const value = varint(b, tag[1]);
    if (value === null) return null;
    if (wire === 0) {
      at = value[1];
      continue;
    }
    if (value[1] + value[0] > size) return null;
    if (field === 7) {
      const first = b[value[1]];
      if (first !== undefined && !GRAPH_FIRST_TAGS.has(first)) return null;
      const by = producer === '' ? '' : `, exported by ${producer}`;
      return { format: 'onnx', label: `ONNX model (IR version ${ir[0]}${by})` };
    }
    if (field === 2) producer = ascii(b, value[1], Math.min(value[0], 40)).replace(/[^\x20-\x7e]/g, '');
    at = value[1] + value[0];
  }
  return null;
}

const HDF5_MAGIC = Buffer.from('894844460d0a1a0a', 'hex');
const KERAS_ATTRIBUTES = /model_config|keras_version|model_weights|layer_names/;

/** Keras HDF5: the HDF5 signature (at 0 or after a 512-byte user block) and Keras's root attributes. */
function kerasH5(b: Buffer): ModelFormat | null {
  const signed = b.subarray(0, 8).equals(HDF5_MAGIC) || b.subarray(512, 520).equals(HDF5_MAGIC);
  return signed && KERAS_ATTRIBUTES.test(b.toString('latin1')) ? { format: 'keras-h5', label: 'Keras HDF5 model' } : null;
}

/** TFLite: the flatbuffer file identifier `TFL3` at offset 4. */
function tflite(b: Buffer): ModelFormat | null {
  return ascii(b, 4, 4) === 'TFL3' ? { format: 'tflite', label: 'TensorFlow Lite model' } : null;
}

/** The model format of a binary head, or null. */
export function sniffModel(head: Buffer, size: number): ModelFormat | null {
  if (head.length < 8) return null;
  return gguf(head) ?? ggml(head) ?? safetensors(head, size) ?? zipModel(head) ?? pickleModel(head) ??
    onnx(head, size) ?? kerasH5(head) ?? tflite(head);
}

/** First bytes that can start a recognised format: G(GUF), l/t/f(mgg), P(K), 0x80 pickle, 0x08 ONNX, HDF5 (0x89). */
const FIRST_BYTES = new Set([0x47, 0x6c, 0x74, 0x66, 0x50, 0x80, 0x08, 0x89]);

/** Cheap pre-test on a head: could it start any recognised format? */
export function mayBeModel(b: Buffer): boolean {
  if (b.length < 8) return false;
  return FIRST_BYTES.has(b[0] ?? 0) || b[8] === 0x7b || b[512] === 0x89 || ascii(b, 4, 4) === 'TFL3';
}
