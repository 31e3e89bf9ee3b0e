/**
 * The deployment rules on a shop's AI deployment (Dockerfile, compose, Kubernetes, Terraform, the Python app, a
 * CI workflow) with its negative controls (a TGI manifest with an egress policy, loopback-only Ollama, a private
 * and a public non-model bucket), plus the Dockerfile, app-binding and CI checks case by case.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fixtureKeys } from '../../../scripts/generate-scan-fixtures.ts';
import { ALNUM, createRng } from '../../../scripts/corpus/rng.ts';
import { deploymentRules } from '../../../src/scanner/rules/deployment.ts';
import { keyRules } from '../../../src/scanner/rules/keys.ts';
import { arbitraryFile, fixtureFiles, run, scanFile, scanOne, tuples } from './rule-harness.ts';

const rng = createRng(31337);

describe('deployment fixture', () => {
  it('reports exactly the exposures', () => {
    assert.deepEqual(tuples(run([deploymentRules], fixtureFiles('deployment'))), [
      ['deploy.build-downloads-model', '.github/workflows/build-image.yml', 13, 11],
      ['deploy.dockerfile-env-secret', 'Dockerfile', 5, 20],
      ['deploy.build-downloads-model', 'Dockerfile', 8, 5],
      ['deploy.dockerfile-weights-copied', 'Dockerfile', 9, 6],
      ['deploy.inference-port-public', 'docker-compose.yml', 6, 9],
      ['deploy.ollama-host-public', 'docker-compose.yml', 8, 9],
      ['deploy.model-server-no-egress-policy', 'k8s/vllm.yaml', 18, 18],
      ['deploy.inference-port-public', 'k8s/vllm.yaml', 38, 9],
      ['deploy.public-model-bucket', 'main.tf', 34, 3],
      ['deploy.app-bound-public-no-auth', 'serve.py', 26, 5],
    ]);
  });

  it('reports the Dockerfile key once, masked, and no key rule finding on the ENV line', () => {
    const files = fixtureFiles('deployment');
    const findings = run([deploymentRules, keyRules], files).filter((f) => f.file === 'Dockerfile');
    const key = fixtureKeys().dockerOpenai;
    assert.equal(findings.filter((f) => f.line === 5).length, 1);
    for (const f of findings) assert.ok(!JSON.stringify(f).includes(key.slice(6, -4)));
    assert.match(findings.find((f) => f.line === 5)?.message ?? '', /sk-p…/);
  });
});

describe('Dockerfile', () => {
  const key = `sk-proj-${rng.chars(ALNUM, 48)}`;

  it('finds weights copied in every form, and not code folders', () => {
    const dockerfile = [
      'FROM vllm/vllm-openai:v0.6.6',
      'COPY --chown=app:app ./weights /opt/weights',
      'ADD ["checkpoints/lora.safetensors", "/adapters/"]',
      'COPY --from=fetch /models /models',
      'COPY src/models ./src/models',
      'COPY app/ /app/',
      'COPY requirements.txt model_card.md /app/',
      'COPY --from=deps /app/node_modules/.bin ./node_modules/.bin',
    ].join('\n');
    assert.deepEqual(scanOne([deploymentRules], 'Dockerfile', dockerfile).map((t) => [t[0], t[2], t[3]]), [
      ['deploy.dockerfile-weights-copied', 2, 22],
      ['deploy.dockerfile-weights-copied', 3, 7],
      ['deploy.dockerfile-weights-copied', 4, 19],
    ]);
  });

  it('finds keys and credential-named secrets in ENV and ARG forms, not references or placeholders', () => {
    const dockerfile = [
      `ENV OPENAI_API_KEY ${key}`,
      `ARG SHOP_API_TOKEN=${rng.chars(ALNUM, 32)}`,
      'ENV OPENAI_API_KEY=$OPENAI_API_KEY',
      'ARG ANTHROPIC_API_KEY',
      'ENV STRIPE_SECRET=sk_live_... LOG_LEVEL=info',
      'ENV OPENAI_API_KEY="${OPENAI_API_KEY}"',
    ].join('\n');
    assert.deepEqual(scanOne([deploymentRules], 'api.Dockerfile', dockerfile).map((t) => [t[0], t[2], t[3]]), [
      ['deploy.dockerfile-env-secret', 1, 20],
      ['deploy.dockerfile-env-secret', 2, 20],
    ]);
  });

  it('finds model downloads in RUN and ADD, across continuation lines', () => {
    const dockerfile = [
      'FROM ollama/ollama',
      'RUN ollama serve & sleep 5 && \\',
      '    ollama pull llama3.2:3b',
      'ADD https://huggingface.co/TheBloke/Llama-2-7B-GGUF/resolve/main/llama-2-7b.Q4_K_M.gguf /models/',
      'RUN python -c "from transformers import AutoModel; AutoModel.from_pretrained(\'bert-base-uncased\')"',
      'RUN wget -q https://cdn.example.com/releases/classifier.onnx -O /srv/classifier.onnx',
      'RUN pip install -r requirements.txt && curl -fsSL https://get.docker.com | sh',
      'ADD https://github.com/tini/releases/download/v0.19.0/tini /tini',
    ].join('\n');
    assert.deepEqual(scanOne([deploymentRules], 'Dockerfile', dockerfile).map((t) => [t[0], t[2], t[3]]), [
      ['deploy.build-downloads-model', 3, 5],
      ['deploy.build-downloads-model', 4, 5],
      ['deploy.build-downloads-model', 5, 61],
      ['deploy.build-downloads-model', 6, 5],
    ]);
  });
});

describe('app bound to all interfaces', () => {
  const app = (run: string, extra = ''): string =>
    `from fastapi import FastAPI${extra}\nfrom llama_cpp import Llama\napp = FastAPI()\n\n@app.post("/chat")\ndef chat(q: str):\n    return {}\n\n${run}\n`;

  it('reports uvicorn, Flask, Gradio and env-default binds in AI apps', () => {
    assert.equal(scanOne([deploymentRules], 'api.py', app('uvicorn.run(app, host="0.0.0.0", port=8000)')).length, 1);
    assert.equal(scanOne([deploymentRules], 'api.py', app('app.run(host=\'0.0.0.0\', debug=False)')).length, 1);
    assert.equal(scanOne([deploymentRules], 'api.py', app('demo.launch(server_name="0.0.0.0")')).length, 1);
    assert.equal(scanOne([deploymentRules], 'api.py', app('uvicorn.run(app, host=os.getenv("HOST", "0.0.0.0"))')).length, 1);
  });

  it('is silent with visible auth, on loopback, or when the app serves no model', () => {
    const withAuth = app('uvicorn.run(app, host="0.0.0.0")', '\nfrom fastapi.security import APIKeyHeader');
    assert.deepEqual(scanOne([deploymentRules], 'api.py', withAuth), []);
    assert.deepEqual(scanOne([deploymentRules], 'api.py', app('uvicorn.run(app, host="127.0.0.1")')), []);
    const plain = 'from flask import Flask\napp = Flask(__name__)\n@app.get("/orders")\ndef o():\n    return []\napp.run(host="0.0.0.0")\n';
    assert.deepEqual(scanOne([deploymentRules], 'shop.py', plain), []);
  });

  it('reads server commands in scripts, Procfiles and exec-form CMD', () => {
    assert.deepEqual(scanOne([deploymentRules], 'start.sh', 'exec uvicorn model_api.main:app --host 0.0.0.0 --port 8080\n'),
      [['deploy.app-bound-public-no-auth', 'start.sh', 1, 6]]);
    assert.equal(scanOne([deploymentRules], 'Procfile', 'web: gunicorn -b 0.0.0.0:$PORT inference.wsgi:app\n').length, 1);
    const cmd = 'FROM python:3.12\nRUN pip install torch\nCMD ["uvicorn", "serve:app", "--host", "0.0.0.0"]\n';
    assert.deepEqual(scanOne([deploymentRules], 'Dockerfile', cmd), [['deploy.app-bound-public-no-auth', 'Dockerfile', 3, 7]]);
    assert.deepEqual(scanOne([deploymentRules], 'start.sh', 'uvicorn shop.api:app --host 0.0.0.0\n'), []);
    assert.deepEqual(scanOne([deploymentRules], 'start.sh', 'uvicorn model_api:app --host 0.0.0.0 # behind oauth2-proxy\n'), []);
  });
});

describe('OLLAMA_HOST', () => {
  const forms = [
    ['.env', 'OLLAMA_HOST=0.0.0.0'], ['ollama.service', 'Environment="OLLAMA_HOST=0.0.0.0:11434"'],
    ['setup.sh', 'export OLLAMA_HOST=0.0.0.0'], ['setup.ps1', '$env:OLLAMA_HOST="0.0.0.0"'],
    ['Dockerfile', 'ENV OLLAMA_HOST 0.0.0.0'], ['run.py', 'os.environ["OLLAMA_HOST"] = "0.0.0.0"'],
    ['compose.yaml', 'x:\n  OLLAMA_HOST: "http://0.0.0.0:11434"'], ['launch.sh', 'OLLAMA_HOST=[::] ollama serve'],
    ['main.go', 'os.Setenv("OLLAMA_HOST", "0.0.0.0")'], ['start.js', "process.env.OLLAMA_HOST = '0.0.0.0';"],
  ];
  for (const [path, line] of forms) {
    it(`is reported in ${path}`, () => assert.equal(scanOne([deploymentRules], path ?? '', `${line}\n`).length, 1));
  }

  it('is not reported for loopback, service names or documentation', () => {
    assert.deepEqual(scanOne([deploymentRules], '.env', 'OLLAMA_HOST=127.0.0.1:11434\nOLLAMA_HOST=http://ollama:11434\n'), []);
    assert.deepEqual(scanOne([deploymentRules], 'README.md', 'Run `OLLAMA_HOST=0.0.0.0 ollama serve` to share it.\n'), []);
    assert.deepEqual(scanOne([deploymentRules], '.env', 'OLLAMA_HOST=0.0.0.01\n# OLLAMA_HOST=0.0.0.0\n'), []);
    assert.deepEqual(scanOne([deploymentRules], 'docs.ts', "const hint = 'set OLLAMA_HOST=0.0.0.0 to share';\n"), []);
  });
});

describe('CI build steps', () => {
  it('reports downloads in workflow files only, not comments', () => {
    const workflow = 'steps:\n  # huggingface-cli download is cached\n  - run: ollama pull nomic-embed-text\n';
    assert.deepEqual(scanOne([deploymentRules], '.github/workflows/test.yml', workflow), [['deploy.build-downloads-model', '.github/workflows/test.yml', 3, 10]]);
    assert.deepEqual(scanOne([deploymentRules], '.gitlab-ci.yml', 'build:\n  script:\n    - hf download org/model\n'),
      [['deploy.build-downloads-model', '.gitlab-ci.yml', 3, 7]]);
    assert.deepEqual(scanOne([deploymentRules], 'config/app.yml', 'note: huggingface-cli download\n'), []);
  });
});

describe('deployment robustness', () => {
  it('never throws on arbitrary files', () => {
    fc.assert(
      fc.property(arbitraryFile, ({ path, content }) => {
        const file = scanFile(path, content);
        if (deploymentRules.applies(file)) deploymentRules.scan(file);
      }),
      { numRuns: 400 },
    );
  });
});
