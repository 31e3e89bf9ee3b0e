/**
 * HTTP client calls, so a finding can say how a file talks to a provider: WordPress `wp_remote_*`, cURL, Guzzle,
 * Magento's and Laminas/Zend clients and other PHP libraries (by their `use` or fully qualified names), `fetch`,
 * axios, got and friends in JavaScript, requests/httpx/aiohttp/urllib in Python, and Apex `HttpRequest`.
 * Instances made by a factory (`axios.create()`, `requests.Session()`, `new Http()`) count when their methods
 * are called. Reading a file (`file_get_contents`) is a weak client: named only when the URL is its argument
 * or nothing stronger is there.
 */

import { importsOf, phpClassName } from './imports.ts';
import { isPunct, nameKey, type Source } from './source.ts';
import { calleeAt, type Callee, type Range } from './syntax.ts';

export interface ClientCall {
  readonly name: string;
  /** Token index of the call's `(`. */
  readonly open: number;
  readonly weak: boolean;
}

interface Kind {
  readonly name: string;
  readonly weak?: boolean;
  /** The call returns an instance whose methods send requests. */
  readonly factory?: boolean;
}

const PHP_FUNCTIONS = new Set([
  'wp_remote_post', 'wp_remote_get', 'wp_remote_request', 'wp_remote_head', 'wp_safe_remote_post', 'wp_safe_remote_get',
  'wp_safe_remote_request', 'vip_safe_wp_remote_get', 'curl_init', 'curl_setopt', 'curl_setopt_array', 'curl_multi_add_handle',
]);
const PHP_WEAK_FUNCTIONS = new Set(['file_get_contents', 'fopen', 'stream_context_create', 'fsockopen']);
const PHP_LIBRARIES: readonly (readonly [string, string])[] = [
  ['guzzlehttp\\', 'Guzzle'],
  ['magento\\framework\\http\\client\\curl', 'Magento\\Framework\\HTTP\\Client\\Curl'],
  ['magento\\framework\\http\\clientinterface', 'Magento\\Framework\\HTTP\\ClientInterface'],
  ['magento\\framework\\http\\clientfactory', 'Magento\\Framework\\HTTP\\ClientInterface'],
  ['magento\\framework\\http\\zendclient', 'Magento\\Framework\\HTTP\\ZendClient'],
  ['magento\\framework\\http\\laminasclient', 'Magento\\Framework\\HTTP\\LaminasClient'],
  ['laminas\\http\\client', 'Laminas\\Http\\Client'],
  ['zend\\http\\client', 'Zend\\Http\\Client'],
  ['zend_http_client', 'Zend_Http_Client'],
  ['symfony\\contracts\\httpclient\\', 'Symfony HttpClient'],
  ['symfony\\component\\httpclient\\', 'Symfony HttpClient'],
  ['psr\\http\\client\\clientinterface', 'PSR-18 client'],
  ['illuminate\\support\\facades\\http', 'Laravel Http'],
  ['wporg\\requests\\', 'Requests'],
  ['wp_http', 'WP_Http'],
];
const PHP_METHODS = new Set(['post', 'put', 'patch', 'request', 'send', 'sendrequest', 'seturi', 'postasync', 'requestasync', 'sendasync']);

const JS_MODULES = new Set(['axios', 'got', 'ky', 'superagent', 'needle', 'request', 'node-fetch', 'cross-fetch', 'isomorphic-fetch', 'undici', 'ofetch']);
const JS_NODE_HTTP = new Set(['http', 'https', 'node:http', 'node:https']);
const JS_FACTORIES = new Set(['create', 'extend']);
const METHODS: Readonly<Record<Source['language'], ReadonlySet<string>>> = {
  php: PHP_METHODS,
  js: new Set(['get', 'post', 'put', 'patch', 'delete', 'request', 'head', 'stream']),
  python: new Set(['get', 'post', 'put', 'patch', 'delete', 'request', 'stream', 'send', 'urlopen']),
  apex: new Set(['send', 'setendpoint']),
};
const PY_CLIENTS: readonly (readonly [RegExp, string, boolean])[] = [
  [/^requests\.(get|post|put|patch|delete|request|head)$/, 'requests', false],
  [/^requests\.(Session|session)$/, 'requests', true],
  [/^httpx\.(get|post|put|patch|delete|request|stream)$/, 'httpx', false],
  [/^httpx\.(Client|AsyncClient)$/, 'httpx', true],
  [/^aiohttp\.request$/, 'aiohttp', false],
  [/^aiohttp\.ClientSession$/, 'aiohttp', true],
  [/^urllib\.request\.(urlopen|Request)$/, 'urllib', false],
  [/^urllib3\.request$/, 'urllib3', false],
  [/^urllib3\.PoolManager$/, 'urllib3', true],
  [/^http\.client\.HTTPS?Connection$/, 'http.client', true],
];

interface Calls {
  readonly list: readonly ClientCall[];
  readonly byOpen: ReadonlyMap<number, ClientCall>;
}

const cache = new WeakMap<Source, Calls>();

function callsOf(source: Source): Calls {
  let calls = cache.get(source);
  if (calls === undefined) {
    const list = findClientCalls(source);
    calls = { list, byOpen: new Map(list.map((call) => [call.open, call])) };
    cache.set(source, calls);
  }
  return calls;
}

function findClientCalls(source: Source): ClientCall[] {
  const calls: ClientCall[] = [];
  const instances = new Map<string, string>();
  const library = source.language === 'php' ? phpLibrary(source) : null;
  const callees: [number, Callee][] = [];
  source.tokens.forEach((token, open) => {
    if (token.kind !== 'punct' || token.text !== '(') return;
    const callee = calleeAt(source, open);
    if (callee === null) return;
    callees.push([open, callee]);
    const kind = classify(source, callee, library);
    if (kind === null) return;
    calls.push({ name: kind.name, open, weak: kind.weak === true });
    const instance = kind.factory === true || source.language === 'apex' ? assignedInstance(source, callee, open) : null;
    if (instance !== null) instances.set(instance, kind.name);
  });
  const seen = new Set(calls.map((call) => call.open));
  for (const [open, callee] of callees) {
    const receiver = callee.path.at(-2);
    const method = callee.path.at(-1) ?? '';
    const name = receiver === undefined ? undefined : instances.get(nameKey(source, receiver));
    if (name !== undefined && METHODS[source.language].has(method.toLowerCase()) && !seen.has(open)) {
      calls.push({ name, open, weak: false });
    }
  }
  return calls.sort((a, b) => a.open - b.open);
}

/** `x = factory(…)`, `$this->x = new Client(…)`, `with factory(…) as x`: the instance's name. */
function assignedInstance(source: Source, callee: Callee, open: number): string | null {
  const { tokens } = source;
  if (isPunct(tokens[callee.first - 1], '=') && tokens[callee.first - 2] !== undefined) return nameKey(source, tokens[callee.first - 2]?.text ?? '');
  const close = source.partner[open] ?? -1;
  if (close > 0 && tokens[close + 1]?.text === 'as' && tokens[close + 2]?.kind === 'ident') return tokens[close + 2]?.text ?? null;
  return null;
}

function classify(source: Source, callee: Callee, library: string | null): Kind | null {
  switch (source.language) {
    case 'php': return classifyPhp(source, callee, library);
    case 'js': return classifyJs(source, callee);
    case 'python': return classifyPython(source, callee);
    case 'apex': return classifyApex(callee);
  }
}

function classifyPhp(source: Source, callee: Callee, library: string | null): Kind | null {
  const name = (callee.path.at(-1) ?? '').toLowerCase();
  if (callee.path.length === 1 && !callee.isNew) {
    if (PHP_FUNCTIONS.has(name)) return { name };
    return PHP_WEAK_FUNCTIONS.has(name) ? { name, weak: true } : null;
  }
  if (callee.isNew) return libraryOf(phpClassName(source, callee.path.join('')));
  if (callee.via === '::') {
    const owner = phpClassName(source, callee.path.at(-2) ?? '').toLowerCase();
    if (owner === 'requests' || owner === 'wporg\\requests\\requests') return { name: 'Requests' };
    if (owner === 'symfony\\component\\httpclient\\httpclient' && name === 'create') return { name: 'Symfony HttpClient' };
    return owner === 'illuminate\\support\\facades\\http' ? { name: 'Laravel Http' } : null;
  }
  return library !== null && PHP_METHODS.has(name) ? { name: library } : null;
}

function libraryOf(className: string): Kind | null {
  const lower = className.toLowerCase();
  const entry = PHP_LIBRARIES.find(([prefix]) => lower.startsWith(prefix));
  return entry === undefined ? null : { name: entry[1] };
}

/** The first HTTP library a PHP file names (in `use`, type hints, `new`), which its `->post(` calls then use. */
function phpLibrary(source: Source): string | null {
  const imports = importsOf(source);
  for (const token of source.tokens) {
    if (token.kind !== 'ident') continue;
    const lower = token.text.toLowerCase();
    const named = token.text.includes('\\') || lower === 'wp_http' || lower === 'zend_http_client' ? token.text.replace(/^\\/, '') : imports.get(lower);
    const kind = named === undefined ? null : libraryOf(named);
    if (kind !== null) return kind.name;
  }
  return null;
}

function classifyJs(source: Source, callee: Callee): Kind | null {
  const [head = '', second] = callee.path;
  const imported = importsOf(source).get(head);
  const module = imported?.split('#')[0];
  if (module !== undefined && JS_MODULES.has(module)) {
    if (second !== undefined && JS_FACTORIES.has(second)) return { name: module, factory: true };
    return second === undefined || METHODS.js.has(second) ? { name: module } : null;
  }
  if (module !== undefined && JS_NODE_HTTP.has(module)) {
    return second === 'request' || second === 'get' ? { name: `node:${module.replace('node:', '')}` } : null;
  }
  if (module !== undefined) return null;
  return globalJsClient(callee);
}

function globalJsClient(callee: Callee): Kind | null {
  const path = callee.path.join('.');
  if (callee.isNew) return path === 'XMLHttpRequest' || path === 'WebSocket' ? { name: path } : null;
  if (/^(?:(?:window|globalThis|self)\.)?fetch$/.test(path)) return { name: 'fetch' };
  if (/^axios(?:\.(?:get|post|put|patch|request))?$/.test(path)) return { name: 'axios' };
  if (/^axios\.create$/.test(path)) return { name: 'axios', factory: true };
  return /^(?:\$|jQuery)\.(?:ajax|post|get|getJSON)$/.test(path) ? { name: 'jQuery.ajax' } : null;
}

function classifyPython(source: Source, callee: Callee): Kind | null {
  const [head = '', ...rest] = callee.path;
  const qualified = [importsOf(source).get(head) ?? head, ...rest].join('.');
  const entry = PY_CLIENTS.find(([pattern]) => pattern.test(qualified));
  return entry === undefined ? null : { name: entry[1], factory: entry[2] };
}

function classifyApex(callee: Callee): Kind | null {
  const name = (callee.path.at(-1) ?? '').toLowerCase();
  if (callee.isNew) return name === 'httprequest' || name === 'http' ? { name: 'HttpRequest' } : null;
  return name === 'setendpoint' ? { name: 'HttpRequest' } : null;
}

/** The innermost client call whose arguments hold token `i`. */
export function clientAround(source: Source, i: number): ClientCall | null {
  const { byOpen } = callsOf(source);
  for (let open = source.parent[i] ?? -1; open >= 0; open = source.parent[open] ?? -1) {
    const call = byOpen.get(open);
    if (call !== undefined) return call;
  }
  return null;
}

/** The first strong client call in a token range (the whole file when null), else the first weak one. */
export function firstClientIn(source: Source, range: Range | null): ClientCall | null {
  const { list } = callsOf(source);
  let low = 0;
  let high = list.length;
  while (range !== null && low < high) {
    const mid = (low + high) >> 1;
    if ((list[mid]?.open ?? 0) < range.from) low = mid + 1;
    else high = mid;
  }
  let weak: ClientCall | null = null;
  for (let k = low; k < list.length; k++) {
    const call = list[k];
    if (call === undefined || (range !== null && call.open >= range.to)) break;
    if (!call.weak) return call;
    weak ??= call;
  }
  return weak;
}
