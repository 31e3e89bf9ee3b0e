/**
 * AI SDK use without a URL in sight: client creation and module-level calls listed in the provider table's
 * AI_SDKS (`OpenAI::client(`, `new OpenAi(` from orhanerday, `new OpenAI(` / `new Anthropic(` from their npm
 * packages, `ChatOpenAI(`, Python `openai.OpenAI(`), recognised through the file's imports. Also where such a
 * client is pointed (`baseURL`, `base_url`, `->withBaseUri(`, `openai.api_base = …`) and the calls that run
 * inference on it (`chat.completions.create`, `->chat()->create`, `generateContent`, `invoke`).
 */

import { AI_SDKS, type SdkEntry } from '../providers.ts';
import { importsOf, phpClassNames } from './imports.ts';
import { endpointOf, type Endpoint, type LiteralExpr } from './literals.ts';
import { isName, isPunct, lineEndToken, nameKey, type Source } from './source.ts';
import { calleeAt, chainNames, keyedValues, type Callee, type Range } from './syntax.ts';

export interface SdkCall {
  readonly entry: SdkEntry;
  /** Token index of the call's start (`new`, or the class or module name). */
  readonly at: number;
  readonly open: number;
}

const ENTRIES = new Map<string, SdkEntry>();
for (const entry of AI_SDKS) {
  for (const call of entry.calls) ENTRIES.set(entryKey(entry.language, entry.module, call), entry);
}

function entryKey(language: SdkEntry['language'], module: string, call: string): string {
  if (language === 'php') return `php:${module.toLowerCase()}::${call.toLowerCase()}`;
  return language === 'js' ? `js:${module}#${call}` : `python:${module}.${call}`;
}

/** SDK client creations and module-level SDK calls, in source order. */
export function sdkCalls(source: Source): SdkCall[] {
  const calls: SdkCall[] = [];
  source.tokens.forEach((token, open) => {
    if (token.kind !== 'punct' || token.text !== '(') return;
    const callee = calleeAt(source, open);
    const entry = callee === null ? undefined : entryFor(source, callee);
    if (callee !== null && entry !== undefined) calls.push({ entry, at: callee.first, open });
  });
  return calls;
}

function entryFor(source: Source, callee: Callee): SdkEntry | undefined {
  return candidateKeys(source, callee).map((key) => ENTRIES.get(key)).find((entry) => entry !== undefined);
}

function candidateKeys(source: Source, callee: Callee): string[] {
  const [head = '', ...rest] = callee.path;
  if (source.language === 'php') {
    if (callee.isNew) return phpClassNames(source, callee.path.join('\\')).map((name) => entryKey('php', name, 'new'));
    if (callee.via !== '::') return [];
    return phpClassNames(source, callee.path.slice(0, -1).join('\\')).map((name) => entryKey('php', name, callee.path.at(-1) ?? ''));
  }
  const imported = importsOf(source).get(nameKey(source, head));
  if (imported === undefined) return [];
  if (source.language === 'python') return [`python:${[imported, ...rest].join('.')}`];
  const [module = '', exported = ''] = imported.split('#');
  const tail = rest.join('.');
  if (exported === '*') return [entryKey('js', module, tail)];
  const named = entryKey('js', module, [exported, ...rest].join('.'));
  return exported === 'require' ? [entryKey('js', module, ['default', ...rest].join('.')), entryKey('js', module, tail)] : [named];
}

/** Where the SDK client is pointed. */
export type BaseUrl =
  | { readonly kind: 'default' }
  | { readonly kind: 'dynamic' }
  | { readonly kind: 'gateway' }
  | { readonly kind: 'endpoint'; readonly endpoint: Endpoint; readonly expr: LiteralExpr };

export interface Literals {
  readonly byString: ReadonlyMap<number, LiteralExpr>;
  readonly bindings: ReadonlyMap<string, readonly LiteralExpr[]>;
}

const JS_KEYS = new Set(['baseURL', 'baseUrl', 'basePath', 'endpoint', 'azureOpenAIEndpoint', 'azureOpenAIBasePath']);
const PY_KEYS = new Set(['base_url', 'api_base', 'openai_api_base', 'azure_endpoint', 'endpoint', 'anthropic_api_url']);
const PHP_KEYS = new Set(['baseUri', 'baseUrl', 'base_uri', 'base_url']);
const PHP_BASE_METHODS = new Set(['withbaseuri', 'withbaseurl', 'setbaseurl', 'setcustomurl', 'setbaseuri']);
const PY_MODULE_SETTINGS = new Set(['api_base', 'base_url']);

export function baseUrlOf(source: Source, call: SdkCall, literals: Literals): BaseUrl {
  for (const range of optionRanges(source, call)) {
    const resolved = resolveRange(source, range, literals);
    if (resolved !== null) return resolved;
  }
  return { kind: 'default' };
}

function optionRanges(source: Source, call: SdkCall): Range[] {
  if (source.language === 'js') return [...keyedValues(source, call.open, JS_KEYS), ...jsConfigurationBasePath(source, call)];
  if (source.language === 'python') return [...keyedValues(source, call.open, PY_KEYS), ...pythonModuleSettings(source, call)];
  return [...keyedValues(source, call.open, PHP_KEYS), ...phpChainArguments(source, call.open), ...phpSetterArguments(source)];
}

/** `OpenAI::factory()->withApiKey($k)->withBaseUri('…')->make()`: arguments of base-URL methods in the chain. */
function phpChainArguments(source: Source, open: number): Range[] {
  const { tokens, partner } = source;
  const ranges: Range[] = [];
  let close = partner[open] ?? -1;
  while (close > 0 && tokens[close + 1]?.text === '->' && tokens[close + 2]?.kind === 'ident' && isPunct(tokens[close + 3], '(')) {
    const methodOpen = close + 3;
    const methodClose = partner[methodOpen] ?? -1;
    if (PHP_BASE_METHODS.has(tokens[close + 2]?.text.toLowerCase() ?? '')) ranges.push({ from: methodOpen + 1, to: methodClose });
    close = methodClose;
  }
  return ranges;
}

/** openai v3: `new OpenAIApi(new Configuration({ basePath }))`, the configuration often made elsewhere in the file. */
function jsConfigurationBasePath(source: Source, call: SdkCall): Range[] {
  if (source.tokens[call.open - 1]?.text !== 'OpenAIApi') return [];
  const ranges: Range[] = [];
  source.tokens.forEach((token, i) => {
    if (token.text === 'Configuration' && source.tokens[i - 1]?.text === 'new' && isPunct(source.tokens[i + 1], '(')) {
      ranges.push(...keyedValues(source, i + 1, new Set(['basePath'])));
    }
  });
  return ranges;
}

/** `$client->setBaseURL('…')` anywhere in the file (orhanerday/open-ai sets it on the instance). */
function phpSetterArguments(source: Source): Range[] {
  const ranges: Range[] = [];
  source.tokens.forEach((token, i) => {
    const setter = token.kind === 'ident' && source.tokens[i - 1]?.text === '->' && PHP_BASE_METHODS.has(token.text.toLowerCase());
    if (setter && isPunct(source.tokens[i + 1], '(')) {
      ranges.push({ from: i + 2, to: source.partner[i + 1] ?? i + 2 });
    }
  });
  return ranges;
}

/** `openai.api_base = '…'` / `openai.base_url = '…'` for the module a module-level call uses. */
function pythonModuleSettings(source: Source, call: SdkCall): Range[] {
  const module = source.tokens[call.at]?.text ?? '';
  const ranges: Range[] = [];
  source.tokens.forEach((token, i) => {
    const setting = token.text === module && source.tokens[i + 1]?.text === '.' && PY_MODULE_SETTINGS.has(source.tokens[i + 2]?.text ?? '');
    if (setting && isPunct(source.tokens[i + 3], '=')) {
      ranges.push({ from: i + 4, to: lineEndToken(source, i + 4) });
    }
  });
  return ranges;
}

/**
 * The first endpoint a value range names, directly or through a name bound to a literal in the file
 * (`process.env.X ?? 'http://localhost:8080/v1'` names its fallback); a value only known at run time is dynamic.
 */
function resolveRange(source: Source, range: Range, literals: Literals): BaseUrl | null {
  let dynamic = false;
  for (let i = range.from; i < range.to; i++) {
    const token = source.tokens[i];
    if (token === undefined) continue;
    if (/airlock/i.test(token.kind === 'string' ? (token.value ?? '') : token.text)) return { kind: 'gateway' };
    const bound = isName(token) ? (literals.bindings.get(nameKey(source, token.text)) ?? []) : [];
    const candidates = token.kind === 'string' ? [literals.byString.get(i)] : bound;
    for (const expr of candidates) {
      const endpoint = expr === undefined ? null : endpointOf(expr.value);
      if (endpoint !== null && expr !== undefined) return { kind: 'endpoint', endpoint, expr };
    }
    if (token.kind === 'string' || isName(token)) dynamic = true;
  }
  return dynamic ? { kind: 'dynamic' } : null;
}

const INFERENCE_TAILS = new Set([
  'generatecontent', 'generatecontentstream', 'embedcontent', 'invoke', 'ainvoke', 'generatetext', 'streamtext', 'generateobject',
  'streamobject', 'chatcompletion', 'chatcompletionstream', 'textgeneration', 'createchatcompletion', 'createcompletion', 'createembedding',
]);
const RESOURCE_TAILS = new Set(['create', 'acreate', 'stream', 'parse', 'generate', 'complete']);
const RESOURCES = new Set([
  'completions', 'messages', 'responses', 'embeddings', 'images', 'moderations', 'chat', 'transcriptions', 'translations', 'speech', 'predictions',
]);
const PHP_ORHANERDAY_TAILS = new Set(['chat', 'completion', 'embeddings', 'image']);

/** Token indices (`(`) of calls that run inference on an SDK client: `client.chat.completions.create(`, `->chat()->create(`. */
export function inferenceCalls(source: Source): number[] {
  const calls: number[] = [];
  source.tokens.forEach((token, open) => {
    if (token.kind !== 'punct' || token.text !== '(' || source.tokens[open - 1]?.kind !== 'ident') return;
    if (!isMemberCall(source, open)) return;
    const names = chainNames(source, open - 1).map((name) => name.toLowerCase());
    const tail = names.at(-1) ?? '';
    const onResource = RESOURCE_TAILS.has(tail) && names.slice(0, -1).some((name) => RESOURCES.has(name));
    const orhanerday = source.language === 'php' && PHP_ORHANERDAY_TAILS.has(tail) && names.length >= 2;
    if (INFERENCE_TAILS.has(tail) || onResource || orhanerday) calls.push(open);
  });
  return calls;
}

function isMemberCall(source: Source, open: number): boolean {
  const op = source.tokens[open - 2]?.text;
  return op === '.' || op === '?.' || op === '->' || op === '?->' || op === '::';
}
