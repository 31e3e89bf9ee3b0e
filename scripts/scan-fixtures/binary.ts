/**
 * Tiny, well-formed model files for the artifact rule fixtures, byte for byte the same on every run: a GGUF v3
 * file with three metadata keys and one F32 tensor, a safetensors file with one tensor, a PyTorch zip archive
 * (`<name>/data.pkl` with a pickled state dict, `data/0`, `version`), an ONNX ModelProto with a one-node graph, a
 * TF.js weight shard (raw little-endian float32) and a 1×1 PNG. Formats are written from their published specs.
 */
import { crc32 } from 'node:zlib';

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
}

/** Float32 little-endian values 0.05, 0.10, … : recognisable, not random. */
function floats(count: number): Buffer {
  const b = Buffer.alloc(count * 4);
  for (let i = 0; i < count; i++) b.writeFloatLE((i + 1) / 20, i * 4);
  return b;
}

function ggufString(s: string): Buffer {
  return Buffer.concat([u64(Buffer.byteLength(s)), Buffer.from(s)]);
}

const GGUF_UINT32 = 4;
const GGUF_STRING = 8;
const GGML_F32 = 0;

export function gguf(): Buffer {
  const header = Buffer.concat([
    Buffer.from('GGUF'), u32(3), u64(1), u64(3),
    ggufString('general.architecture'), u32(GGUF_STRING), ggufString('llama'),
    ggufString('general.name'), u32(GGUF_STRING), ggufString('shop-assistant-tiny'),
    ggufString('general.alignment'), u32(GGUF_UINT32), u32(32),
    ggufString('token_embd.weight'), u32(2), u64(4), u64(2), u32(GGML_F32), u64(0),
  ]);
  const padding = Buffer.alloc((32 - (header.length % 32)) % 32);
  return Buffer.concat([header, padding, floats(8)]);
}

export function safetensors(): Buffer {
  const header = JSON.stringify({
    __metadata__: { format: 'pt' },
    'lm_head.weight': { dtype: 'F32', shape: [2, 2], data_offsets: [0, 16] },
  });
  const padded = header.padEnd(Math.ceil(header.length / 8) * 8, ' ');
  return Buffer.concat([u64(padded.length), Buffer.from(padded), floats(4)]);
}

export function tfjsShard(): Buffer {
  return floats(10); // dense/kernel [4, 2] and dense/bias [2]
}

/** A protobuf varint. */
function varint(n: number): Buffer {
  const bytes: number[] = [];
  let v = n;
  while (v >= 0x80) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

const field = (n: number, wire: number): Buffer => varint(n * 8 + wire);
const int = (n: number, v: number): Buffer => Buffer.concat([field(n, 0), varint(v)]);
const bytes = (n: number, v: Buffer | string): Buffer => {
  const data = typeof v === 'string' ? Buffer.from(v) : v;
  return Buffer.concat([field(n, 2), varint(data.length), data]);
};

export function onnx(): Buffer {
  const node = Buffer.concat([bytes(1, 'input'), bytes(1, 'classifier.weight'), bytes(2, 'logits'), bytes(3, '/classifier/MatMul'), bytes(4, 'MatMul')]);
  const weight = Buffer.concat([int(1, 3), int(1, 2), int(2, 1), bytes(8, 'classifier.weight'), bytes(9, floats(6))]);
  const graph = Buffer.concat([
    bytes(1, node), bytes(2, 'main_graph'), bytes(5, weight), bytes(11, bytes(1, 'input')), bytes(12, bytes(1, 'logits')),
  ]);
  const opset = Buffer.concat([bytes(1, ''), int(2, 17)]);
  return Buffer.concat([int(1, 8), bytes(2, 'pytorch'), bytes(3, '2.5.1'), bytes(7, graph), bytes(8, opset)]);
}

/** A pickled `OrderedDict({'fc.weight': tensor})` as torch.save writes it (protocol 2, persistent storage id). */
function statePickle(): Buffer {
  const text = (s: string): Buffer => Buffer.concat([Buffer.from('X'), u32(Buffer.byteLength(s)), Buffer.from(s)]);
  return Buffer.concat([
    Buffer.from([0x80, 0x02]), Buffer.from('ccollections\nOrderedDict\nq\x00)Rq\x01', 'latin1'), text('fc.weight'),
    Buffer.from('ctorch._utils\n_rebuild_tensor_v2\nq\x02((', 'latin1'),
    text('storage'), Buffer.from('ctorch\nFloatStorage\n', 'latin1'), text('0'), text('cpu'), Buffer.from('K\x06tQ', 'latin1'),
    Buffer.from('K\x00K\x02K\x03\x86K\x03K\x01\x86\x89ccollections\nOrderedDict\n)RtRs.', 'latin1'),
  ]);
}

interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
  readonly offset: number;
}

function localHeader(name: string, data: Buffer): Buffer {
  return Buffer.concat([
    u32(0x04034b50), u16(20), u16(0), u16(0), u16(0), u16(0x21), u32(crc32(data)), u32(data.length), u32(data.length),
    u16(Buffer.byteLength(name)), u16(0), Buffer.from(name), data,
  ]);
}

function centralHeader(entry: ZipEntry): Buffer {
  return Buffer.concat([
    u32(0x02014b50), u16(20), u16(20), u16(0), u16(0), u16(0), u16(0x21), u32(crc32(entry.data)),
    u32(entry.data.length), u32(entry.data.length), u16(Buffer.byteLength(entry.name)), u16(0), u16(0), u16(0),
    u16(0), u32(0), u32(entry.offset), Buffer.from(entry.name),
  ]);
}

/** A stored (uncompressed) zip, as torch.save writes: `recs/data.pkl`, `recs/byteorder`, `recs/data/0`, `recs/version`. */
export function pytorchZip(): Buffer {
  const files: [string, Buffer][] = [
    ['recs/data.pkl', statePickle()],
    ['recs/byteorder', Buffer.from('little')],
    ['recs/data/0', floats(6)],
    ['recs/version', Buffer.from('3\n')],
  ];
  const parts: Buffer[] = [];
  const entries: ZipEntry[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    entries.push({ name, data, offset });
    const header = localHeader(name, data);
    parts.push(header);
    offset += header.length;
  }
  const central = Buffer.concat(entries.map(centralHeader));
  const end = Buffer.concat([
    u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(central.length), u32(offset), u16(0),
  ]);
  return Buffer.concat([...parts, central, end]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** zlib stream with one stored block (no compressor, so no zlib version can change the bytes). */
function zlibStored(data: Buffer): Buffer {
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(((b << 16) | a) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0x01, 0x01]), u16(data.length), u16(~data.length & 0xffff), data, adler]);
}

/** A 1×1 RGBA PNG (a product-image placeholder pixel). */
export function png(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const pixel = Buffer.from([0, 0xe8, 0x6a, 0x33, 0xff]); // filter byte, then RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr), pngChunk('IDAT', zlibStored(pixel)), pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
