/**
 * The error catalogue. Every failure Airlock reports has a stable code, an HTTP status, an OpenAI error `type`
 * and a fixed message. Messages never echo input: no prompt text, key, header value or upstream body can reach
 * a caller, a log line or a metric through an error. docs/errors.md lists every code; a test keeps both in step.
 */

export type OpenAIErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'rate_limit_error'
  | 'api_error'
  | 'server_error';

interface ErrorSpec {
  readonly status: number;
  readonly type: OpenAIErrorType;
  readonly message: string;
}

export const ERROR_CATALOGUE = {
  AIRLOCK_AUTH_MISSING_KEY: {
    status: 401,
    type: 'authentication_error',
    message: 'No API key was provided. Send it as "Authorization: Bearer <key>" or in the "api-key" header.',
  },
  AIRLOCK_AUTH_INVALID_KEY: { status: 401, type: 'authentication_error', message: 'The API key is not valid.' },
  AIRLOCK_AUTH_SCOPE_DENIED: {
    status: 403,
    type: 'permission_error',
    message: 'This API key is not allowed to use this endpoint.',
  },
  AIRLOCK_MODEL_NOT_FOUND: {
    status: 404,
    type: 'not_found_error',
    message: 'The model does not exist or this API key may not use it.',
  },
  AIRLOCK_MODEL_WRONG_ENDPOINT: {
    status: 400,
    type: 'invalid_request_error',
    message: 'The model cannot serve this endpoint.',
  },
  AIRLOCK_REQUEST_INVALID_JSON: {
    status: 400,
    type: 'invalid_request_error',
    message: 'The request body is not valid JSON.',
  },
  AIRLOCK_REQUEST_EMPTY_BODY: {
    status: 400,
    type: 'invalid_request_error',
    message: 'The request body is empty; a JSON object is required.',
  },
  AIRLOCK_REQUEST_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    type: 'invalid_request_error',
    message: 'The request body must be sent with "Content-Type: application/json".',
  },
  AIRLOCK_REQUEST_TOO_LARGE: {
    status: 413,
    type: 'invalid_request_error',
    message: 'The request body is larger than the configured limit.',
  },
  AIRLOCK_REQUEST_INVALID: {
    status: 400,
    type: 'invalid_request_error',
    message: 'The request is invalid.',
  },
  AIRLOCK_REQUEST_EMPTY_MESSAGES: {
    status: 400,
    type: 'invalid_request_error',
    message: 'The "messages" array must contain at least one message.',
  },
  AIRLOCK_REQUEST_UNSUPPORTED_PARAMETER: {
    status: 400,
    type: 'invalid_request_error',
    message: 'A parameter is not supported by the backend serving this model.',
  },
  AIRLOCK_ROUTE_NOT_FOUND: { status: 404, type: 'not_found_error', message: 'There is no such endpoint.' },
  AIRLOCK_METHOD_NOT_ALLOWED: {
    status: 405,
    type: 'invalid_request_error',
    message: 'This method is not allowed on this endpoint.',
  },
  AIRLOCK_EGRESS_DESTINATION_REFUSED: {
    status: 502,
    type: 'api_error',
    message: 'The outbound destination is not a declared backend; nothing was sent.',
  },
  AIRLOCK_EGRESS_REDIRECT_REFUSED: {
    status: 502,
    type: 'api_error',
    message: 'The backend answered with a redirect, which is never followed.',
  },
  AIRLOCK_BACKEND_UNREACHABLE: {
    status: 502,
    type: 'api_error',
    message: 'The backend could not be reached.',
  },
  AIRLOCK_BACKEND_TIMEOUT: { status: 504, type: 'api_error', message: 'The backend did not answer in time.' },
  AIRLOCK_BACKEND_ERROR: { status: 502, type: 'api_error', message: 'The backend failed to process the request.' },
  AIRLOCK_BACKEND_REJECTED_REQUEST: {
    status: 400,
    type: 'invalid_request_error',
    message: 'The backend rejected the request as invalid.',
  },
  AIRLOCK_BACKEND_BUSY: {
    status: 429,
    type: 'rate_limit_error',
    message: 'The backend is overloaded; retry later.',
  },
  AIRLOCK_BACKEND_BAD_RESPONSE: {
    status: 502,
    type: 'api_error',
    message: 'The backend sent a response that is not valid for its protocol.',
  },
  AIRLOCK_AUDIT_UNAVAILABLE: {
    status: 503,
    type: 'server_error',
    message: 'The audit log could not record this request, so it was not forwarded.',
  },
  AIRLOCK_SHUTTING_DOWN: {
    status: 503,
    type: 'server_error',
    message: 'The gateway is shutting down; retry on another instance.',
  },
  AIRLOCK_INSPECT_FAILED: {
    status: 500,
    type: 'server_error',
    message: 'Inspecting the request for sensitive data failed, so it was not forwarded.',
  },
  AIRLOCK_INSPECT_UNSUPPORTED_CONTENT: {
    status: 400,
    type: 'invalid_request_error',
    message: 'The request carries content the gateway cannot inspect (token ids, audio or files), so it was not forwarded.',
  },
  AIRLOCK_POLICY_BLOCKED_CONTENT: {
    status: 400,
    type: 'invalid_request_error',
    message: "The request contains data this tenant's policy does not allow to be sent to a model.",
  },
  AIRLOCK_POLICY_INJECTION_BLOCKED: {
    status: 400,
    type: 'invalid_request_error',
    message: "The request looks like a prompt injection, which this tenant's policy refuses; it was not forwarded.",
  },
  AIRLOCK_POLICY_BULK_EXTRACTION: {
    status: 429,
    type: 'rate_limit_error',
    message: "This API key sent more distinct personal data values than its tenant's policy allows within its window; the request was not forwarded.",
  },
  AIRLOCK_POLICY_NO_COMPLIANT_BACKEND: {
    status: 503,
    type: 'server_error',
    message: "No backend that this request's classification allows is available, so it was not sent anywhere.",
  },
  AIRLOCK_REQUEST_INVALID_LEVEL: {
    status: 400,
    type: 'invalid_request_error',
    message: 'The x-airlock-level header must be one of public, internal, confidential or restricted.',
  },
  AIRLOCK_INTERNAL: {
    status: 500,
    type: 'server_error',
    message: 'The gateway failed internally; the request was stopped.',
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface AirlockErrorOptions {
  /** The request field the error is about (OpenAI's `param`); a field name, never a value. */
  readonly param?: string;
  /** A fixed, input-free detail appended to the catalogue message (a field path and rule, a status code). */
  readonly detail?: string;
  readonly cause?: unknown;
  /**
   * The same request may succeed on another attempt: the connection failed before the backend saw it, or the
   * backend answered 5xx or 429. The router retries only these, and only before the caller has a byte.
   */
  readonly retryable?: boolean;
}

export class AirlockError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly type: OpenAIErrorType;
  readonly param: string | null;
  readonly retryable: boolean;

  constructor(code: ErrorCode, options: AirlockErrorOptions = {}) {
    const spec: ErrorSpec = ERROR_CATALOGUE[code];
    super(options.detail ? `${spec.message} ${options.detail}` : spec.message, { cause: options.cause });
    this.name = 'AirlockError';
    this.code = code;
    this.status = spec.status;
    this.type = spec.type;
    this.param = options.param ?? null;
    this.retryable = options.retryable ?? false;
  }

  /** The OpenAI-shaped body every error reply carries. */
  toBody(): OpenAIErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

export interface OpenAIErrorBody {
  error: { message: string; type: OpenAIErrorType; param: string | null; code: ErrorCode };
}

/** Any thrown value becomes an AirlockError; unknown failures are internal and carry no detail. */
export function toAirlockError(err: unknown): AirlockError {
  return err instanceof AirlockError ? err : new AirlockError('AIRLOCK_INTERNAL', { cause: err });
}

/** A configuration problem found at start or reload: names the path and the reason, exits the CLI non-zero. */
export class ConfigError extends Error {
  readonly issues: readonly string[];
  constructor(issues: readonly string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}
