/**
 * The scan fixtures that contain fake credentials, written from templates with seeded random keys: a shop's `.env`
 * (OpenAI, AWS access key and secret, Cohere by name), a `.wp-env.json` with an Anthropic key in a wp-config
 * constant, the deployment Dockerfile baking an OpenAI key into ENV, a Magento module's `etc/config.xml`
 * default, a GCP service-account JSON and a Salesforce custom metadata record (`*-meta.xml`) with a Groq key.
 */

/** A type alias, not an interface, so `Object.values` sees the strings. */
export type FixtureKeys = {
  readonly envOpenai: string;
  readonly envAwsAccessKeyId: string;
  readonly envAwsSecret: string;
  readonly envCohere: string;
  readonly wpAnthropic: string;
  readonly dockerOpenai: string;
  readonly magentoOpenai: string;
  readonly salesforceGroq: string;
  readonly gcpKeyId: string;
  /** PEM with its line breaks escaped as in JSON. */
  readonly gcpPrivateKey: string;
};

const lines = (...all: string[]): string => `${all.join('\n')}\n`;

function dotEnv(k: FixtureKeys): string {
  return lines(
    'APP_ENV=production',
    'APP_URL=https://shop.example.com',
    '',
    '# Product description generator',
    `OPENAI_API_KEY=${k.envOpenai}`,
    'OPENAI_MODEL=gpt-4o-mini',
    `COHERE_API_KEY=${k.envCohere}`,
    '',
    '# Product image storage',
    `AWS_ACCESS_KEY_ID=${k.envAwsAccessKeyId}`,
    `AWS_SECRET_ACCESS_KEY=${k.envAwsSecret}`,
    'AWS_DEFAULT_REGION=eu-central-1',
    'AWS_BUCKET=shop-product-images',
  );
}

function wpEnv(k: FixtureKeys): string {
  const config = {
    core: 'WordPress/WordPress#6.7',
    phpVersion: '8.2',
    plugins: ['.', 'https://downloads.wordpress.org/plugin/woocommerce.9.5.1.zip'],
    config: { WP_DEBUG: true, SHOP_AI_ANTHROPIC_KEY: k.wpAnthropic, SHOP_AI_MODEL: 'claude-3-5-haiku-latest' },
    mappings: { 'wp-content/mu-plugins': './mu-plugins' },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

function dockerfile(k: FixtureKeys): string {
  return lines(
    '# syntax=docker/dockerfile:1',
    'FROM python:3.12-slim',
    'WORKDIR /app',
    'ARG HF_TOKEN',
    `ENV OPENAI_API_KEY=${k.dockerOpenai} \\`,
    '    MODEL_DIR=/models',
    'RUN pip install --no-cache-dir fastapi==0.115.6 uvicorn==0.34.0 transformers==4.47.1 torch==2.5.1',
    'RUN huggingface-cli download Qwen/Qwen2.5-0.5B-Instruct --local-dir /models/qwen2.5-0.5b',
    'COPY models/shop-assistant-q4_k_m.gguf /models/',
    'COPY serve.py .',
    'EXPOSE 8000',
    'CMD ["python", "serve.py"]',
  );
}

function magentoConfig(k: FixtureKeys): string {
  return lines(
    '<?xml version="1.0"?>',
    '<config xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="urn:magento:module:Magento_Store:etc/config.xsd">',
    '    <default>',
    '        <shopai>',
    '            <openai>',
    '                <enabled>1</enabled>',
    `                <api_key>${k.magentoOpenai}</api_key>`,
    '                <model>gpt-4o-mini</model>',
    '                <max_tokens>800</max_tokens>',
    '            </openai>',
    '            <anthropic>',
    '                <enabled>0</enabled>',
    '                <api_key backend_model="Magento\\Config\\Model\\Config\\Backend\\Encrypted"/>',
    '            </anthropic>',
    '        </shopai>',
    '    </default>',
    '</config>',
  );
}

function serviceAccount(k: FixtureKeys): string {
  return lines(
    '{',
    '  "type": "service_account",',
    '  "project_id": "shop-vertex-prod",',
    `  "private_key_id": "${k.gcpKeyId}",`,
    `  "private_key": "${k.gcpPrivateKey}",`,
    '  "client_email": "catalog-enricher@shop-vertex-prod.iam.gserviceaccount.com",',
    '  "client_id": "104857362019283746501",',
    '  "token_uri": "https://oauth2.googleapis.com/token"',
    '}',
  );
}

function salesforceMetadata(k: FixtureKeys): string {
  return lines(
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '    <label>Default</label>',
    '    <protected>false</protected>',
    '    <values>',
    '        <field>Endpoint__c</field>',
    '        <value xsi:type="xsd:string">https://api.groq.com/openai/v1</value>',
    '    </values>',
    '    <values>',
    '        <field>Api_Key__c</field>',
    `        <value xsi:type="xsd:string">${k.salesforceGroq}</value>`,
    '    </values>',
    '</CustomMetadata>',
  );
}

/** Fixture path under test/fixtures/scan/ → text. */
export function keyFixtures(k: FixtureKeys): [string, string][] {
  return [
    ['keys/.env', dotEnv(k)],
    ['keys/.wp-env.json', wpEnv(k)],
    ['keys/credentials/vertex-service-account.json', serviceAccount(k)],
    ['keys/force-app/main/default/customMetadata/AI_Provider.Groq.md-meta.xml', salesforceMetadata(k)],
    ['deployment/Dockerfile', dockerfile(k)],
    ['magento-module/etc/config.xml', magentoConfig(k)],
  ];
}
