/**
 * Tests for the AI provider table and its host matching: exact hosts, `*` patterns at the start and in the middle,
 * path-restricted entries, wildcard patterns from platform configuration, hosts that are never egress, and the
 * table's own consistency (ids, SDK entries pointing at known providers, the providers the issue lists).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSelfHostedHost } from '../../../src/scanner/rules/egress/hosts.ts';
import { HOLE } from '../../../src/scanner/rules/egress/tokens.ts';
import {
  AI_PROVIDERS, AI_SDKS, providerById, providerForConfiguredUrl, providerForHost, providerForHostPattern, providerForUrl,
} from '../../../src/scanner/rules/providers.ts';

const idForHost = (host: string, path?: string): string | undefined => providerForHost(host, path)?.provider.id;
const idForUrl = (url: string): string | undefined => providerForUrl(url)?.provider.id;

describe('providerForHost', () => {
  it('matches exact hosts regardless of case and a trailing dot', () => {
    assert.equal(idForHost('api.openai.com'), 'openai');
    assert.equal(idForHost('API.Anthropic.com.'), 'anthropic');
    assert.equal(idForHost('api.cohere.com'), 'cohere');
    assert.equal(idForHost('api.cohere.ai'), 'cohere');
    assert.equal(idForHost('openai.com'), undefined);
    assert.equal(idForHost('platform.openai.com'), undefined);
    assert.equal(idForHost('api.openai.com.evil.example'), undefined);
  });

  it('matches suffix and middle wildcards, also with parts code fills in', () => {
    assert.equal(idForHost('shop-prod.openai.azure.com'), 'azure-openai');
    assert.equal(idForHost('europe-west4-aiplatform.googleapis.com'), 'google-vertex');
    assert.equal(idForHost(`${HOLE}-aiplatform.googleapis.com`), 'google-vertex');
    assert.equal(idForHost('bedrock-runtime.eu-central-1.amazonaws.com'), 'aws-bedrock');
    assert.equal(idForHost('s3.eu-central-1.amazonaws.com'), undefined);
    assert.equal(idForHost('openai.azure.com'), undefined);
  });

  it('applies path restrictions on hosts that are also websites', () => {
    assert.equal(idForUrl('https://openrouter.ai/api/v1/chat/completions'), 'openrouter');
    assert.equal(idForUrl('https://openrouter.ai/api'), 'openrouter');
    assert.equal(idForUrl('https://openrouter.ai/keys'), undefined);
    assert.equal(idForHost('openrouter.ai'), undefined);
    assert.equal(idForUrl('https://api.cloudflare.com/client/v4/accounts/abc123/ai/run/@cf/meta/llama-3-8b'), 'cloudflare-ai');
    assert.equal(idForUrl('https://api.cloudflare.com/client/v4/zones'), undefined);
  });
});

describe('providerForUrl', () => {
  it('reads URLs with and without a scheme, with ports, userinfo, queries and fragments', () => {
    assert.equal(idForUrl('https://api.openai.com/v1/chat/completions'), 'openai');
    assert.equal(idForUrl('api.groq.com/openai/v1'), 'groq');
    assert.equal(idForUrl('//api.x.ai/v1'), 'xai');
    assert.equal(idForUrl('https://user@api.mistral.ai:443/v1?x=1#y'), 'mistral');
    assert.equal(idForUrl('wss://api.openai.com/v1/realtime'), 'openai');
    assert.equal(idForUrl('https://example.com/api.openai.com'), undefined);
  });
});

describe('providerForHostPattern', () => {
  it('says which provider a configured wildcard admits', () => {
    assert.equal(providerForHostPattern('*.openai.com')?.provider.id, 'openai');
    assert.equal(providerForHostPattern('*.azure.com')?.provider.id, 'azure-openai');
    assert.equal(providerForHostPattern('*.googleapis.com')?.provider.id, 'google-gemini');
    assert.equal(providerForHostPattern('api.anthropic.com')?.provider.id, 'anthropic');
    assert.equal(providerForHostPattern('*.example.com'), null);
    assert.equal(providerForHostPattern('*.openrouter.ai'), null);
  });
});

describe('providerForConfiguredUrl', () => {
  it('reads platform URLs: wildcards admit every host under them, and a host counts whatever path follows', () => {
    const reached = (url: string): [string, string, boolean] | null => {
      const found = providerForConfiguredUrl(url);
      return found === null ? null : [found.match.provider.id, found.match.host, found.wildcard];
    };
    assert.deepEqual(reached('https://api.openai.com'), ['openai', 'api.openai.com', false]);
    assert.deepEqual(reached('https://*.openai.com:443/v1'), ['openai', '*.openai.com', true]);
    assert.deepEqual(reached('https://openrouter.ai'), ['openrouter', 'openrouter.ai', false]);
    assert.equal(reached('https://erp.example.com/api'), null);
    assert.equal(reached('*.example.com'), null);
  });
});

describe('isSelfHostedHost', () => {
  it('treats loopback, private networks, internal names and the gateway as self-hosted', () => {
    for (const host of ['localhost', '127.0.0.1', '10.1.2.3', '172.20.0.5', '192.168.1.10', '100.64.0.1', '::1', '[::1]', 'fd12:3456::1',
      'ollama', 'airlock', 'airlock.example.com', 'llm.svc.cluster.local', 'host.docker.internal', 'api.localhost', 'gpu.lan']) {
      assert.equal(isSelfHostedHost(host), true, host);
    }
  });

  it('treats public hosts and hosts with unknown parts as not self-hosted', () => {
    for (const host of ['api.openai.com', '8.8.8.8', '172.32.0.1', 'llm.example.com', `${HOLE}.internal.example.com`, '']) {
      assert.equal(isSelfHostedHost(host), false, host);
    }
  });
});

describe('provider table', () => {
  it('has unique ids and lower-case host patterns', () => {
    assert.equal(new Set(AI_PROVIDERS.map((p) => p.id)).size, AI_PROVIDERS.length);
    for (const provider of AI_PROVIDERS) for (const host of provider.hosts) assert.equal(host, host.toLowerCase(), host);
  });

  it('points every SDK entry at a known provider', () => {
    for (const sdk of AI_SDKS) assert.ok(providerById(sdk.provider), `${sdk.module} → ${sdk.provider}`);
  });

  it('covers the providers the issue names', () => {
    const hosts = ['api.openai.com', 'x.openai.azure.com', 'api.anthropic.com', 'generativelanguage.googleapis.com', 'us-central1-aiplatform.googleapis.com',
      'api.mistral.ai', 'api.cohere.ai', 'api.groq.com', 'api.together.xyz', 'api.together.ai', 'api.replicate.com', 'api-inference.huggingface.co',
      'router.huggingface.co', 'api.deepseek.com', 'api.perplexity.ai', 'api.x.ai', 'api.fireworks.ai', 'api.ai21.com', 'api.voyageai.com',
      'api.stability.ai', 'api.elevenlabs.io', 'bedrock-runtime.us-east-1.amazonaws.com'];
    for (const host of hosts) assert.ok(providerForHost(host), host);
    assert.ok(providerForUrl('https://openrouter.ai/api/v1'));
  });
});
