/**
 * RFC 8785 canonical JSON (the `canonicalize` package): one spelling per value, so a hash or a signature over
 * it does not depend on key order or number formatting. Policy versions and audit events both rely on it.
 */
import canonicalizeModule from 'canonicalize';

// The package is CommonJS whose types declare an ES default export; Node hands an ES module the function
// itself as the default, which the types cannot say.
const canonicalize = canonicalizeModule as unknown as (value: unknown) => string | undefined;

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON form');
  return text;
}
