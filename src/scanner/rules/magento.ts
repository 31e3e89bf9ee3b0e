/**
 * Magento admin configuration that stores AI keys in plain text. In `etc/adminhtml/system.xml` (and the files it
 * includes from `etc/adminhtml/system/`, and Magento 1's `etc/system.xml`) a field that holds a key, secret or
 * token for an AI provider (by its own id or label, or its group's or section's: `openai`, `ChatGPT`, `AI`, `LLM`)
 * must use the Encrypted backend model; otherwise the key sits readable in `core_config_data`, database dumps and
 * backups. Fields of type `obscure` are taken as handled. Keys written into `etc/config.xml` defaults are found by
 * the keys rules (keys.ts reads every XML file), so they are not reported twice here.
 * The XML is read with the rules' small element reader (xml.ts), which is all that system.xml needs and cannot
 * fail on malformed input: unclosed elements just end the tree.
 */
import { positionsIn } from '../position.ts';
import { ruleFinding, type RuleInfo, type ScanFile, type ScanFinding, type ScanRule } from '../types.ts';
import { aiProviderIn } from './keys/names.ts';
import { childText, parseXml, type XmlElement } from './xml.ts';

const PLAINTEXT_FIELD: RuleInfo = {
  id: 'magento.plaintext-ai-key-field',
  severity: 'high',
  summary: 'A Magento admin field for an AI provider key is stored without the Encrypted backend model.',
  remediation:
    'Add <backend_model>Magento\\Config\\Model\\Config\\Backend\\Encrypted</backend_model> and type="obscure" to the ' +
    'field, read it through the encryptor, and re-save the key so the stored value is encrypted.',
};

/** The text of the first child named `name`, or ''. */
function textOf(element: XmlElement, name: string): string {
  return childText(element, name) ?? '';
}

const SECRET_WORDS = new RegExp(
  String.raw`api[\s_-]?key|apikey|secret|access[\s_-]?(?:key|token)|private[\s_-]?key|auth[\s_-]?token|bearer` +
    String.raw`|(?:^|[\s_-])token(?:$|[\s_-])|password|passwd`,
  'i',
);

/** A field that holds a key, secret or token (`api_key`, "API Key", `token`; not `max_tokens`). */
function isSecretField(id: string, label: string): boolean {
  return SECRET_WORDS.test(id) || SECRET_WORDS.test(label);
}

function isEncrypted(field: XmlElement): boolean {
  return /encrypt/i.test(textOf(field, 'backend_model'));
}

function isObscure(field: XmlElement): boolean {
  return field.attributes.get('type') === 'obscure' || textOf(field, 'frontend_type') === 'obscure';
}

interface Scope {
  /** Config path parts (section, groups). */
  readonly path: readonly string[];
  /** Ids and labels of the enclosing section and groups. */
  readonly names: readonly string[];
}

/** Magento 2 uses `id` attributes; Magento 1 names the element after the id inside `<sections>/<groups>/<fields>`. */
function idOf(element: XmlElement, parent: XmlElement | null): string {
  return element.attributes.get('id') ?? (parent !== null && /^(?:sections|groups|fields)$/.test(parent.name) ? element.name : '');
}

function isField(element: XmlElement, parent: XmlElement | null): boolean {
  return element.name === 'field' || parent?.name === 'fields';
}

function isContainer(element: XmlElement, parent: XmlElement | null): boolean {
  return element.name === 'section' || element.name === 'group' || parent?.name === 'sections' || parent?.name === 'groups';
}

function visit(element: XmlElement, parent: XmlElement | null, scope: Scope, out: [XmlElement, Scope, string][]): void {
  if (isField(element, parent)) {
    out.push([element, scope, idOf(element, parent)]);
    return;
  }
  let inner = scope;
  if (isContainer(element, parent)) {
    const id = idOf(element, parent);
    inner = { path: [...scope.path, id], names: [...scope.names, id, textOf(element, 'label')] };
  }
  for (const child of element.children) visit(child, element, inner, out);
}

type At = { line: number; column: number };

function fieldFinding(file: ScanFile, field: XmlElement, scope: Scope, id: string, at: At): ScanFinding | null {
  const label = textOf(field, 'label');
  if (!isSecretField(id, label) || isEncrypted(field) || isObscure(field)) return null;
  const provider = [id, label, ...scope.names.slice().reverse()].map(aiProviderIn).find((p) => p !== null);
  if (provider === undefined || provider === null) return null;
  const configPath = [...scope.path, id].filter((p) => p !== '').join('/');
  const backend = textOf(field, 'backend_model');
  const message = `Admin field ${configPath}${label === '' ? '' : ` ("${label}")`} stores an AI provider key in plain text: ` +
    (backend === '' ? 'it has no Encrypted backend model.' : `its backend model ${backend} does not encrypt.`);
  return ruleFinding(PLAINTEXT_FIELD, file.path, at, message, { configPath, provider, backendModel: backend === '' ? 'none' : backend });
}

/** `etc/adminhtml/system.xml`, its includes under `etc/adminhtml/system/`, and Magento 1's `etc/system.xml`. */
export function isSystemXml(path: string): boolean {
  const lower = path.toLowerCase();
  return /(?:^|\/)etc\/(?:adminhtml\/)?system\.xml$/.test(lower) || /(?:^|\/)etc\/adminhtml\/system\/[^/]+\.xml$/.test(lower);
}

export const magentoRules: ScanRule = {
  rules: [PLAINTEXT_FIELD],
  applies: (file) => file.text !== null && file.extension === 'xml' && isSystemXml(file.path),
  scan(file) {
    const text = file.text ?? '';
    if (!/<field|<fields>/.test(text)) return [];
    const fields: [XmlElement, Scope, string][] = [];
    visit(parseXml(text), null, { path: [], names: [] }, fields);
    const positionOf = positionsIn(text);
    return fields
      .map(([field, scope, id]) => fieldFinding(file, field, scope, id, positionOf(field.offset)))
      .filter((f): f is ScanFinding => f !== null);
  },
};
