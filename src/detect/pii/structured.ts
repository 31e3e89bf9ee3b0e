/**
 * The structured-PII detectors in the order the engine runs them: values with a recognisable shape and, mostly,
 * a checksum (emails, phone numbers, cards, IBANs/BICs, IPs, VAT numbers, dates of birth, national ids). Names
 * and addresses, which need language models or gazetteers, are not here.
 */
import type { Detector } from '../types.ts';
import { cardDetector } from './card.ts';
import { dateOfBirthDetector } from './date-of-birth.ts';
import { emailDetector } from './email.ts';
import { bicDetector, ibanDetector } from './iban.ts';
import { ipDetector } from './ip.ts';
import { NATIONAL_ID_DETECTORS } from './national-ids.ts';
import { phoneDetector } from './phone.ts';
import { vatDetector } from './vat.ts';

export const STRUCTURED_PII_DETECTORS: readonly Detector[] = [
  emailDetector,
  ibanDetector,
  bicDetector,
  cardDetector,
  phoneDetector,
  ipDetector,
  vatDetector,
  dateOfBirthDetector,
  ...NATIONAL_ID_DETECTORS,
];
