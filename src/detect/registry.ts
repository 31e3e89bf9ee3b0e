/**
 * The built-in detectors, in one typed list. The engine knows nothing specific to any of them; adding a
 * detector means adding it here.
 */
import type { Detector } from './types.ts';

export const BUILT_IN_DETECTORS: readonly Detector[] = [];
