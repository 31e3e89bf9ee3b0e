/**
 * Every injection rule, by category. The rules live in one module per category; this one only gathers them.
 */
import type { InjectionRule } from './rule.ts';
import { EXFILTRATION_RULES } from './rules-exfiltration.ts';
import { EXTRACTION_RULES } from './rules-extraction.ts';
import { OVERRIDE_RULES } from './rules-override.ts';
import { ROLEPLAY_RULES } from './rules-roleplay.ts';
import { TEMPLATE_RULES } from './rules-template.ts';

export { CATEGORIES, type Category, type InjectionRule } from './rule.ts';

export const INJECTION_RULES: readonly InjectionRule[] = [
  ...OVERRIDE_RULES,
  ...ROLEPLAY_RULES,
  ...EXTRACTION_RULES,
  ...EXFILTRATION_RULES,
  ...TEMPLATE_RULES,
];
