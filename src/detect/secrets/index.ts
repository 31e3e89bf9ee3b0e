/**
 * The secret detectors (entity group SECRET) in one list for the registry: the whole provider key and token table
 * as one detector (its findings keep their row's id: `secret.openai`, `secret.github`, …), then the structural
 * rules (private key blocks, JWTs, URL and key-value passwords) and last the entropy catch-all. All read one
 * memoised scan of the prompt (scan.ts). Six detectors, not one per provider id: the engine calls each and maps
 * its result array, which for 67 detectors cost more than most of them did. Order does not matter to the engine,
 * which resolves overlaps by score; specific rules score higher than the context and entropy rules they overlap.
 */
import type { Detector } from '../types.ts';
import { connectionStringDetector } from './connection-string.ts';
import { entropyDetector } from './entropy.ts';
import { jwtDetector } from './jwt.ts';
import { passwordDetector } from './passwords.ts';
import { privateKeyDetector } from './private-key.ts';
import { providerDetector } from './provider-detector.ts';

export const SECRET_DETECTORS: readonly Detector[] = [
  providerDetector,
  privateKeyDetector,
  jwtDetector,
  connectionStringDetector,
  passwordDetector,
  entropyDetector,
];

export { PROVIDER_RULES } from './provider-detector.ts';
export type { ProviderRule } from './providers.ts';
