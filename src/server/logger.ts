/**
 * The process logger: pino JSON lines. Request logging is ours, one line per finished request with ids,
 * counts and timings only; no call logs a request, its headers or its body, and a test searches every line for
 * planted canaries. pino's `redact` is deliberately not used: it copies each log object and cost ~6% of the
 * gateway's CPU per request in bench:proxy, to guard fields that are never passed.
 */
import { pino, type Logger } from 'pino';

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'airlock' },
    },
    // Buffered up to 4 KiB between writes: one write call per ~15 lines instead of one per line. The gateway
    // flushes it on shutdown (flushLogger).
    destination ?? pino.destination({ dest: 1, sync: false, minLength: 4096 }),
  );
}

/** Writes out whatever the logger still buffers; called before the process exits. */
export function flushLogger(logger: Logger): void {
  try {
    logger.flush();
  } catch {
    // A destination that cannot flush synchronously (a test sink) has nothing buffered.
  }
}
