/**
 * Terraform storage made public when it holds models or training data: S3 canned ACLs (`public-read`,
 * `public-read-write`, `authenticated-read`) on buckets, bucket ACL resources and objects; an S3 public access
 * block with every protection off; bucket policies granting `Principal "*"`; GCS IAM grants and ACL entries for
 * `allUsers`/`allAuthenticatedUsers` and `publicRead` predefined ACLs; Azure containers with
 * `container_access_type` `blob` or `container`. "Holds models" is read from the resource's label, its bucket or
 * container name and tags, and those of the bucket it references in the same file (`aws_s3_bucket.x.id`).
 */
import { positionsIn, type PositionOf } from '../../position.ts';
import type { ScanFile, ScanFinding } from '../../types.ts';
import { resourceBlocks, type HclBlock } from './hcl-blocks.ts';
import { DEPLOY_RULES, deployFinding } from './rules.ts';

const MODEL_WORDS = new RegExp(
  'model|weight|checkpoint|ckpt|training|train[-_]?data|data-?set|embedding|vector|llm|gguf|safetensor|fine-?tun|corpus' +
    String.raw`|(?:^|[-_.\s"])ml(?:[-_.\s"]|$)|mlflow|sagemaker|huggingface|inference`,
  'i',
);
/** Quoted names and unquoted references alike (`var.models_bucket`, `aws_s3_bucket.training.id`). */
const NAME_ATTRIBUTES = /^[ \t]*(?:bucket|name|bucket_prefix|storage_account_name|storage_container_name)[ \t]*=[ \t]*([^\n]*)/gm;
const TAG_BLOCK = /^[ \t]*(?:tags|labels|tags_all|metadata)[ \t]*=?[ \t]*\{([^}]*)\}/gm;
const REFERENCE = /\b((?:aws_s3_bucket|google_storage_bucket|azurerm_storage_account|azurerm_storage_container))\.([\w-]+)\./g;

/** The strings that say what a resource stores: its label, names and tags. */
function identity(block: HclBlock): string {
  const names = [...block.body.matchAll(NAME_ATTRIBUTES)].map((m) => m[1] ?? '');
  const tags = [...block.body.matchAll(TAG_BLOCK)].map((m) => m[1] ?? '');
  return [block.name, ...names, ...tags].join(' ');
}

/** Identity of a block plus that of every storage resource it references in the same file. */
function identityWithReferences(block: HclBlock, all: readonly HclBlock[]): string {
  const referenced = [...block.body.matchAll(REFERENCE)].flatMap((m) =>
    all.filter((b) => b.type === m[1] && b.name === m[2]).map(identity));
  return [identity(block), ...referenced].join(' ');
}

interface Exposure {
  /** Offset of the attribute in the block body. */
  readonly at: number;
  readonly how: string;
}

/** Offset of the first non-blank character of a match. */
const trimmedStart = (m: RegExpMatchArray): number => (m.index ?? 0) + (m[0].length - m[0].trimStart().length);

function attribute(body: string, pattern: RegExp): Exposure[] {
  return [...body.matchAll(pattern)].map((m) => ({ at: trimmedStart(m), how: m[0].trim().replace(/\s+/g, ' ') }));
}

const PUBLIC_ACL = /^[ \t]*acl[ \t]*=[ \t]*"(?:public-read|public-read-write|authenticated-read)"/gm;
const ALL_USERS = /^[ \t]*(?:member|members|entity|role_entity)[ \t]*=[^\n]*\ball(?:Authenticated)?Users\b/gm;
const PREDEFINED_PUBLIC = /^[ \t]*predefined_acl[ \t]*=[ \t]*"(?:publicRead|publicReadWrite)"/gm;
const AZURE_PUBLIC = /^[ \t]*container_access_type[ \t]*=[ \t]*"(?:blob|container)"/gm;
const PRINCIPAL_ANY = /"?Principal"?[ \t]*[:=][ \t]*(?:"\*"|\{[ \t]*"?AWS"?[ \t]*[:=][ \t]*"\*")/g;
const ACCESS_FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'].join('|');
const ACCESS_FLAG_ON = new RegExp(`^[ \\t]*(?:${ACCESS_FLAGS})[ \\t]*=[ \\t]*true\\b`, 'm');
const ACCESS_FLAG_OFF = new RegExp(`^[ \\t]*(?:${ACCESS_FLAGS})[ \\t]*=[ \\t]*false\\b`, 'm');

/** A public access block with every flag off (absent flags default to off). */
function accessBlockOff(body: string): Exposure[] {
  if (ACCESS_FLAG_ON.test(body)) return [];
  const first = ACCESS_FLAG_OFF.exec(body);
  return first === null ? [] : [{ at: trimmedStart(first), how: 'all public access blocks off' }];
}

function exposures(block: HclBlock): Exposure[] {
  switch (block.type) {
    case 'aws_s3_bucket':
    case 'aws_s3_bucket_acl':
    case 'aws_s3_object':
    case 'aws_s3_bucket_object':
      return attribute(block.body, PUBLIC_ACL);
    case 'aws_s3_bucket_public_access_block':
      return accessBlockOff(block.body);
    case 'aws_s3_bucket_policy':
      return /"?Effect"?[ \t]*[:=][ \t]*"Allow"/.test(block.body) ? attribute(block.body, PRINCIPAL_ANY) : [];
    case 'azurerm_storage_container':
      return attribute(block.body, AZURE_PUBLIC);
    default:
      if (!block.type.startsWith('google_storage_')) return [];
      return [...attribute(block.body, ALL_USERS), ...attribute(block.body, PREDEFINED_PUBLIC)];
  }
}

function blockFindings(file: ScanFile, block: HclBlock, all: readonly HclBlock[], positionOf: PositionOf): ScanFinding[] {
  const found = exposures(block);
  if (found.length === 0) return [];
  const names = identityWithReferences(block, all);
  if (!MODEL_WORDS.test(names)) return [];
  return found.map((exposure) => deployFinding(file, DEPLOY_RULES.publicBucket, positionOf(block.bodyStart + exposure.at),
    `${block.type}.${block.name} makes storage for models or training data public (${exposure.how}).`,
    { resource: `${block.type}.${block.name}` }));
}

/** Terraform files are small; a larger one is generated state or a plan, not configuration. */
const MAX_TF = 1024 * 1024;

export function terraformFindings(file: ScanFile, text: string): ScanFinding[] {
  if (text.length > MAX_TF) return [];
  const blocks = resourceBlocks(text);
  const positionOf = positionsIn(text);
  return blocks.flatMap((block) => blockFindings(file, block, blocks, positionOf));
}
