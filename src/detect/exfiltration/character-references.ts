/**
 * Character references and backslash escapes. Renderers resolve them before they fetch anything, so
 * `![x](&#104;ttps://evil.example)` and `<img src="&#x68;ttps://…">` load https URLs: destinations are reported
 * resolved, or the allow-list and scheme checks downstream would judge a URL the browser never sees.
 */

// The named references that spell URL syntax; others stay as written.
const NAMED_REFERENCES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    amp: '&', AMP: '&', lt: '<', LT: '<', gt: '>', GT: '>', quot: '"', QUOT: '"', apos: "'", nbsp: '\u00a0',
    colon: ':', Tab: '\t', NewLine: '\n', sol: '/', bsol: '\\', period: '.', comma: ',', lpar: '(', rpar: ')',
    commat: '@', num: '#', percnt: '%', quest: '?', equals: '=', semi: ';', excl: '!', dollar: '$', plus: '+',
    lowbar: '_', UnderBar: '_', ast: '*', midast: '*', lsqb: '[', lbrack: '[', rsqb: ']', rbrack: ']',
    lcub: '{', lbrace: '{', rcub: '}', rbrace: '}', verbar: '|', vert: '|', VerticalLine: '|', grave: '`',
    DiacriticalGrave: '`', Hat: '^',
  }),
);

const CHARACTER_REFERENCE = /&#(\d+);?|&#[xX]([0-9A-Fa-f]+);?|&([A-Za-z][A-Za-z0-9]{1,31});/g;
// A backslash before ASCII punctuation, or a character reference as above.
const ESCAPE_OR_REFERENCE = new RegExp(`\\\\([!-/:-@[-\`{-~])|${CHARACTER_REFERENCE.source}`, 'g');

/** HTML attribute values: `&#104;ttps:` is `https:` to the browser. */
export function decodeReferences(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(CHARACTER_REFERENCE, (match: string, decimal?: string, hex?: string, name?: string) =>
    referenceValue(match, decimal, hex, name),
  );
}

/** Markdown destinations: CommonMark resolves backslash escapes and character references. */
export function unescapeMarkdown(value: string): string {
  if (!value.includes('&') && !value.includes('\\')) return value;
  return value.replace(ESCAPE_OR_REFERENCE, (match: string, escaped?: string, decimal?: string, hex?: string, name?: string) =>
    escaped ?? referenceValue(match, decimal, hex, name),
  );
}

function referenceValue(match: string, decimal: string | undefined, hex: string | undefined, name: string | undefined): string {
  if (name !== undefined) return NAMED_REFERENCES.get(name) ?? match;
  return codePointText(decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16));
}

/** The character for a numeric reference or CSS escape; U+FFFD for NUL, surrogates and out-of-range values, as HTML does. */
export function codePointText(codePoint: number): string {
  const valid = codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff);
  return valid ? String.fromCodePoint(codePoint) : '\ufffd';
}
