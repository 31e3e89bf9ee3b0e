/**
 * Provider names for the keys rules: which AI or cloud provider a variable, element or block name points at
 * (`COHERE_API_KEY` → cohere, `openAiKey` → ai, `aws_secret` → aws), for keys that carry no prefix of their own,
 * and how each provider's key is called in a finding's message.
 */
import { keyComponents } from '../../../detect/secrets/key-value.ts';

export type KeyKind = 'ai' | 'cloud';

const AI_NAME_WORDS = [
  'openai', 'anthropic', 'chatgpt', 'gemini', 'mistral', 'cohere', 'groq', 'huggingface', 'replicate', 'deepseek',
  'perplexity', 'openrouter', 'elevenlabs', 'fireworks', 'togetherai', 'voyageai', 'claude', 'llama', 'ollama',
  'deepinfra', 'anyscale', 'assemblyai', 'deepgram', 'stabilityai', 'pinecone',
];
const AI_NAME_PARTS = new Set(['ai', 'gpt', 'llm', 'hf', 'xai', 'grok', 'together', 'voyage', 'jina', 'ai21', 'pplx', 'genai']);
const CLOUD_NAME_PARTS = new Set(['aws', 'amazon', 'azure', 'gcp', 'gcloud', 's3', 'cloudflare', 'digitalocean', 'stripe']);

/** The AI provider a name points at (`COHERE_API_KEY` → cohere, `openAiKey` → ai), or null. */
export function aiProviderIn(name: string): string | null {
  const lower = name.toLowerCase();
  const word = AI_NAME_WORDS.find((w) => lower.includes(w));
  if (word !== undefined) return word;
  const parts = keyComponents(name);
  return parts.find((part) => AI_NAME_PARTS.has(part)) ?? null;
}

/** The cloud a name points at (`AWS_SECRET`, `azureStorageKey`), or null. */
export function cloudProviderIn(name: string): string | null {
  return keyComponents(name).find((part) => CLOUD_NAME_PARTS.has(part)) ?? null;
}

const AI_NAMES: Readonly<Record<string, string>> = {
  openai: 'OpenAI', anthropic: 'Anthropic', openrouter: 'OpenRouter', airlock: 'Airlock gateway', google: 'Google AI',
  groq: 'Groq', huggingface: 'Hugging Face', replicate: 'Replicate', xai: 'xAI', perplexity: 'Perplexity',
  langsmith: 'LangSmith', mistral: 'Mistral', cohere: 'Cohere', 'azure-openai': 'Azure OpenAI', ai: 'AI provider',
  llm: 'LLM provider', gpt: 'OpenAI', chatgpt: 'OpenAI', hf: 'Hugging Face', claude: 'Anthropic', gemini: 'Google Gemini',
  deepseek: 'DeepSeek', together: 'Together AI', togetherai: 'Together AI', fireworks: 'Fireworks AI', voyage: 'Voyage AI',
};
const CLOUD_NAMES: Readonly<Record<string, string>> = {
  'aws-access-key': 'AWS access key ID', 'aws-secret-key': 'AWS secret access key',
  'gcp-service-account': 'GCP service-account key', 'google-oauth': 'Google OAuth secret',
  'azure-storage': 'Azure storage account key', 'azure-sas': 'Azure SAS token', stripe: 'Stripe live key',
};

/** What the key is, as a noun phrase: `OpenAI API key`, `AWS secret access key`, `github credential`. */
export function describeKey(hit: { readonly kind: KeyKind; readonly provider: string }): string {
  if (hit.kind === 'ai') return `${AI_NAMES[hit.provider] ?? hit.provider} API key`;
  return CLOUD_NAMES[hit.provider] ?? `${hit.provider} credential`;
}
