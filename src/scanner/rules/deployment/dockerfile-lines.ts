/**
 * Reads a Dockerfile into its instructions (`RUN`, `COPY`, `ENV`, …) with continuation lines kept in place: the
 * arguments are the original text with each `\`-newline blanked to spaces of the same length, so an offset
 * found in them is an offset in the file. Parser directives, comments and heredoc bodies are not instructions.
 */
import { lineSpans } from '../../position.ts';

export interface Instruction {
  /** Upper-case keyword: RUN, COPY, ADD, ENV, ARG, FROM, CMD, ENTRYPOINT, … */
  readonly keyword: string;
  /** Offset of the keyword in the file. */
  readonly start: number;
  /** Offset of the first argument character in the file. */
  readonly argsStart: number;
  /** The arguments, continuations blanked; same length as the file text they cover. */
  readonly args: string;
}

const NAMES = new Set(['dockerfile', 'containerfile']);

/** `Dockerfile`, `Containerfile`, `Dockerfile.prod`, `api.Dockerfile`, `prod.dockerfile`. */
export function isDockerfile(name: string): boolean {
  const lower = name.toLowerCase();
  return NAMES.has(lower) || lower.startsWith('dockerfile.') || lower.endsWith('.dockerfile');
}

const INSTRUCTION = /^[ \t]*([A-Za-z]+)(?=[ \t]|$)/;
const CONTINUATION = /\\[ \t]*\r?$/;
const HEREDOC = /<<-?["']?([A-Za-z_][\w]*)["']?/;

/** Blanks every `\` that continues a line (and any blanks after it) so the arguments read as one line. */
function blankContinuations(args: string): string {
  return args.replace(/\\[ \t]*(?=\r?\n)/g, (m) => ' '.repeat(m.length)).replace(/\r?\n/g, (m) => ' '.repeat(m.length));
}

export function dockerInstructions(text: string): Instruction[] {
  const all = lineSpans(text);
  const out: Instruction[] = [];
  for (let i = 0; i < all.length; i++) {
    const [start, end] = all[i] as [number, number];
    const line = text.slice(start, end);
    const m = INSTRUCTION.exec(line);
    if (m === null || line.trimStart().startsWith('#')) continue;
    let last = i;
    while (last + 1 < all.length && CONTINUATION.test(text.slice(...(all[last] as [number, number])))) last++;
    const heredoc = HEREDOC.exec(line)?.[1];
    if (heredoc !== undefined) {
      // The body is the script's text, not Dockerfile instructions: skip to the terminator line.
      while (last + 1 < all.length && text.slice(...(all[last + 1] as [number, number])).trim() !== heredoc) last++;
      last++;
    }
    const argsStart = start + m[0].length;
    const argsEnd = (all[Math.min(last, all.length - 1)] as [number, number])[1];
    out.push({
      keyword: (m[1] ?? '').toUpperCase(),
      start: start + m[0].length - (m[1] ?? '').length,
      argsStart,
      args: blankContinuations(text.slice(argsStart, argsEnd)),
    });
    i = last;
  }
  return out;
}
