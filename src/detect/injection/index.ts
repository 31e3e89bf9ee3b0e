/**
 * Prompt-injection detection: rules over the folded and de-disguised forms of a text, in six languages, scored
 * locally in well under a millisecond. `scoreInjection(text, source)` is what the gateway, `airlock inspect` and
 * `npm run eval:injection` call.
 */
export { INJECTION_THRESHOLD, SUSPICIOUS_THRESHOLD, scoreInjection } from './score.ts';
export type { InjectionCategory, InjectionResult, InjectionSource, InjectionVerdict } from './score.ts';
export { CATEGORIES as INJECTION_CATEGORIES, INJECTION_RULES } from './rules.ts';
