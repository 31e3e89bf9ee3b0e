/**
 * The artifact rules: weights are recognised by content (GGUF, safetensors, PyTorch zip and legacy pickle, ONNX,
 * Keras HDF5 and `.keras`, TFLite, GGML, TF.js manifests), reported as web-served under public folders and as
 * committed elsewhere; a name alone (a PNG called `model.gguf.png`, a Git LFS pointer called `.gguf`, random
 * bytes) is nothing. Also checks that the committed binary fixtures are exactly what the generator writes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FIXTURE_ROOT, generateScanFixtures } from '../../../scripts/generate-scan-fixtures.ts';
import { gguf, onnx, png, pytorchZip, safetensors } from '../../../scripts/scan-fixtures/binary.ts';
import { artifactRules, sniffModel, webServedFolder } from '../../../src/scanner/rules/artifacts.ts';
import { arbitraryFile, fixtureFiles, run, scanFile, scanOne, tuples } from './rule-harness.ts';

describe('Next.js app with TF.js and stray weights', () => {
  it('reports exactly the served and committed models', () => {
    assert.deepEqual(tuples(run([artifactRules], fixtureFiles('nextjs-tfjs-app'))), [
      ['artifact.weights-in-repo', 'ml/checkpoints/recs-finetune.safetensors', 1, 1],
      ['artifact.web-served-weights', 'public/downloads/shop-assistant-q4.gguf', 1, 1],
      ['artifact.web-served-weights', 'public/models/legacy/recs.pt', 1, 1],
      ['artifact.web-served-tfjs-model', 'public/models/product-recs/model.json', 19, 3],
      ['artifact.web-served-weights', 'public/models/sentiment.onnx', 1, 1],
    ]);
  });

  it('lists the TF.js shards and says they were not checked', () => {
    const [manifest] = run([artifactRules], fixtureFiles('nextjs-tfjs-app')).filter((f) => f.ruleId.endsWith('tfjs-model'));
    assert.deepEqual(manifest?.properties?.shards, ['group1-shard1of1.bin']);
    assert.equal(manifest?.properties?.shardsVerified, 'no');
  });

  it('committed fixtures are byte-identical to the deterministic generator output', () => {
    const first = generateScanFixtures();
    const second = generateScanFixtures();
    for (const [path, bytes] of first) {
      assert.deepEqual(second.get(path), bytes, `${path} differs between runs`);
      assert.ok(readFileSync(join(FIXTURE_ROOT, path)).equals(bytes), `${path} differs from the committed file`);
    }
  });
});

describe('recognition by content', () => {
  const formats: [string, Buffer, string][] = [
    ['gguf', gguf(), 'm.gguf'], ['safetensors', safetensors(), 'm.safetensors'], ['pytorch', pytorchZip(), 'm.pt'],
    ['onnx', onnx(), 'm.onnx'],
  ];
  for (const [format, bytes, name] of formats) {
    it(`recognises ${format} under any name, and not when renamed bytes are random`, () => {
      assert.equal(sniffModel(bytes, bytes.length)?.format, format);
      assert.deepEqual(scanOne([artifactRules], `WWW/assets/${name}.dat`, bytes), [['artifact.web-served-weights', `WWW/assets/${name}.dat`, 1, 1]]);
      assert.deepEqual(scanOne([artifactRules], `models/${name}`, bytes), [['artifact.weights-in-repo', `models/${name}`, 1, 1]]);
    });
  }

  it('recognises legacy PyTorch, pickled sklearn, Keras HDF5, .keras, TFLite and GGML heads', () => {
    const legacy = Buffer.concat([Buffer.from('80028a0a6cfc9c46f9206aa85019', 'hex'), Buffer.alloc(64, 1)]);
    const sklearn = Buffer.concat([Buffer.from([0x80, 0x04, 0x95]), Buffer.alloc(8), Buffer.from('\x8c\x1dsklearn.linear_model._logistic', 'latin1')]);
    const h5 = Buffer.concat([Buffer.from('894844460d0a1a0a', 'hex'), Buffer.alloc(200), Buffer.from('model_config'), Buffer.alloc(20)]);
    const tflite = Buffer.concat([Buffer.from([0x1c, 0, 0, 0]), Buffer.from('TFL3'), Buffer.alloc(64)]);
    const ggml = Buffer.concat([Buffer.from('tjgg'), Buffer.from([3, 0, 0, 0]), Buffer.alloc(64)]);
    const keras = localZipHeader('model.weights.h5');
    const found = [legacy, sklearn, h5, tflite, ggml, keras].map((b) => sniffModel(b, b.length)?.format);
    assert.deepEqual(found, ['pytorch', 'pickle', 'keras-h5', 'tflite', 'ggml', 'keras']);
  });

  it('recognises weights from a truncated head, as for multi-gigabyte files', () => {
    const big = 7_000_000_000;
    assert.equal(sniffModel(gguf().subarray(0, 40), big)?.format, 'gguf');
    const header = `{"a.weight":{"dtype":"BF16","shape":[4096,4096],"data_offsets":[0,33554432]},${'"pad":1,'.repeat(9000)}`;
    const long = Buffer.concat([u64(header.length + 100_000), Buffer.from(header)]).subarray(0, 65536);
    assert.equal(sniffModel(long, big)?.format, 'safetensors');
  });

  it('is not fooled by names, pointers, images, plain HDF5 or noise', () => {
    const lfs = 'version https://git-lfs.github.com/spec/v1\noid sha256:00\nsize 807694464\n';
    assert.deepEqual(scanOne([artifactRules], 'public/models/llama.gguf', lfs), []);
    assert.deepEqual(scanOne([artifactRules], 'public/images/model.gguf.png', png()), []);
    const hdf5 = Buffer.concat([Buffer.from('894844460d0a1a0a', 'hex'), Buffer.alloc(300, 7)]);
    assert.equal(sniffModel(hdf5, hdf5.length), null);
    const notGguf = Buffer.concat([Buffer.from('GGUF'), Buffer.from([99, 0, 0, 0]), Buffer.alloc(40)]);
    assert.equal(sniffModel(notGguf, notGguf.length), null);
    const zip = localZipHeader('docs/readme.txt');
    assert.equal(sniffModel(zip, zip.length), null);
  });

  it('reports a TF.js manifest only with shards and topology or format', () => {
    const noPaths = JSON.stringify({ format: 'graph-model', weightsManifest: [{ paths: [], weights: [] }] });
    const noTopology = JSON.stringify({ weightsManifest: [{ paths: ['a.bin'], weights: [] }] });
    const graph = JSON.stringify({ format: 'graph-model', weightsManifest: [{ paths: ['a.bin', 'b.bin'], weights: [] }] });
    assert.deepEqual(scanOne([artifactRules], 'public/m/model.json', noPaths), []);
    assert.deepEqual(scanOne([artifactRules], 'public/m/model.json', noTopology), []);
    assert.deepEqual(scanOne([artifactRules], 'public/m/model.json', graph), [['artifact.web-served-tfjs-model', 'public/m/model.json', 1, 25]]);
    assert.deepEqual(scanOne([artifactRules], 'assets/model.json', graph), [['artifact.weights-in-repo', 'assets/model.json', 1, 25]]);
    assert.deepEqual(scanOne([artifactRules], 'public/m/model.json', '{"weightsManifest": [oops'), []);
  });

  it('knows the web-served folders, case-insensitively, by directory only', () => {
    assert.equal(webServedFolder('pub/media/ai/model.onnx'), 'pub');
    assert.equal(webServedFolder('wp-content/uploads/2025/01/x.gguf'), 'wp-content');
    assert.equal(webServedFolder('app/code/Vendor/Module/view/frontend/web/m.onnx'), 'web');
    assert.equal(webServedFolder('Public/x.bin'), 'Public');
    assert.equal(webServedFolder('htdocs/x.bin'), 'htdocs');
    assert.equal(webServedFolder('src/public.gguf'), null);
    assert.equal(webServedFolder('models/x.gguf'), null);
  });
});

describe('artifacts robustness', () => {
  it('never throws on arbitrary files', () => {
    fc.assert(
      fc.property(arbitraryFile, ({ path, content }) => {
        const file = scanFile(path, content);
        if (artifactRules.applies(file)) artifactRules.scan(file);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on corrupted model heads', () => {
    const models = [gguf(), safetensors(), pytorchZip(), onnx()];
    fc.assert(
      fc.property(fc.nat(3), fc.nat(400), fc.nat(255), fc.nat(400), (which, at, byte, cut) => {
        const bytes = Buffer.from(models[which] ?? gguf());
        if (at < bytes.length) bytes[at] = byte;
        sniffModel(bytes.subarray(0, Math.max(8, bytes.length - cut)), bytes.length);
      }),
      { numRuns: 500 },
    );
  });
});

function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
}

/** One stored zip entry with an empty body. */
function localZipHeader(name: string): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([header, Buffer.from(name), Buffer.alloc(16)]);
}
