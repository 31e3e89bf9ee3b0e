/**
 * The process logger: pino JSON lines. Request logging is ours, one line per finished request with ids,
 * counts and timings only. Headers are never logged, and the redact list below is a second guard in case a
 * future log call passes a request or headers object by mistake.
 */
import { pino, type Logger } from 'pino';

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'airlock' },
      redact: {
        paths: ['req.headers', 'headers', 'authorization', '*.authorization', 'apiKey', '*.apiKey', 'body', '*.body'],
        censor: '[redacted]',
      },
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
