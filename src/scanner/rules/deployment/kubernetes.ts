/**
 * Kubernetes manifests (every document of a file, `kind: List` items too). A workload whose container runs a
 * model server (inference.ts) is reported when a container `hostPort` or `hostNetwork: true` opens it on the
 * nodes, when a Service of type LoadBalancer or NodePort exposes it (selector matching the pod labels, Ollama's
 * port, or a model-server name; internal load balancers and restricted source ranges excepted), when its
 * `OLLAMA_HOST` env is 0.0.0.0, and when the same file holds no NetworkPolicy limiting egress. Policies in other
 * files are not visible to a one-file rule, so that last finding says "in this manifest".
 */
import type { Node } from 'yaml';
import type { ScanFile, ScanFinding } from '../../types.ts';
import { isAllInterfaces, modelServer, OLLAMA_PORT } from './inference.ts';
import { DEPLOY_RULES, deployFinding } from './rules.ts';
import { at, child, commandText, entries, items, text, type YamlDocs } from './yaml-docs.ts';

interface Workload {
  readonly kind: string;
  readonly name: string;
  readonly labels: ReadonlyMap<string, string>;
  readonly podSpec: Node | null;
}

const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** Every manifest object in the file: documents, and the items of `kind: List`. */
function objects(docs: YamlDocs): Node[] {
  return docs.roots.flatMap((root) => (text(child(root, 'kind')) === 'List' ? items(child(root, 'items')) : [root]));
}

function labelMap(node: Node | null): Map<string, string> {
  return new Map(entries(node).map(([key, value]) => [key, text(value) ?? '']));
}

function workloadOf(object: Node): Workload | null {
  const kind = text(child(object, 'kind')) ?? '';
  const path = POD_SPEC_PATHS[kind];
  if (path === undefined) return null;
  const templateLabels = kind === 'Pod' ? at(object, 'metadata', 'labels') : at(object, ...path.slice(0, -1), 'metadata', 'labels');
  return { kind, name: text(at(object, 'metadata', 'name')) ?? '', labels: labelMap(templateLabels), podSpec: at(object, ...path) };
}

function serverOf(container: Node): string | null {
  const command = `${commandText(child(container, 'command'))} ${commandText(child(container, 'args'))}`;
  return modelServer(text(child(container, 'image')), command);
}

function modelContainers(workload: Workload): [Node, string][] {
  return items(child(workload.podSpec, 'containers')).flatMap((c) => {
    const server = serverOf(c);
    return server === null ? [] : [[c, server] as [Node, string]];
  });
}

const ALL_INTERFACES_URL = /^(?:https?:\/\/)?(?:0\.0\.0\.0|::|\[::\])(?::\d+)?$/;

function hostExposure(file: ScanFile, docs: YamlDocs, w: Workload, container: Node, server: string): ScanFinding[] {
  const out: ScanFinding[] = [];
  for (const port of items(child(container, 'ports'))) {
    const hostPort = child(port, 'hostPort');
    if (hostPort === null || !isAllInterfaces(text(child(port, 'hostIP')))) continue;
    out.push(deployFinding(file, DEPLOY_RULES.portPublic, docs.at(hostPort),
      `${w.kind} "${w.name}" opens ${server} on hostPort ${text(hostPort)} of every node it runs on.`, { server }));
  }
  for (const env of items(child(container, 'env'))) {
    const value = child(env, 'value');
    if (text(child(env, 'name')) === 'OLLAMA_HOST' && value !== null && ALL_INTERFACES_URL.test(text(value) ?? '')) {
      out.push(deployFinding(file, DEPLOY_RULES.ollamaHost, docs.at(value),
        'OLLAMA_HOST makes Ollama listen on every interface; its API has no authentication.'));
    }
  }
  return out;
}

/** `…/aws-load-balancer-internal: "true"`, `…/load-balancer-type: Internal`, `…/aws-load-balancer-scheme: internal`. */
function isInternalAnnotation([key, value]: [string, Node | null]): boolean {
  const v = (text(value) ?? '').toLowerCase();
  if (/load-balancer-internal$/.test(key)) return v === 'true';
  return /load-balancer-(?:type|scheme)$/.test(key) && /internal|private/.test(v);
}
const SERVER_NAME = /ollama|vllm|tgi|text-generation|llama|localai|triton|sglang|xinference|llm|inference|model-?server/i;

function isPublicService(service: Node): boolean {
  if (entries(at(service, 'metadata', 'annotations')).some(isInternalAnnotation)) return false;
  const ranges = items(at(service, 'spec', 'loadBalancerSourceRanges')).map((r) => text(r) ?? '');
  return ranges.length === 0 || ranges.some((r) => r === '0.0.0.0/0' || r === '::/0');
}

function selects(service: Node, workload: Workload): boolean {
  const selector = labelMap(at(service, 'spec', 'selector'));
  return selector.size > 0 && [...selector].every(([key, value]) => workload.labels.get(key) === value);
}

function serviceFindings(file: ScanFile, docs: YamlDocs, service: Node, servers: readonly [Workload, string][]): ScanFinding[] {
  const type = at(service, 'spec', 'type');
  if ((text(type) !== 'LoadBalancer' && text(type) !== 'NodePort') || !isPublicService(service)) return [];
  const name = text(at(service, 'metadata', 'name')) ?? '';
  const ports = items(at(service, 'spec', 'ports')).flatMap((p) => [text(child(p, 'port')), text(child(p, 'targetPort'))]);
  const selected = servers.find(([w]) => selects(service, w));
  const server = selected?.[1] ?? (ports.includes(String(OLLAMA_PORT)) ? 'Ollama' : SERVER_NAME.test(name) ? 'a model server' : null);
  if (server === null) return [];
  return [deployFinding(file, DEPLOY_RULES.portPublic, docs.at(type as Node),
    `Service "${name}" of type ${text(type)} exposes ${server} outside the cluster, without authentication.`,
    { service: name, server, type: text(type) ?? '' })];
}

function limitsEgress(object: Node): boolean {
  if (text(child(object, 'kind')) !== 'NetworkPolicy') return false;
  const types = items(at(object, 'spec', 'policyTypes')).map((t) => text(t));
  return types.includes('Egress') || at(object, 'spec', 'egress') !== null;
}

export function isKubernetesRoot(root: Node): boolean {
  return text(child(root, 'apiVersion')) !== null && text(child(root, 'kind')) !== null;
}

export function kubernetesFindings(file: ScanFile, docs: YamlDocs): ScanFinding[] {
  const all = objects(docs).filter(isKubernetesRoot);
  const workloads = all.map(workloadOf).filter((w): w is Workload => w !== null);
  const servers = workloads.flatMap((w) => modelContainers(w).map(([c, s]) => [w, s, c] as const));
  const out: ScanFinding[] = [];
  for (const [w, server, container] of servers) out.push(...hostExposure(file, docs, w, container, server));
  for (const w of workloads) {
    const hostNetwork = child(w.podSpec, 'hostNetwork');
    const server = modelContainers(w)[0]?.[1];
    if (server !== undefined && text(hostNetwork) === 'true') {
      out.push(deployFinding(file, DEPLOY_RULES.portPublic, docs.at(hostNetwork as Node),
        `${w.kind} "${w.name}" runs ${server} on the node network, open on every node address.`, { server }));
    }
  }
  const pairs = servers.map(([w, s]) => [w, s] as [Workload, string]);
  for (const service of all.filter((o) => text(child(o, 'kind')) === 'Service')) out.push(...serviceFindings(file, docs, service, pairs));
  if (!all.some(limitsEgress)) {
    for (const [w, server, container] of servers) {
      const image = child(container, 'image') ?? container;
      out.push(deployFinding(file, DEPLOY_RULES.noEgressPolicy, docs.at(image),
        `${w.kind} "${w.name}" runs ${server} and this manifest has no NetworkPolicy limiting its egress.`,
        { workload: w.name, server, crossFileChecked: false }));
    }
  }
  return out;
}
