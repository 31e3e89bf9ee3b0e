/**
 * The built-in detectors, in one typed list. The engine knows nothing specific to any of them; adding a
 * detector means adding it here.
 */
import { ADDRESS_DETECTOR } from './pii/addresses.ts';
import { PERSON_DETECTOR } from './pii/names.ts';
import { STRUCTURED_PII_DETECTORS } from './pii/structured.ts';
import { SECRET_DETECTORS } from './secrets/index.ts';
import type { Detector } from './types.ts';

export const BUILT_IN_DETECTORS: readonly Detector[] = [
  ...SECRET_DETECTORS,
  ...STRUCTURED_PII_DETECTORS,
  PERSON_DETECTOR,
  ADDRESS_DETECTOR,
];
