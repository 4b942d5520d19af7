/**
 * The dynamic-security plugin's JSON file (plugin_opt_config_file of
 * mosquitto_dynamic_security.so/.dll), checked as the plugin reads it
 * (plugins/dynamic-security/plugin.c, roles.c, clients.c, groups.c in 2.0).
 *
 * The plugin never stops the broker over this file: an unreadable or invalid file is logged and
 * the broker runs with an empty configuration (verified with 2.0.11, see
 * test/broker/companion.js). So every finding here is a warning.
 */
import type { Node, ParseError } from 'jsonc-parser';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Range } from 'vscode-languageserver-types';
import type { Version } from '../../version';
import { atLeast } from '../../version';
import { SINCE } from '../../model/reading';
import type { CompanionFinding } from '../findings';

/** Rule ids of the dynamic-security file. */
export const DYNSEC_JSON = 'dynsec-json';
export const DYNSEC_STRUCTURE = 'dynsec-structure';
export const DYNSEC_ACL_TYPE = 'dynsec-acl-type';
export const DYNSEC_PASSWORD = 'dynsec-password';

/** ACL types a role's `acls` entry may have (compared without case, as strcasecmp does). */
export const DYNSEC_ROLE_ACL_TYPES: readonly string[] = [
  'publishClientSend',
  'publishClientReceive',
  'subscribeLiteral',
  'subscribePattern',
  'unsubscribeLiteral',
  'unsubscribePattern',
];
/** Keys of `defaultACLAccess` (booleans). */
export const DYNSEC_DEFAULT_ACCESS_KEYS: readonly string[] = ['publishClientSend', 'publishClientReceive', 'subscribe', 'unsubscribe'];

/** Offsets to line/character (lines split at \n; a \r before it counts as a character). */
function locator(text: string): (offset: number, length: number) => Range {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      starts.push(i + 1);
    }
  }
  const at = (offset: number): { line: number; character: number } => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return { line: lo, character: offset - starts[lo] };
  };
  return (offset, length) => ({ start: at(offset), end: at(offset + length) });
}

const SYNTAX_WORDS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: "':' is expected",
  CommaExpected: "',' is expected",
  CloseBraceExpected: "'}' is expected",
  CloseBracketExpected: "']' is expected",
  InvalidCommentToken: 'comments are not JSON',
  UnexpectedEndOfComment: 'comments are not JSON',
  UnexpectedEndOfString: 'the string is not closed',
  UnexpectedEndOfNumber: 'invalid number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape in a string',
  InvalidCharacter: 'control character inside a string',
};

function typeName(node: Node): string {
  return node.type === 'null' ? 'null' : node.type;
}

/** Findings of a dynamic-security JSON file for the selected release. */
export function checkDynsec(text: string, version: Version): CompanionFinding[] {
  const findings: CompanionFinding[] = [];
  const range = locator(text);
  const add = (code: string, node: { offset: number; length: number }, message: string): void => {
    findings.push({ code, range: range(node.offset, node.length), message, severity: 'warning' });
  };
  if (text.length === 0) {
    return findings; // the plugin treats an empty file as an empty configuration
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  // cJSON_Parse stops after the top-level value: text after it is ignored, not an error.
  const end = root ? root.offset + root.length : 0;
  const trailing = errors.filter((e) => root?.type === 'object' && e.offset >= end);
  if (trailing.length > 0 && trailing.length === errors.length) {
    add(
      DYNSEC_STRUCTURE,
      { offset: trailing[0].offset, length: Math.max(trailing[0].length, 1) },
      'Text after the top-level object: the plugin reads the object and ignores the rest.',
    );
    errors.length = 0;
  }
  if (errors.length > 0) {
    const first = errors[0];
    const where = range(first.offset, first.length);
    const what = SYNTAX_WORDS[printParseErrorCode(first.error)] ?? 'syntax error';
    add(
      DYNSEC_JSON,
      { offset: first.offset, length: Math.max(first.length, 1) },
      `Not valid JSON at line ${where.start.line + 1}, column ${where.start.character + 1}: ${what}. The dynamic-security plugin logs an error and loads no clients, groups or roles (the broker still starts).`,
    );
    return findings;
  }
  if (!root || root.type !== 'object') {
    if (root) {
      add(DYNSEC_JSON, root, `The top level is ${typeName(root)}, not an object: the dynamic-security plugin finds no clients, groups or roles in it.`);
    }
    return findings;
  }
  checkDefaultAccess(root, add);
  // roles.c, clients.c, groups.c: a present key that is not an array stops the loading (roles, then clients, then groups).
  const order: Array<[string, string]> = [
    ['roles', 'clients and groups'],
    ['clients', 'groups'],
    ['groups', ''],
  ];
  for (const [key, after] of order) {
    const list = findNodeAtLocation(root, [key]);
    if (!list) {
      continue;
    }
    if (list.type !== 'array') {
      add(
        DYNSEC_STRUCTURE,
        list,
        `'${key}' must be an array, not ${typeName(list)}: the plugin stops reading here${after ? `, so ${after} are not loaded either` : ''}.`,
      );
      break;
    }
    for (const entry of list.children ?? []) {
      if (entry.type !== 'object') {
        add(DYNSEC_STRUCTURE, entry, `An entry of '${key}' must be an object, not ${typeName(entry)}: the plugin skips it.`);
        continue;
      }
      if (key === 'roles') {
        checkRole(entry, add);
      } else if (key === 'clients') {
        checkClient(entry, version, add);
      } else {
        checkName(entry, 'groupname', 'group', add);
      }
    }
  }
  return findings;
}

type Add = (code: string, node: { offset: number; length: number }, message: string) => void;

function checkDefaultAccess(root: Node, add: Add): void {
  const access = findNodeAtLocation(root, ['defaultACLAccess']);
  if (!access) {
    return;
  }
  if (access.type !== 'object') {
    add(
      DYNSEC_STRUCTURE,
      access,
      `'defaultACLAccess' must be an object, not ${typeName(access)}: the plugin ignores it and uses its defaults (deny publishing and subscribing).`,
    );
    return;
  }
  for (const property of access.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    const key = keyNode ? String(getNodeValue(keyNode)) : '';
    if (!DYNSEC_DEFAULT_ACCESS_KEYS.includes(key)) {
      add(
        DYNSEC_STRUCTURE,
        keyNode ?? property,
        `'${key}' is not a default access type (the plugin reads ${DYNSEC_DEFAULT_ACCESS_KEYS.join(', ')}; names are case-sensitive here): ignored.`,
      );
    } else if (valueNode && valueNode.type !== 'boolean') {
      add(DYNSEC_STRUCTURE, valueNode, `'${key}' must be true or false, not ${typeName(valueNode)}: the plugin uses the default for it.`);
    }
  }
}

/** A required name: missing or not a string, the plugin skips the entry. */
function checkName(entry: Node, field: string, what: string, add: Add): boolean {
  const name = findNodeAtLocation(entry, [field]);
  if (!name || name.type !== 'string') {
    add(DYNSEC_STRUCTURE, name ?? { offset: entry.offset, length: 1 }, `This ${what} has no '${field}' string: the plugin skips it.`);
    return false;
  }
  return true;
}

function checkRole(role: Node, add: Add): void {
  checkName(role, 'rolename', 'role', add);
  const acls = findNodeAtLocation(role, ['acls']);
  if (!acls) {
    return;
  }
  if (acls.type !== 'array') {
    add(DYNSEC_STRUCTURE, acls, `'acls' must be an array, not ${typeName(acls)}: the role gets no ACLs.`);
    return;
  }
  for (const acl of acls.children ?? []) {
    if (acl.type !== 'object') {
      add(DYNSEC_STRUCTURE, acl, `An ACL must be an object, not ${typeName(acl)}: the plugin skips it.`);
      continue;
    }
    const type = findNodeAtLocation(acl, ['acltype']);
    const value = type?.type === 'string' ? String(type.value) : undefined;
    if (value === undefined || !DYNSEC_ROLE_ACL_TYPES.some((t) => t.toLowerCase() === value.toLowerCase())) {
      const shown = value === undefined ? (type ? typeName(type) : 'missing') : `'${value}'`;
      add(
        DYNSEC_ACL_TYPE,
        type ?? { offset: acl.offset, length: 1 },
        `ACL type ${shown} is not one a role accepts (${DYNSEC_ROLE_ACL_TYPES.join(', ')}): the plugin skips this ACL.`,
      );
    }
    const topic = findNodeAtLocation(acl, ['topic']);
    if (!topic || topic.type !== 'string') {
      add(DYNSEC_STRUCTURE, topic ?? { offset: acl.offset, length: 1 }, "This ACL has no 'topic' string: the plugin skips it.");
    }
    const priority = findNodeAtLocation(acl, ['priority']);
    if (priority && priority.type !== 'number') {
      add(DYNSEC_STRUCTURE, priority, `'priority' must be a number, not ${typeName(priority)}: the plugin uses 0.`);
    }
    const allow = findNodeAtLocation(acl, ['allow']);
    if (allow && allow.type !== 'boolean') {
      add(DYNSEC_STRUCTURE, allow, `'allow' must be true or false, not ${typeName(allow)}: the plugin uses false (deny).`);
    }
  }
}

/** Bytes a base64 string decodes to; undefined when it is not base64. */
function base64Length(value: string): number | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) {
    return undefined;
  }
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  return (value.length / 4) * 3 - padding;
}

function checkClient(client: Node, version: Version, add: Add): void {
  checkName(client, 'username', 'client', add);
  const fields = ['password', 'salt', 'iterations'].map((f) => [f, findNodeAtLocation(client, [f])] as const);
  const present = fields.filter(([, node]) => node !== undefined);
  if (present.length === 0) {
    return; // a client without a password (authenticates some other way, or not at all)
  }
  const anchor = present[0][1] ?? client;
  if (present.length < 3) {
    const missing = fields.filter(([, node]) => node === undefined).map(([f]) => f);
    add(
      DYNSEC_PASSWORD,
      anchor,
      `'password', 'salt' and 'iterations' go together; ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing: this client has no password and cannot log in with one.`,
    );
    return;
  }
  const [password, salt, iterations] = fields.map(([, node]) => node as Node);
  if (iterations.type !== 'number' || !(Number(iterations.value) > 0)) {
    add(DYNSEC_PASSWORD, iterations, "'iterations' must be a positive number: this client has no password and cannot log in with one.");
    return;
  }
  for (const [node, name, bytes] of [
    [password, 'password', 64],
    [salt, 'salt', 12],
  ] as const) {
    if (node.type !== 'string') {
      add(DYNSEC_PASSWORD, node, `'${name}' must be a base64 string, not ${typeName(node)}: this client has no password and cannot log in with one.`);
      continue;
    }
    const length = base64Length(String(node.value));
    // 2.0 (clients.c): a salt other than 12 bytes or a hash other than 64 bytes drops the whole client.
    if (length === undefined) {
      add(DYNSEC_PASSWORD, node, `'${name}' is not base64: the plugin drops this client.`);
    } else if (!atLeast(version, SINCE.dynsecSizesUnchecked) && length !== bytes) {
      add(DYNSEC_PASSWORD, node, `'${name}' decodes to ${length} bytes; this release needs ${bytes}: the plugin drops this client.`);
    }
  }
}
