/**
 * The shape of an injection rule and the helper that builds one. Each rule names a signal (reported, never the
 * text), its category and its weight, the evidence it adds on its own. Weights combine by noisy-or in score.ts,
 * so one strong signal (an override of earlier instructions, a chat-template token) is enough to block, while
 * weak ones (a fake "System:" line, an encoding request) only count together. Each rule is one linear-time
 * regex over folded text (prepare.ts); gaps between words are bounded and never cross a sentence end, which is
 * also what keeps "ignore the old size chart" apart from "ignore the previous instructions".
 */
import { EARLIER } from './vocabulary.ts';

export const CATEGORIES = [
  'instruction_override',
  'roleplay_jailbreak',
  'prompt_extraction',
  'data_exfiltration',
  'template_injection',
  'obfuscation',
  'indirect',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface InjectionRule {
  /** The signal name: `category.rule`. */
  readonly id: string;
  readonly category: Category;
  readonly weight: number;
  /** Weight when the text is tool output or a retrieved document (indirect injection); default `weight`. */
  readonly toolWeight?: number;
  /** Counts only alongside a signal of this category (a sensitive word is evidence only next to an exfiltration). */
  readonly onlyWith?: Category;
  /**
   * A part every match contains, as a regex source, whose leading literals gate the rule (anchors.ts); default:
   * the pattern's own leading literals. Named when the pattern starts with a word too common to gate on.
   */
  readonly anchor?: string;
  readonly pattern: RegExp;
}

/** Up to 40 characters that do not end a sentence or a line. */
export const GAP = '[^.!?\\n]{0,40}?';
/** One to three qualifiers in a row: "all the previous", "alle deine bisherigen". */
export const QUALIFIED = `${EARLIER}(?:\\s+${EARLIER}){0,2}`;

export function rule(id: string, category: Category, weight: number, source: string, extra: Partial<InjectionRule> = {}): InjectionRule {
  return { id, category, weight, pattern: new RegExp(source, 'g'), ...extra };
}
