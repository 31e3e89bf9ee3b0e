/**
 * Servers told to listen on every interface. `OLLAMA_HOST=0.0.0.0` in any form a setting takes (env files,
 * compose, Dockerfile ENV, systemd `Environment=`, shell `export`, PowerShell, Python `os.environ`), and Python
 * AI apps bound to 0.0.0.0 without authentication. The app heuristic, per file: a Python file binds publicly
 * (`uvicorn.run(…, host="0.0.0.0")`, Flask `app.run(host=…)`, Gradio `launch(server_name=…)`, aiohttp
 * `run_app`) AND imports an AI library or declares a model route (`/generate`, `/chat`, `/v1/…`) AND shows no auth
 * marker (FastAPI security dependencies, `login_required`, `Authorization`/`x-api-key` checks, Gradio `auth=`).
 * Commands (`uvicorn serve:app --host 0.0.0.0`, `gunicorn -b 0.0.0.0:8000`, `flask run --host=0.0.0.0`) in
 * scripts, Dockerfiles and compose files count when the app name or the file speaks of models and no auth
 * flag shows. The app's own file is not visible from a command, so the command side is the weaker signal.
 */
import { lineSpans, nearLineStart, positionsIn } from '../../position.ts';
import type { ScanFile, ScanFinding } from '../../types.ts';
import { DEPLOY_RULES, deployFinding } from './rules.ts';

const ANY_HOST = '(?:https?://)?(?:0\\.0\\.0\\.0|\\[::\\]|::)(?![\\d.])';
const OLLAMA_HOST = new RegExp(`\\bOLLAMA_HOST\\b["'\\]]*\\s*(?:=|:(?!:)|,|\\s)\\s*["']?${ANY_HOST}`, 'g');
/** Source files: a setting counts only where the environment is written, not where the text is merely quoted. */
const CODE = new Set(['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'php', 'py', 'rb', 'go', 'java', 'cs', 'rs', 'kt', 'swift']);
const ENV_WRITE =
  /(?:os\.environ(?:\[|\.setdefault\(|\.update\(\s*\{?)|process\.env(?:\.|\[)|putenv\(|setenv\(|Setenv\(|\$_ENV\[|ENV\[)\s*["']?$/;
const COMMENT_LINE = /^\s*(?:#|\/\/|\/?\*|;|--|<!--|rem\s)/i;

function isActiveSetting(file: ScanFile, text: string, at: number): boolean {
  const lineStart = nearLineStart(text, at, 300);
  const before = text.slice(lineStart === -1 ? at - 300 : lineStart, at);
  if (lineStart !== -1 && COMMENT_LINE.test(before)) return false;
  return !CODE.has(file.extension) || ENV_WRITE.test(before);
}

export function ollamaHostFindings(file: ScanFile, text: string): ScanFinding[] {
  if (!text.includes('OLLAMA_HOST')) return [];
  const positionOf = positionsIn(text);
  const out: ScanFinding[] = [];
  OLLAMA_HOST.lastIndex = 0;
  for (let m = OLLAMA_HOST.exec(text); m !== null; m = OLLAMA_HOST.exec(text)) {
    if (!isActiveSetting(file, text, m.index)) continue;
    out.push(deployFinding(file, DEPLOY_RULES.ollamaHost, positionOf(m.index),
      'OLLAMA_HOST makes Ollama listen on every interface; its API has no authentication.'));
  }
  return out;
}

/** `"0.0.0.0"`, also as the default of `os.getenv("HOST", "0.0.0.0")`. */
const PY_ANY_HOST = `(?:os\\.(?:getenv|environ\\.get)\\([^)]*?)?["'](?:0\\.0\\.0\\.0|::)["']`;
/** The call up to the host argument: `uvicorn.run(`, `app.run(`, `demo.launch(`, `web.run_app(`. */
const PY_BINDS = [
  new RegExp(`\\b\\w+\\.(?:run|run_app)\\s*\\([^)]*?\\bhost\\s*=\\s*${PY_ANY_HOST}`, 'g'),
  new RegExp(`\\b\\w+\\.launch\\s*\\([^)]*?\\bserver_name\\s*=\\s*${PY_ANY_HOST}`, 'g'),
];
const CLI_SERVER = /\b(?:uvicorn|hypercorn|gunicorn|flask\s+run)\b/;
const CLI_PUBLIC_HOST = /(?:--host|--bind|-b|-h)[=\s]+(?:0\.0\.0\.0|::|\[::\])(?![\d.])/;
/** The `module:app` target of a server command (`serve:app`, `model_api.main:create_app()`). */
const CLI_APP = /[\w.]+:[\w]+/;

const AI_LIBRARIES = [
  'transformers', 'torch', 'vllm', 'llama_cpp', 'ollama', 'openai', 'anthropic', String.raw`langchain\w*`, 'llama_index',
  'sentence_transformers', 'diffusers', 'onnxruntime', 'tensorflow', 'keras', 'ctransformers', 'gpt4all', 'huggingface_hub',
  'mlx_lm', 'litellm', String.raw`google\.generativeai`, String.raw`google\.genai`, 'mistralai', 'cohere', 'groq', 'optimum',
  'peft', 'sklearn', 'xgboost', 'joblib', 'gradio',
];
const AI_IMPORT = new RegExp(String.raw`^[ \t]*(?:from|import)[ \t]+(?:${AI_LIBRARIES.join('|')})\b`, 'm');
const AI_ROUTE =
  /@\w+\.(?:post|get|route|api_route|websocket)\s*\(\s*["'][^"']*(?:generat|predict|chat|complet|embed|infer|v1\/|summar|classif|recommend|llm|model)/i;
const AUTH_MARKER = new RegExp(
  [
    String.raw`HTTPBearer|HTTPBasic|APIKey(?:Header|Query|Cookie)|OAuth2\w*Bearer|\bSecurity\s*\(|login_required|HTTPTokenAuth`,
    'flask_httpauth|flask_login|jwt_required|verify_jwt_in_request|requires_auth|AuthenticationMiddleware|BasicAuth|authenticate',
    String.raw`Depends\s*\(\s*\w*(?:auth|verify|token|api_?key|user|security)|["']authorization["']|x-api-key|\bauth\s*=`,
  ].join('|'),
  'i',
);
const AI_WORDS_IN_FILE =
  /\b(?:vllm|transformers|torch|llama|ollama|gguf|safetensors|huggingface|sentence-transformers|openai|langchain|MODEL_(?:ID|NAME|PATH))\b/i;
const AI_APP_NAME = /model|llm|inference|infer|predict|embed|chat|generat|complet|rag|\bai\b|gpt/i;
const CLI_AUTH = /--api[-_]key|--auth|API_KEY|oauth2-proxy|basic[-_]auth/i;

function pythonBinds(file: ScanFile, text: string): ScanFinding[] {
  const servesModels = AI_IMPORT.test(text) || AI_ROUTE.test(text);
  if (!servesModels || AUTH_MARKER.test(text)) return [];
  const positionOf = positionsIn(text);
  const starts = new Set<number>();
  for (const pattern of PY_BINDS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) starts.add(m.index);
  }
  return [...starts].sort((a, b) => a - b).map((start) => deployFinding(file, DEPLOY_RULES.appPublic, positionOf(start),
    'This AI-serving app listens on 0.0.0.0 and no authentication is visible in the file.'));
}

/** Exec-form quotes and commas blanked so `["uvicorn", "serve:app", "--host", "0.0.0.0"]` reads as a command. */
function asCommand(text: string): string {
  return text.replace(/["',[\]]/g, ' ');
}

function commandBinds(file: ScanFile, text: string): ScanFinding[] {
  if (CLI_AUTH.test(text)) return [];
  const command = asCommand(text);
  const aiFile = AI_WORDS_IN_FILE.test(text);
  const positionOf = positionsIn(text);
  const out: ScanFinding[] = [];
  for (const [lineStart, lineEnd] of lineSpans(command)) {
    const line = command.slice(lineStart, lineEnd);
    const server = CLI_SERVER.exec(line);
    const app = CLI_APP.exec(line.slice(server?.index ?? 0))?.[0] ?? '';
    if (server !== null && CLI_PUBLIC_HOST.test(line) && (aiFile || AI_APP_NAME.test(app))) {
      out.push(deployFinding(file, DEPLOY_RULES.appPublic, positionOf(lineStart + server.index),
        'An AI app is started on 0.0.0.0 and no authentication flag or key is visible.'));
    }
  }
  return out;
}

export function appBindFindings(file: ScanFile, text: string): ScanFinding[] {
  if (!text.includes('0.0.0.0') && !text.includes('::')) return [];
  return file.extension === 'py' ? pythonBinds(file, text) : commandBinds(file, text);
}
