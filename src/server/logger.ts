/**
 * The process logger: pino JSON lines. Request logging is ours, one line per finished request with ids,
 * counts and timings only; no call logs a request, its headers or its body, and a test searches every line for
 * planted canaries. pino's `redact` is deliberately not used: it copies each log object and cost ~6% of the
 * gateway's CPU per request in bench:proxy, to guard fields that are never passed.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'airlock' },
    },
    destination ?? bufferedStdout(),
  );
}

/**
 * Standard output buffered up to 4 KiB between writes: one write call per ~15 lines instead of one per line
 * under load. A timer flushes what waits, so a quiet gateway's lines appear within a second; the gateway also
 * flushes on shutdown (flushLogger).
 */
function bufferedStdout(): ReturnType<typeof pino.destination> {
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => {
    try {
      destination.flush();
    } catch {
      // Not ready yet or already closed: the next tick or the shutdown flush writes it.
    }
  }, 1_000).unref();
  return destination;
}

/** Writes out whatever the logger still buffers; called before the process exits. */
export function flushLogger(logger: Logger): void {
  try {
    logger.flush();
  } catch {
    // A destination that cannot flush synchronously (a test sink) has nothing buffered.
  }
}
