/**
 * The prompt-injection detectors the benchmark compares, behind one small interface: `detect` is the timed call
 * (the detector's own call on one prompt, plus reading its yes/no out of the answer) and returns whether the
 * prompt was flagged. Airlock's detector is `scoreInjection` with verdict `injection`; `naive-regex` is the one
 * English regex many plugins ship; `vard` (@andersmyrmel/vard) is a maintained, dependency-free, local regex
 * heuristic library from npm. Every engine is imported lazily, so `--only X` loads X alone. None of them reaches
 * the network or loads a model.
 */

export const INJECTION_ENGINE_NAMES = ['airlock', 'naive-regex', 'vard'] as const;
export type InjectionEngineName = (typeof INJECTION_ENGINE_NAMES)[number];

export interface InjectionEngine {
  readonly name: InjectionEngineName;
  /** How the engine is called and what counts as flagged, for the report. */
  readonly how: string;
  /** The timed call: true when the engine flags the prompt as an injection. */
  detect(text: string): boolean;
}

/** The source every prompt is scored as: a user's message that carries pasted text. */
const SOURCE = 'user';

async function airlock(): Promise<InjectionEngine> {
  const { scoreInjection } = await import('../../src/detect/injection/index.ts');
  return {
    name: 'airlock',
    how: `scoreInjection(text, '${SOURCE}'): flagged when verdict === 'injection' (default threshold)`,
    detect: (text) => scoreInjection(text, SOURCE).verdict === 'injection',
  };
}

/** The baseline: one case-insensitive English regex, as many gateway plugins ship it. */
const NAIVE =
  /ignore (all )?(previous|prior|above) (instructions|prompts)|disregard (all )?(previous|prior) instructions|system prompt|you are now (DAN|in developer mode)/i;

function naiveRegex(): InjectionEngine {
  return {
    name: 'naive-regex',
    how: `${String(NAIVE)}.test(text): flagged on any match`,
    detect: (text) => NAIVE.test(text),
  };
}

/**
 * vard's default (moderate) preset: threshold 0.7, blocking instruction override, role manipulation and system
 * prompt leaks, sanitising delimiters and encodings. Its 10,000-character length cap is lifted, so a verdict is
 * always about the content, never about the size.
 */
async function vard(): Promise<InjectionEngine> {
  const { default: v } = await import('@andersmyrmel/vard');
  const guard = v.moderate().maxLength(Number.MAX_SAFE_INTEGER);
  return {
    name: 'vard',
    how: 'vard.moderate().maxLength(MAX_SAFE_INTEGER).safeParse(text) (@andersmyrmel/vard): flagged when !safe',
    detect: (text) => !guard.safeParse(text).safe,
  };
}

export async function createInjectionEngine(name: InjectionEngineName): Promise<InjectionEngine> {
  switch (name) {
    case 'airlock':
      return airlock();
    case 'naive-regex':
      return naiveRegex();
    case 'vard':
      return vard();
  }
}
