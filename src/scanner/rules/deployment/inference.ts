/**
 * What a self-hosted model server looks like in deployment files: its container image (Ollama, vLLM, TGI, TEI,
 * llama.cpp, LocalAI, Triton, SGLang, Xinference, LMDeploy, NVIDIA NIM, KoboldCpp, TabbyML) or the command that
 * starts it (`ollama serve`, `vllm serve`, `text-generation-launcher`, `llama-server`). Port 11434 is Ollama's
 * alone; 8000/8080/3000 are everyone's, so those count only for a recognised server.
 */

const SERVER_IMAGES: readonly [RegExp, string][] = [
  [/(?:^|\/)ollama$/, 'Ollama'],
  [/vllm/, 'vLLM'],
  [/text-generation-inference/, 'Text Generation Inference'],
  [/text-embeddings-inference/, 'Text Embeddings Inference'],
  [/llama\.cpp|llama-cpp|llamacpp|llama-server/, 'llama.cpp server'],
  [/local-?ai/, 'LocalAI'],
  [/tritonserver/, 'Triton Inference Server'],
  [/sglang/, 'SGLang'],
  [/xinference/, 'Xinference'],
  [/lmdeploy/, 'LMDeploy'],
  [/^nvcr\.io\/nim\//, 'NVIDIA NIM'],
  [/koboldcpp/, 'KoboldCpp'],
  [/tabbyml\/tabby/, 'TabbyML'],
];

const SERVER_COMMANDS: readonly [RegExp, string][] = [
  [/\bollama\s+serve\b/, 'Ollama'],
  [/\bvllm\s+serve\b|vllm\.entrypoints/, 'vLLM'],
  [/text-generation-launcher/, 'Text Generation Inference'],
  [/llama-server|llama_cpp\.server|llama\.cpp\/server/, 'llama.cpp server'],
  [/\btritonserver\b/, 'Triton Inference Server'],
  [/sglang\.launch_server/, 'SGLang'],
  [/xinference-local/, 'Xinference'],
  [/\blmdeploy\s+serve\b/, 'LMDeploy'],
  [/\bkoboldcpp\b/, 'KoboldCpp'],
];

/** Text that may name a model server at all: YAML without any of it is not parsed. */
export const MAY_NAME_SERVER =
  /ollama|vllm|text-generation|text-embeddings|llama|local-?ai|triton|sglang|xinference|lmdeploy|nvcr\.io\/nim|koboldcpp|tabby|11434|llm|inference|model-?server|tgi/i;

/** Ollama's API port: specific enough to count on its own. */
export const OLLAMA_PORT = 11434;

/** The image's repository path, lower case, without registry tag or digest (`ollama/ollama`). */
function repository(image: string): string {
  return image.toLowerCase().replace(/@.*$/, '').replace(/:[^/:]*$/, '');
}

/** The model server an image or start command runs (`Ollama`, `vLLM`), or null. */
export function modelServer(image: string | null, command: string): string | null {
  if (image !== null) {
    const repo = repository(image);
    const byImage = SERVER_IMAGES.find(([pattern]) => pattern.test(repo));
    if (byImage !== undefined) return byImage[1];
  }
  return SERVER_COMMANDS.find(([pattern]) => pattern.test(command))?.[1] ?? null;
}

/** Host addresses that mean every interface. */
export function isAllInterfaces(host: string | null): boolean {
  return host === null || ['', '0.0.0.0', '::', '[::]', '*'].includes(host.trim());
}
