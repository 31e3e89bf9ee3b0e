/**
 * Inline suppressions: an `airlock-ignore: RULE reason` comment on a finding's line or the line above it
 * removes that rule's finding there. The rule id must be named (no wildcard, so a new rule never disappears
 * under an old comment) and the reason is mandatory, because a suppression is a decision someone must be able
 * to review later: a comment without one suppresses nothing and is reported itself. Any comment syntax is
 * accepted (`//`, `#`, C block comments, `<!-- -->`, `--`), since the scanner reads PHP, Apex, XML, YAML, SQL and more.
 */
import { lineEnd, LineIndex } from './position.ts';
import type { RuleInfo, ScanFinding } from './types.ts';

export const IGNORE_WITHOUT_REASON = 'scan.ignore-without-reason';
export const IGNORE_WITHOUT_RULE = 'scan.ignore-without-rule';

/** The scanner's own rules, listed with the rule modules' rules in reports and SARIF metadata. */
export const SUPPRESSION_RULES: readonly RuleInfo[] = [
  {
    id: IGNORE_WITHOUT_REASON,
    severity: 'low',
    summary: 'An airlock-ignore comment gives no reason, so it suppresses nothing.',
    remediation: 'Write why the finding is acceptable after the rule id: `airlock-ignore: RULE reason`, or fix the finding and remove the comment.',
  },
  {
    id: IGNORE_WITHOUT_RULE,
    severity: 'low',
    summary: 'An airlock-ignore comment names no valid rule id (wildcards are not accepted), so it suppresses nothing.',
    remediation: 'Name the one rule the comment is about, as shown in the scan report: `airlock-ignore: egress.sdk reason`.',
  },
];

const MARKER = 'airlock-ignore:';
/** A comment opener somewhere before the marker on its line. */
const COMMENT_OPENER = /(?:\/\/|#|\/\*|<!--|--)/;
/** Rule ids are `family.name`, lower case, digits and dashes. */
const RULE_ID = /^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)+$/;
/** What a directive's first word may look like, valid rule id or not (`*`, `egress`, `keys.Hardcoded`). */
const DIRECTIVE_TOKEN = /^[\w.*-]*$/;
/** A block comment closer ends the directive (code may follow it on the same line). */
const COMMENT_CLOSER = /\*\/|-->/;

export interface IgnoreDirective {
  /** 1-based line and column of the marker. */
  readonly line: number;
  readonly column: number;
  readonly ruleId: string;
  readonly reason: string;
}

/** Every `airlock-ignore:` comment in a text, valid or not. */
export function findDirectives(text: string): IgnoreDirective[] {
  const directives: IgnoreDirective[] = [];
  const lines = new LineIndex(text);
  let at = text.indexOf(MARKER);
  while (at !== -1) {
    const directive = directiveAt(text, at, lines);
    if (directive) directives.push(directive);
    at = text.indexOf(MARKER, at + MARKER.length);
  }
  return directives;
}

function directiveAt(text: string, at: number, lines: LineIndex): IgnoreDirective | null {
  const { line, column } = lines.position(at);
  if (!COMMENT_OPENER.test(text.slice(at - column + 1, at))) return null;
  // The trim drops a CRLF's CR with the other blanks.
  const rest = text.slice(at + MARKER.length, lineEnd(text, at)).split(COMMENT_CLOSER)[0]?.trim() ?? '';
  const space = rest.search(/\s/);
  const ruleId = space === -1 ? rest : rest.slice(0, space);
  // Quotes, backslashes or brackets right after the marker mean code or prose quoting it, not a directive.
  if (!DIRECTIVE_TOKEN.test(ruleId)) return null;
  const reason = space === -1 ? '' : rest.slice(space).trim();
  return { line, column, ruleId, reason };
}

export interface SuppressionOutcome {
  /** Findings no valid directive covers. */
  readonly kept: ScanFinding[];
  readonly suppressed: number;
  /** Findings about the directives themselves (missing reason or rule id). */
  readonly directiveFindings: ScanFinding[];
}

/** Applies a file's directives to the findings the rules reported for that file. */
export function applySuppressions(path: string, findings: readonly ScanFinding[], directives: readonly IgnoreDirective[]): SuppressionOutcome {
  const valid = directives.filter((d) => RULE_ID.test(d.ruleId) && d.reason !== '');
  const kept = findings.filter((f) => !valid.some((d) => d.ruleId === f.ruleId && (d.line === f.line || d.line === f.line - 1)));
  const directiveFindings = directives.flatMap((d) => directiveProblem(path, d));
  return { kept, suppressed: findings.length - kept.length, directiveFindings };
}

function directiveProblem(path: string, directive: IgnoreDirective): ScanFinding[] {
  const place = { file: path, line: directive.line, column: directive.column };
  if (!RULE_ID.test(directive.ruleId)) {
    return [{
      ...place,
      ruleId: IGNORE_WITHOUT_RULE,
      severity: 'low',
      message: directive.ruleId === ''
        ? 'airlock-ignore comment without a rule id suppresses nothing.'
        : `airlock-ignore comment names "${directive.ruleId.slice(0, 60)}", which is not a rule id; it suppresses nothing.`,
      remediation: (SUPPRESSION_RULES[1] as RuleInfo).remediation,
    }];
  }
  if (directive.reason === '') {
    return [{
      ...place,
      ruleId: IGNORE_WITHOUT_REASON,
      severity: 'low',
      message: `airlock-ignore comment for ${directive.ruleId} gives no reason, so it suppresses nothing.`,
      remediation: (SUPPRESSION_RULES[0] as RuleInfo).remediation,
    }];
  }
  return [];
}
