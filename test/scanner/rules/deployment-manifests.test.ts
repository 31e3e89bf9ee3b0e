/**
 * Compose, Kubernetes and Terraform case by case: every port syntax, internal load balancers, hostPort and
 * hostNetwork, egress policies, multi-document and broken YAML, and public storage on AWS, GCP and Azure, with the
 * model-or-data test on bucket names and tags.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deploymentRules } from '../../../src/scanner/rules/deployment.ts';
import { scanOne } from './rule-harness.ts';

const rules = (path: string, text: string): string[] => scanOne([deploymentRules], path, text).map((t) => `${t[0]}@${t[2]}:${t[3]}`);

describe('compose ports', () => {
  const compose = (service: string): string => `services:\n${service}`;

  it('reports every all-interfaces syntax for a model server', () => {
    const text = compose([
      '  llm:', '    image: ghcr.io/ggerganov/llama.cpp:server', '    ports:',
      '      - 8080', '      - "8081:8080"', '      - "[::]:8082:8080"', '      - target: 8080', '        published: 8083',
      '      - target: 8080', '        published: 8084', '        host_ip: 127.0.0.1', '      - "127.0.0.1:8085:8080"',
      '      - "${LLM_PORT:-8086}:8080"', '      - "${BIND_IP:-127.0.0.1}:8087:8080"', '',
    ].join('\n'));
    assert.deepEqual(rules('docker-compose.yml', text), [
      'deploy.inference-port-public@5:9', 'deploy.inference-port-public@6:9', 'deploy.inference-port-public@7:9',
      'deploy.inference-port-public@8:9', 'deploy.inference-port-public@14:9',
    ]);
  });

  it('knows servers by command and Ollama by its port, and ignores other services', () => {
    const text = compose([
      '  api:', '    build: .', '    command: ["vllm", "serve", "Qwen/Qwen2.5-7B"]', '    ports: ["8000:8000"]',
      '  custom-ollama:', '    build: ./ollama', '    ports: ["11434:11434"]',
      '  web:', '    image: nginx:1.27', '    ports: ["80:80", "8080:8080"]',
      '  tgi:', '    image: ghcr.io/huggingface/text-generation-inference:3.0', '    network_mode: host', '',
    ].join('\n'));
    assert.deepEqual(rules('compose.yaml', text), [
      'deploy.inference-port-public@5:13', 'deploy.inference-port-public@8:13', 'deploy.inference-port-public@14:19',
    ]);
  });

  it('survives broken YAML and keeps the documents that parse', () => {
    assert.deepEqual(rules('docker-compose.yml', 'services:\n  ollama:\n    image: ollama/ollama\n    ports: ["11434:11434"\n'), []);
    assert.deepEqual(rules('docker-compose.yml', 'services: [\n{{ .Values.x }}\n'), []);
  });
});

describe('Kubernetes', () => {
  const deployment = (image: string, extra = ''): string => [
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: llm', 'spec:', '  template:', '    metadata:',
    '      labels:', '        app: llm', '    spec:', extra, '      containers:', '        - name: server', `          image: ${image}`,
    '          env:', '            - name: OLLAMA_HOST', '              value: "0.0.0.0"', '          ports:',
    '            - containerPort: 11434', '              hostPort: 11434',
  ].filter((line) => line !== '').join('\n');
  const service = (type: string, extra = ''): string =>
    ['---', 'apiVersion: v1', 'kind: Service', 'metadata:', '  name: chat-backend', extra, 'spec:', `  type: ${type}`,
      '  selector:', '    app: llm', '  ports:', '    - port: 80'].filter((line) => line !== '').join('\n');
  const egress = ['---', 'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', '  name: deny-egress', 'spec:',
    '  podSelector: {}', '  policyTypes: ["Egress"]'].join('\n');

  it('reports hostPort, OLLAMA_HOST, a NodePort service and the missing egress policy', () => {
    const text = `${deployment('ollama/ollama:0.5.7')}\n${service('NodePort')}\n`;
    assert.deepEqual(rules('k8s/ollama.yaml', text), [
      'deploy.model-server-no-egress-policy@13:18', 'deploy.ollama-host-public@16:22', 'deploy.inference-port-public@19:25',
      'deploy.inference-port-public@26:9',
    ]);
  });

  it('accepts an egress policy in the file, internal load balancers and non-model workloads', () => {
    const internal = service('LoadBalancer', '  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-internal: "true"');
    const text = `${deployment('vllm/vllm-openai:v0.6.6').replace(/ {12}- name: OLLAMA_HOST\n.*\n/, '')}\n${internal}\n${egress}\n`;
    assert.deepEqual(rules('k8s/vllm.yml', text), ['deploy.inference-port-public@17:25']);
    assert.deepEqual(rules('k8s/shop.yaml', `${deployment('shop/api:1.2').replace('OLLAMA_HOST', 'LOG_LEVEL')}\n${service('LoadBalancer')}\n`), []);
  });

  it('reads hostNetwork, List items and restricted source ranges', () => {
    const host = deployment('ghcr.io/huggingface/text-embeddings-inference:1.6', '      hostNetwork: true');
    assert.ok(rules('k8s/tei.yaml', `${host}\n${egress}\n`).includes('deploy.inference-port-public@11:20'));
    const ranged = service('LoadBalancer', '').replace('  ports:', '  loadBalancerSourceRanges: ["10.0.0.0/8"]\n  ports:');
    assert.deepEqual(rules('k8s/ranged.yaml', `${deployment('ollama/ollama').replace(/ {14}hostPort: 11434/, '')}\n${ranged}\n${egress}\n`),
      ['deploy.ollama-host-public@16:22']);
    const list = ['apiVersion: v1', 'kind: List', 'items:', '  - apiVersion: v1', '    kind: Pod', '    metadata: {name: p}',
      '    spec:', '      containers:', '        - name: s', '          image: localai/localai:latest'].join('\n');
    assert.deepEqual(rules('k8s/list.yaml', list), ['deploy.model-server-no-egress-policy@10:18']);
  });
});

describe('Terraform public storage', () => {
  it('reports GCS allUsers grants and public ACLs on model buckets', () => {
    const tf = [
      'resource "google_storage_bucket" "embeddings" {', '  name = "shop-embeddings-eu"', '  location = "EU"', '}', '',
      'resource "google_storage_bucket_iam_member" "public" {', '  bucket = google_storage_bucket.embeddings.name',
      '  role   = "roles/storage.objectViewer"', '  member = "allUsers"', '}', '',
      'resource "google_storage_bucket_iam_binding" "media" {', '  bucket  = "shop-media"', '  role    = "roles/storage.objectViewer"',
      '  members = ["allUsers"]', '}',
    ].join('\n');
    assert.deepEqual(rules('infra/gcs.tf', tf), ['deploy.public-model-bucket@9:3']);
    const byVariable = 'resource "google_storage_bucket_iam_member" "read" {\n  bucket = var.model_weights_bucket\n  member = "allAuthenticatedUsers"\n}\n';
    assert.deepEqual(rules('infra/iam.tf', byVariable), ['deploy.public-model-bucket@3:3']);
  });

  it('reports Azure public containers and S3 access blocks turned off, by tags too', () => {
    const tf = [
      'resource "azurerm_storage_container" "weights" {', '  name                  = "llm-weights"',
      '  storage_account_name  = azurerm_storage_account.ml.name', '  container_access_type = "blob"', '}', '',
      'resource "aws_s3_bucket" "exports" {', '  bucket = "shop-exports-7f3a"', '  tags = {', '    Contents = "fine-tuning dataset"', '  }', '}',
      'resource "aws_s3_bucket_public_access_block" "exports" {', '  bucket = aws_s3_bucket.exports.id',
      '  block_public_acls   = false', '  block_public_policy = false', '}',
      'resource "aws_s3_bucket_policy" "exports" {', '  bucket = aws_s3_bucket.exports.id', '  policy = jsonencode({',
      '    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "${aws_s3_bucket.exports.arn}/*" }]',
      '  })', '}',
    ].join('\n');
    assert.deepEqual(rules('infra/storage.tf', tf), [
      'deploy.public-model-bucket@4:3', 'deploy.public-model-bucket@15:3', 'deploy.public-model-bucket@21:38',
    ]);
  });

  it('survives unbalanced braces, heredocs and interpolation', () => {
    const tf = 'resource "aws_s3_bucket" "models" {\n  acl = "public-read"\n  policy = <<EOF\n{ "a": "}" \nEOF\n  x = "${format("%s}", "y")}"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "${\n';
    assert.deepEqual(rules('main.tf', tf), ['deploy.public-model-bucket@2:3']);
  });
});
