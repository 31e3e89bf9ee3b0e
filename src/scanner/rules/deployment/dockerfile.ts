/**
 * Dockerfile checks: weights copied into the image (`COPY`/`ADD` of `*.gguf`, `*.safetensors`, `*.bin`, `*.pt`,
 * `*.onnx`, … or a `models/` folder), credentials baked in with `ENV`/`ARG` (keys found by the keys rule's logic,
 * or a credential-named variable holding a random-looking value; shown masked), and model downloads at build time
 * (`RUN huggingface-cli download`, `ollama pull`, `ADD https://huggingface.co/…`).
 */
import { isCredentialToken } from '../../../detect/secrets/entropy.ts';
import { positionsIn, type PositionOf } from '../../position.ts';
import type { ScanFile, ScanFinding } from '../../types.ts';
import { describeKey, findKeys, isPlaceholderValue, maskSecret, type KeyHit } from '../keys.ts';
import { dockerInstructions, type Instruction } from './dockerfile-lines.ts';
import { findDownload, isModelUrl } from './downloads.ts';
import { DEPLOY_RULES, deployFinding } from './rules.ts';

interface Word {
  readonly value: string;
  /** Offset in the file. */
  readonly start: number;
}

/** COPY/ADD arguments as words with file offsets; JSON exec form (`["a", "b"]`) too. Flags are dropped. */
function words(ins: Instruction): Word[] {
  const out: Word[] = [];
  const json = ins.args.trimStart().startsWith('[');
  const pattern = json ? /"((?:[^"\\]|\\.)*)"/g : /\S+/g;
  for (let m = pattern.exec(ins.args); m !== null; m = pattern.exec(ins.args)) {
    const value = json ? (m[1] ?? '') : m[0];
    if (!value.startsWith('--')) out.push({ value, start: ins.argsStart + m.index + (json ? 1 : 0) });
  }
  return out;
}

const WEIGHT_EXTENSION = /\.(?:gguf|ggml|safetensors|bin|pt|pth|onnx|ckpt|h5|keras|tflite|pb|mlmodel|engine|plan)$/i;
const MODEL_FOLDERS = new Set(['models', 'model', 'weights', 'checkpoints', 'ckpt', 'model_weights', 'model-weights', 'llm']);
/** `src/models` and `app/models` are ORM or code folders far more often than weights. */
const CODE_FOLDERS = new Set(['src', 'app', 'lib', 'api', 'server', 'backend', 'frontend']);

function isWeightSource(source: string): boolean {
  const path = source.replace(/\/+$/, '').replace(/\/\*+$/, '');
  // `model.bin` and `*.gguf`, not the `node_modules/.bin` folder.
  if (WEIGHT_EXTENSION.test(path) && !(path.split('/').at(-1) ?? '').startsWith('.')) return true;
  const segments = path.split('/').filter((s) => s !== '' && s !== '.');
  const last = segments.at(-1)?.toLowerCase() ?? '';
  return MODEL_FOLDERS.has(last) && !segments.some((s) => CODE_FOLDERS.has(s.toLowerCase()));
}

function copiedWeights(file: ScanFile, ins: Instruction, positionOf: PositionOf): ScanFinding[] {
  const sources = words(ins).slice(0, -1);
  const out: ScanFinding[] = [];
  for (const source of sources) {
    if (/^https?:\/\//i.test(source.value)) {
      if (ins.keyword === 'ADD' && isModelUrl(source.value)) {
        out.push(deployFinding(file, DEPLOY_RULES.buildDownload, positionOf(source.start),
          'ADD downloads model weights from the internet at build time.', { how: 'ADD <url>' }));
      }
    } else if (isWeightSource(source.value)) {
      out.push(deployFinding(file, DEPLOY_RULES.weightsCopied, positionOf(source.start),
        `${ins.keyword} puts model weights (${source.value}) into the image, where every holder of the image can read them.`,
        { source: source.value }));
    }
  }
  return out;
}

interface EnvPair {
  readonly name: string;
  readonly value: string;
  /** Offset of the value in the file. */
  readonly start: number;
}

/** `ENV A=1 B="two words"`, legacy `ENV A value words`, `ARG A=1`. */
function envPairs(ins: Instruction): EnvPair[] {
  const pairs: EnvPair[] = [];
  const assign = /([A-Za-z_][\w.-]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
  if (/^\s*[A-Za-z_][\w.-]*=/.test(ins.args)) {
    for (let m = assign.exec(ins.args); m !== null; m = assign.exec(ins.args)) {
      const raw = m[2] ?? '';
      const quoted = raw.startsWith('"') || raw.startsWith("'");
      const start = ins.argsStart + m.index + (m[1] ?? '').length + 1 + (quoted ? 1 : 0);
      pairs.push({ name: m[1] ?? '', value: quoted ? raw.slice(1, -1) : raw, start });
    }
    return pairs;
  }
  const legacy = /^(\s*)([A-Za-z_][\w.-]*)\s+(\S.*?)\s*$/.exec(ins.args);
  if (legacy !== null && ins.keyword === 'ENV') {
    const start = ins.argsStart + ins.args.indexOf(legacy[3] ?? '', (legacy[1] ?? '').length + (legacy[2] ?? '').length);
    pairs.push({ name: legacy[2] ?? '', value: legacy[3] ?? '', start });
  }
  return pairs;
}

const CREDENTIAL_NAME = /(?:api[_-]?key|secret|token|passw(?:or)?d|access[_-]?key|private[_-]?key|credentials?)$/i;

/** A credential-named variable with a random-looking literal value (not `$VAR`, not a placeholder). */
function isNamedSecret(pair: EnvPair): boolean {
  if (!CREDENTIAL_NAME.test(pair.name) || pair.value.startsWith('$')) return false;
  return isCredentialToken(pair.value, true, true) && !isPlaceholderValue(pair.value);
}

function envSecrets(file: ScanFile, ins: Instruction, hits: readonly KeyHit[], positionOf: PositionOf): ScanFinding[] {
  const out: ScanFinding[] = [];
  for (const pair of envPairs(ins)) {
    const hit = hits.find((h) => h.start >= pair.start && h.start < pair.start + Math.max(1, pair.value.length));
    const named = isNamedSecret(pair);
    if (hit === undefined && !named) continue;
    const masked = hit?.masked ?? maskSecret(pair.value);
    const what = hit === undefined ? 'credential' : describeKey(hit);
    const article = /^[aeiou]/i.test(what) ? 'an' : 'a';
    out.push(deployFinding(file, DEPLOY_RULES.envSecret, positionOf(hit?.start ?? pair.start),
      `${ins.keyword} ${pair.name} bakes ${article} ${what} (${masked}) into every layer and copy of the image.`,
      { variable: pair.name, masked, ...(hit === undefined ? {} : { provider: hit.provider }) }));
  }
  return out;
}

function buildDownloads(file: ScanFile, ins: Instruction, positionOf: PositionOf): ScanFinding[] {
  const found = findDownload(ins.args);
  if (found === null) return [];
  return [deployFinding(file, DEPLOY_RULES.buildDownload, positionOf(ins.argsStart + found.index),
    `RUN downloads model weights at build time (${found.how}).`, { how: found.how })];
}

export function scanDockerfile(file: ScanFile, text: string): ScanFinding[] {
  const positionOf = positionsIn(text);
  const out: ScanFinding[] = [];
  const hits = findKeys(text);
  for (const ins of dockerInstructions(text)) {
    if (ins.keyword === 'COPY' || ins.keyword === 'ADD') out.push(...copiedWeights(file, ins, positionOf));
    else if (ins.keyword === 'ENV' || ins.keyword === 'ARG') out.push(...envSecrets(file, ins, hits, positionOf));
    else if (ins.keyword === 'RUN') out.push(...buildDownloads(file, ins, positionOf));
  }
  return out;
}
