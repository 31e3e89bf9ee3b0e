/**
 * The AI providers `airlock scan` recognises: where their hosted APIs live (exact hosts, wildcard host patterns,
 * and a path prefix where the API shares its host with a website) and which SDK entry points create a client for
 * them in PHP, JavaScript/TypeScript and Python. Adding a provider is adding a row here; the matching itself
 * (host normalisation, wildcards, private and loopback hosts) lives in egress/hosts.ts.
 */

import { matchHostPattern, matchNormalizedHost, normalizeHost, type HostMatch } from './egress/hosts.ts';

export { isSelfHostedHost } from './egress/hosts.ts';

export interface AiProvider {
  readonly id: string;
  readonly name: string;
  /**
   * API locations: `api.openai.com`, `*.openai.azure.com` (any subdomain), `*-aiplatform.googleapis.com`,
   * `bedrock-runtime.*.amazonaws.com`, or `openrouter.ai/api/` (only that path: the host is also a website).
   */
  readonly hosts: readonly string[];
  /** Words that name the provider in configuration (Salesforce credential labels): lower-case. */
  readonly aliases?: readonly string[];
}

export const AI_PROVIDERS: readonly AiProvider[] = [
  { id: 'openai', name: 'OpenAI', hosts: ['api.openai.com'], aliases: ['openai', 'chatgpt', 'gpt'] },
  {
    id: 'azure-openai', name: 'Azure OpenAI', aliases: ['azureopenai', 'azure openai'],
    hosts: ['*.openai.azure.com', '*.cognitiveservices.azure.com', '*.services.ai.azure.com', '*.inference.ai.azure.com', '*.models.ai.azure.com'],
  },
  { id: 'anthropic', name: 'Anthropic', hosts: ['api.anthropic.com'], aliases: ['anthropic', 'claude'] },
  { id: 'google-gemini', name: 'Google Gemini', hosts: ['generativelanguage.googleapis.com'], aliases: ['gemini'] },
  { id: 'google-vertex', name: 'Google Vertex AI', hosts: ['aiplatform.googleapis.com', '*-aiplatform.googleapis.com'], aliases: ['vertex', 'vertexai'] },
  { id: 'aws-bedrock', name: 'Amazon Bedrock', hosts: ['bedrock-runtime.*.amazonaws.com', 'bedrock-agent-runtime.*.amazonaws.com'], aliases: ['bedrock'] },
  { id: 'mistral', name: 'Mistral AI', hosts: ['api.mistral.ai', 'codestral.mistral.ai'], aliases: ['mistral'] },
  { id: 'cohere', name: 'Cohere', hosts: ['api.cohere.ai', 'api.cohere.com'], aliases: ['cohere'] },
  { id: 'groq', name: 'Groq', hosts: ['api.groq.com'], aliases: ['groq'] },
  { id: 'together', name: 'Together AI', hosts: ['api.together.xyz', 'api.together.ai'], aliases: ['togetherai'] },
  { id: 'replicate', name: 'Replicate', hosts: ['api.replicate.com'], aliases: ['replicate'] },
  {
    id: 'huggingface', name: 'Hugging Face Inference', aliases: ['huggingface'],
    hosts: ['api-inference.huggingface.co', 'router.huggingface.co', '*.endpoints.huggingface.cloud'],
  },
  { id: 'deepseek', name: 'DeepSeek', hosts: ['api.deepseek.com'], aliases: ['deepseek'] },
  { id: 'perplexity', name: 'Perplexity', hosts: ['api.perplexity.ai'], aliases: ['perplexity'] },
  { id: 'openrouter', name: 'OpenRouter', hosts: ['openrouter.ai/api/'], aliases: ['openrouter'] },
  { id: 'xai', name: 'xAI', hosts: ['api.x.ai'], aliases: ['xai', 'grok'] },
  { id: 'fireworks', name: 'Fireworks AI', hosts: ['api.fireworks.ai'], aliases: ['fireworks'] },
  { id: 'ai21', name: 'AI21 Labs', hosts: ['api.ai21.com'], aliases: ['ai21'] },
  { id: 'voyage', name: 'Voyage AI', hosts: ['api.voyageai.com'], aliases: ['voyageai'] },
  { id: 'stability', name: 'Stability AI', hosts: ['api.stability.ai'], aliases: ['stability'] },
  { id: 'elevenlabs', name: 'ElevenLabs', hosts: ['api.elevenlabs.io'], aliases: ['elevenlabs'] },
  { id: 'cerebras', name: 'Cerebras', hosts: ['api.cerebras.ai'], aliases: ['cerebras'] },
  { id: 'sambanova', name: 'SambaNova', hosts: ['api.sambanova.ai'], aliases: ['sambanova'] },
  { id: 'nvidia', name: 'NVIDIA NIM', hosts: ['integrate.api.nvidia.com'] },
  { id: 'deepinfra', name: 'DeepInfra', hosts: ['api.deepinfra.com'], aliases: ['deepinfra'] },
  { id: 'moonshot', name: 'Moonshot AI', hosts: ['api.moonshot.cn', 'api.moonshot.ai'], aliases: ['moonshot', 'kimi'] },
  { id: 'zhipu', name: 'Zhipu AI', hosts: ['open.bigmodel.cn'], aliases: ['zhipu'] },
  { id: 'alibaba-dashscope', name: 'Alibaba DashScope (Qwen)', hosts: ['dashscope.aliyuncs.com', 'dashscope-intl.aliyuncs.com'], aliases: ['dashscope', 'qwen'] },
  { id: 'baidu-qianfan', name: 'Baidu Qianfan', hosts: ['aip.baidubce.com/rpc/2.0/ai_custom/', 'qianfan.baidubce.com'], aliases: ['qianfan'] },
  { id: 'minimax', name: 'MiniMax', hosts: ['api.minimax.chat', 'api.minimaxi.com', 'api.minimax.io'], aliases: ['minimax'] },
  { id: 'jina', name: 'Jina AI', hosts: ['api.jina.ai'] },
  { id: 'assemblyai', name: 'AssemblyAI', hosts: ['api.assemblyai.com'], aliases: ['assemblyai'] },
  { id: 'deepgram', name: 'Deepgram', hosts: ['api.deepgram.com'], aliases: ['deepgram'] },
  { id: 'aleph-alpha', name: 'Aleph Alpha', hosts: ['api.aleph-alpha.com'], aliases: ['alephalpha'] },
  { id: 'writer', name: 'Writer', hosts: ['api.writer.com'] },
  { id: 'novita', name: 'Novita AI', hosts: ['api.novita.ai'], aliases: ['novita'] },
  { id: 'hyperbolic', name: 'Hyperbolic', hosts: ['api.hyperbolic.xyz'], aliases: ['hyperbolic'] },
  { id: 'github-models', name: 'GitHub Models', hosts: ['models.github.ai', 'models.inference.ai.azure.com'] },
  // Hosted gateways forward to the providers above, so traffic through them leaves just the same.
  { id: 'helicone', name: 'Helicone (hosted AI gateway)', hosts: ['oai.helicone.ai', 'anthropic.helicone.ai', 'gateway.helicone.ai'], aliases: ['helicone'] },
  { id: 'portkey', name: 'Portkey (hosted AI gateway)', hosts: ['api.portkey.ai'], aliases: ['portkey'] },
  {
    id: 'cloudflare-ai', name: 'Cloudflare AI Gateway / Workers AI',
    hosts: ['gateway.ai.cloudflare.com', 'api.cloudflare.com/client/v4/accounts/*/ai/'],
  },
  { id: 'vercel-ai-gateway', name: 'Vercel AI Gateway', hosts: ['ai-gateway.vercel.sh'] },
];

export type SdkLanguage = 'php' | 'js' | 'python';

/**
 * An SDK entry point: calling (or constructing) `module` + `call` creates a client or sends a request.
 * `call` is `new` or a static method (`client`) for PHP classes, an export path for JS (`default`, `OpenAI`),
 * and a dotted attribute path for Python (`OpenAI`, `ChatCompletion.create`).
 */
export interface SdkEntry {
  readonly language: SdkLanguage;
  readonly module: string;
  readonly calls: readonly string[];
  readonly provider: string;
  /** How reports name the SDK (the package); defaults to `module`. */
  readonly label?: string;
}

const PY_OPENAI_CALLS = [
  'OpenAI', 'AsyncOpenAI', 'ChatCompletion.create', 'ChatCompletion.acreate', 'Completion.create', 'Embedding.create',
  'chat.completions.create', 'completions.create', 'responses.create', 'embeddings.create', 'images.generate',
];
const LARAVEL_OPENAI_CALLS = ['chat', 'completions', 'responses', 'embeddings', 'images', 'audio', 'assistants', 'threads', 'moderations'];

export const AI_SDKS: readonly SdkEntry[] = [
  // PHP: classes (fully qualified, case-insensitive like PHP) and how they are used.
  // `OpenAI::chat()` and friends: the Laravel facade used through its global alias.
  { language: 'php', module: 'OpenAI', calls: ['client', 'factory', ...LARAVEL_OPENAI_CALLS], provider: 'openai', label: 'openai-php/client' },
  { language: 'php', module: 'OpenAI\\Laravel\\Facades\\OpenAI', calls: LARAVEL_OPENAI_CALLS, provider: 'openai', label: 'openai-php/laravel' },
  { language: 'php', module: 'Orhanerday\\OpenAi\\OpenAi', calls: ['new'], provider: 'openai', label: 'orhanerday/open-ai' },
  { language: 'php', module: 'Tectalic\\OpenAi\\Manager', calls: ['build'], provider: 'openai', label: 'tectalic/openai' },
  { language: 'php', module: 'Anthropic', calls: ['client', 'factory'], provider: 'anthropic', label: 'mozex/anthropic-php' },
  { language: 'php', module: 'Gemini', calls: ['client', 'factory'], provider: 'google-gemini', label: 'google-gemini-php/client' },
  { language: 'php', module: 'GeminiAPI\\Client', calls: ['new'], provider: 'google-gemini', label: 'gemini-api-php/client' },
  { language: 'php', module: 'LLPhant\\Chat\\OpenAIChat', calls: ['new'], provider: 'openai', label: 'theodo-group/llphant' },
  { language: 'php', module: 'LLPhant\\Chat\\AnthropicChat', calls: ['new'], provider: 'anthropic', label: 'theodo-group/llphant' },
  { language: 'php', module: 'LLPhant\\Chat\\MistralAIChat', calls: ['new'], provider: 'mistral', label: 'theodo-group/llphant' },
  { language: 'php', module: 'HelgeSverre\\Mistral\\Mistral', calls: ['new'], provider: 'mistral', label: 'helgesverre/mistral' },
  { language: 'php', module: 'Aws\\BedrockRuntime\\BedrockRuntimeClient', calls: ['new'], provider: 'aws-bedrock', label: 'aws/aws-sdk-php' },
  // JavaScript / TypeScript: package and export.
  { language: 'js', module: 'openai', calls: ['default', 'OpenAI', 'OpenAIApi'], provider: 'openai' },
  { language: 'js', module: 'openai', calls: ['AzureOpenAI'], provider: 'azure-openai' },
  { language: 'js', module: '@azure/openai', calls: ['OpenAIClient'], provider: 'azure-openai' },
  { language: 'js', module: '@anthropic-ai/sdk', calls: ['default', 'Anthropic'], provider: 'anthropic' },
  { language: 'js', module: '@anthropic-ai/bedrock-sdk', calls: ['default', 'AnthropicBedrock'], provider: 'aws-bedrock' },
  { language: 'js', module: '@anthropic-ai/vertex-sdk', calls: ['default', 'AnthropicVertex'], provider: 'google-vertex' },
  { language: 'js', module: '@google/generative-ai', calls: ['GoogleGenerativeAI'], provider: 'google-gemini' },
  { language: 'js', module: '@google/genai', calls: ['GoogleGenAI'], provider: 'google-gemini' },
  { language: 'js', module: '@google-cloud/vertexai', calls: ['VertexAI'], provider: 'google-vertex' },
  { language: 'js', module: '@mistralai/mistralai', calls: ['default', 'Mistral', 'MistralClient'], provider: 'mistral' },
  { language: 'js', module: 'cohere-ai', calls: ['CohereClient', 'CohereClientV2'], provider: 'cohere' },
  { language: 'js', module: 'groq-sdk', calls: ['default', 'Groq'], provider: 'groq' },
  { language: 'js', module: 'together-ai', calls: ['default', 'Together'], provider: 'together' },
  { language: 'js', module: 'replicate', calls: ['default', 'Replicate'], provider: 'replicate' },
  { language: 'js', module: '@huggingface/inference', calls: ['HfInference', 'InferenceClient', 'HfInferenceEndpoint'], provider: 'huggingface' },
  { language: 'js', module: '@aws-sdk/client-bedrock-runtime', calls: ['BedrockRuntimeClient'], provider: 'aws-bedrock' },
  { language: 'js', module: '@langchain/openai', calls: ['ChatOpenAI', 'OpenAI', 'OpenAIEmbeddings'], provider: 'openai' },
  { language: 'js', module: '@langchain/openai', calls: ['AzureChatOpenAI', 'AzureOpenAIEmbeddings'], provider: 'azure-openai' },
  { language: 'js', module: 'langchain/chat_models/openai', calls: ['ChatOpenAI'], provider: 'openai' },
  { language: 'js', module: '@langchain/anthropic', calls: ['ChatAnthropic'], provider: 'anthropic' },
  { language: 'js', module: '@langchain/google-genai', calls: ['ChatGoogleGenerativeAI', 'GoogleGenerativeAIEmbeddings'], provider: 'google-gemini' },
  { language: 'js', module: '@langchain/google-vertexai', calls: ['ChatVertexAI'], provider: 'google-vertex' },
  { language: 'js', module: '@langchain/mistralai', calls: ['ChatMistralAI'], provider: 'mistral' },
  { language: 'js', module: '@langchain/groq', calls: ['ChatGroq'], provider: 'groq' },
  { language: 'js', module: '@langchain/cohere', calls: ['ChatCohere'], provider: 'cohere' },
  { language: 'js', module: '@ai-sdk/openai', calls: ['openai', 'createOpenAI'], provider: 'openai' },
  { language: 'js', module: '@ai-sdk/anthropic', calls: ['anthropic', 'createAnthropic'], provider: 'anthropic' },
  { language: 'js', module: '@ai-sdk/google', calls: ['google', 'createGoogleGenerativeAI'], provider: 'google-gemini' },
  { language: 'js', module: '@ai-sdk/mistral', calls: ['mistral', 'createMistral'], provider: 'mistral' },
  { language: 'js', module: '@ai-sdk/xai', calls: ['xai', 'createXai'], provider: 'xai' },
  { language: 'js', module: '@openrouter/ai-sdk-provider', calls: ['openrouter', 'createOpenRouter'], provider: 'openrouter' },
  { language: 'js', module: '@elevenlabs/elevenlabs-js', calls: ['ElevenLabsClient'], provider: 'elevenlabs' },
  // Python: module and attribute path.
  { language: 'python', module: 'openai', calls: PY_OPENAI_CALLS, provider: 'openai' },
  { language: 'python', module: 'openai', calls: ['AzureOpenAI', 'AsyncAzureOpenAI'], provider: 'azure-openai' },
  { language: 'python', module: 'anthropic', calls: ['Anthropic', 'AsyncAnthropic'], provider: 'anthropic' },
  { language: 'python', module: 'anthropic', calls: ['AnthropicBedrock'], provider: 'aws-bedrock' },
  { language: 'python', module: 'anthropic', calls: ['AnthropicVertex'], provider: 'google-vertex' },
  { language: 'python', module: 'google.generativeai', calls: ['GenerativeModel'], provider: 'google-gemini' },
  { language: 'python', module: 'google.genai', calls: ['Client'], provider: 'google-gemini', label: 'google-genai' },
  { language: 'python', module: 'vertexai.generative_models', calls: ['GenerativeModel'], provider: 'google-vertex' },
  { language: 'python', module: 'mistralai', calls: ['Mistral'], provider: 'mistral' },
  { language: 'python', module: 'mistralai.client', calls: ['MistralClient'], provider: 'mistral' },
  { language: 'python', module: 'cohere', calls: ['Client', 'ClientV2', 'AsyncClient', 'AsyncClientV2'], provider: 'cohere' },
  { language: 'python', module: 'groq', calls: ['Groq', 'AsyncGroq'], provider: 'groq' },
  { language: 'python', module: 'together', calls: ['Together', 'AsyncTogether'], provider: 'together' },
  { language: 'python', module: 'replicate', calls: ['run', 'Client', 'predictions.create'], provider: 'replicate' },
  { language: 'python', module: 'huggingface_hub', calls: ['InferenceClient', 'AsyncInferenceClient'], provider: 'huggingface' },
  { language: 'python', module: 'xai_sdk', calls: ['Client'], provider: 'xai' },
  { language: 'python', module: 'langchain_openai', calls: ['ChatOpenAI', 'OpenAI', 'OpenAIEmbeddings'], provider: 'openai', label: 'langchain-openai' },
  { language: 'python', module: 'langchain_openai', calls: ['AzureChatOpenAI'], provider: 'azure-openai', label: 'langchain-openai' },
  { language: 'python', module: 'langchain.chat_models', calls: ['ChatOpenAI'], provider: 'openai', label: 'langchain' },
  { language: 'python', module: 'langchain.chat_models', calls: ['ChatAnthropic'], provider: 'anthropic', label: 'langchain' },
  { language: 'python', module: 'langchain_community.chat_models', calls: ['ChatOpenAI'], provider: 'openai', label: 'langchain-community' },
  { language: 'python', module: 'langchain_anthropic', calls: ['ChatAnthropic'], provider: 'anthropic', label: 'langchain-anthropic' },
  { language: 'python', module: 'langchain_google_genai', calls: ['ChatGoogleGenerativeAI'], provider: 'google-gemini', label: 'langchain-google-genai' },
  { language: 'python', module: 'langchain_google_vertexai', calls: ['ChatVertexAI'], provider: 'google-vertex', label: 'langchain-google-vertexai' },
  { language: 'python', module: 'langchain_mistralai', calls: ['ChatMistralAI'], provider: 'mistral', label: 'langchain-mistralai' },
  { language: 'python', module: 'langchain_groq', calls: ['ChatGroq'], provider: 'groq', label: 'langchain-groq' },
  { language: 'python', module: 'langchain_aws', calls: ['ChatBedrock', 'ChatBedrockConverse'], provider: 'aws-bedrock', label: 'langchain-aws' },
  { language: 'python', module: 'llama_index.llms.openai', calls: ['OpenAI'], provider: 'openai', label: 'llama-index-llms-openai' },
];

const PROVIDERS_BY_ID = new Map(AI_PROVIDERS.map((provider) => [provider.id, provider]));

export function providerById(id: string): AiProvider | undefined {
  return PROVIDERS_BY_ID.get(id);
}

export interface ProviderMatch {
  readonly provider: AiProvider;
  /** The host as matched (lower-case). */
  readonly host: string;
}

/** The provider whose API a host (optionally with its path) is; null for other, private and loopback hosts. */
export function providerForHost(host: string, path = '/'): ProviderMatch | null {
  const normalized = normalizeHost(host);
  return firstMatch((pattern) => matchNormalizedHost(pattern, normalized, path));
}

/** A URL's host (user info and port dropped) and path (`/` when it has none); scheme and `//` are optional. */
function splitUrl(url: string): { readonly host: string; readonly path: string } {
  const parsed = /^(?:[a-z][a-z0-9+.-]*:)?(?:\/\/)?([^/?#]*)([^?#]*)/i.exec(url.trim());
  const authority = (parsed?.[1] ?? '').replace(/^[^@]*@/, '');
  const path = parsed?.[2] ?? '';
  return { host: authority.replace(/:[0-9]*$/, ''), path: path === '' ? '/' : path };
}

/** The provider a URL (`https://api.openai.com/v1`, `api.openai.com/v1`, `//api.x.ai`) calls; null when none. */
export function providerForUrl(url: string): ProviderMatch | null {
  const { host, path } = splitUrl(url);
  return providerForHost(host, path);
}

/**
 * The provider a URL configured on a platform reaches (a Salesforce Named Credential, Remote Site Setting or CSP
 * Trusted Site): a `*` in its host is a wildcard admitting every host under it, and the host counts whatever path
 * the URL has, since callouts add their own (`callout:NAME/api/v1/…`).
 */
export function providerForConfiguredUrl(url: string): { readonly match: ProviderMatch; readonly wildcard: boolean } | null {
  const { host } = splitUrl(url);
  const wildcard = host.includes('*');
  const match = (wildcard ? null : providerForUrl(url)) ?? providerForHostPattern(host);
  return match === null ? null : { match, wildcard };
}

/**
 * The provider whose API a wildcard host pattern admits (`*.openai.com` admits `api.openai.com`,
 * `*.azure.com` admits every Azure OpenAI resource); exact hosts behave as providerForHost.
 */
export function providerForHostPattern(pattern: string): ProviderMatch | null {
  return firstMatch((providerPattern) => matchHostPattern(providerPattern, pattern));
}

function firstMatch(test: (pattern: string) => HostMatch | null): ProviderMatch | null {
  for (const provider of AI_PROVIDERS) {
    for (const pattern of provider.hosts) {
      const match = test(pattern);
      if (match !== null) return { provider, host: match.host };
    }
  }
  return null;
}
