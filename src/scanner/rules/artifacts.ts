/**
 * Model weights recognised by content, never by name: GGUF and legacy GGML, safetensors, PyTorch zip archives
 * and legacy pickles, ONNX protobufs, Keras HDF5 and `.keras` archives, TFLite flatbuffers, and TF.js
 * `model.json` manifests. A weight file under a web-served folder (`public/`, `pub/`, `static/`, `web/`, `www/`,
 * `htdocs/`, `wp-content/`, …) can be downloaded by anyone; elsewhere it is only noted. Binary formats are read
 * from `file.head` (64 KiB at most), so multi-gigabyte files cost no more than small ones.
 * TF.js shards (`group1-shard1of1.bin`) are raw floats with no signature: the manifest is reported with the shard
 * list it names, which is not checked for existence (a rule sees one file, not its siblings).
 */
import { positionsIn } from '../position.ts';
import { ruleFinding, type RuleInfo, type ScanFile, type ScanFinding, type ScanRule } from '../types.ts';
import { mayBeModel, plural, sniffModel } from './artifacts/formats.ts';

export { sniffModel };

const WEB_SERVED: RuleInfo = {
  id: 'artifact.web-served-weights',
  severity: 'critical',
  summary: 'Model weights sit in a web-served folder and can be downloaded by anyone.',
  remediation:
    'Move the weights out of the web root (or deny the path in the web server), serve inference from a backend ' +
    'behind authentication, and treat weights trained on customer data as confidential.',
};
const WEB_TFJS: RuleInfo = {
  id: 'artifact.web-served-tfjs-model',
  severity: 'high',
  summary: 'A TF.js model manifest and its weight shards are served to every visitor.',
  remediation:
    'Check that the model may be public; if it was trained on customer or business data, run inference on the ' +
    'server behind authentication instead of shipping the weights to browsers.',
};
const IN_REPO: RuleInfo = {
  id: 'artifact.weights-in-repo',
  severity: 'info',
  summary: 'Model weights are committed to the repository.',
  remediation: 'Keep weights in a model registry or artifact store with access control rather than in the code tree.',
};

const WEB_FOLDERS = new Set(['pub', 'wp-content', 'public', 'static', 'web', 'www', 'htdocs', 'public_html', 'wwwroot', 'webroot']);

/** The first web-served folder on the path (`public`), or null. */
export function webServedFolder(path: string): string | null {
  const dirs = path.split('/').slice(0, -1);
  return dirs.find((dir) => WEB_FOLDERS.has(dir.toLowerCase())) ?? null;
}

interface TfjsManifest {
  readonly shards: string[];
  readonly offset: number;
}

/** A TF.js model manifest: `weightsManifest` groups with shard `paths`, plus `modelTopology` or `format`. */
function tfjsManifest(text: string): TfjsManifest | null {
  const offset = text.indexOf('"weightsManifest"');
  if (offset === -1) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const model = json as { weightsManifest?: unknown; modelTopology?: unknown; format?: unknown };
  if (!Array.isArray(model.weightsManifest) || (model.modelTopology === undefined && model.format === undefined)) return null;
  const shards = model.weightsManifest.flatMap((group: unknown) => {
    const paths = (group as { paths?: unknown } | null)?.paths;
    return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : [];
  });
  return shards.length > 0 ? { shards, offset } : null;
}

function finding(file: ScanFile, rule: RuleInfo, at: { line: number; column: number }, message: string,
  properties: Record<string, string | readonly string[]>): ScanFinding {
  return ruleFinding(rule, file.path, at, message, properties);
}

function scanTfjs(file: ScanFile, text: string): ScanFinding[] {
  const manifest = tfjsManifest(text);
  if (manifest === null) return [];
  const at = positionsIn(text)(manifest.offset);
  const folder = webServedFolder(file.path);
  const shards = plural(manifest.shards.length, 'weight shard');
  if (folder === null) {
    return [finding(file, IN_REPO, at, `TF.js model manifest with ${shards} committed to the repository.`,
      { format: 'tfjs', shards: manifest.shards })];
  }
  return [finding(file, WEB_TFJS, at,
    `TF.js model manifest under the web-served folder "${folder}/" lists ${shards} that every visitor can download.`,
    { format: 'tfjs', webFolder: folder, shards: manifest.shards, shardsVerified: 'no' })];
}

function scanBinary(file: ScanFile): ScanFinding[] {
  const model = sniffModel(file.head, file.size);
  if (model === null) return [];
  const folder = webServedFolder(file.path);
  const at = { line: 1, column: 1 };
  if (folder === null) {
    return [finding(file, IN_REPO, at, `${model.label} committed to the repository.`, { format: model.format })];
  }
  return [finding(file, WEB_SERVED, at, `${model.label} under the web-served folder "${folder}/": anyone can download them.`,
    { format: model.format, webFolder: folder })];
}

export const artifactRules: ScanRule = {
  rules: [WEB_SERVED, WEB_TFJS, IN_REPO],
  // Small protobufs and pickles can decode as text, so text files are sniffed too.
  applies: (file) => mayBeModel(file.head) || (file.text !== null && file.extension === 'json'),
  scan(file) {
    const binary = mayBeModel(file.head) ? scanBinary(file) : [];
    if (binary.length > 0 || file.text === null || file.extension !== 'json') return binary;
    return scanTfjs(file, file.text);
  },
};
