/**
 * The only place that mints the Sanitized brand (design rule 1). A request becomes sanitized once every finding
 * of the inspect stage has been handled by the transform its policy names. Until detection is wired into the
 * pipeline there are no findings to apply; a finding that reaches this point without a transform refuses the
 * request rather than letting raw text out.
 */
import type { Sanitized } from '../backends/types.ts';
import { AirlockError } from '../errors.ts';

export interface PendingFinding {
  readonly type: string;
}

export function sanitizeRequest<T extends object>(request: T, findings: readonly PendingFinding[]): Sanitized<T> {
  if (findings.length > 0) throw new AirlockError('AIRLOCK_INTERNAL');
  return request as Sanitized<T>;
}
