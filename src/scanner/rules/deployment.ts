/**
 * Deployment exposure: how a shop's AI stack is built and run. Dockerfiles that copy weights into images, bake
 * keys into ENV/ARG or download models at build time; compose files and Kubernetes manifests that publish model
 * servers on all interfaces or run them without an egress NetworkPolicy; `OLLAMA_HOST=0.0.0.0` wherever it is
 * set; Python AI apps bound to 0.0.0.0 without authentication; CI steps that download models; and Terraform
 * storage for models or training data made public. The checks live in deployment/; this module routes each
 * file to the ones that read its kind, and a check that fails on odd input yields no findings, never an error.
 */
import { lineSpans, positionsIn } from '../position.ts';
import type { ScanFile, ScanFinding, ScanRule } from '../types.ts';
import { appBindFindings, ollamaHostFindings } from './deployment/binds.ts';
import { composeFindings } from './deployment/compose.ts';
import { isDockerfile } from './deployment/dockerfile-lines.ts';
import { scanDockerfile } from './deployment/dockerfile.ts';
import { findDownload } from './deployment/downloads.ts';
import { MAY_NAME_SERVER } from './deployment/inference.ts';
import { kubernetesFindings } from './deployment/kubernetes.ts';
import { DEPLOY_RULE_LIST, DEPLOY_RULES, deployFinding } from './deployment/rules.ts';
import { terraformFindings } from './deployment/terraform.ts';
import { parseYamlDocs } from './deployment/yaml-docs.ts';

/** Prose mentions these settings in instructions; only configuration and code deploy anything. */
const DOCS = new Set(['md', 'markdown', 'rst', 'txt', 'adoc', 'html', 'htm']);
const YAML = new Set(['yml', 'yaml']);
/** Files that start servers from a command line. */
const COMMAND_FILES = new Set(['sh', 'bash', 'zsh', 'service', 'conf', 'ini', 'toml', 'json', 'yml', 'yaml', 'ps1', 'cmd', 'bat']);
const COMMAND_NAMES = new Set(['procfile', 'entrypoint', 'start', 'run']);

/** CI configuration whose steps run at build time. */
export function isCiConfig(path: string): boolean {
  const lower = path.toLowerCase();
  const name = lower.split('/').at(-1) ?? '';
  if (/(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(lower) || /(?:^|\/)\.circleci\/config\.ya?ml$/.test(lower)) return true;
  return /^(?:\.gitlab-ci|azure-pipelines|bitbucket-pipelines|cloudbuild|buildspec|\.travis|\.drone)\.ya?ml$/.test(name) ||
    name === 'jenkinsfile';
}

function ciDownloads(file: ScanFile, text: string): ScanFinding[] {
  const positionOf = positionsIn(text);
  const out: ScanFinding[] = [];
  for (const [start, end] of lineSpans(text)) {
    const line = text.slice(start, end);
    const found = line.trimStart().startsWith('#') ? null : findDownload(line);
    if (found !== null) {
      out.push(deployFinding(file, DEPLOY_RULES.buildDownload, positionOf(start + found.index),
        `A CI build step downloads model weights (${found.how}).`, { how: found.how }));
    }
  }
  return out;
}

function yamlFindings(file: ScanFile, text: string): ScanFinding[] {
  if ((!text.includes('services:') && !text.includes('kind:')) || !MAY_NAME_SERVER.test(text)) return [];
  const docs = parseYamlDocs(text);
  return docs === null ? [] : [...composeFindings(file, docs), ...kubernetesFindings(file, docs)];
}

function takesCommands(file: ScanFile): boolean {
  return isDockerfile(file.name) || COMMAND_FILES.has(file.extension) || COMMAND_NAMES.has(file.name);
}

/** The checks that read this kind of file. */
function checksFor(file: ScanFile): ((file: ScanFile, text: string) => ScanFinding[])[] {
  const checks: ((file: ScanFile, text: string) => ScanFinding[])[] = [ollamaHostFindings];
  if (isDockerfile(file.name)) checks.push(scanDockerfile);
  if (YAML.has(file.extension)) checks.push(yamlFindings);
  if (isCiConfig(file.path)) checks.push(ciDownloads);
  if (file.extension === 'tf') checks.push(terraformFindings);
  if (file.extension === 'py' || takesCommands(file)) checks.push(appBindFindings);
  return checks;
}

/** A check that throws on odd input (a pathological regex case, deep nesting) reports nothing. */
function safely(check: (file: ScanFile, text: string) => ScanFinding[], file: ScanFile, text: string): ScanFinding[] {
  try {
    return check(file, text);
  } catch {
    return [];
  }
}

export const deploymentRules: ScanRule = {
  rules: DEPLOY_RULE_LIST,
  applies: (file) => file.text !== null && !DOCS.has(file.extension),
  scan(file) {
    const text = file.text ?? '';
    return checksFor(file).flatMap((check) => safely(check, file, text));
  },
};
