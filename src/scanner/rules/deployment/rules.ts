/**
 * The deployment rule ids with their severities and remediations, and the one finding builder the deployment
 * checks share, so wording and properties stay uniform across Dockerfiles, compose, Kubernetes, Terraform and
 * scripts.
 */
import type { Position } from '../../position.ts';
import { ruleFinding, type RuleInfo, type ScanFile, type ScanFinding } from '../../types.ts';

function rule(id: string, severity: RuleInfo['severity'], summary: string, remediation: string): RuleInfo {
  return { id, severity, summary, remediation };
}

export const DEPLOY_RULES = {
  weightsCopied: rule('deploy.dockerfile-weights-copied', 'high',
    'A Dockerfile copies model weights into the image.',
    'Mount the weights at runtime from an access-controlled volume or model store; images get pushed, cached and ' +
    'pulled far more widely than weights should be.'),
  envSecret: rule('deploy.dockerfile-env-secret', 'high',
    'A Dockerfile bakes a credential into the image with ENV or ARG.',
    'Remove the value from the Dockerfile and rotate it; pass secrets at runtime (orchestrator secrets, ' +
    '`docker run --env-file`) or to the build with `RUN --mount=type=secret`, never as ENV or ARG.'),
  buildDownload: rule('deploy.build-downloads-model', 'medium',
    'A build step downloads model weights from the internet.',
    'Fetch weights from an internal mirror or registry, pinned by revision and checksum, so builds neither depend ' +
    'on nor talk to an outside hub.'),
  portPublic: rule('deploy.inference-port-public', 'high',
    'A model server port is published on all interfaces.',
    'Bind the port to 127.0.0.1 (or an internal network only) and put an authenticating gateway in front; model ' +
    'servers have no authentication of their own.'),
  noEgressPolicy: rule('deploy.model-server-no-egress-policy', 'medium',
    'A model server runs without an egress NetworkPolicy in its manifest.',
    'Add a NetworkPolicy with policyTypes [Egress] that allows only what the server needs (DNS, the model store), ' +
    'so prompts and data cannot leave the cluster from it.'),
  ollamaHost: rule('deploy.ollama-host-public', 'high',
    'OLLAMA_HOST makes Ollama listen on all interfaces.',
    'Set OLLAMA_HOST=127.0.0.1 (or the internal address) and reach Ollama through an authenticating gateway; ' +
    'Ollama has no authentication of its own.'),
  appPublic: rule('deploy.app-bound-public-no-auth', 'medium',
    'An AI-serving Python app listens on all interfaces without visible authentication.',
    'Bind to 127.0.0.1 behind a reverse proxy, or require authentication (an API key or OAuth dependency) on ' +
    'every model route.'),
  publicBucket: rule('deploy.public-model-bucket', 'high',
    'Storage for models or training data is publicly readable.',
    'Make the bucket or container private (block public access, remove allUsers grants and public ACLs) and grant ' +
    'read access to named identities only.'),
} as const;

export const DEPLOY_RULE_LIST: readonly RuleInfo[] = Object.values(DEPLOY_RULES);

export function deployFinding(
  file: ScanFile,
  info: RuleInfo,
  at: Position,
  message: string,
  properties?: Record<string, string | number | boolean | readonly string[]>,
): ScanFinding {
  return ruleFinding(info, file.path, at, message, properties);
}
