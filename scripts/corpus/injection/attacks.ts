/**
 * Turns one language's hand-written payloads into attack texts: decides which go to the user turn and which
 * are planted in tool results (about 40%, as the indirect share of the target), frames user payloads with the
 * openers and follow-ups real messages have, roughens a share of them the way people type (lower case, missing
 * accents, a swapped letter, no final full stop), and builds the obfuscation category from the seeds.
 */
import type { Rng } from '../rng.ts';
import { frameUser } from './benign.ts';
import { OBFUSCATIONS, obfuscate } from './obfuscate.ts';
import type { Obfuscation } from './obfuscate.ts';
import { fillSlots } from './slots.ts';
import type { AttackCategory, AttackPack, Payloads, Source } from './types.ts';
import { wrapperFor } from './wrappers.ts';
import type { WrapCtx } from './wrappers.ts';

export interface AttackDraft {
  category: AttackCategory;
  source: Source;
  text: string;
}

/** Share of each category's texts that arrive through a tool result. */
export const TOOL_SHARE = 0.4;
/** Obfuscated texts per language: every disguise at least once, the common ones twice. */
export const OBFUSCATED_PER_LANG = 14;

function swapLetters(rng: Rng, text: string): string {
  const words = [...text.matchAll(/\p{L}{5,}/gu)];
  if (words.length === 0) return text;
  const word = rng.pick(words);
  const at = (word.index) + rng.int(1, word[0].length - 2);
  return text.slice(0, at) + (text[at + 1] ?? '') + (text[at] ?? '') + text.slice(at + 2);
}

/** Roughens about a fifth of the payloads the way people type in a chat box. */
function roughen(rng: Rng, text: string): string {
  if (!rng.chance(0.2)) return text;
  return rng.pick([
    (t: string) => t.toLowerCase(),
    (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC'),
    (t: string) => swapLetters(rng, t),
    (t: string) => t.replace(/[.!]$/, ''),
  ])(text);
}

function place(c: WrapCtx, payload: string, source: Source): string {
  return source === 'tool' ? wrapperFor(c.rng, payload)(c, payload) : frameUser(c, payload);
}

/** Indirect payloads always go to tools; direct ones are topped up to the tool share at random. */
function fromPayloads(c: WrapCtx, category: AttackCategory, payloads: Payloads, rough: boolean): AttackDraft[] {
  const total = payloads.direct.length + payloads.indirect.length;
  const extraTool = Math.max(0, Math.round(total * TOOL_SHARE) - payloads.indirect.length);
  const toTool = new Set(c.rng.shuffle(payloads.direct.map((_, i) => i)).slice(0, extraTool));
  const items = [
    ...payloads.direct.map((p, i) => [p, toTool.has(i) ? 'tool' : 'user'] as const),
    ...payloads.indirect.map((p) => [p, 'tool'] as const),
  ];
  return items.map(([p, source]) => {
    const filled = fillSlots(c.rng, c.lang, c.pack, p);
    return { category, source, text: place(c, rough ? roughen(c.rng, filled) : filled, source) };
  });
}

function obfuscated(c: WrapCtx, pack: AttackPack): AttackDraft[] {
  const kinds: Obfuscation[] = [...OBFUSCATIONS];
  const common: Obfuscation[] = ['zero_width', 'homoglyph', 'leetspeak', 'base64', 'spaced', 'case_split'];
  while (kinds.length < OBFUSCATED_PER_LANG) kinds.push(common[(kinds.length - OBFUSCATIONS.length) % common.length] as Obfuscation);
  const order = c.rng.shuffle(kinds);
  const seeds = c.rng.shuffle(pack.obfuscation.seeds);
  const tool = new Set(c.rng.shuffle(order.map((_, i) => i)).slice(0, Math.round(order.length * TOOL_SHARE)));
  return order.map((kind, i) => {
    const text = obfuscate(c.rng, kind, seeds[i % seeds.length] as string, pack.obfuscation);
    const source: Source = tool.has(i) ? 'tool' : 'user';
    return { category: 'obfuscation', source, text: place(c, text, source) };
  });
}

export function attackDrafts(c: WrapCtx, pack: AttackPack): AttackDraft[] {
  return [
    ...fromPayloads(c, 'instruction_override', pack.instruction_override, true),
    ...fromPayloads(c, 'roleplay_jailbreak', pack.roleplay_jailbreak, true),
    ...fromPayloads(c, 'prompt_extraction', pack.prompt_extraction, true),
    ...fromPayloads(c, 'data_exfiltration', pack.data_exfiltration, true),
    // Chat-template tokens are copied verbatim by attackers; roughening them would invent forms nobody uses.
    ...fromPayloads(c, 'template_injection', pack.template_injection, false),
    ...obfuscated(c, pack),
  ];
}
