/**
 * The scanner's vocabulary: what a finding says (rule, severity, place, message, remediation), what a rule sees
 * of a file, the project facts of the first pass, and the rule interface. Rules are pure functions of one file's
 * content (and those facts), so the walker can run them on any number of files with bounded memory, and each
 * rule family lives in its own module under rules/.
 */

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export interface ScanFinding {
  /** Stable rule id, `family.name` (`egress.sdk`, `keys.hardcoded-ai-key`, `artifact.web-served-weights`). */
  readonly ruleId: string;
  readonly severity: Severity;
  /** Path relative to the scan root, with `/` separators. */
  readonly file: string;
  /** 1-based line and column (UTF-16 code units) of the finding's start. */
  readonly line: number;
  readonly column: number;
  /** One sentence; never a secret value (keys are shown masked). */
  readonly message: string;
  /** What to do about it. */
  readonly remediation: string;
  /** Extra facts for JSON and SARIF (provider, HTTP client, data flowing in, …); never secret values. */
  readonly properties?: Readonly<Record<string, string | number | boolean | readonly string[]>>;
}

/** A finding of `rule` at `at` in `file`, with the rule's severity and remediation; `properties` only when given. */
export function ruleFinding(rule: RuleInfo, file: string, at: { readonly line: number; readonly column: number }, message: string,
  properties?: ScanFinding['properties']): ScanFinding {
  const finding = { ruleId: rule.id, severity: rule.severity, file, line: at.line, column: at.column, message, remediation: rule.remediation };
  return properties === undefined ? finding : { ...finding, properties };
}

/** A file as the rules see it. Text files only reach `text`; binary files only `head` (content sniffing). */
export interface ScanFile {
  /** Path relative to the scan root, `/` separators. */
  readonly path: string;
  /** Lower-case extension without the dot (`php`, `ts`, `xml`); '' when none. */
  readonly extension: string;
  /** Lower-case file name (`dockerfile`, `.env`, `package.json`). */
  readonly name: string;
  readonly size: number;
  /** Decoded text (UTF-8, or UTF-16 with a BOM), or null for binary files. */
  readonly text: string | null;
  /** The first bytes of the file (up to 64 KiB), for recognising binary formats by content. */
  readonly head: Buffer;
  /** Reads the whole file (binary rules that need more than the head; bounded by the walker's size limit). */
  readAll(): Buffer;
}

/**
 * Facts about the whole project that one file cannot show, collected by the scanner in a first pass (see
 * `collectSalesforceFacts` in rules/salesforce.ts) and handed to every rule as `scan(file, facts)`.
 */
export interface ProjectFacts {
  /**
   * Salesforce Named Credential developer name (the file name without its suffix, and `<fullName>` when the file
   * has one) → endpoint URL. Apex compares these names case-insensitively (`lookupName` in rules/egress/facts.ts).
   */
  readonly namedCredentials: ReadonlyMap<string, string>;
  /** External Credential developer name → endpoint URL of a Named Credential that authenticates with it. */
  readonly externalCredentials: ReadonlyMap<string, string>;
}

export interface ScanRule {
  /** The rule ids this module can report, with their default severity, for docs and SARIF rule metadata. */
  readonly rules: readonly RuleInfo[];
  /** Cheap test: does this module want to look at the file at all? */
  applies(file: ScanFile): boolean;
  /** The file's findings; `facts` are the first pass's (absent when a caller runs a rule on files one by one). */
  scan(file: ScanFile, facts?: ProjectFacts): ScanFinding[];
}

export interface RuleInfo {
  readonly id: string;
  readonly severity: Severity;
  /** One line for SARIF's shortDescription and the docs. */
  readonly summary: string;
  readonly remediation: string;
}
