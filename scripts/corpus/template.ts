/**
 * The template engine. A recipe is a list of sections; each section offers variants, one of which is chosen,
 * and optional sections appear with a probability. Placeholders in braces are filled from the entity slots
 * (upper case, become gold spans) or the look-alike slots (lower case, stay unlabeled). Offsets are counted
 * while concatenating, in UTF-16 code units, which is what the engine and JavaScript strings use.
 */
import { BENIGN_SLOTS } from './slots-benign.ts';
import { ENTITY_SLOTS } from './slots-entities.ts';
import type { Ctx, GoldEntity, Piece } from './types.ts';

export type Section = readonly string[] | { readonly p: number; readonly v: readonly string[] };
export type Recipe = readonly Section[];

export interface Filled {
  text: string;
  entities: GoldEntity[];
}

/** Accumulates text and gold spans. */
export interface TextSink {
  push(piece: Piece): void;
  result(): Filled;
}

export function createSink(): TextSink {
  let text = '';
  const entities: GoldEntity[] = [];
  return {
    push(piece) {
      if (typeof piece === 'string') {
        text += piece;
        return;
      }
      const entity: GoldEntity = { type: piece.type, start: text.length, end: text.length + piece.text.length };
      if (piece.oov) entity.oov = true;
      if (piece.evasion) entity.evasion = piece.evasion;
      entities.push(entity);
      text += piece.text;
    },
    result: () => ({ text, entities }),
  };
}

const PLACEHOLDER = /\{([A-Za-z_0-9]+)\}/g;

/** Fills one template string into `sink`. Unknown placeholders are programming errors and throw. */
export function fillInto(sink: TextSink, template: string, ctx: Ctx): void {
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    sink.push(template.slice(last, match.index));
    const name = match[1] as string;
    const entity = ENTITY_SLOTS[name];
    const benign = BENIGN_SLOTS[name];
    if (entity) for (const piece of entity(ctx)) sink.push(piece);
    else if (benign) sink.push(benign(ctx));
    else throw new Error(`unknown placeholder {${name}} in template: ${template.slice(0, 60)}`);
    last = match.index + match[0].length;
  }
  sink.push(template.slice(last));
}

/** Picks one variant per section (skipping optional ones by chance) and joins them with newlines. */
export function chooseTemplates(recipe: Recipe, ctx: Ctx): string[] {
  const chosen: string[] = [];
  for (const section of recipe) {
    if ('p' in section) {
      if (ctx.rng.chance(section.p)) chosen.push(ctx.rng.pick(section.v));
    } else {
      chosen.push(ctx.rng.pick(section));
    }
  }
  return chosen;
}

/**
 * German and Italian letters continue in lower case after "Hallo Anna," — other languages (and every
 * language after "Good news!") start the body with a capital. Such body templates are written in lower case
 * with a leading "^" and capitalised here when the previous section calls for it.
 */
function capitalise(template: string, previous: string | undefined, lang: Ctx['lang']): string {
  if (!template.startsWith('^')) return template;
  const body = template.slice(1);
  if (previous?.endsWith(',') && (lang === 'de' || lang === 'it')) return body;
  // "¡gracias…" capitalises the letter after the inverted exclamation mark.
  const at = body.startsWith('¡') ? 1 : 0;
  return body.slice(0, at) + body.charAt(at).toUpperCase() + body.slice(at + 1);
}

export function fillRecipe(recipe: Recipe, ctx: Ctx): Filled {
  const sink = createSink();
  const templates = chooseTemplates(recipe, ctx);
  templates.forEach((template, i) => {
    if (i > 0) sink.push('\n');
    fillInto(sink, capitalise(template, templates[i - 1], ctx.lang), ctx);
  });
  return sink.result();
}

/** Every placeholder name used by a recipe (for tests and for checking recipes against the slot tables). */
export function placeholdersOf(recipe: Recipe): string[] {
  const names = new Set<string>();
  for (const section of recipe) {
    for (const variant of 'p' in section ? section.v : section) {
      for (const match of variant.matchAll(PLACEHOLDER)) names.add(match[1] as string);
    }
  }
  return [...names];
}
