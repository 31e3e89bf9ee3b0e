/**
 * Recognises shell commands that fetch model weights from outside: hub CLIs (`huggingface-cli download`,
 * `hf download`, `ollama pull`, `modelscope download`), Python one-liners (`from_pretrained`,
 * `snapshot_download`, `hf_hub_download`, `spacy download`), clones of hub repositories, and `curl`/`wget` of a
 * weight file or a model hub URL. Used for Dockerfile RUN/ADD and CI build steps.
 */

export interface Download {
  /** Offset of the match in the searched command text. */
  readonly index: number;
  /** What was recognised, for the message (`huggingface-cli download`). */
  readonly how: string;
}

const HUB_HOSTS = 'huggingface\\.co|hf\\.co|civitai\\.com|ollama\\.com|registry\\.ollama\\.ai|modelscope\\.cn|kaggle\\.com/models';
const WEIGHT_FILE = '[\\w.-]+\\.(?:gguf|safetensors|pt|pth|onnx|ckpt|tflite|h5|keras)\\b';

const PATTERNS: readonly [RegExp, string][] = [
  [/\bhuggingface-cli\s+download\b/, 'huggingface-cli download'],
  [/\bhf\s+download\b/, 'hf download'],
  [/\bollama\s+(?:pull|run)\s+\S/, 'ollama pull'],
  [/\bmodelscope\s+download\b/, 'modelscope download'],
  [/\b(?:snapshot_download|hf_hub_download)\s*\(/, 'huggingface_hub download'],
  [/\.from_pretrained\s*\(/, 'from_pretrained'],
  [/\bSentenceTransformer\s*\(/, 'SentenceTransformer'],
  [/\bspacy\s+download\b/, 'spacy download'],
  [/\bgit\s+(?:lfs\s+)?clone\b[^\n;&|]*(?:huggingface\.co|hf\.co)\//, 'git clone from Hugging Face'],
  [new RegExp(`\\b(?:curl|wget|aria2c)\\b[^\\n;&|]*(?:https?://)?(?:[\\w-]+\\.)*(?:${HUB_HOSTS})/`), 'download from a model hub'],
  [new RegExp(`\\b(?:curl|wget|aria2c)\\b[^\\n;&|]*https?://\\S*?${WEIGHT_FILE}`), 'download of a weight file'],
  [/\b(?:download|fetch)[_-]?models?\b|\bmodels?[_-]download\b/i, 'model download script'],
];

/** The first model download in a command text, or null. */
export function findDownload(command: string): Download | null {
  let best: Download | null = null;
  for (const [pattern, how] of PATTERNS) {
    const m = pattern.exec(command);
    if (m !== null && (best === null || m.index < best.index)) best = { index: m.index, how };
  }
  return best;
}

const HUB_URL = new RegExp(`^https?://(?:[\\w-]+\\.)*(?:${HUB_HOSTS})/`, 'i');
const WEIGHT_URL = new RegExp(`${WEIGHT_FILE}(?:\\?|$)`, 'i');

/** An ADD source that is a model URL (a hub host or a weight file). */
export function isModelUrl(source: string): boolean {
  if (!/^https?:\/\//i.test(source)) return false;
  return HUB_URL.test(source) || WEIGHT_URL.test(source);
}
