/**
 * Tests for the per-language lexers behind the egress rules: what counts as a string (escaped quotes, PHP heredoc
 * and nowdoc, JS template literals with `${}` parts, Python prefixes and triple quotes, Apex quoting), what is
 * dropped (comments, docblocks, inline HTML), interpolated names kept as embedded tokens, and offsets to lines.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../../src/scanner/position.ts';
import { lexApex } from '../../../src/scanner/rules/egress/lex-apex.ts';
import { lexJs } from '../../../src/scanner/rules/egress/lex-js.ts';
import { lexPhp } from '../../../src/scanner/rules/egress/lex-php.ts';
import { lexPython } from '../../../src/scanner/rules/egress/lex-python.ts';
import { lexSource } from '../../../src/scanner/rules/egress/source.ts';
import { HOLE, type Token } from '../../../src/scanner/rules/egress/tokens.ts';

const strings = (tokens: readonly Token[]): (string | undefined)[] => tokens.filter((t) => t.kind === 'string' && t.embedded !== true).map((t) => t.value);
const names = (tokens: readonly Token[]): string[] => tokens.filter((t) => t.kind === 'ident' || t.kind === 'variable').map((t) => t.text);
const embedded = (tokens: readonly Token[]): string[] => tokens.filter((t) => t.embedded === true).map((t) => t.value ?? t.text);

describe('PHP lexer', () => {
  it('drops inline HTML, comments and docblocks, and ends a line comment at ?>', () => {
    const tokens = lexPhp('<p>api.openai.com</p><?php /** https://api.openai.com */ # x\n// y ?>done <?= $a ?>');
    assert.deepEqual(names(tokens), ['$a']);
    assert.deepEqual(strings(tokens), []);
  });

  it('reads escaped quotes: only \\\' and \\\\ in single quotes, all escapes in double quotes', () => {
    assert.deepEqual(strings(lexPhp(String.raw`<?php 'it\'s \n \\'; "say \"hi\"\t\$x";`)), ["it's \\n \\", 'say "hi"\t$x']);
  });

  it('turns interpolation into holes and keeps the names used', () => {
    const tokens = lexPhp('<?php "Order $order->id for {$customer[\'email\']} at ${host}";');
    assert.deepEqual(strings(tokens), [`Order ${HOLE} for ${HOLE} at ${HOLE}`]);
    assert.deepEqual(embedded(tokens), ['$order', 'id', '$customer', 'email', 'host']);
  });

  it('reads heredocs with interpolation and nowdocs without, with indented closing labels', () => {
    const source = "<?php $a = <<<EOT\n  https://$host/v1\n  EOT;\n$b = <<<'RAW'\nhttps://$host\nRAW;\n$c = 1;";
    const tokens = lexPhp(source);
    assert.deepEqual(strings(tokens), [`  https://${HOLE}/v1`, 'https://$host']);
    assert.deepEqual(names(tokens).filter((n) => n.startsWith('$')), ['$a', '$host', '$b', '$c']);
  });

  it('keeps PHP 8 attributes as code and namespaced names as one identifier', () => {
    const tokens = lexPhp('<?php #[Route("/x")] new \\GuzzleHttp\\Client(); use Orhanerday\\OpenAi\\OpenAi;');
    assert.deepEqual(strings(tokens), ['/x']);
    assert.ok(names(tokens).includes('\\GuzzleHttp\\Client'));
    assert.ok(names(tokens).includes('Orhanerday\\OpenAi\\OpenAi'));
  });
});

describe('JavaScript / TypeScript lexer', () => {
  it('reads escaped quotes and ends a broken string at the line break', () => {
    assert.deepEqual(strings(lexJs("'it\\'s' \"a\\\"b\" 'broken\nconst x = 'ok';")), ["it's", 'a"b', 'broken', 'ok']);
  });

  it('reads template literals with nested ${} parts, keeping their names and keys', () => {
    const tokens = lexJs('const u = `https://${region}-aiplatform.googleapis.com/${a ? `v${b}` : "x"}/models`;');
    assert.deepEqual(strings(tokens), [`https://${HOLE}-aiplatform.googleapis.com/${HOLE}/models`]);
    assert.deepEqual(embedded(tokens), ['region', 'a', `v${HOLE}`, 'b', 'x']);
  });

  it('tells regular expressions from division, so quotes inside a regex start no string', () => {
    assert.deepEqual(strings(lexJs('const re = /["\']/g; const half = total / 2 / count; f("x");')), ['x']);
    assert.deepEqual(strings(lexJs('return /api\\.openai\\.com/.test(u) ? "y" : "n";')), ['y', 'n']);
  });

  it('drops line and block comments', () => {
    assert.deepEqual(strings(lexJs("// 'https://api.openai.com'\n/* \"x\" */ const a = 'b';")), ['b']);
  });

  it('confines a JSX apostrophe to its line', () => {
    assert.deepEqual(strings(lexJs("<p>Don't worry</p>\nconst url = 'https://api.x.ai/v1';")), ['t worry</p>', 'https://api.x.ai/v1']);
  });
});

describe('Python lexer', () => {
  it('reads triple-quoted strings across lines, with quotes inside', () => {
    assert.deepEqual(strings(lexPython('x = """a "quoted" \'word\'\nline"""\ny = \'\'\'z\'\'\'')), ['a "quoted" \'word\'\nline', 'z']);
  });

  it('keeps backslashes in raw strings and reads prefixes in any case', () => {
    assert.deepEqual(strings(lexPython(String.raw`a = r'\d+\'' ; b = Rb"\x41" ; c = b'\x41'`)), [String.raw`\d+\'`, String.raw`\x41`, 'A']);
  });

  it('turns f-string parts into holes, keeps {{ }} literal and the names used', () => {
    const tokens = lexPython('u = f"https://{host}/v1/{{id}}/{cfg[\'path\']!r:>4}"');
    assert.deepEqual(strings(tokens), [`https://${HOLE}/v1/{id}/${HOLE}`]);
    assert.deepEqual(embedded(tokens), ['host', 'cfg', 'path', 'r']);
  });

  it('drops comments, quotes in them included', () => {
    assert.deepEqual(strings(lexPython("# don't call 'https://api.openai.com'\nx = 'y'")), ['y']);
  });
});

describe('Apex lexer', () => {
  it('reads single-quoted strings with escapes and drops comments', () => {
    const tokens = lexApex("/* 'x' */ String s = 'it\\'s'; // 'https://api.openai.com'\nreq.setEndpoint('callout:OpenAI_NC');");
    assert.deepEqual(strings(tokens), ["it's", 'callout:OpenAI_NC']);
  });

  it('lexes inline SOQL as tokens', () => {
    assert.deepEqual(names(lexApex('[SELECT Id FROM Opportunity WHERE Id = :oppId]')), ['SELECT', 'Id', 'FROM', 'Opportunity', 'WHERE', 'Id', 'oppId']);
  });
});

describe('source structure', () => {
  it('matches brackets and keeps embedded names out of the structure', () => {
    const source = lexSource('js', 'f(`${a(}`, [1]);');
    const open = source.tokens.findIndex((t) => t.text === '(');
    assert.equal(source.tokens[source.partner[open] ?? -1]?.text, ')');
    assert.deepEqual(source.embedded.map((e) => e.token.text), ['a']);
  });

  it('finds function scopes in brace languages and by indentation in Python', () => {
    const php = lexSource('php', '<?php class A { public function run(): array { if ($x) { go(); } return []; } }');
    assert.deepEqual(php.scopes.map((s) => s.name), ['run']);
    const js = lexSource('js', 'const handler = async (req, res) => { fetch(u); };\nclass B { async go(a: string): Promise<void> { } }');
    assert.deepEqual(js.scopes.map((s) => s.name), ['handler', 'go']);
    const py = lexSource('python', 'def outer(a):\n    def inner():\n        return 1\n    return inner\nx = 2\n');
    assert.deepEqual(py.scopes.map((s) => [s.name, py.tokens[s.to]?.text]), [['outer', 'x'], ['inner', 'return']]);
  });

  it('maps offsets to 1-based lines and columns', () => {
    const lines = new LineIndex('ab\ncd\n\nef');
    assert.deepEqual(lines.position(0), { line: 1, column: 1 });
    assert.deepEqual(lines.position(4), { line: 2, column: 2 });
    assert.deepEqual(lines.position(7), { line: 4, column: 1 });
  });
});
