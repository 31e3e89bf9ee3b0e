/**
 * Docker Compose: services running a model server (by image or command, see inference.ts) whose `ports` publish
 * on every interface (`"11434:11434"`, `"0.0.0.0:8000:8000"`, a bare container port, the long syntax without
 * `host_ip`), any service publishing Ollama's 11434 that way, and model servers on `network_mode: host`.
 * `127.0.0.1:…` mappings and `expose:` are private and not reported.
 */
import { isMap, type Node } from 'yaml';
import type { ScanFile, ScanFinding } from '../../types.ts';
import { isAllInterfaces, modelServer, OLLAMA_PORT } from './inference.ts';
import { DEPLOY_RULES, deployFinding } from './rules.ts';
import { at, child, commandText, entries, items, text, type YamlDocs } from './yaml-docs.ts';

interface Published {
  readonly hostIp: string | null;
  readonly containerPort: string;
  readonly node: Node;
}

/** `[ip:][host:]container[/proto]`, IPv6 hosts in brackets. */
function shortSyntax(spec: string, node: Node): Published {
  // `${OLLAMA_PORT:-11434}:11434`: a variable is one opaque part, whatever colons its default holds.
  const bare = spec.replace(/\$\{[^}]*\}/g, 'VAR').replace(/\/(?:tcp|udp|sctp)$/i, '');
  const bracket = /^\[([^\]]*)\]:(.*)$/.exec(bare);
  const hostIp = bracket?.[1] ?? null;
  const rest = bracket?.[2] ?? bare;
  const parts = rest.split(':');
  if (hostIp !== null) return { hostIp, containerPort: parts.at(-1) ?? '', node };
  return { hostIp: parts.length >= 3 ? (parts[0] ?? '') : null, containerPort: parts.at(-1) ?? '', node };
}

function publishedPorts(service: Node | null): Published[] {
  return items(child(service, 'ports')).map((port) => {
    if (isMap(port)) {
      const target = text(child(port, 'target')) ?? '';
      return { hostIp: text(child(port, 'host_ip')), containerPort: target, node: port };
    }
    return shortSyntax(text(port) ?? '', port);
  });
}

/** True when a container port range (`8000-8001`) includes `port`. */
function includesPort(range: string, port: number): boolean {
  const [low, high] = range.split('-').map(Number);
  return low !== undefined && low <= port && port <= (high ?? low);
}

function serviceFindings(file: ScanFile, docs: YamlDocs, name: string, service: Node | null): ScanFinding[] {
  const image = text(child(service, 'image'));
  const command = `${commandText(child(service, 'entrypoint'))} ${commandText(child(service, 'command'))}`;
  const server = modelServer(image, command);
  const out: ScanFinding[] = [];
  for (const port of publishedPorts(service)) {
    if (!isAllInterfaces(port.hostIp)) continue;
    const ollamaPort = includesPort(port.containerPort, OLLAMA_PORT);
    if (server === null && !ollamaPort) continue;
    const what = server ?? 'Ollama';
    out.push(deployFinding(file, DEPLOY_RULES.portPublic, docs.at(port.node),
      `Service "${name}" publishes ${what} port ${port.containerPort} on all interfaces, without authentication.`,
      { service: name, server: what, port: port.containerPort }));
  }
  const networkMode = child(service, 'network_mode');
  if (server !== null && text(networkMode) === 'host') {
    out.push(deployFinding(file, DEPLOY_RULES.portPublic, docs.at(networkMode as Node),
      `Service "${name}" runs ${server} on the host network, so its port is open on every host interface.`,
      { service: name, server }));
  }
  return out;
}

/** A compose document: a top-level `services` map whose entries have an image, a build or ports. */
export function isComposeRoot(root: Node): boolean {
  return entries(child(root, 'services')).some(([, service]) =>
    ['image', 'build', 'ports'].some((key) => child(service, key) !== null));
}

export function composeFindings(file: ScanFile, docs: YamlDocs): ScanFinding[] {
  return docs.roots.filter(isComposeRoot).flatMap((root) =>
    entries(at(root, 'services')).flatMap(([name, service]) => serviceFindings(file, docs, name, service)));
}
