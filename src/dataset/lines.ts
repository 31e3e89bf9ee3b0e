/**
 * Splits a byte stream into lines without ever holding more than one line (at most `maxBytes`) plus one chunk:
 * a longer line is counted and skipped as it streams past, never buffered. Lines end at LF; a CR before it is
 * dropped, so CRLF files read like LF files. Each line is decoded as strict UTF-8 while it streams in (no copy
 * of its bytes is assembled): bytes that are not UTF-8 make the line invalid rather than being replaced with
 * U+FFFD, which would silently change the data.
 */
import { TextDecoder } from 'node:util';

/** A line's text, or why it could not be read. `number` counts from 1. */
export type Line =
  | { readonly number: number; readonly text: string }
  | { readonly number: number; readonly error: 'line too long' | 'not valid UTF-8' };

const LF = 0x0a;

/** One line being read: its decoded text so far, its size, and whether it is already known to be invalid. */
class LineBuilder {
  private decoder = newDecoder();
  private text = '';
  private bytes = 0;
  private error: 'line too long' | 'not valid UTF-8' | null = null;
  private readonly maxBytes: number;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  get empty(): boolean {
    return this.bytes === 0 && this.error === null;
  }

  add(part: Buffer): void {
    this.bytes += part.length;
    if (this.error !== null) return;
    if (this.bytes > this.maxBytes) this.fail('line too long');
    else this.decode(() => this.decoder.decode(part, { stream: true }));
  }

  finish(number: number): Line {
    if (this.error === null) this.decode(() => this.decoder.decode());
    const line: Line = this.error !== null ? { number, error: this.error } : { number, text: clean(this.text, number) };
    this.text = '';
    this.bytes = 0;
    this.error = null;
    return line;
  }

  private decode(step: () => string): void {
    try {
      this.text += step();
    } catch {
      this.fail('not valid UTF-8');
    }
  }

  private fail(error: 'line too long' | 'not valid UTF-8'): void {
    this.error = error;
    this.text = '';
    this.decoder = newDecoder();
  }
}

function newDecoder(): TextDecoder {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
}

/** Without the CR of a CRLF ending, and without the byte order mark a file may start with. */
function clean(text: string, number: number): string {
  const body = text.endsWith('\r') ? text.slice(0, -1) : text;
  return number === 1 && body.startsWith('\ufeff') ? body.slice(1) : body;
}

export async function* splitLines(source: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Line> {
  const line = new LineBuilder(maxBytes);
  let number = 0;
  for await (const chunk of source) {
    let at = 0;
    while (at < chunk.length) {
      const lf = chunk.indexOf(LF, at);
      const end = lf === -1 ? chunk.length : lf;
      if (end > at) line.add(chunk.subarray(at, end));
      if (lf === -1) break;
      yield line.finish(++number);
      at = lf + 1;
    }
  }
  if (!line.empty) yield line.finish(++number);
}
