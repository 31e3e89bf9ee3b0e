/**
 * The vocabulary of sensitive data: entity types and the groups a policy can name instead of single types.
 * It sits at the root because configuration validates policies against it and detection, policy, transforms
 * and audit all speak it.
 */

export const ENTITY_GROUPS = {
  PII: [
    'EMAIL',
    'PHONE',
    'CARD_NUMBER',
    'IBAN',
    'BIC',
    'IP_ADDRESS',
    'VAT_ID',
    'DATE_OF_BIRTH',
    'PERSON',
    'ADDRESS',
  ],
  NATIONAL_ID: ['US_SSN', 'UK_NINO', 'DE_TAX_ID', 'FR_NIR', 'ES_DNI', 'ES_NIE', 'IT_FISCAL_CODE', 'NL_BSN'],
  SECRET: ['API_KEY', 'ACCESS_TOKEN', 'PRIVATE_KEY', 'JWT', 'PASSWORD', 'CREDENTIAL'],
  BUSINESS: ['BUSINESS_TERM', 'BUSINESS_PATTERN', 'BUSINESS_FIELD'],
} as const;

export type EntityGroup = keyof typeof ENTITY_GROUPS;
export type EntityType = (typeof ENTITY_GROUPS)[EntityGroup][number];

export const ENTITY_TYPES: readonly EntityType[] = Object.values(ENTITY_GROUPS).flat();

const GROUP_OF = new Map<EntityType, EntityGroup>(
  (Object.entries(ENTITY_GROUPS) as [EntityGroup, readonly EntityType[]][]).flatMap(([group, types]) =>
    types.map((type) => [type, group] as const),
  ),
);

export function groupOf(type: EntityType): EntityGroup {
  return GROUP_OF.get(type) as EntityGroup;
}

/**
 * One finding: a type, UTF-16 offsets (end exclusive), a confidence in [0, 1] and the id of the rule that fired
 * (`pii.email`, `secret.openai`). Recorded and reported as is; the value found is never part of it.
 */
export interface Finding {
  readonly type: EntityType;
  readonly start: number;
  readonly end: number;
  readonly score: number;
  readonly detector: string;
  /** A level fixed by the rule that found it (a business rule with its own level); otherwise the policy classifies by type. */
  readonly level?: Level;
}

/**
 * Classification levels, least to most sensitive. A request's level is the highest of its findings' levels; the
 * policy says which jurisdictions may receive each level.
 */
export const LEVELS = ['public', 'internal', 'confidential', 'restricted'] as const;
export type Level = (typeof LEVELS)[number];

const LEVEL_RANK = new Map<string, number>(LEVELS.map((level, i) => [level, i]));

export function isLevel(value: string): value is Level {
  return LEVEL_RANK.has(value);
}

export function maxLevel(a: Level, b: Level): Level {
  return (LEVEL_RANK.get(a) as number) >= (LEVEL_RANK.get(b) as number) ? a : b;
}
