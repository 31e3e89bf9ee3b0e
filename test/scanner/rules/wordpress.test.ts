/**
 * Tests for the WordPress rules on plugin snippets: guest AJAX actions (`wp_ajax_nopriv_*`) and public REST routes
 * whose handler reaches an AI call in the same file, directly or through the functions it calls, for every way
 * WordPress accepts a callback; logged-in actions, guarded routes and handlers without AI are left alone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wordpressRules } from '../../../src/scanner/rules/wordpress.ts';
import type { ScanFile } from '../../../src/scanner/types.ts';

function fileOf(path: string, text: string): ScanFile {
  const bytes = Buffer.from(text);
  const name = path.split('/').at(-1)?.toLowerCase() ?? '';
  return { path, extension: name.split('.').at(-1) ?? '', name, size: bytes.length, text, head: bytes.subarray(0, 65536), readAll: () => bytes };
}

/** [ruleId, line, handler] per finding. */
function scan(php: string): [string, number, string][] {
  const file = fileOf('plugin.php', `<?php\n${php}`);
  return wordpressRules.applies(file) ? wordpressRules.scan(file).map((f) => [f.ruleId, f.line, String(f.properties?.handler)]) : [];
}

const AI_HELPER = "function ai_complete( $prompt ) {\n  return wp_remote_post( 'https://api.openai.com/v1/chat/completions', array( 'body' => $prompt ) );\n}\n";

describe('wordpress.nopriv-ai-handler', () => {
  it('follows a named handler through the helper that calls AI', () => {
    const php = `add_action( 'wp_ajax_nopriv_chat', 'my_chat' );\nfunction my_chat() {\n  $order = wc_get_order( absint( $_POST['id'] ) );\n  echo ai_complete( $order->get_total() );\n}\n${AI_HELPER}`;
    assert.deepEqual(scan(php), [['wordpress.nopriv-ai-handler', 2, 'my_chat']]);
    const [finding] = wordpressRules.scan(fileOf('p.php', `<?php\n${php}`));
    assert.deepEqual(finding?.properties?.data, ['order']);
    assert.equal(finding?.properties?.provider, 'openai');
  });

  it('accepts array( $this, …), [ __CLASS__, … ], Class::method strings and closures', () => {
    const php = "class Bot {\n  function __construct() {\n    add_action( 'wp_ajax_nopriv_a', array( $this, 'answer' ) );\n" +
      "    add_action( 'wp_ajax_nopriv_b', [ __CLASS__, 'Answer' ] );\n    add_action( 'wp_ajax_nopriv_c', 'Bot::answer' );\n" +
      "    add_action( 'wp_ajax_nopriv_d', function () { self::ask(); } );\n    add_action( 'wp_ajax_nopriv_e', fn() => ai_complete( 'x' ) );\n  }\n" +
      "  function answer() { return $this->ask(); }\n  static function ask() { return ai_complete( 'hi' ); }\n}\n" + AI_HELPER;
    assert.deepEqual(scan(php), [
      ['wordpress.nopriv-ai-handler', 4, 'answer'], ['wordpress.nopriv-ai-handler', 5, 'Answer'], ['wordpress.nopriv-ai-handler', 6, 'answer'],
      ['wordpress.nopriv-ai-handler', 7, 'closure'], ['wordpress.nopriv-ai-handler', 8, 'closure'],
    ]);
  });

  it('leaves logged-in actions and guest actions without AI alone', () => {
    const php = `add_action( 'wp_ajax_chat', 'my_chat' );\nadd_action( 'wp_ajax_nopriv_ping', 'my_ping' );\nfunction my_chat() { ai_complete( 'x' ); }\nfunction my_ping() { wp_send_json_success(); }\n${AI_HELPER}`;
    assert.deepEqual(scan(php), []);
  });

  it('reports nothing in a file without AI calls', () => {
    assert.deepEqual(scan("add_action( 'wp_ajax_nopriv_x', 'x' );\nfunction x() { wp_remote_post( 'https://example.com/hook' ); }"), []);
  });
});

describe('wordpress.public-rest-ai', () => {
  const route = (permission: string): string => "add_action( 'rest_api_init', function () {\n  register_rest_route( 'shop/v1', '/ask', array(\n" +
    `    'methods' => 'POST',\n    'callback' => 'shop_ask',\n${permission}  ) );\n} );\nfunction shop_ask( $request ) { return ai_complete( $request['q'] ); }\n${AI_HELPER}`;

  it('reports routes open to everyone', () => {
    assert.deepEqual(scan(route("    'permission_callback' => '__return_true',\n")), [['wordpress.public-rest-ai', 3, 'shop_ask']]);
    assert.deepEqual(scan(route('')), [['wordpress.public-rest-ai', 3, 'shop_ask']]);
    assert.deepEqual(scan(route("    'permission_callback' => function () { return true; },\n")), [['wordpress.public-rest-ai', 3, 'shop_ask']]);
  });

  it('leaves routes with a real permission check alone', () => {
    assert.deepEqual(scan(route("    'permission_callback' => function () { return current_user_can( 'edit_posts' ); },\n")), []);
    assert.deepEqual(scan(route("    'permission_callback' => array( $this, 'can_ask' ),\n")), []);
  });

  it('reads each endpoint of a multi-endpoint route on its own', () => {
    const php = "register_rest_route( 'shop/v1', '/items', array(\n  array( 'methods' => 'GET', 'callback' => 'list_items', 'permission_callback' => '__return_true' ),\n" +
      "  array( 'methods' => 'POST', 'callback' => 'shop_ask', 'permission_callback' => '__return_true' ),\n) );\n" +
      `function list_items() { return array(); }\nfunction shop_ask( $r ) { return ai_complete( 'x' ); }\n${AI_HELPER}`;
    const file = fileOf('r.php', `<?php\n${php}`);
    assert.deepEqual(wordpressRules.scan(file).map((f) => [f.ruleId, f.properties?.handler, f.properties?.route]), [['wordpress.public-rest-ai', 'shop_ask', 'shop/v1/items']]);
  });
});
