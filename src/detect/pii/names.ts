/**
 * Person names in English, German, French, Spanish, Italian and Dutch text. A scanner (name-scan.ts) finds
 * capitalised words; words joined by spaces, name particles ("van der", "de la") or a title's dot form a run. A run
 * is a name when it opens with a dictionary given name and carries a surname, or when context vouches for it: a
 * title, a greeting, a field label, a self-introduction or a sign-off. The span is the name alone, never the title
 * or the greeting. Product names, places, headings and companies are vetoed by word lists (names-data.ts).
 */
import type { Detector, RawFinding } from '../types.ts';
import type { Context } from './language-words.ts';
import {
  PARTICLE_FIRST, PARTICLE_NEXT, PARTICLES_SOURCE, contextBeforeRun, has, isMonsieur, joinKind, lowerOf, tokenize,
} from './name-scan.ts';
import type { Token } from './name-scan.ts';
import {
  COMPANY_AFTER_RE, NAME_BRANDS, PLACE_PREFIXES, TITLE_BRANDS, W,
} from './names-data.ts';

const DETECTOR_ID = 'pii.person';
const MAX_NAME_TOKENS = 5;

const NAME_END_RE = /^[ \t]*(?:[,!:;)\r\n]|-[ \t]|$)/u;
/** A house number right after the words: they are a street ("Schmalenbruch 178"), not a person. */
const NUMBER_AFTER_RE = /^[ \t]{1,2}\d/u;
/** After an address label the addressee is followed by the address: a comma or line break, then a number soon. */
const ADDRESS_AFTER_RE = /^[ \t]*(?:,|\r?\n)[^\n]{0,60}\d|^[ \t]*\r?\n[^\n]*\r?\n[^\n]{0,20}\d/u;
/** After a label, a word that a sentence continues ("Customer: Sure, I'm...", "Kunde: Passt das") is no name. */
const SENTENCE_AFTER_RE = /^[ \t]*,?[ \t]*(?:\p{Ll}|I['’ ]|J['’]|Je |Ich )/u;
/** A lone given name before a lowercase noun is a product ("name": "Arthur bookcase"). */
const LOWER_WORD_AFTER_RE = /^ \p{Ll}/u;
/** A house number before the words: they name a street ("1499 Shawna Keys"). */
const NUMBER_BEFORE_RE = /(?:^|[\s,:("])\d{1,5}[a-zA-Z]?[ \t]{1,2}$/u;

/** NUMBER_BEFORE_RE before `s`; its digit sits 2 to 4 characters back, so most runs skip the slice and regex. */
function numberBefore(text: string, s: number): boolean {
  const blank = text.charCodeAt(s - 1);
  if (blank !== 32 && blank !== 9) return false;
  let digit = false;
  for (let i = s - 4; i < s - 1; i++) digit ||= text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57;
  return digit && NUMBER_BEFORE_RE.test(text.slice(Math.max(0, s - 9), s));
}

const PARTICLE_WORDS: ReadonlySet<string> = new Set(`${PARTICLE_FIRST}|${PARTICLE_NEXT}`.split('|'));
/** First letters of PARTICLE_WORDS, checked before the slice. */
const PARTICLE_INITIALS: readonly number[] = [...new Set([...PARTICLE_WORDS].map((w) => w.charCodeAt(0)))];
const PARTICLES_BEFORE_RE = new RegExp(`(?:^|[ \\t])(${PARTICLES_SOURCE})$`, 'u');

/** Start of lowercase particles right before `start` ("van der " in "heer van der Linden"), else `start`. */
function leadingParticles(text: string, start: number): number {
  const c = text.charCodeAt(start - 2);
  if (start < 3 || c < 97 || c > 122) return start; // particles end in a lowercase ASCII letter
  // ...and a blank, and the word before it must be a particle: most lowercase words skip the slice and regex.
  const blank = text.charCodeAt(start - 1);
  if (blank !== 32 && blank !== 9) return start;
  let i = start - 2;
  while (i > start - 8 && text.charCodeAt(i - 1) >= 97 && text.charCodeAt(i - 1) <= 122) i--;
  if (!PARTICLE_INITIALS.includes(text.charCodeAt(i)) || !PARTICLE_WORDS.has(text.slice(i, start - 1))) return start;
  const m = PARTICLES_BEFORE_RE.exec(text.slice(Math.max(0, start - 20), start));
  return m === null ? start : start - (m[1] as string).length;
}

/** A lone word can be a name only through context, which needs a word or one of :,!.'"- or a line break before it. */
function mayHaveContext(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && start - i < 4 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (i < 0) return false;
  const c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c > 127) return true;
  return c === 58 || c === 44 || c === 10 || c === 13 || c === 33 || c === 46 || c === 39 || c === 45 || c === 34;
}

/** A chat speaker with a support role ("Tara (Support):") or contact details after the words ("Anna, E-Mail"). */
const AFTER_NAME_RE =
  /^(?:[ \t]*\([^()\n]{0,20}(?:support|service|servicio|servizio|soporte|assistenza|ondersteuning|agent|team|staff|sales|verkauf|ventas|vendite|kundendienst|klantenservice|atención|helpdesk|cliente?|kunde|customer)[^()\n]{0,20}\)[ \t]*:|[ \t]*<[^<>\s@]{1,64}@|[ \t]*,[ \t]*(?:(?:e-?mail|email|correo|courriel|tel|telefon|phone|mobile|móvil|handy|tél|téléphone|teléfono|telefono|telefoon)(?![\p{L}])))/iu;
/** Keys of a product record after a "name" value: the value names a product ("name": "Tasse Emma", "price": 5). */
const PRODUCT_KEYS_RE = /"(?:price|sku|ean|gtin|currency|stock|brand|category|preis|prix|precio|prezzo|prijs)"[ \t]*:/iu;

/** Context that follows a run: 'label' when a speaker tag or contact details come right after it. */
function contextAfter(text: string, end: number): Context {
  // Each alternative opens with blanks and "(", "<" or ",": other runs skip the slice and the regex.
  let i = end;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  const c = text.charCodeAt(i);
  if (c !== 40 && c !== 60 && c !== 44) return 'none';
  return AFTER_NAME_RE.test(text.slice(end, end + 60)) ? 'label' : 'none';
}

/** Whether the words ending at `end` are the "name" of a product record. */
function productRecordAfter(text: string, end: number): boolean {
  return text.charCodeAt(end) === 34 && PRODUCT_KEYS_RE.test(text.slice(end, end + 160));
}

const isFirst = (t: Token): boolean => t.kind === 'word' && has(t, W.first);
const isLast = (t: Token): boolean => has(t, W.last);
const isDictName = (t: Token): boolean => isFirst(t) || isLast(t);
const isStop = (t: Token): boolean => has(t, W.stop);
const isAmbiguous = (t: Token): boolean => has(t, W.ambiguous);

/** Words that open a run and set its context; "Sie Frau Weiß" and "Customer Mr Smith" skip leading stop words. */
function stripHead(run: Token[]): { at: number; ctx: Context } {
  let anchor = 0;
  let ctx: Context = 'none';
  let skipped = 0;
  for (let i = 0; i < run.length; i++) {
    const t = run[i] as Token;
    const word = t.kind === 'word';
    if (has(t, W.greeting)) ctx = ctx === 'signoff' ? ctx : 'greet';
    else if ((word && has(t, W.title)) || isMonsieur(t)) ctx = ctx === 'none' ? 'title' : ctx;
    else if (has(t, W.signoff)) ctx = 'signoff';
    else if (word && has(t, W.role)) ctx = ctx === 'none' ? 'role' : ctx;
    else if (has(t, W.signoffLead)) continue;
    else if (anchor === 0 && skipped < 2 && isStop(t)) {
      skipped++;
      continue;
    } else break;
    anchor = i + 1;
  }
  if (ctx === 'none') return titleInside(run);
  return { at: anchor, ctx };
}

/** A title later in the run ("Können Sie Herrn Schulze"): the name starts after it. */
function titleInside(run: Token[]): { at: number; ctx: Context } {
  for (let i = 1; i < run.length - 1; i++) {
    const t = run[i] as Token;
    if ((t.kind === 'word' && has(t, W.title)) || isMonsieur(t)) {
      let at = i + 1;
      while (at < run.length - 1 && has(run[at] as Token, W.title)) at++;
      return { at, ctx: 'title' };
    }
  }
  return { at: 0, ctx: 'none' };
}

function nameish(t: Token, ctx: Context): boolean {
  if (t.kind === 'single') return t.dotAfter;
  // "Sra. Castillo Tamayo", "M. Toy": after a title or label a known surname may also be an everyday word.
  const surname = isLast(t) && (ctx === 'title' || ctx === 'label') && !has(t, W.greeting | W.signoff);
  if (isStop(t)) return surname || (t.viaParticle && !has(t, W.greeting | W.signoff));
  return t.kind === 'word' || (ctx === 'label' && t.end - t.start > 3);
}

/** Drops a trailing initial or capitalised particle: "Anna De" is not a full name. */
function trimEnd(run: Token[], from: number, end: number): number {
  let e = end;
  while (e > from) {
    const t = run[e - 1] as Token;
    if (t.kind !== 'single' && !(t.kind === 'word' && has(t, W.capParticle))) break;
    e--;
  }
  return e;
}

/** Where the particles before a joined token begin ("Dr. van Dijk" names "van Dijk"). */
function particleStart(text: string, t: Token, prev: Token): number {
  let i = prev.end;
  while (i < t.start && !/[\p{Ll}]/u.test(text.charAt(i))) i++;
  return i;
}

function finding(run: Token[], from: number, end: number, score: number, lead: number): RawFinding {
  const start = Math.min(lead, (run[from] as Token).start);
  return { type: 'PERSON', start, end: (run[end - 1] as Token).end, score, detector: DETECTOR_ID };
}

/** A name vouched for by context: any capitalised words, up to the first word that cannot be part of a name. */
function contextName(text: string, run: Token[], at: number, ctx: Context, particlesBefore: number): RawFinding | null {
  let end = at;
  while (end < run.length && end - at < MAX_NAME_TOKENS && nameish(run[end] as Token, ctx)) {
    end++;
    if ((run[end - 1] as Token).possessive) break;
  }
  end = trimEnd(run, at, end);
  if (end === at) return null;
  const first = run[at] as Token;
  let known = false;
  for (let i = at; i < end; i++) known ||= isDictName(run[i] as Token);
  if (end < run.length && isStop(run[end] as Token) && !known) return null;
  if (ctx === 'weak' && !(isFirst(first) && !isAmbiguous(first))) return null;
  if (ctx === 'role' && !(isDictName(first) && !has(first, W.common))) return null;
  if (ctx === 'title' && end - at === 1 && TITLE_BRANDS.has(lowerOf(first)) && /Dr\.?\s*$/u.test(text.slice(first.start - 5, first.start))) {
    return null;
  }
  const last = run[end - 1] as Token;
  const after = text.slice(last.end, last.end + 24);
  if (COMPANY_AFTER_RE.test(after) || NUMBER_AFTER_RE.test(after)) return null;
  // Product values ("Arthur bookcase") and chat lines ("Customer: Sure, I'm ...") follow labels too.
  const single = end - at === 1;
  const sentence = single && !known ? SENTENCE_AFTER_RE : !known || single ? LOWER_WORD_AFTER_RE : null;
  if (ctx === 'label' && sentence?.test(after) === true && contextAfter(text, last.end) === 'none') return null;
  if (ctx === 'label' && productRecordAfter(text, last.end)) return null;
  if (ctx === 'addressee' && !ADDRESS_AFTER_RE.test(text.slice(last.end, last.end + 100))) return null;
  // Greetings are also adjectives ("liebe Familie"): an unknown word needs the greeting's comma or line end.
  if (ctx === 'greet' && !known && !NAME_END_RE.test(text.slice(last.end, last.end + 4))) return null;
  const strong = ctx !== 'weak' && ctx !== 'role';
  // After a title the particles belong to the surname: "Dr. van Dijk", "Frau von Arnim".
  const prev = run[at - 1];
  const lead = first.viaParticle && prev !== undefined && has(prev, W.title) ? particleStart(text, first, prev) : first.start;
  return finding(run, at, end, known || strong ? 0.9 : 0.75, at === 0 ? particlesBefore : lead);
}

/** Index of the first token that can open a name without context, or -1. */
function firstNameAt(run: Token[], from: number): number {
  for (let i = from; i < run.length - 1; i++) {
    const t = run[i] as Token;
    if (!isFirst(t) || isStop(t) || t.possessive || PLACE_PREFIXES.has(lowerOf(t))) continue;
    const next = run[i + 1] as Token;
    // "Will Anna Schmidt call?": an everyday word before a real given name is not part of the name.
    if (isAmbiguous(t) && isFirst(next) && !isAmbiguous(next)) continue;
    return i;
  }
  return -1;
}

/** End (exclusive) of the surname tokens after the given name at `i`, or `i + 1` when there are none. */
function surnameEnd(run: Token[], i: number): number {
  const second = run[i + 1] as Token;
  const secondOk =
    (second.kind === 'word' && !isStop(second)) ||
    (second.kind === 'single' && second.dotAfter) ||
    (second.kind === 'caps' && second.end - second.start > 1 && isLast(second));
  if (!secondOk) return i + 1;
  let end = i + 2;
  while (end < run.length && end - i < MAX_NAME_TOKENS && !(run[end - 1] as Token).possessive) {
    const t = run[end] as Token;
    const prev = run[end - 1] as Token;
    // A particle after the given name opens the surname ("Jan de Vries"); after a surname it may say where
    // someone is from ("García de Madrid"), so only a dictionary surname follows it there.
    const afterSurname = end > i + 1 && !isFirst(prev);
    const particle = t.viaParticle && (!afterSurname || (isLast(t) && !has(t, W.common)));
    const linked = particle || prev.kind === 'single' || has(prev, W.capParticle);
    // After an unknown surname only a linked word continues the name: "Nike Air Max" is not "Nike Air" + "Max".
    if (t.kind === 'single' && t.dotAfter) end++;
    else if (t.kind === 'word' && !isStop(t) && (linked || (isDictName(prev) && isDictName(t)))) end++;
    else break;
  }
  return trimEnd(run, i + 1, end);
}

/** A name without context: a dictionary given name followed by at least one surname token. */
function dictionaryName(text: string, run: Token[], from: number, before: Context): RawFinding | null {
  if (run.length - from > 6) return null; // a title-case heading, not a name
  const i = firstNameAt(run, from);
  if (i < 0) return null;
  if (i > 0 && PLACE_PREFIXES.has(lowerOf(run[i - 1] as Token))) return null;
  const end = surnameEnd(run, i);
  if (end - i < 2) return null;
  let knownSurname = false;
  for (let k = i + 1; k < end; k++) {
    const t = run[k] as Token;
    knownSurname ||= isLast(t) && !has(t, W.common);
  }
  if (end < run.length) {
    const next = run[end] as Token;
    if (isStop(next) || (next.kind === 'word' && !knownSurname)) return null;
  }
  const first = run[i] as Token;
  if (isAmbiguous(first) && !knownSurname) return null;
  if (NAME_BRANDS.has(`${lowerOf(first)} ${lowerOf(run[i + 1] as Token)}`)) return null;
  const last = run[end - 1] as Token;
  const after = text.slice(last.end, last.end + 24);
  if (COMPANY_AFTER_RE.test(after) || NUMBER_AFTER_RE.test(after)) return null;
  if (i === 0 && before === 'street') return null;
  return finding(run, i, end, knownSurname ? 0.85 : 0.7, first.start);
}

function evaluateRun(text: string, run: Token[]): RawFinding | null {
  const s = (run[0] as Token).start;
  // A lone word with nothing before it may still be a chat speaker: "[3:47 PM] Josiah (Support): ...".
  if (run.length === 1 && !mayHaveContext(text, s)) {
    const lone = run[0] as Token;
    if (text.charCodeAt(lone.end) !== 32 || contextAfter(text, lone.end) === 'none' || isStop(lone)) return null;
    return contextName(text, run, 0, 'label', s);
  }
  // A house number before the words makes them a street: "1499 Shawna Keys", "83c Passage Pierre Charron".
  if (numberBefore(text, s)) return null;
  // "de heer van der Linden": lowercase particles sit between the context and the run.
  const particles = leadingParticles(text, s);
  const before = contextBeforeRun(text, particles);
  // One word is a name only through context, before or after it; most lone capitalised words have neither and are
  // dropped before their dictionary lookup (half the lookups on the benchmark corpus).
  const lone = run.length === 1 && (before === 'none' || before === 'street');
  if (lone && contextAfter(text, (run[0] as Token).end) === 'none') return null;
  const head = stripHead(run);
  if (head.at >= run.length) return null;
  // Context matters only when the run's first word could be a name (or, for 'street', a given name).
  const top = run[head.at] as Token;
  if (top.kind === 'caps' ? run.length === 1 : top.kind === 'single' ? !top.dotAfter : isStop(top)) {
    return head.at === 0 && run.length > 1 ? dictionaryName(text, run, 0, 'none') : null;
  }
  let { ctx } = head;
  if ((ctx === 'none' || ctx === 'role') && before !== 'none' && before !== 'street') ctx = before;
  if (ctx === 'none' && run.length - head.at <= 3) ctx = contextAfter(text, (run[run.length - 1] as Token).end);
  if (ctx !== 'none' && before !== 'street') {
    const named = contextName(text, run, head.at, ctx, particles);
    if (named !== null) return named;
  }
  return dictionaryName(text, run, head.at, before);
}

function detectNames(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  const tokens = tokenize(text);
  let run: Token[] = [];
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    const join = t !== undefined && run.length > 0 ? joinKind(text, run[run.length - 1] as Token, t) : 0;
    if (t !== undefined && join !== 0) {
      t.viaParticle = join === 2;
      run.push(t);
      continue;
    }
    if (run.length > 0) {
      const hit = evaluateRun(text, run);
      if (hit !== null) found.push(hit);
    }
    run = t === undefined ? [] : [t];
  }
  return found;
}

// Compiles the patterns at load rather than on the first prompt.
detectNames('Dear Mr. Smith,\nAnna Schmidt, Jan de Vries, J. van der Berg\nName: Zoé\nBest regards,\nPaul');

export const PERSON_DETECTOR: Detector = {
  id: DETECTOR_ID,
  types: ['PERSON'],
  detect: detectNames,
};
