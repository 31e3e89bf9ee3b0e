/**
 * Passwords given as `key = value`: `.env`, YAML, JSON, code, query strings, ADO/JDBC `Password=…;` lists, SQL
 * `IDENTIFIED BY '…'`, PHP `define('DB_PASSWORD', …)`, command lines (`mysql -p…`, `curl -u user:…`), .netrc,
 * and prose in several languages ("my password is …", "Passwort lautet: …"). The span is the value only. A
 * password word without a separator ("password reset link", "Passwort vergessen") is prose, not a
 * disclosure; placeholders, variables, type names and code expressions are not passwords; and a value found in a
 * sentence must look like a password (digits, symbols or mixed case), not like the next word. Values of
 * `secret` keys that are random tokens are left to the entropy detector, which reports them as CREDENTIAL.
 */
import type { Detector, RawFinding } from '../types.ts';
import { isCredentialToken, isSecretKey } from './entropy.ts';
import { keyComponents, unquotedEnd, type KeyValue } from './key-value.ts';
import { proseKeyPossible, prosePairBefore } from './prose.ts';
import { keyWords } from './gate.ts';
import { scanText, type Span } from './scan.ts';
import { charClasses, DIGIT, finding, isPlaceholderToken, LOWER, SYMBOL, UPPER } from './shared.ts';

const PASSWORD_ID = 'secret.password';
const CONNECTION_ID = 'secret.connection-string';

const PASSWORD_WORDS = new Set([
  'password', 'passwd', 'pwd', 'pass', 'passphrase', 'passcode', 'passwort', 'kennwort', 'wachtwoord', 'contraseña',
  'contrasena', 'senha', 'haslo', 'hasło', 'losenord', 'lösenord', 'salasana', 'passord', 'mdp', 'mot de passe',
  'identified by',
]);
/** Words a short, common key must not be alone to count in prose: "Day pass: €25", "pwd: /home/x". */
const SHORT_WORDS = new Set(['pass', 'pwd', 'mdp', 'secret']);
/** `password_confirmation`, `password_plain`: still the password. */
const PASSWORD_SUFFIXES = new Set([
  'confirm', 'confirmation', 'plain', 'plaintext', 'clear', 'cleartext', 'value', 'again', 'repeat',
]);
const GLUED_PASSWORD = /(?:password|passwd|passwort|kennwort|wachtwoord)$/;

/** Keys about a password rather than holding one: `MSG_INVALID_SECRET`, `password_hint`, `PASSWORD_FIELD`. */
const ABOUT_PASSWORD = new Set([
  'msg', 'message', 'error', 'err', 'label', 'hint', 'text', 'title', 'description', 'desc', 'placeholder', 'prompt',
  'help', 'tooltip', 'policy', 'rule', 'rules', 'regex', 'pattern', 'length', 'min', 'max', 'field', 'input', 'type',
  'format', 'hash', 'salt', 'reset', 'forgot', 'strength', 'expiry', 'expires', 'age', 'count', 'attempts', 'name',
  'per', 'first', 'second', 'last', 'next', 'multi', 'single', 'render', 'shadow',
]);

type KeyKind = 'password' | 'short' | 'secret';

function keyKind(key: string): KeyKind | null {
  const lower = key.toLowerCase();
  if (PASSWORD_WORDS.has(lower)) return SHORT_WORDS.has(lower) ? 'short' : 'password';
  if (lower === 'secret') return 'short';
  const parts = keyComponents(key);
  if (parts.some((part) => ABOUT_PASSWORD.has(part))) return null;
  const last = parts.at(-1) ?? '';
  if (PASSWORD_WORDS.has(last) || GLUED_PASSWORD.test(last)) return 'password';
  if (parts.length >= 2 && PASSWORD_SUFFIXES.has(last) && PASSWORD_WORDS.has(parts.at(-2) ?? '')) return 'password';
  return isSecretKey(parts) ? 'secret' : null;
}

/** Values that stand for a password rather than being one. */
const NOT_A_PASSWORD = new Set([
  'changeme', 'change_me', 'change-me', 'changeit', 'password', 'passwd', 'passwort', 'secret', 'pass', 'pwd',
  'example', 'sample', 'placeholder', 'redacted', 'hidden', 'masked', 'removed', 'dummy', 'test', 'todo', 'tbd',
  'none', 'null', 'nil', 'undefined', 'empty', 'blank', 'n/a', 'true', 'false', 'yes', 'no', 'required', 'optional',
  'string', 'str', 'text', 'varchar', 'char', 'bytes', 'secretstr', 'number', 'int', 'bool', 'boolean', 'any',
  'object', 'incorrect', 'invalid', 'wrong', 'forgotten', 'forgot', 'reset', 'expired', 'unknown', 'same', 'missing',
  'protected', 'vergessen', 'falsch', 'oublié', 'olvidada', 'field', 'input', 'type', 'form', 'label',
]);
const MASK = /^[*xX•●.#?_\-…]+$|^[([]/;
// `<password>`, `{password}`, `[REDACTED]`, `${DB_PASS}`, `$(cat f)`, `$PASSWORD`, `%s`, `%(pw)s`, `%PW%`, `{{ pw }}`.
const VARIABLE = /^(?:<.*>|\{.*\}|\[.*\]|\$\{.*|\$\(.*|\$[A-Za-z_][A-Za-z0-9_]*|%[sd]|%\(\w+\)[sd]|%\w+%|@Value\b.*)$/;
const STANDS_FOR = new RegExp(
  [
    '^(?:your|enter|insert|replace|put)(?:[-_ ]|$)', // your-password, enter_password
    '^(?:your|my)[-_]?[a-z]*(?:pass|pwd|secret|key|token)', // mysecretpassword, your_db_pass
    '[-_](?:here|goes[-_]here)$', // password_here
  ].join('|'),
  'i',
);
// `0x02` (a flag value), and TypeScript types: `password: URLPatternComponentResult;`.
const NOT_A_VALUE = /^0x[0-9a-f]+$/i;
const TYPE_NAME = /^[A-Z][A-Za-z]*$/;
const AFTER_TYPE = /^[;,)>|<[=]/;
const MEMBER = '^[A-Za-z_$][\\w$]*(?:\\??\\.[A-Za-z_$][\\w$]*)';
const EXPRESSION = new RegExp(`[\\w$]\\(|${MEMBER}*\\[|${MEMBER}+$`);
const LETTERS_AND_UNDERSCORES = /^[A-Za-z_]+$/;
const COMPOUND_NAME = /[A-Za-z]_[A-Za-z]|[a-z][A-Z]/;

function isPlaceholder(value: string, key: string): boolean {
  const lower = value.toLowerCase();
  if (NOT_A_PASSWORD.has(lower) || lower === key.toLowerCase() || MASK.test(value) || VARIABLE.test(value)) return true;
  if (NOT_A_VALUE.test(value) || isPlaceholderToken(value)) return true;
  return STANDS_FOR.test(value) && !/\d/.test(value);
}

/** `password: URLPatternComponentResult;`, `timePerPass: Map<string, number>`: TypeScript, not a value. */
function isTypeAnnotation(text: string, pair: KeyValue, value: string): boolean {
  if (pair.separator !== 'colon' || pair.valueQuoted) return false;
  return TYPE_NAME.test(value) && AFTER_TYPE.test(text.charAt(pair.valueEnd));
}

/** Sentences are not passwords; a passphrase has a few words at most. */
function isSentence(value: string): boolean {
  return (value.match(/ /g)?.length ?? 0) >= 4;
}

/** `password=self.password`, `pwd=getpass()`, `password=user_password`: code reading a password, not one. */
function isExpression(value: string): boolean {
  if (EXPRESSION.test(value)) return true;
  return LETTERS_AND_UNDERSCORES.test(value) && COMPOUND_NAME.test(value) && /pass|pwd|secret/i.test(value);
}

/** A value met in a sentence must look chosen as a password, not be the next word of the sentence. */
function looksLikePassword(value: string): boolean {
  let cut = value.length;
  while (cut > 0 && value.charCodeAt(cut - 1) === 33) cut--; // a trailing "!" is punctuation as often as not
  const body = value.slice(0, cut);
  if (body.length < 5 || NOT_A_PASSWORD.has(body.toLowerCase())) return false;
  const classes = charClasses(body);
  if (classes & (DIGIT | SYMBOL)) return true;
  return (classes & UPPER) !== 0 && (classes & LOWER) !== 0 && /.[A-Z]/.test(body);
}

// Two more words (not another `key:`) after the value: it was the first word of a sentence.
const SENTENCE_GOES_ON = /^[.,;!?]? +[\p{L}\p{N}-]+[ ,]+[\p{L}\p{N}]/u;

function followedByWords(text: string, end: number): boolean {
  return SENTENCE_GOES_ON.test(text.slice(end, end + 40));
}

/** Whether the pair reads like a field (config, code, form) rather than a sentence. */
function isField(pair: KeyValue, kind: KeyKind): boolean {
  if (pair.keyQuoted || pair.valueQuoted || pair.separator === 'assign') return true;
  return pair.separator === 'colon' && pair.atEntryStart && kind !== 'short';
}

function accepts(text: string, pair: KeyValue, kind: KeyKind): boolean {
  const value = text.slice(pair.valueStart, pair.valueEnd);
  if (value.length < 3 || value.length > 128 || isPlaceholder(value, pair.key)) return false;
  if (isSentence(value) || (!pair.valueQuoted && isExpression(value))) return false;
  if (isTypeAnnotation(text, pair, value)) return false;
  if (kind === 'short' && pair.key.toLowerCase() === 'pwd' && /^(?:[/~]|[A-Za-z]:\\)/.test(value)) return false;
  if (kind === 'secret' || pair.key.toLowerCase() === 'secret') {
    // Random secrets are the entropy detector's; a prose "secret: …" is too often not one.
    if (isCredentialToken(value) || !isField(pair, 'password')) return false;
  }
  // Without a separator only a full password word counts: "PASSWORD 'x'", "password S3cret!" (.netrc), not
  // "pass 'options' to it" or "password reset".
  if (pair.separator === 'none') return kind === 'password' && (pair.valueQuoted || looksLikePassword(value));
  // "Password: Min. 8 characters" describes a field; a label's value is one word, unless it looks chosen.
  if (isField(pair, kind)) return pair.valueQuoted || !followedByWords(text, pair.valueEnd) || looksLikePassword(value);
  // "Day pass: €25" is a sentence; a bare short key counts outside a field only as `pass: x` starting an entry.
  if (kind === 'short' && !(pair.separator === 'colon' && pair.atEntryStart)) return false;
  return kind !== 'secret' && looksLikePassword(value);
}

/** ADO/JDBC lists (`…;Password=x;`) and query strings after a URL are connection strings. */
function detectorFor(text: string, keyStart: number): string {
  let i = keyStart - 1;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  const before = text.charAt(i);
  if (before === ';') return CONNECTION_ID;
  if ((before === '&' || before === '?') && text.slice(Math.max(0, keyStart - 300), keyStart).includes('://')) {
    return CONNECTION_ID;
  }
  return PASSWORD_ID;
}

function judge(text: string, pair: KeyValue): RawFinding | null {
  const kind = keyKind(pair.key);
  if (kind === null || !accepts(text, pair, kind)) return null;
  const detector = detectorFor(text, pair.keyStart);
  const score = detector === CONNECTION_ID ? 0.9 : isField(pair, kind) ? 0.85 : 0.75;
  return finding('PASSWORD', pair.valueStart, pair.valueEnd, score, detector);
}

const MYSQL_COMMAND = /mysql|mariadb/i;
const USER_FLAG = /(?:^|\s)(?:-u|--user)[ \t]+$/;
/** Cheap screen before a prose pair is built: the word must contain a password word's stem. */
const PASSWORD_STEM = /pass|pwd|mdp|secret|wort|woord|contrase|senha|has[lł]o|senord|salasana/i;
const stems = keyWords(PASSWORD_STEM);

/** `-u` or `--user` then blanks end right before `at`: what USER_FLAG needs, read without slicing. */
function afterUserFlag(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  const last = text.charCodeAt(i - 1);
  return (last === 117 && text.charCodeAt(i - 2) === 45) || (last === 114 && text.startsWith('--user', i - 6));
}

/** Start of a `mysql -pVALUE` / `curl -u user:VALUE` password at `token`, or -1. */
function commandLineValueStart(text: string, token: Span): number {
  const before = text.charCodeAt(token.start - 1);
  if (before !== 32 && before !== 9) return -1;
  if (text.startsWith('-p', token.start)) {
    const line = text.slice(Math.max(0, token.start - 120), token.start);
    return MYSQL_COMMAND.test(line.slice(line.lastIndexOf('\n') + 1)) ? token.start + 2 : -1;
  }
  if (!afterUserFlag(text, token.start)) return -1;
  if (!USER_FLAG.test(text.slice(Math.max(0, token.start - 10), token.start))) return -1;
  const colon = text.indexOf(':', token.start);
  return colon !== -1 && colon < token.end - 1 ? colon + 1 : -1;
}

/** Passwords given as command-line flags: `mysql -pS3cret`, `mysqldump -p"S3cret"`, `curl -u user:S3cret`. */
function commandLineFinding(text: string, token: Span): RawFinding | null {
  let start = commandLineValueStart(text, token);
  if (start === -1) return null;
  const quote = text.charAt(start);
  let end: number;
  if (quote === '"' || quote === "'") {
    start++;
    end = text.slice(start, start + 129).indexOf(quote) + start;
    if (end < start) return null;
  } else {
    end = unquotedEnd(text, start);
  }
  if (end - start < 3 || isPlaceholder(text.slice(start, end), '')) return null;
  return finding('PASSWORD', start, end, 0.85, PASSWORD_ID);
}

export const passwordDetector: Detector = {
  id: PASSWORD_ID,
  types: ['PASSWORD'],
  detect(text: string): RawFinding[] {
    const scan = scanText(text);
    const out: RawFinding[] = [];
    for (const pair of scan.pairs) {
      const found = judge(text, pair);
      if (found) out.push(found);
    }
    // Prose and command lines: a value with a digit or symbol (a scan token) after "password is", "Passwort
    // lautet:", "password" (.netrc), `mysql -p`, `curl -u user:`.
    for (const token of scan.tokens) {
      // Both need a blank (prose also a colon) right before the value; most tokens are numbers after a word
      // that is no password word, which proseKeyPossible settles reading that word once.
      const before = text.charCodeAt(token.start - 1);
      if (before !== 32 && before !== 9 && before !== 58) continue;
      const pair = proseKeyPossible(text, token.start, stems) ? prosePairBefore(text, token.start, stems.test) : null;
      const found = (pair && judge(text, pair)) ?? commandLineFinding(text, token);
      if (found) out.push(found);
    }
    return out;
  },
};
