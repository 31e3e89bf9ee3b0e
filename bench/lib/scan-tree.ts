/**
 * A generated shop/CRM code tree for the scanner benchmark (bench/scan.ts): a monorepo as an agency would keep
 * it, with a WordPress/WooCommerce plugin and child theme, Magento 2 modules, a TypeScript storefront, Python
 * services, a Salesforce DX project, configuration, docs, a web root with images and model weights, `.env`
 * files, and the `node_modules/` and `vendor/` parts a scanner skips by default. Everything comes from one seed
 * (scripts/corpus/rng.ts), so the same count gives the same bytes on every machine.
 *
 * Into the code it plants, at recorded lines: hard-coded keys in real formats (random bodies, so nobody's key),
 * placeholders a person typed for documentation (which no scanner should report), AI egress calls (URLs, SDK
 * clients, an Apex callout through a Named Credential) and model weights under `public/`. Files are written as
 * they are generated, so memory stays small however many there are.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { ALNUM, BASE64URL, createRng, HEX, LOWER, UPPER, type Rng } from '../../scripts/corpus/rng.ts';

export type KeyKind = 'openai' | 'anthropic' | 'aws-access-key-id' | 'aws-secret-key' | 'github' | 'huggingface';
export const KEY_KINDS: readonly KeyKind[] = ['openai', 'anthropic', 'aws-access-key-id', 'aws-secret-key', 'github', 'huggingface'];

export type PlaceholderForm =
  | 'ellipsis (sk-proj-...)'
  | 'your-key-here'
  | 'angle brackets'
  | 'env reference ${…}'
  | 'changeme'
  | 'ghp_ + 36 x'
  | 'hf_ + 34 x'
  | 'AWS docs example';
export const PLACEHOLDER_FORMS: readonly PlaceholderForm[] = [
  'ellipsis (sk-proj-...)', 'your-key-here', 'angle brackets', 'env reference ${…}', 'changeme', 'ghp_ + 36 x', 'hf_ + 34 x',
  'AWS docs example',
];

export type EgressForm =
  | 'php wp_remote_post URL'
  | 'php curl_init URL'
  | 'js fetch URL'
  | 'ts OpenAI SDK'
  | 'py requests URL'
  | 'py OpenAI SDK'
  | 'apex setEndpoint URL'
  | 'apex callout:NamedCredential';
export const EGRESS_FORMS: readonly EgressForm[] = [
  'php wp_remote_post URL', 'php curl_init URL', 'js fetch URL', 'ts OpenAI SDK', 'py requests URL', 'py OpenAI SDK',
  'apex setEndpoint URL', 'apex callout:NamedCredential',
];

/** Something planted at a line (1-based) of a file (relative, `/`-separated). */
export interface Planted<K extends string> {
  readonly kind: K;
  readonly file: string;
  readonly line: number;
  /** Last line of a planted block (egress); the same as `line` for one-line plants. */
  readonly toLine: number;
}

export interface GeneratedTree {
  readonly root: string;
  /** Every file written, with the bytes. */
  readonly files: number;
  readonly bytes: number;
  /** Files outside `node_modules/`, `vendor/` and the `.gitignore`d paths: what a default scan reads. */
  readonly scanned: { readonly files: number; readonly bytes: number };
  readonly dependencyFiles: number;
  readonly gitignoredFiles: number;
  /** Scanned files by type (`php`, `ts`, `png`, …). */
  readonly byType: ReadonlyMap<string, number>;
  /** Scanned files of 200 KB or more. */
  readonly largeFiles: number;
  /** Scanned files by directory depth (`a/b/c.php` is 2). */
  readonly depths: readonly number[];
  readonly keys: readonly Planted<KeyKind>[];
  readonly placeholders: readonly Planted<PlaceholderForm>[];
  readonly egress: readonly Planted<EgressForm>[];
  readonly models: readonly Planted<'gguf' | 'safetensors'>[];
  /**
   * The same exclusions as the tree's `.gitignore` files plus `vendor/`, in gitignore syntax with no anchored
   * patterns, for a tool that takes one ignore file (secretlint skips `node_modules/` itself).
   */
  readonly ignoreFileText: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary

const NOUNS = [
  'order', 'customer', 'cart', 'product', 'invoice', 'shipment', 'coupon', 'loyalty', 'lead', 'account', 'contact',
  'opportunity', 'quote', 'refund', 'warehouse', 'stock', 'price', 'tax', 'payment', 'checkout', 'wishlist', 'review',
  'subscription', 'campaign', 'segment', 'catalog', 'category', 'attribute', 'inventory', 'delivery', 'address',
  'newsletter', 'voucher', 'bundle', 'variant', 'supplier', 'ticket', 'case', 'discount', 'basket', 'return', 'store',
];
const VERBS = [
  'get', 'load', 'save', 'sync', 'export', 'import', 'calculate', 'validate', 'render', 'format', 'build', 'apply',
  'update', 'create', 'delete', 'fetch', 'map', 'resolve', 'schedule', 'notify', 'refresh', 'merge', 'filter', 'collect',
];
const QUALIFIERS = ['totals', 'items', 'status', 'summary', 'lines', 'rules', 'history', 'balance', 'labels', 'snapshot', 'queue', 'meta'];
const WORDS = [
  'the', 'shop', 'sends', 'each', 'night', 'when', 'a', 'customer', 'places', 'an', 'order', 'with', 'stock', 'levels',
  'from', 'warehouse', 'this', 'keeps', 'prices', 'in', 'sync', 'and', 'marks', 'records', 'that', 'changed', 'since',
  'last', 'run', 'for', 'reporting', 'team', 'uses', 'same', 'values', 'on', 'invoice', 'page', 'account', 'manager',
  'sees', 'open', 'cases', 'before', 'call', 'every', 'update', 'is', 'logged', 'so', 'support', 'can', 'follow', 'it',
];
const VENDORS = ['Acme', 'Nordlicht', 'Brightcart', 'Hafenwerk'];
const PLUGINS = ['acme-loyalty', 'acme-shipping-rules', 'acme-b2b-pricing', 'acme-feeds'];
const MAGENTO_MODULES = ['Loyalty', 'Checkout', 'Erp', 'Catalog', 'CustomerSync', 'Pricing', 'Returns', 'Search'];
const SERVICES = ['recommender', 'search-indexer', 'churn-model', 'feed-exporter'];
const SF_OBJECTS = ['Loyalty_Tier', 'Service_Contract', 'Order_Line', 'Shop_Account', 'Return_Request'];
const NPM_PACKAGES = ['react-dom', 'lodash', 'axios', 'date-fns', '@tanstack/query-core', 'zod', 'classnames', 'i18next', 'swiper', 'focus-trap'];
const COMPOSER_PACKAGES = ['guzzlehttp/guzzle', 'monolog/monolog', 'symfony/console', 'laminas/laminas-http', 'psr/log', 'magento/framework'];

const snake = (...parts: string[]): string => parts.join('_');
const camel = (...parts: string[]): string => parts.map((p, i) => (i === 0 ? p : p[0]?.toUpperCase() + p.slice(1))).join('');
const pascal = (...parts: string[]): string => parts.map((p) => p[0]?.toUpperCase() + p.slice(1)).join('');
const kebab = (...parts: string[]): string => parts.join('-');

class Vocab {
  readonly rng: Rng;
  constructor(rng: Rng) {
    this.rng = rng;
  }
  noun(): string {
    return this.rng.pick(NOUNS);
  }
  verb(): string {
    return this.rng.pick(VERBS);
  }
  qual(): string {
    return this.rng.pick(QUALIFIERS);
  }
  words(min: number, max: number): string {
    const n = this.rng.int(min, max);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.rng.pick(WORDS));
    return out.join(' ');
  }
  sentence(): string {
    const text = this.words(6, 16);
    return `${text[0]?.toUpperCase()}${text.slice(1)}.`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Files as lines, with plants recorded at the lines they land on

/** A block of lines to put into a file, and where its own imports go. */
interface Block {
  readonly lines: readonly string[];
  /** Lines the file header needs for this block (`use`, `import`). */
  readonly imports?: readonly string[];
  /** Called with the 1-based first and last line the block landed on. */
  readonly placed: (from: number, to: number) => void;
}

class Lines {
  readonly list: string[] = [];
  bytes = 0;
  push(...lines: string[]): void {
    for (const line of lines) {
      this.list.push(line);
      this.bytes += line.length + 1;
    }
  }
  place(block: Block, indent = ''): void {
    const from = this.list.length + 1;
    this.push(...block.lines.map((l) => (l === '' ? l : indent + l)));
    block.placed(from, this.list.length);
  }
  text(): string {
    return this.list.join('\n') + '\n';
  }
}

/** Units (methods, functions, sections) until the file reaches `target` bytes, with the blocks spread among them. */
function fill(out: Lines, target: number, unit: () => string[], blocks: readonly Block[], indent: string): void {
  const start = out.bytes;
  const span = Math.max(1, target - start);
  // Block i goes in once (i + 0.5) / n of the body is written: spread through the file, never before the header.
  const due = (i: number): number => (i + 0.5) / blocks.length;
  let next = 0;
  let units = 0;
  for (;;) {
    while (next < blocks.length && (out.bytes - start) / span >= due(next)) out.place(blocks[next++] as Block, indent);
    if (out.bytes >= target && units > 0) break;
    out.push(...unit());
    units += 1;
  }
  while (next < blocks.length) out.place(blocks[next++] as Block, indent);
}

// ---------------------------------------------------------------------------------------------------------------
// Languages

function phpWordPressUnit(v: Vocab, prefix: string, textDomain: string): string[] {
  const { rng } = v;
  const noun = v.noun();
  const name = snake(v.verb(), noun, v.qual());
  const arg = `${noun}_id`;
  const list = `${v.noun()}s`;
  const lines = [
    '    /**',
    `     * ${v.sentence()}`,
    '     *',
    `     * @param int $${arg} ${pascal(noun)} ID.`,
    '     * @return array',
    '     */',
    `    public function ${name}( $${arg} ) {`,
  ];
  const statements = rng.int(3, 9);
  for (let i = 0; i < statements; i++) {
    const x = v.noun();
    switch (rng.int(0, 9)) {
      case 0:
        lines.push(`        $${x} = get_option( '${prefix}_${snake(x, v.qual())}', array() );`);
        break;
      case 1:
        lines.push(`        $order = wc_get_order( $${arg} );`, '        if ( ! $order ) {', '            return array();', '        }');
        break;
      case 2:
        lines.push(
          `        $rows = $wpdb->get_results( $wpdb->prepare( "SELECT id, ${x}_key, ${x}_value FROM {$wpdb->prefix}${prefix}_${x}s WHERE ${noun}_id = %d LIMIT %d", $${arg}, ${rng.int(10, 500)} ) );`,
        );
        break;
      case 3:
        lines.push(
          `        foreach ( $${list} as $key => $item ) {`,
          `            $${list}[ $key ]['${x}'] = wc_format_decimal( $item['${v.qual()}'] ?? 0, ${rng.int(0, 4)} );`,
          '        }',
        );
        break;
      case 4:
        lines.push(`        update_post_meta( $${arg}, '_${prefix}_${snake(x, v.qual())}', $${list} );`);
        break;
      case 5:
        lines.push(`        do_action( '${prefix}_${snake(x, v.verb())}', $${arg}, $${list} );`);
        break;
      case 6:
        lines.push(`        $${list} = apply_filters( '${prefix}_${snake(x, v.qual())}', $${list}, $${arg} );`);
        break;
      case 7:
        lines.push(`        wp_cache_set( '${snake(x, v.qual())}_' . $${arg}, $${list}, '${prefix}', HOUR_IN_SECONDS );`);
        break;
      case 8:
        lines.push(`        // ${v.sentence()}`, `        $message = sprintf( __( '%d ${x} records were updated for %s.', '${textDomain}' ), count( $${list} ), esc_html( $${arg} ) );`);
        break;
      default:
        lines.push(`        $this->logger->info( '${v.sentence()}', array( '${noun}_id' => $${arg} ) );`);
    }
  }
  lines.push(`        return $${list} ?? array();`, '    }', '');
  return lines;
}

function phpWordPressFile(v: Vocab, target: number, blocks: readonly Block[], consts: readonly Block[]): Lines {
  const out = new Lines();
  const plugin = v.rng.pick(PLUGINS);
  const prefix = plugin.replace(/-/g, '_');
  const cls = `${pascal(prefix.split('_')[0] ?? 'acme')}_${pascal(v.noun())}_${pascal(v.qual())}`;
  out.push('<?php', '/**', ` * ${v.sentence()}`, ' *', ` * @package ${pascal(prefix)}`, ' */', '', "if ( ! defined( 'ABSPATH' ) ) {", '    exit;', '}', '');
  for (const block of blocks) for (const line of block.imports ?? []) out.push(line);
  out.push('', `class ${cls} {`, '');
  for (const c of consts) out.place(c, '    ');
  out.push('    /** @var WC_Logger */', '    private $logger;', '', '    public function __construct() {', "        $this->logger = wc_get_logger();", `        add_action( 'init', array( $this, 'register' ) );`, '    }', '');
  fill(out, target, () => phpWordPressUnit(v, prefix, plugin), blocks, '    ');
  out.push('}');
  return out;
}

function phpMagentoUnit(v: Vocab, vendor: string): string[] {
  const { rng } = v;
  const noun = v.noun();
  const arg = camel(noun, 'id');
  const lines = [
    '    /**',
    `     * ${v.sentence()}`,
    '     *',
    `     * @param int $${arg}`,
    '     * @return array',
    '     * @throws LocalizedException',
    '     */',
    `    public function ${camel(v.verb(), noun, v.qual())}(int $${arg}): array`,
    '    {',
    '        $result = [];',
  ];
  const statements = rng.int(3, 8);
  for (let i = 0; i < statements; i++) {
    const x = v.noun();
    switch (rng.int(0, 7)) {
      case 0:
        lines.push(`        $order = $this->orderRepository->get($${arg});`);
        break;
      case 1:
        lines.push(
          '        $criteria = $this->searchCriteriaBuilder',
          `            ->addFilter('${snake(x, 'id')}', $${arg})`,
          `            ->setPageSize(${rng.int(10, 200)})`,
          '            ->create();',
        );
        break;
      case 2:
        lines.push(
          '        foreach ($this->productRepository->getList($criteria ?? null)->getItems() as $item) {',
          `            $result[] = ['sku' => $item->getSku(), '${x}' => (float) $item->getData('${snake(x, v.qual())}')];`,
          '        }',
        );
        break;
      case 3:
        lines.push(`        $this->eventManager->dispatch('${vendor.toLowerCase()}_${snake(x, v.verb())}', ['${noun}_id' => $${arg}]);`);
        break;
      case 4:
        lines.push(`        $this->logger->debug(sprintf('${pascal(x)} %d: %d rows', $${arg}, count($result)));`);
        break;
      case 5:
        lines.push(
          `        if ($this->scopeConfig->isSetFlag('${vendor.toLowerCase()}/${x}/enabled', ScopeInterface::SCOPE_STORE)) {`,
          `            $result['${x}'] = $this->scopeConfig->getValue('${vendor.toLowerCase()}/${x}/${v.qual()}');`,
          '        }',
        );
        break;
      case 6:
        lines.push(`        // ${v.sentence()}`);
        break;
      default:
        lines.push(
          `        $connection = $this->resource->getConnection();`,
          `        $select = $connection->select()->from($this->resource->getTableName('${vendor.toLowerCase()}_${x}'))->where('${noun}_id = ?', $${arg});`,
          '        $result = array_merge($result, $connection->fetchAll($select));',
        );
    }
  }
  lines.push('        return $result;', '    }', '');
  return lines;
}

function phpMagentoFile(v: Vocab, target: number, namespace: string, cls: string, blocks: readonly Block[], consts: readonly Block[]): Lines {
  const out = new Lines();
  const vendor = namespace.split('\\')[0] ?? 'Acme';
  out.push('<?php', '/**', ` * Copyright © ${vendor} GmbH. All rights reserved.`, ' * See COPYING.txt for license details.', ' */', 'declare(strict_types=1);', '', `namespace ${namespace};`, '');
  out.push(
    'use Magento\\Framework\\Api\\SearchCriteriaBuilder;',
    'use Magento\\Framework\\App\\Config\\ScopeConfigInterface;',
    'use Magento\\Framework\\App\\ResourceConnection;',
    'use Magento\\Framework\\Event\\ManagerInterface;',
    'use Magento\\Framework\\Exception\\LocalizedException;',
    'use Magento\\Sales\\Api\\OrderRepositoryInterface;',
    'use Magento\\Catalog\\Api\\ProductRepositoryInterface;',
    'use Magento\\Store\\Model\\ScopeInterface;',
    'use Psr\\Log\\LoggerInterface;',
  );
  for (const block of blocks) for (const line of block.imports ?? []) out.push(line);
  out.push('', `class ${cls}`, '{');
  for (const c of consts) out.place(c, '    ');
  out.push(
    '    public function __construct(',
    '        private readonly OrderRepositoryInterface $orderRepository,',
    '        private readonly ProductRepositoryInterface $productRepository,',
    '        private readonly SearchCriteriaBuilder $searchCriteriaBuilder,',
    '        private readonly ScopeConfigInterface $scopeConfig,',
    '        private readonly ResourceConnection $resource,',
    '        private readonly ManagerInterface $eventManager,',
    '        private readonly LoggerInterface $logger',
    '    ) {',
    '    }',
    '',
  );
  fill(out, target, () => phpMagentoUnit(v, vendor), blocks, '    ');
  out.push('}');
  return out;
}

function tsUnit(v: Vocab, react: boolean, typed: boolean): string[] {
  const { rng } = v;
  const noun = v.noun();
  if (react && rng.chance(0.5)) {
    const name = pascal(noun, v.qual());
    return [
      `export function ${name}({ ${noun}, onSelect }: ${name}Props) {`,
      `  const [expanded, setExpanded] = useState(${rng.chance(0.5)});`,
      `  const label = useMemo(() => formatLabel(${noun}.${camel(v.qual())}, locale), [${noun}, locale]);`,
      '  return (',
      `    <section className="${kebab(noun, v.qual())}" aria-expanded={expanded}>`,
      `      <h3 className="${kebab(noun, 'title')}">{${noun}.name}</h3>`,
      `      <p>{t('${noun}.${v.qual()}', { count: ${noun}.items?.length ?? 0 })}</p>`,
      `      <button type="button" onClick={() => { setExpanded(!expanded); onSelect(${noun}.id); }}>{label}</button>`,
      '    </section>',
      '  );',
      '}',
      '',
    ];
  }
  const fn = camel(v.verb(), noun, v.qual());
  const lines = [
    '/**',
    ` * ${v.sentence()}`,
    ' */',
    typed
      ? `export async function ${fn}(${noun}Id: string, options: RequestOptions = {}): Promise<${pascal(noun)}${pascal(v.qual())}> {`
      : `export async function ${fn}(${noun}Id, options = {}) {`,
  ];
  const statements = rng.int(3, 8);
  for (let i = 0; i < statements; i++) {
    const x = v.noun();
    switch (rng.int(0, 6)) {
      case 0:
        lines.push(`  const response = await apiClient.get(\`/${x}s/\${${noun}Id}/${v.qual()}\`, { params: { locale: options.locale ?? 'de-DE' } });`);
        break;
      case 1:
        lines.push('  if (!response.ok) {', `    throw new ApiError(\`Could not ${v.verb()} ${x} (\${response.status})\`);`, '  }');
        break;
      case 2:
        lines.push(`  const ${x}s = (response.data.items ?? []).map((item) => ({ sku: item.sku, quantity: item.quantity, price: formatPrice(item.price, item.currency) }));`);
        break;
      case 3:
        lines.push(`  // ${v.sentence()}`);
        break;
      case 4:
        lines.push(`  const total = ${x}s.reduce((sum, line) => sum + line.price * line.quantity, 0);`);
        break;
      case 5:
        lines.push(`  trackEvent('${snake(x, v.verb())}', { ${noun}Id, source: '${v.qual()}' });`);
        break;
      default:
        lines.push(`  await cache.set(\`${x}:\${${noun}Id}\`, response.data, { ttl: ${rng.int(30, 3600)} });`);
    }
  }
  lines.push(`  return { id: ${noun}Id, ...response.data }${typed ? ` as ${pascal(noun)}${pascal(v.qual())}` : ''};`, '}', '');
  return lines;
}

function tsFile(v: Vocab, target: number, react: boolean, typed: boolean, blocks: readonly Block[], consts: readonly Block[]): Lines {
  const out = new Lines();
  if (react) out.push("import { useMemo, useState } from 'react';", "import { useTranslation } from 'react-i18next';");
  out.push("import { apiClient, ApiError } from '../lib/api-client';", "import { formatPrice, formatLabel } from '../lib/format';", "import { cache } from '../lib/cache';", "import { trackEvent } from '../lib/analytics';");
  if (typed) out.push(`import type { RequestOptions } from '../types/${v.noun()}';`);
  for (const block of blocks) for (const line of block.imports ?? []) out.push(line);
  out.push('');
  for (const c of consts) out.place(c);
  out.push(`const locale = navigator.language || 'de-DE';`, '');
  fill(out, target, () => tsUnit(v, react, typed), blocks, '');
  return out;
}

function pyUnit(v: Vocab): string[] {
  const { rng } = v;
  const noun = v.noun();
  const lines = [`def ${snake(v.verb(), noun, v.qual())}(session: Session, ${noun}_id: int, *, dry_run: bool = False) -> list[dict]:`, `    """${v.sentence()}"""`];
  const statements = rng.int(3, 8);
  for (let i = 0; i < statements; i++) {
    const x = v.noun();
    switch (rng.int(0, 5)) {
      case 0:
        lines.push(`    ${noun} = session.get(${pascal(noun)}, ${noun}_id)`, `    if ${noun} is None:`, `        raise NotFound(f"${noun} {${noun}_id} not found")`);
        break;
      case 1:
        lines.push(`    rows = [{"sku": line.sku, "qty": line.quantity, "${x}": float(line.${snake(x, v.qual())})} for line in ${noun}.lines]`);
        break;
      case 2:
        lines.push(`    logger.info("${v.verb()} %d ${x} rows for ${noun} %s", len(rows), ${noun}_id)`);
        break;
      case 3:
        lines.push(`    # ${v.sentence()}`);
        break;
      case 4:
        lines.push('    if not dry_run:', `        session.execute(update(${pascal(x)}).where(${pascal(x)}.${noun}_id == ${noun}_id).values(synced_at=utcnow()))`);
        break;
      default:
        lines.push(`    frame = pd.DataFrame(rows).groupby("sku").agg({"qty": "sum", "${x}": "mean"})`);
    }
  }
  lines.push('    return rows', '', '');
  return lines;
}

function pyFile(v: Vocab, target: number, blocks: readonly Block[], consts: readonly Block[]): Lines {
  const out = new Lines();
  out.push(`"""${v.sentence()}"""`, 'from __future__ import annotations', '', 'import logging', 'import os', '', 'import pandas as pd', 'from sqlalchemy import update', 'from sqlalchemy.orm import Session', '');
  out.push(`from .models import ${pascal(v.noun())}, ${pascal(v.noun())}`, 'from .errors import NotFound', 'from .clock import utcnow');
  for (const block of blocks) for (const line of block.imports ?? []) out.push(line);
  out.push('', 'logger = logging.getLogger(__name__)');
  for (const c of consts) out.place(c);
  out.push('', '');
  fill(out, target, () => pyUnit(v), blocks, '');
  return out;
}

function apexUnit(v: Vocab): string[] {
  const { rng } = v;
  const obj = rng.pick(['Opportunity', 'Account', 'Contact', 'Case', 'Lead', `${rng.pick(SF_OBJECTS)}__c`]);
  const field = `${pascal(v.noun())}_${pascal(v.qual())}__c`;
  const name = camel(v.verb(), v.noun(), v.qual());
  return [
    '    /**',
    `     * ${v.sentence()}`,
    '     */',
    `    public static List<${obj}> ${name}(Id parentId, Integer limitCount) {`,
    `        List<${obj}> records = [`,
    `            SELECT Id, Name, ${field}, LastModifiedDate`,
    `            FROM ${obj}`,
    `            WHERE ${rng.pick(['AccountId', 'OwnerId', 'ParentId'])} = :parentId`,
    '            ORDER BY LastModifiedDate DESC',
    '            LIMIT :limitCount',
    '        ];',
    `        for (${obj} record : records) {`,
    `            record.${field} = '${pascal(v.verb())} ' + String.valueOf(Date.today().addDays(${rng.int(1, 30)}));`,
    '        }',
    rng.chance(0.5) ? '        update records;' : `        System.debug(LoggingLevel.FINE, '${v.words(3, 6)}: ' + records.size());`,
    '        return records;',
    '    }',
    '',
  ];
}

function apexFile(v: Vocab, target: number, cls: string, blocks: readonly Block[], consts: readonly Block[]): Lines {
  const out = new Lines();
  out.push('/**', ` * ${v.sentence()}`, ' */', `public with sharing class ${cls} {`);
  for (const c of consts) out.place(c, '    ');
  out.push('');
  fill(out, target, () => apexUnit(v), blocks, '    ');
  out.push('}');
  return out;
}

function xmlFile(v: Vocab, target: number, flavour: 'magento' | 'salesforce', blocks: readonly Block[]): Lines {
  const out = new Lines();
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  if (flavour === 'magento') {
    out.push('<config xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="urn:magento:framework:ObjectManager/etc/config.xsd">');
    fill(out, target, () => {
      const n = v.noun();
      const vendor = v.rng.pick(VENDORS);
      return [
        `    <type name="${vendor}\\${pascal(n)}\\Model\\${pascal(v.verb(), n)}">`,
        '        <arguments>',
        `            <argument name="${camel(n, v.qual())}" xsi:type="string">${snake(n, v.qual())}</argument>`,
        `            <argument name="batchSize" xsi:type="number">${v.rng.int(10, 1000)}</argument>`,
        '        </arguments>',
        '    </type>',
      ];
    }, blocks, '    ');
    out.push('</config>');
  } else {
    out.push('<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">');
    fill(out, target, () => {
      const n = v.noun();
      return [
        '    <fields>',
        `        <fullName>${pascal(n)}_${pascal(v.qual())}__c</fullName>`,
        `        <label>${pascal(n)} ${v.qual()}</label>`,
        `        <type>${v.rng.pick(['Text', 'Number', 'Checkbox', 'Picklist', 'Currency', 'Date'])}</type>`,
        `        <description>${v.sentence()}</description>`,
        '    </fields>',
      ];
    }, blocks, '    ');
    out.push('</CustomObject>');
  }
  return out;
}

function jsonFile(v: Vocab, target: number, blocks: readonly Block[]): Lines {
  // Entries end in a comma; the last line closes the object with one more entry that needs none.
  const out = new Lines();
  out.push('{');
  fill(out, target, () => {
    const { rng } = v;
    const key = `${v.noun()}.${v.qual()}.${v.verb()}`;
    switch (rng.int(0, 3)) {
      case 0:
        return [`  "${key}": "${v.words(2, 8)}",`];
      case 1:
        return [`  "${key}": { "enabled": ${rng.chance(0.5)}, "limit": ${rng.int(1, 500)}, "checksum": "${rng.chars(HEX, 64)}" },`];
      case 2:
        return [`  "${key}": ["${v.noun()}", "${v.noun()}", "${v.noun()}"],`];
      default:
        return [`  "${key}": ${rng.int(0, 100000) / 100},`];
    }
  }, blocks, '  ');
  out.push('  "version": 1', '}');
  return out;
}

function yamlFile(v: Vocab, target: number, blocks: readonly Block[]): Lines {
  const out = new Lines();
  out.push(`# ${v.sentence()}`);
  fill(out, target, () => {
    const { rng } = v;
    const lines = [`${snake(v.noun(), v.qual(), String(rng.int(1, 999)))}:`];
    for (let i = rng.int(2, 6); i > 0; i--) {
      lines.push(rng.chance(0.3) ? `  ${snake(v.noun(), v.qual())}:\n    - ${v.noun()}\n    - ${v.noun()}` : `  ${snake(v.noun(), v.qual())}: ${rng.chance(0.5) ? rng.int(0, 9999) : JSON.stringify(v.words(1, 4))}`);
    }
    return lines.join('\n').split('\n');
  }, blocks, '');
  return out;
}

function markdownFile(v: Vocab, target: number, blocks: readonly Block[]): Lines {
  const out = new Lines();
  out.push(`# ${pascal(v.noun())} ${v.qual()}`, '', v.sentence() + ' ' + v.sentence(), '');
  fill(out, target, () => {
    const { rng } = v;
    const lines = [`## ${pascal(v.verb())} ${v.noun()} ${v.qual()}`, '', `${v.sentence()} ${v.sentence()} ${v.sentence()}`, ''];
    if (rng.chance(0.4)) lines.push(`- ${v.sentence()}`, `- ${v.sentence()}`, `- ${v.sentence()}`, '');
    if (rng.chance(0.3)) lines.push('```sh', `npm run ${v.verb()}:${v.noun()} -- --store ${rng.pick(['de', 'at', 'ch', 'nl'])}`, '```', '');
    return lines;
  }, blocks, '');
  return out;
}

function cssFile(v: Vocab, target: number): Lines {
  const out = new Lines();
  out.push(`/* ${v.sentence()} */`);
  fill(out, target, () => {
    const { rng } = v;
    const lines = [`.${kebab(v.noun(), v.qual())}${rng.chance(0.3) ? `__${v.noun()}` : ''}${rng.chance(0.2) ? ':hover' : ''} {`];
    for (let i = rng.int(2, 7); i > 0; i--) {
      lines.push(
        rng.pick([
          `  color: #${rng.chars(HEX, 6)};`,
          `  margin: ${rng.int(0, 32)}px ${rng.int(0, 32)}px;`,
          `  padding: ${rng.int(0, 4) / 2}rem;`,
          '  display: flex;',
          `  font-size: ${rng.int(12, 28)}px;`,
          `  border: 1px solid rgba(0, 0, 0, 0.${rng.int(1, 9)});`,
          `  grid-template-columns: repeat(${rng.int(2, 6)}, minmax(0, 1fr));`,
          `  transition: opacity ${rng.int(1, 5) * 100}ms ease-in-out;`,
        ]),
      );
    }
    if (rng.chance(0.02)) lines.push(`  background-image: url("data:image/png;base64,${rng.chars(ALNUM + '+/', rng.int(200, 1200))}=");`);
    lines.push('}', '');
    return lines;
  }, [], '');
  return out;
}

function envFile(v: Vocab, blocks: readonly Block[]): Lines {
  const out = new Lines();
  const { rng } = v;
  out.push(`# ${v.sentence()}`, 'APP_ENV=production', `APP_URL=https://shop-${rng.int(1, 9)}.example.com`, 'DB_HOST=db', 'DB_PORT=3306', `DB_DATABASE=shop_${rng.pick(['de', 'at', 'ch'])}`, 'DB_USERNAME=shop');
  out.push('REDIS_URL=redis://cache:6379/0', 'MAIL_FROM=shop@example.com', `QUEUE_WORKERS=${rng.int(1, 8)}`, `FEATURE_${v.noun().toUpperCase()}_${v.qual().toUpperCase()}=true`);
  for (const block of blocks) out.place(block);
  out.push(`LOG_LEVEL=${rng.pick(['info', 'warning', 'debug'])}`);
  return out;
}

// Large files: what bundlers, exports and generated code leave in a repository.
function minifiedJs(v: Vocab, target: number): string {
  const parts: string[] = [];
  let size = 0;
  let line = '';
  while (size < target) {
    const n = v.noun();
    const chunk = `function ${n[0]}${v.rng.int(0, 99)}(e,t){var r=e.${camel(n, v.qual())}||[],o=t.get("${kebab(n, v.qual())}");return r.filter(function(e){return e.${v.qual()}>o}).map(function(e){return{id:e.id,label:"${v.words(1, 3)}",v:e.${v.qual()}*${v.rng.int(2, 9)}}})}`;
    line += chunk + ';';
    size += chunk.length + 1;
    if (line.length > 24_000) {
      parts.push(line);
      line = '';
    }
  }
  parts.push(line);
  return `/*! bundle ${v.rng.chars(HEX, 8)} */\n${parts.join('\n')}\n`;
}

function largeJson(v: Vocab, target: number): string {
  const rows: string[] = [];
  let size = 0;
  for (let i = 0; size < target; i++) {
    const row = `  {"sku": "${v.noun().toUpperCase()}-${10000 + i}", "name": "${v.words(2, 5)}", "price": ${v.rng.int(100, 99999) / 100}, "stock": ${v.rng.int(0, 500)}, "category": "${v.noun()}/${v.noun()}", "ean": "${v.rng.digits(13)}"}`;
    rows.push(row);
    size += row.length + 2;
  }
  return `[\n${rows.join(',\n')}\n]\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// Binary files

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid RGB PNG of noise-and-gradient pixels, about `bytes` long. */
function pngBytes(rng: Rng, bytes: number): Buffer {
  const width = 64;
  const height = Math.max(4, Math.ceil(bytes / (width * 3 + 1)));
  const raw = Buffer.alloc(height * (width * 3 + 1));
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width * 3; x++) raw[row + 1 + x] = (rng.int(0, 255) & 0xf0) | ((x + y) & 0x0f);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw, { level: 1 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** GGUF v3: magic, version, tensor count, metadata count, then the first metadata pair and zeroed tensor data. */
function ggufBytes(bytes: number): Buffer {
  const key = 'general.architecture';
  const value = 'llama';
  const head = Buffer.alloc(24 + 8 + key.length + 4 + 8 + value.length);
  let at = head.write('GGUF', 0, 'latin1');
  at = head.writeUInt32LE(3, at);
  at = head.writeBigUInt64LE(12n, at);
  at = head.writeBigUInt64LE(1n, at);
  at = head.writeBigUInt64LE(BigInt(key.length), at);
  at += head.write(key, at, 'latin1');
  at = head.writeUInt32LE(8, at); // GGUF_TYPE_STRING
  at = head.writeBigUInt64LE(BigInt(value.length), at);
  head.write(value, at, 'latin1');
  return Buffer.concat([head, Buffer.alloc(Math.max(0, bytes - head.length))]);
}

/** safetensors: u64 header length, a JSON header of F32 tensors, then their (zero) data. */
function safetensorsBytes(bytes: number): Buffer {
  const tensors: Record<string, unknown> = { __metadata__: { format: 'pt' } };
  let offset = 0;
  for (let i = 0; offset < bytes - 4096; i++) {
    const size = Math.min(64 * 1024, bytes - 4096 - offset);
    const floats = Math.max(1, Math.floor(size / 4));
    tensors[`encoder.layers.${i}.weight`] = { dtype: 'F32', shape: [floats], data_offsets: [offset, offset + floats * 4] };
    offset += floats * 4;
  }
  const header = Buffer.from(JSON.stringify(tensors), 'utf8');
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(header.length));
  return Buffer.concat([length, header, Buffer.alloc(offset)]);
}

// ---------------------------------------------------------------------------------------------------------------
// Secrets and placeholders

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const AWS_SECRET_CHARS = ALNUM + '+/';

function base62(n: number, width: number): string {
  let out = '';
  for (let value = n >>> 0; out.length < width; value = Math.floor(value / 62)) out = ALNUM[value % 62] + out;
  return out.slice(-width);
}

/** Key values in their providers' current formats, random bodies. */
function keyValue(rng: Rng, kind: KeyKind): string {
  switch (kind) {
    case 'openai':
      return `sk-proj-${rng.chars(BASE64URL, 74)}T3BlbkFJ${rng.chars(BASE64URL, 74)}`;
    case 'anthropic':
      return `sk-ant-api03-${rng.chars(BASE64URL, 93)}AA`;
    case 'aws-access-key-id':
      return `AKIA${rng.chars(BASE32, 16)}`;
    case 'aws-secret-key':
      return rng.chars(AWS_SECRET_CHARS, 40);
    case 'github': {
      // A classic personal access token: 30 random characters and their CRC32 in 6 base62 digits.
      const body = rng.chars(ALNUM, 30);
      return `ghp_${body}${base62(crc32(body), 6)}`;
    }
    case 'huggingface':
      return `hf_${rng.chars(UPPER + LOWER, 34)}`;
  }
}

const KEY_NAMES: Readonly<Record<KeyKind, string>> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  'aws-access-key-id': 'AWS_ACCESS_KEY_ID',
  'aws-secret-key': 'AWS_SECRET_ACCESS_KEY',
  github: 'GITHUB_TOKEN',
  huggingface: 'HF_TOKEN',
};

type HostType = 'env' | 'php-wp' | 'php-magento' | 'ts' | 'py' | 'apex' | 'yaml' | 'json' | 'xml' | 'md';

/** One line binding `name` to `value` as the host language writes it; `indentOf` already applied by the file. */
function bindingLine(host: HostType, name: string, value: string): string {
  switch (host) {
    case 'env':
      return `${name}=${value}`;
    case 'php-wp':
      return `const ${name} = '${value}';`;
    case 'php-magento':
      return `private const ${name} = '${value}';`;
    case 'ts':
      return `export const ${name} = process.env.${name} ?? '${value}';`;
    case 'py':
      return `${name} = os.environ.get("${name}", "${value}")`;
    case 'apex':
      return `private static final String ${camel(...name.toLowerCase().split('_'))} = '${value}';`;
    case 'yaml':
      return `${name.toLowerCase()}: ${value}`;
    case 'json':
      return `"${camel(...name.toLowerCase().split('_'))}": "${value}",`;
    case 'xml':
      return `<${name.toLowerCase()}>${value}</${name.toLowerCase()}>`;
    case 'md':
      return `${name}=${value}`;
  }
}

function placeholderLines(form: PlaceholderForm): readonly (readonly [string, string])[] {
  switch (form) {
    case 'ellipsis (sk-proj-...)':
      return [['OPENAI_API_KEY', 'sk-proj-...']];
    case 'your-key-here':
      return [['OPENAI_API_KEY', 'sk-your-openai-api-key-here']];
    case 'angle brackets':
      return [['ANTHROPIC_API_KEY', '<YOUR_ANTHROPIC_API_KEY>']];
    case 'env reference ${…}':
      return [['OPENAI_API_KEY', '${OPENAI_API_KEY}']];
    case 'changeme':
      return [['HF_TOKEN', 'changeme']];
    case 'ghp_ + 36 x':
      return [['GITHUB_TOKEN', `ghp_${'x'.repeat(36)}`]];
    case 'hf_ + 34 x':
      return [['HF_TOKEN', `hf_${'x'.repeat(34)}`]];
    case 'AWS docs example':
      return [['AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE'], ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Egress blocks (a method or function each, in the host file's language)

const AI_URLS = ['https://api.openai.com/v1/chat/completions', 'https://api.anthropic.com/v1/messages', 'https://api.openai.com/v1/embeddings', 'https://api.mistral.ai/v1/chat/completions'];

function egressBlock(v: Vocab, form: EgressForm): { lines: string[]; imports: string[] } {
  const url = v.rng.pick(AI_URLS);
  const noun = v.noun();
  switch (form) {
    case 'php wp_remote_post URL':
      return {
        imports: [],
        lines: [
          `public function ask_assistant_about_${noun}( $${noun}_id ) {`,
          `    $order = wc_get_order( $${noun}_id );`,
          `    $response = wp_remote_post( '${url}', array(`,
          "        'headers' => array( 'Content-Type' => 'application/json', 'Authorization' => 'Bearer ' . get_option( 'acme_ai_key' ) ),",
          `        'body'    => wp_json_encode( array( 'model' => 'gpt-4o-mini', 'messages' => array( array( 'role' => 'user', 'content' => 'Summarise order ' . $order->get_id() . ' for ' . $order->get_billing_email() ) ) ) ),`,
          "        'timeout' => 30,",
          '    ) );',
          "    return json_decode( wp_remote_retrieve_body( $response ), true );",
          '}',
          '',
        ],
      };
    case 'php curl_init URL':
      return {
        imports: [],
        lines: [
          `public function classify${pascal(noun)}Note(string $note): array`,
          '{',
          `    $ch = curl_init('${url}');`,
          '    curl_setopt($ch, CURLOPT_POST, true);',
          "    curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['model' => 'gpt-4o-mini', 'input' => $note]));",
          '    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);',
          '    $body = curl_exec($ch);',
          '    curl_close($ch);',
          '    return json_decode((string) $body, true) ?? [];',
          '}',
          '',
        ],
      };
    case 'js fetch URL':
      return {
        imports: [],
        lines: [
          `export async function suggest${pascal(noun)}Reply(customer, message) {`,
          `  const response = await fetch('${url}', {`,
          "    method: 'POST',",
          "    headers: { 'content-type': 'application/json', authorization: `Bearer ${window.__AI_KEY__}` },",
          "    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `${customer.email}: ${message}` }] }),",
          '  });',
          '  return response.json();',
          '}',
          '',
        ],
      };
    case 'ts OpenAI SDK':
      return {
        imports: ["import OpenAI from 'openai';"],
        lines: [
          `export async function describe${pascal(noun)}(product: { name: string; attributes: string[] }): Promise<string> {`,
          '  const client = new OpenAI();',
          '  const completion = await client.chat.completions.create({',
          "    model: 'gpt-4o-mini',",
          "    messages: [{ role: 'user', content: `Write a product description for ${product.name}: ${product.attributes.join(', ')}` }],",
          '  });',
          "  return completion.choices[0]?.message.content ?? '';",
          '}',
          '',
        ],
      };
    case 'py requests URL':
      return {
        imports: ['import requests'],
        lines: [
          `def summarise_${noun}_tickets(tickets: list[dict]) -> str:`,
          `    response = requests.post(`,
          `        "${url}",`,
          '        headers={"Authorization": f"Bearer {os.environ[\'AI_KEY\']}"},',
          '        json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "\\n".join(t["body"] for t in tickets)}]},',
          '        timeout=30,',
          '    )',
          '    return response.json()["choices"][0]["message"]["content"]',
          '',
          '',
        ],
      };
    case 'py OpenAI SDK':
      return {
        imports: ['from openai import OpenAI'],
        lines: [
          `def embed_${noun}_descriptions(texts: list[str]) -> list[list[float]]:`,
          '    client = OpenAI()',
          '    result = client.embeddings.create(model="text-embedding-3-small", input=texts)',
          '    return [item.embedding for item in result.data]',
          '',
          '',
        ],
      };
    case 'apex setEndpoint URL':
      return {
        imports: [],
        lines: [
          `public static String summarise${pascal(noun)}(Id caseId) {`,
          '    Case c = [SELECT Id, Subject, Description, Contact.Email FROM Case WHERE Id = :caseId];',
          '    HttpRequest req = new HttpRequest();',
          `    req.setEndpoint('${url}');`,
          "    req.setMethod('POST');",
          "    req.setHeader('Content-Type', 'application/json');",
          "    req.setBody(JSON.serialize(new Map<String, Object>{ 'model' => 'gpt-4o-mini', 'input' => c.Subject + '\\n' + c.Description }));",
          '    HttpResponse res = new Http().send(req);',
          '    return res.getBody();',
          '}',
          '',
        ],
      };
    case 'apex callout:NamedCredential':
      return {
        imports: [],
        lines: [
          `public static String draft${pascal(noun)}Email(Id opportunityId) {`,
          '    Opportunity opp = [SELECT Id, Name, Amount, Account.Name FROM Opportunity WHERE Id = :opportunityId];',
          '    HttpRequest req = new HttpRequest();',
          "    req.setEndpoint('callout:OpenAI_Platform/v1/chat/completions');",
          "    req.setMethod('POST');",
          "    req.setBody(JSON.serialize(new Map<String, Object>{ 'model' => 'gpt-4o-mini', 'input' => 'Draft a follow-up for ' + opp.Account.Name }));",
          '    HttpResponse res = new Http().send(req);',
          '    return res.getBody();',
          '}',
          '',
        ],
      };
  }
}

const EGRESS_HOSTS: Readonly<Record<EgressForm, readonly FileType[]>> = {
  'php wp_remote_post URL': ['php-wp'],
  'php curl_init URL': ['php-magento'],
  'js fetch URL': ['js', 'ts', 'tsx'],
  'ts OpenAI SDK': ['ts', 'tsx'],
  'py requests URL': ['py'],
  'py OpenAI SDK': ['py'],
  'apex setEndpoint URL': ['apex'],
  'apex callout:NamedCredential': ['apex'],
};

// ---------------------------------------------------------------------------------------------------------------
// The tree's layout

type FileType = 'php-wp' | 'php-magento' | 'phtml' | 'ts' | 'tsx' | 'js' | 'py' | 'apex' | 'apex-meta' | 'xml-magento'
  | 'xml-salesforce' | 'json' | 'yaml' | 'md' | 'css' | 'png' | 'env' | 'big-js' | 'big-json' | 'big-css';

interface Spec {
  readonly path: string;
  readonly type: FileType;
  readonly size: number;
  /** `deps` under node_modules/ or vendor/, `ignored` by a .gitignore. */
  readonly skip: 'deps' | 'ignored' | null;
  readonly plants: PlantSpec[];
}

type PlantSpec =
  | { readonly what: 'key'; readonly kind: KeyKind }
  | { readonly what: 'aws-pair' }
  | { readonly what: 'placeholder'; readonly form: PlaceholderForm }
  | { readonly what: 'egress'; readonly form: EgressForm };

const HOST_OF: Partial<Record<FileType, HostType>> = {
  'php-wp': 'php-wp', 'php-magento': 'php-magento', ts: 'ts', tsx: 'ts', js: 'ts', py: 'py', apex: 'apex',
  'xml-magento': 'xml', json: 'json', yaml: 'yaml', md: 'md', env: 'env',
};

/** Mostly 1–20 KB (log-uniform), some under 1 KB. */
function typicalSize(rng: Rng): number {
  if (rng.chance(0.08)) return rng.int(200, 1000);
  return Math.round(1024 * Math.exp(rng.next() * Math.log(20)));
}

function dirs(rng: Rng, options: readonly string[], depth: [number, number]): string {
  const parts: string[] = [];
  const n = rng.int(depth[0], depth[1]);
  for (let i = 0; i < n; i++) parts.push(rng.pick(options));
  return parts.join('/');
}

type Maker = (rng: Rng, v: Vocab) => { path: string; type: FileType; skip?: 'deps' | 'ignored' };

const MAKERS: readonly (readonly [Maker, number])[] = [
  // WordPress plugin and child theme (depth 4–7).
  [(rng, v) => ({
    path: `wp-content/plugins/${rng.pick(PLUGINS)}/includes/${dirs(rng, ['admin', 'api', 'integrations', 'emails', 'rest', 'legacy'], [0, 3])}/class-${kebab(v.noun(), v.qual())}.php`,
    type: 'php-wp',
  }), 12],
  [(rng, v) => ({ path: `wp-content/themes/storefront-child/template-parts/${dirs(rng, ['product', 'checkout', 'account', 'blocks'], [1, 2])}/${kebab(v.noun(), v.qual())}.php`, type: 'php-wp' }), 2],
  [(rng, v) => ({ path: `wp-content/themes/storefront-child/assets/${rng.pick(['css', 'scss/partials'])}/${kebab(v.noun(), v.qual())}.css`, type: 'css' }), 2],
  // Magento 2 modules (depth 5–8).
  [(rng, v) => {
    const area = rng.pick(['Model', 'Model/ResourceModel', 'Controller/Adminhtml', 'Block', 'Observer', 'Plugin', 'Service', 'Cron', 'Api/Data', 'ViewModel']);
    return { path: `magento/app/code/${rng.pick(VENDORS)}/${rng.pick(MAGENTO_MODULES)}/${area}${rng.chance(0.3) ? `/${pascal(v.noun())}` : ''}/${pascal(v.verb(), v.noun())}.php`, type: 'php-magento' };
  }, 16],
  [(rng, v) => ({ path: `magento/app/code/${rng.pick(VENDORS)}/${rng.pick(MAGENTO_MODULES)}/view/frontend/templates/${v.noun()}/${snake(v.noun(), v.qual())}.phtml`, type: 'phtml' }), 2],
  [(rng, v) => ({ path: `magento/app/code/${rng.pick(VENDORS)}/${rng.pick(MAGENTO_MODULES)}/etc/${rng.pick(['', 'adminhtml/', 'frontend/'])}${rng.pick(['di', 'events', 'webapi', 'crontab', 'system'])}-${v.noun()}.xml`, type: 'xml-magento' }), 4],
  [(rng, v) => ({ path: `magento/app/code/${rng.pick(VENDORS)}/${rng.pick(MAGENTO_MODULES)}/view/frontend/web/js/${rng.pick(['view', 'model', 'action'])}/${kebab(v.noun(), v.qual())}.js`, type: 'js' }), 3],
  // TypeScript storefront (depth 3–7).
  [(rng, v) => ({ path: `storefront/src/components/${dirs(rng, ['product', 'cart', 'checkout', 'account', 'layout', 'search', 'cms'], [1, 3])}/${pascal(v.noun(), v.qual())}.tsx`, type: 'tsx' }), 9],
  [(rng, v) => ({ path: `storefront/src/${rng.pick(['lib', 'services', 'hooks', 'store/slices', 'api', 'utils'])}/${dirs(rng, ['cart', 'pricing', 'catalog', 'customer'], [0, 2])}/${camel(v.verb(), v.noun())}.ts`, type: 'ts' }), 8],
  [(rng, v) => ({ path: `storefront/src/${rng.pick(['components', 'lib'])}/__tests__/${camel(v.noun(), v.qual())}.test.ts`, type: 'ts' }), 2],
  [(rng, v) => ({ path: `storefront/src/styles/${dirs(rng, ['components', 'pages'], [0, 1])}/${kebab(v.noun(), v.qual())}.css`, type: 'css' }), 2],
  // Python services (depth 3–6).
  [(rng, v) => ({ path: `services/${rng.pick(SERVICES)}/${rng.pick(['app', 'app/api', 'app/models', 'app/jobs', 'tests', 'app/pipelines/steps'])}/${snake(v.noun(), v.qual())}.py`, type: 'py' }), 8],
  // Salesforce DX project (depth 4–8).
  [(rng, v) => ({ path: `crm/force-app/main/default/classes/${rng.chance(0.3) ? `${rng.pick(['service', 'selector', 'domain'])}/` : ''}${pascal(v.noun(), v.verb(), v.qual())}${rng.chance(0.2) ? 'Test' : ''}.cls`, type: 'apex' }), 4],
  [(rng, v) => ({ path: `crm/force-app/main/default/triggers/${pascal(v.noun())}${pascal(v.qual())}Trigger.trigger`, type: 'apex' }), 1],
  [(rng, v) => ({ path: `crm/force-app/main/default/objects/${rng.pick(SF_OBJECTS)}__c/fields/${pascal(v.noun(), v.qual())}__c.field-meta.xml`, type: 'xml-salesforce' }), 3],
  [(rng, v) => ({ path: `crm/force-app/main/default/lwc/${camel(v.noun(), v.qual())}/${camel(v.noun(), v.qual())}.js`, type: 'js' }), 2],
  // Configuration, deployment, docs.
  [(rng, v) => ({ path: `config/${rng.pick(['prod', 'staging', 'dev'])}/${dirs(rng, ['shop', 'crm', 'feeds'], [0, 2])}/${kebab(v.noun(), v.qual())}.${rng.pick(['yaml', 'yml'])}`, type: 'yaml' }), 3],
  [(rng, v) => ({ path: `${rng.pick(['config', 'storefront/src/i18n', 'services/feed-exporter/config'])}/${dirs(rng, ['de', 'en', 'nl', 'shared'], [0, 2])}/${kebab(v.noun(), v.qual())}.json`, type: 'json' }), 3],
  [(rng, v) => ({ path: `${rng.pick(['docs', 'docs/runbooks', 'docs/adr', 'storefront/docs', 'crm/docs', `services/${rng.pick(SERVICES)}/docs`])}/${kebab(v.verb(), v.noun(), v.qual())}.md`, type: 'md' }), 4],
  // Web root: product images (binary).
  [(rng, v) => ({ path: `public/images/${rng.pick(['products', 'banners', 'categories'])}/${dirs(rng, ['2023', '2024', '2025'], [0, 1])}/${kebab(v.noun(), String(rng.int(1000, 99999)))}.png`, type: 'png' }), 1],
  // Dependencies, skipped by default.
  [(rng, v) => {
    const pkg = rng.pick(NPM_PACKAGES);
    return { path: `storefront/node_modules/${pkg}/${rng.pick(['dist', 'lib', 'cjs', 'esm/internal'])}/${camel(v.verb(), v.noun())}.js`, type: 'js', skip: 'deps' };
  }, 6],
  [(rng, v) => ({ path: `magento/vendor/${rng.pick(COMPOSER_PACKAGES)}/src/${pascal(v.noun())}/${pascal(v.verb(), v.noun())}.php`, type: 'php-magento', skip: 'deps' }), 4],
  // Ignored by .gitignore.
  [(rng, v) => ({ path: `var/${rng.pick(['cache/mage--1', 'page_cache', 'generation'])}/${snake(v.noun(), v.qual(), String(rng.int(1, 9999)))}.php`, type: 'php-magento', skip: 'ignored' }), 0.6],
  [(rng, v) => ({ path: `storefront/dist/assets/${kebab(v.noun(), rng.chars(HEX, 8))}.js`, type: 'js', skip: 'ignored' }), 0.4],
];

const ROOT_GITIGNORE = ['# dependencies and build output', 'node_modules/', 'vendor/', 'var/', '*.log', '.env.local', ''].join('\n');
const STOREFRONT_GITIGNORE = ['dist/', '.next/', 'coverage/', ''].join('\n');
/** The exclusions above as one ignore file, unanchored (no pattern has a slash before its end). */
const IGNORE_FILE = ['node_modules/', 'vendor/', 'var/', '*.log', '.env.local', 'dist/', '.next/', 'coverage/', ''].join('\n');

const FIXED_FILES: readonly (readonly [string, FileType])[] = [
  ['.env', 'env'],
  ['.env.example', 'env'],
  ['storefront/.env.production', 'env'],
  ['storefront/.env.example', 'env'],
  ['crm/.env', 'env'],
  ['README.md', 'md'],
  ['docs/setup/ai-assistant.md', 'md'],
  ['docs/setup/local-development.md', 'md'],
];

/** How file types read in the report. */
const TYPE_LABELS: Readonly<Record<string, string>> = {
  'php-wp': 'php (WordPress)', 'php-magento': 'php (Magento)', phtml: 'phtml (Magento templates)', apex: 'apex (.cls, .trigger)',
  'apex-meta': 'xml (Apex -meta.xml)', 'xml-magento': 'xml (Magento etc/)', 'xml-salesforce': 'xml (Salesforce fields)',
  xml: 'xml (Named Credential)', 'big-js': 'js (minified bundle, large)', 'big-json': 'json (catalogue export, large)',
  'big-css': 'css (minified, large)', env: '.env*', gitignore: '.gitignore', gguf: 'gguf (model weights)',
  safetensors: 'safetensors (model weights)',
};

const NAMED_CREDENTIAL = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">',
  '    <allowMergeFieldsInBody>false</allowMergeFieldsInBody>',
  '    <allowMergeFieldsInHeader>true</allowMergeFieldsInHeader>',
  '    <endpoint>https://api.openai.com</endpoint>',
  '    <generateAuthorizationHeader>true</generateAuthorizationHeader>',
  '    <label>OpenAI Platform</label>',
  '    <principalType>NamedUser</principalType>',
  '    <protocol>NoAuthentication</protocol>',
  '</NamedCredential>',
  '',
].join('\n');

// ---------------------------------------------------------------------------------------------------------------

export interface TreeOptions {
  /** Files to write, all parts included (default 50,000). */
  readonly files?: number;
  readonly seed?: number;
}

/** Writes the tree under `root` (created if missing; should be empty) and returns what it holds and where things were planted. */
export function generateScanTree(root: string, options: TreeOptions = {}): GeneratedTree {
  const target = options.files ?? 50_000;
  const rng = createRng(options.seed ?? 20_250_611);
  const v = new Vocab(rng);
  const specs: Spec[] = [];
  const paths = new Set<string>();
  const add = (raw: string, type: FileType, size: number, skip: Spec['skip']): Spec => {
    const path = raw.replace(/\/{2,}/g, '/');
    let unique = path;
    for (let i = 2; paths.has(unique); i++) unique = path.replace(/(\.[a-z-]+(?:\.xml)?)$/, `-${i}$1`);
    paths.add(unique);
    const spec: Spec = { path: unique, type, size, skip, plants: [] };
    specs.push(spec);
    return spec;
  };

  // Fixed files: .gitignore files, the Named Credential, .env files, READMEs, model weights, large files.
  const fixed: { path: string; data: string | Buffer }[] = [
    { path: '.gitignore', data: ROOT_GITIGNORE },
    { path: 'storefront/.gitignore', data: STOREFRONT_GITIGNORE },
    { path: 'crm/force-app/main/default/namedCredentials/OpenAI_Platform.namedCredential-meta.xml', data: NAMED_CREDENTIAL },
  ];
  const models: Planted<'gguf' | 'safetensors'>[] = [];
  const modelFiles: readonly (readonly [string, 'gguf' | 'safetensors', number])[] = [
    ['public/models/recommender/product-embeddings.safetensors', 'safetensors', 480 * 1024],
    ['public/models/chat/shop-assistant-q4_k_m.gguf', 'gguf', 256 * 1024],
    ['public/static/ml/reranker.safetensors', 'safetensors', 160 * 1024],
    ['services/churn-model/artifacts/churn-v3.gguf', 'gguf', 96 * 1024],
  ];
  for (const [path, format, bytes] of modelFiles) {
    fixed.push({ path, data: format === 'gguf' ? ggufBytes(bytes) : safetensorsBytes(bytes) });
    models.push({ kind: format, file: path, line: 1, toLine: 1 });
  }
  for (const [path, type] of FIXED_FILES) add(path, type, typicalSize(rng), null);
  const large = Math.max(4, Math.round(target / 500));
  for (let i = 0; i < large; i++) {
    const kind = rng.pick(['big-js', 'big-json', 'big-css'] as const);
    const path = kind === 'big-js' ? `public/js/${kebab(v.noun(), 'bundle', rng.chars(HEX, 6))}.min.js`
      : kind === 'big-json' ? `services/feed-exporter/fixtures/${kebab(v.noun(), 'catalog', String(i))}.json`
      : `public/css/${kebab(v.noun(), rng.chars(HEX, 6))}.min.css`;
    add(path, kind, rng.int(200 * 1024, 1024 * 1024), null);
  }

  // The rest by weight; Apex classes bring their -meta.xml.
  const totalWeight = MAKERS.reduce((sum, [, w]) => sum + w, 0);
  const makers = MAKERS.map(([maker, weight]) => [maker, weight / totalWeight] as const);
  while (specs.length + fixed.length < target) {
    const made = rng.weighted(makers)(rng, v);
    const spec = add(made.path, made.type, typicalSize(rng), made.skip ?? null);
    if (spec.type === 'apex' && spec.path.endsWith('.cls') && specs.length + fixed.length < target) {
      add(`${spec.path}-meta.xml`, 'apex-meta', 200, null);
    }
  }

  // What to plant where: counts grow with the tree.
  const per = Math.max(3, Math.round(target / 2500));
  // Hosts: scanned text files of ordinary size (not Apex triggers, which are one-liners here).
  const hosts = (types: readonly FileType[]): Spec[] =>
    specs.filter((s) => s.skip === null && s.size < 64 * 1024 && types.includes(s.type) && !s.path.endsWith('.trigger'));
  // A quarter of the keys sit in `.env` files and a quarter of the placeholders in `.env.example` files, as in
  // real projects; the rest in code, configuration and docs.
  const envFiles = hosts(['env']).filter((s) => !s.path.endsWith('.example'));
  const exampleFiles = hosts(['env']).filter((s) => s.path.endsWith('.example'));
  const choose = (list: Spec[], env: Spec[]): Spec => (rng.chance(0.25) ? rng.pick(env) : rng.pick(list));
  const keyHosts = hosts(['php-wp', 'php-magento', 'ts', 'tsx', 'js', 'py', 'apex', 'yaml', 'json', 'xml-magento']);
  for (const kind of ['openai', 'anthropic', 'github', 'huggingface'] as const) {
    for (let i = 0; i < per; i++) choose(keyHosts, envFiles).plants.push({ what: 'key', kind });
  }
  const awsHosts = hosts(['php-wp', 'php-magento', 'py', 'yaml', 'json', 'ts']);
  for (let i = 0; i < per; i++) choose(awsHosts, envFiles).plants.push({ what: 'aws-pair' });
  const placeholderHosts = hosts(['md', 'yaml', 'php-wp', 'ts', 'py', 'json']);
  for (const form of PLACEHOLDER_FORMS) {
    for (let i = 0; i < per; i++) choose(placeholderHosts, exampleFiles).plants.push({ what: 'placeholder', form });
  }
  for (const form of EGRESS_FORMS) {
    const list = hosts(EGRESS_HOSTS[form]);
    for (let i = 0; i < per; i++) rng.pick(list).plants.push({ what: 'egress', form });
  }

  const keys: Planted<KeyKind>[] = [];
  const placeholders: Planted<PlaceholderForm>[] = [];
  const egress: Planted<EgressForm>[] = [];
  const byType = new Map<string, number>();
  let files = 0;
  let bytes = 0;
  let scannedFiles = 0;
  let scannedBytes = 0;
  let dependencyFiles = 0;
  let gitignoredFiles = 0;
  let largeFiles = 0;
  const depths: number[] = [];
  const made = new Set<string>();
  const write = (path: string, data: string | Buffer, skip: Spec['skip'], type: string): void => {
    const abs = join(root, path);
    const dir = dirname(abs);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(abs, data);
    const label = TYPE_LABELS[type] ?? type;
    const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    files += 1;
    bytes += size;
    if (skip === 'deps') dependencyFiles += 1;
    else if (skip === 'ignored') gitignoredFiles += 1;
    else {
      scannedFiles += 1;
      scannedBytes += size;
      byType.set(label, (byType.get(label) ?? 0) + 1);
      if (size >= 200 * 1024) largeFiles += 1;
      const depth = path.split('/').length - 1;
      depths[depth] = (depths[depth] ?? 0) + 1;
    }
  };
  for (const f of fixed) write(f.path, f.data, null, f.path.slice(f.path.lastIndexOf('.') + 1));

  for (const spec of specs) {
    const host = HOST_OF[spec.type];
    const blocks: Block[] = [];
    const consts: Block[] = [];
    for (const plant of spec.plants) {
      if (plant.what === 'egress') {
        const { lines, imports } = egressBlock(v, plant.form);
        blocks.push({ lines, imports, placed: (from, to) => egress.push({ kind: plant.form, file: spec.path, line: from, toLine: to }) });
        continue;
      }
      const pairs: (readonly [string, string, KeyKind | PlaceholderForm, 'key' | 'placeholder'])[] = [];
      if (plant.what === 'key') pairs.push([KEY_NAMES[plant.kind], keyValue(rng, plant.kind), plant.kind, 'key']);
      else if (plant.what === 'aws-pair') {
        pairs.push([KEY_NAMES['aws-access-key-id'], keyValue(rng, 'aws-access-key-id'), 'aws-access-key-id', 'key']);
        pairs.push([KEY_NAMES['aws-secret-key'], keyValue(rng, 'aws-secret-key'), 'aws-secret-key', 'key']);
      } else for (const [name, value] of placeholderLines(plant.form)) pairs.push([name, value, plant.form, 'placeholder']);
      const lines = pairs.map(([name, value]) => bindingLine(host ?? 'env', name, value));
      const record = (from: number): void => {
        pairs.forEach(([, , kind, what], i) => {
          const at = { file: spec.path, line: from + i, toLine: from + i };
          if (what === 'key') keys.push({ kind: kind as KeyKind, ...at });
          else placeholders.push({ kind: kind as PlaceholderForm, ...at });
        });
      };
      // Markdown shows values in a fenced block; YAML nests them under a section; the rest bind them in place.
      if (host === 'md') {
        blocks.push({ lines: ['Set the keys in `.env`:', '', '```sh', ...lines, '```', ''], placed: (from) => record(from + 3) });
      } else if (host === 'yaml') {
        blocks.push({ lines: ['integrations:', ...lines.map((l) => `  ${l}`)], placed: (from) => record(from + 1) });
      } else if (host === 'json' || host === 'xml' || host === 'env') {
        blocks.push({ lines, placed: (from) => record(from) });
      } else {
        consts.push({ lines, placed: (from) => record(from) });
      }
    }
    write(spec.path, render(v, spec, blocks, consts), spec.skip, spec.type);
  }
  return {
    root,
    files,
    bytes,
    scanned: { files: scannedFiles, bytes: scannedBytes },
    dependencyFiles,
    gitignoredFiles,
    byType,
    largeFiles,
    depths: Array.from(depths, (n) => n ?? 0),
    keys,
    placeholders,
    egress,
    models,
    ignoreFileText: IGNORE_FILE,
  };
}

function render(v: Vocab, spec: Spec, blocks: Block[], consts: Block[]): string | Buffer {
  const name = spec.path.slice(spec.path.lastIndexOf('/') + 1);
  const base = name.replace(/\..*$/, '');
  switch (spec.type) {
    case 'php-wp':
      return phpWordPressFile(v, spec.size, blocks, consts).text();
    case 'php-magento': {
      const parts = spec.path.replace(/\.php$/, '').split('/');
      const at = parts.indexOf('code');
      const namespace = at >= 0 ? parts.slice(at + 1, -1).join('\\') : `${v.rng.pick(VENDORS)}\\${pascal(v.noun())}`;
      return phpMagentoFile(v, spec.size, namespace, base.replace(/[^A-Za-z0-9_]/g, '_'), blocks, consts).text();
    }
    case 'phtml':
      return phtml(v, spec.size);
    case 'ts':
      return tsFile(v, spec.size, false, true, blocks, consts).text();
    case 'tsx':
      return tsFile(v, spec.size, true, true, blocks, consts).text();
    case 'js':
      return tsFile(v, spec.size, false, false, blocks, consts).text();
    case 'py':
      return pyFile(v, spec.size, blocks, consts).text();
    case 'apex':
      if (spec.path.endsWith('.trigger')) return `trigger ${base} on ${v.rng.pick(['Account', 'Opportunity', 'Case'])} (before insert, before update) {\n    ${pascal(v.noun())}Handler.handle(Trigger.new, Trigger.oldMap);\n}\n`;
      return apexFile(v, spec.size, base.replace(/[^A-Za-z0-9_]/g, ''), blocks, consts).text();
    case 'apex-meta':
      return '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>61.0</apiVersion>\n    <status>Active</status>\n</ApexClass>\n';
    case 'xml-magento':
      return xmlFile(v, spec.size, 'magento', blocks).text();
    case 'xml-salesforce':
      return xmlFile(v, Math.min(spec.size, 2048), 'salesforce', blocks).text();
    case 'json':
      return jsonFile(v, spec.size, blocks).text();
    case 'yaml':
      return yamlFile(v, spec.size, blocks).text();
    case 'md':
      return markdownFile(v, spec.size, blocks).text();
    case 'css':
      return cssFile(v, spec.size).text();
    case 'png':
      return pngBytes(v.rng, spec.size);
    case 'env':
      return envFile(v, blocks).text();
    case 'big-js':
      return minifiedJs(v, spec.size);
    case 'big-json':
      return largeJson(v, spec.size);
    case 'big-css':
      return cssFile(v, spec.size).text();
  }
}

function phtml(v: Vocab, target: number): string {
  const out = new Lines();
  out.push('<?php', '/** @var \\Magento\\Framework\\View\\Element\\Template $block */', '/** @var \\Magento\\Framework\\Escaper $escaper */', '?>');
  fill(out, target, () => {
    const n = v.noun();
    return [
      `<div class="${kebab(n, v.qual())}">`,
      `    <h2><?= $escaper->escapeHtml(__('${pascal(v.verb())} ${n}')) ?></h2>`,
      `    <?php foreach ($block->get${pascal(n)}Items() as $item): ?>`,
      `        <span class="${kebab(n, 'label')}"><?= $escaper->escapeHtml($item->get${pascal(v.qual())}()) ?></span>`,
      '    <?php endforeach; ?>',
      '</div>',
    ];
  }, [], '');
  return out.text();
}
