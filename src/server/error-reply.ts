/**
 * Turns anything thrown during a request (our errors, Fastify's body-parsing errors, bugs) into the fixed
 * OpenAI-shaped body of the catalogue. Fastify's own messages quote input (a JSON parse error shows the
 * offending text), so they are mapped to catalogue codes and never passed on.
 */
import { AirlockError, type ErrorCode } from '../errors.ts';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'AIRLOCK_REQUEST_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'AIRLOCK_REQUEST_INVALID',
  FST_ERR_CTP_BODY_TOO_LARGE: 'AIRLOCK_REQUEST_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'AIRLOCK_REQUEST_EMPTY_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'AIRLOCK_REQUEST_INVALID_JSON',
  FST_ERR_CTP_EMPTY_TYPE: 'AIRLOCK_REQUEST_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'AIRLOCK_REQUEST_UNSUPPORTED_MEDIA_TYPE',
};

export function toReplyError(err: unknown): AirlockError {
  if (err instanceof AirlockError) return err;
  const e = err as { code?: unknown; statusCode?: unknown; name?: unknown } | null;
  if (e && typeof e.code === 'string' && e.code in FASTIFY_CODES) {
    return new AirlockError(FASTIFY_CODES[e.code] as ErrorCode);
  }
  // secure-json-parse and JSON.parse throw SyntaxError with status 400 for a body that is not JSON.
  if (e && e.name === 'SyntaxError' && e.statusCode === 400) return new AirlockError('AIRLOCK_REQUEST_INVALID_JSON');
  if (e && e.statusCode === 413) return new AirlockError('AIRLOCK_REQUEST_TOO_LARGE');
  if (e && e.statusCode === 415) return new AirlockError('AIRLOCK_REQUEST_UNSUPPORTED_MEDIA_TYPE');
  return new AirlockError('AIRLOCK_INTERNAL', { cause: err });
}
