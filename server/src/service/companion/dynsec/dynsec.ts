/**
 * The dynamic-security plugin's JSON file (plugin_opt_config_file of
 * mosquitto_dynamic_security.so/.dll), read as the plugin reads it
 * (plugins/dynamic-security/plugin.c, roles.c, clients.c, groups.c in 2.0). The checks are the
 * rules in rules/companion/dynsec-*.ts.
 *
 * The plugin never stops the broker over this file: an unreadable or invalid file is logged and
 * the broker runs with an empty configuration (verified with 2.0.11, see
 * test/broker/companion.ts). So every finding about it is a warning.
 */
import type { Node, ParseError } from 'jsonc-parser';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import type { Range } from 'vscode-languageserver-types';
import { SINCE } from '../../model/reading';
import type { Version } from '../../version';
import { atLeast } from '../../version';

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
export function locator(text: string): (offset: number, length: number) => Range {
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

/** A type name for messages (`null` for null). */
export function typeName(node: Node): string {
  return node.type === 'null' ? 'null' : node.type;
}

/** The lists the plugin loads, in its order: roles, then clients, then groups. */
export type DynsecListKey = 'roles' | 'clients' | 'groups';
const LOAD_ORDER: readonly DynsecListKey[] = ['roles', 'clients', 'groups'];

/** A present top-level list. */
export interface DynsecList {
  readonly key: DynsecListKey;
  readonly node: Node;
  /** False when it is not an array: the plugin stops loading here (later lists are not loaded). */
  readonly array: boolean;
}

/** The dynamic-security file as the plugin reads it. */
export interface DynsecDocument {
  /** The range of `length` characters at `offset`. */
  readonly range: (offset: number, length: number) => Range;
  /** The first syntax error, when the file is not JSON (text after a top-level object does not count). */
  readonly syntaxError?: ParseError;
  /** Text after the top-level object, which the plugin ignores (cJSON_Parse stops after the value). */
  readonly trailing?: ParseError;
  /** The top-level value of a readable file (undefined for an empty file or a syntax error). */
  readonly root?: Node;
  /** The present lists up to and including the first that is not an array; empty unless `root` is an object. */
  readonly lists: readonly DynsecList[];
}

/** Reads a dynamic-security file. An empty file is an empty configuration. Never throws. */
export function readDynsec(text: string): DynsecDocument {
  const range = locator(text);
  if (text.length === 0) {
    return { range, lists: [] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const end = root ? root.offset + root.length : 0;
  const trailing = errors.filter((e) => root?.type === 'object' && e.offset >= end);
  if (errors.length > 0 && trailing.length < errors.length) {
    return { range, syntaxError: errors[0], lists: [] };
  }
  const lists: DynsecList[] = [];
  if (root?.type === 'object') {
    for (const key of LOAD_ORDER) {
      const node = findNodeAtLocation(root, [key]);
      if (!node) {
        continue;
      }
      lists.push({ key, node, array: node.type === 'array' });
      if (node.type !== 'array') {
        break;
      }
    }
  }
  return { range, trailing: trailing[0], root, lists };
}

/** The entries of a loaded list that are objects (the plugin skips the others). */
export function dynsecEntries(document: DynsecDocument, key: DynsecListKey): Node[] {
  const list = document.lists.find((l) => l.key === key);
  return list?.array ? (list.node.children ?? []).filter((n) => n.type === 'object') : [];
}

/** A role's ACLs that are objects, when its `acls` is an array. */
export function roleAcls(role: Node): Node[] {
  const acls = findNodeAtLocation(role, ['acls']);
  return acls?.type === 'array' ? (acls.children ?? []).filter((n) => n.type === 'object') : [];
}

/** Bytes a base64 string decodes to; undefined when it is not base64. */
export function base64Length(value: string): number | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) {
    return undefined;
  }
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  return (value.length / 4) * 3 - padding;
}

/**
 * The decoded sizes a client's `password` and `salt` must have for the selected release's
 * plugin to keep the client (2.0 clients.c: 64 and 12 bytes); undefined where the sizes are not
 * modelled (2.1).
 */
export function dynsecRequiredBytes(version: Version): { readonly password: number; readonly salt: number } | undefined {
  return atLeast(version, SINCE.dynsecSizesUnchecked) ? undefined : { password: 64, salt: 12 };
}
