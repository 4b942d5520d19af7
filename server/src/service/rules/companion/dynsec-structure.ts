import type { Node } from 'jsonc-parser';
import { findNodeAtLocation, getNodeValue } from 'jsonc-parser';
import { dynsecRule } from '../../engine/companionRule';
import { DYNSEC_DEFAULT_ACCESS_KEYS, dynsecEntries, typeName } from '../../companion/dynsec/dynsec';

type Add = (node: { offset: number; length: number }, message: string) => void;

/** What comes after the list that stops the loading. */
const NOT_LOADED_AFTER: Record<string, string> = { roles: 'clients and groups', clients: 'groups', groups: '' };

/**
 * Dynamic-security rule (the whole file): entries the plugin skips or reads differently: text
 * after the top-level object, `defaultACLAccess` keys and values, a list that is not an array
 * (loading stops there), entries that are not objects or lack their name, role ACLs without a
 * topic or with a `priority`/`allow` of the wrong type. Warning: the broker still starts.
 */
export default dynsecRule({
  id: 'dynsec-structure',
  title: 'Dynamic-security entry the plugin skips or reads differently (shape, names, priority, allow, defaultACLAccess)',
  check(document, { report }) {
    const add: Add = (node, message) => report({ range: document.range(node.offset, node.length), severity: 'warning', message });
    const { trailing, root } = document;
    if (trailing) {
      add(
        { offset: trailing.offset, length: Math.max(trailing.length, 1) },
        'Text after the top-level object: the plugin reads the object and ignores the rest.',
      );
    }
    if (root?.type !== 'object') {
      return;
    }
    checkDefaultAccess(root, add);
    for (const list of document.lists) {
      if (!list.array) {
        const after = NOT_LOADED_AFTER[list.key];
        add(
          list.node,
          `'${list.key}' must be an array, not ${typeName(list.node)}: the plugin stops reading here${after ? `, so ${after} are not loaded either` : ''}.`,
        );
        continue;
      }
      for (const entry of list.node.children ?? []) {
        if (entry.type !== 'object') {
          add(entry, `An entry of '${list.key}' must be an object, not ${typeName(entry)}: the plugin skips it.`);
        }
      }
    }
    for (const role of dynsecEntries(document, 'roles')) {
      checkName(role, 'rolename', 'role', add);
      checkRoleAcls(role, add);
    }
    for (const client of dynsecEntries(document, 'clients')) {
      checkName(client, 'username', 'client', add);
    }
    for (const group of dynsecEntries(document, 'groups')) {
      checkName(group, 'groupname', 'group', add);
    }
  },
});

function checkDefaultAccess(root: Node, add: Add): void {
  const access = findNodeAtLocation(root, ['defaultACLAccess']);
  if (!access) {
    return;
  }
  if (access.type !== 'object') {
    add(
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
        keyNode ?? property,
        `'${key}' is not a default access type (the plugin reads ${DYNSEC_DEFAULT_ACCESS_KEYS.join(', ')}; names are case-sensitive here): ignored.`,
      );
    } else if (valueNode && valueNode.type !== 'boolean') {
      add(valueNode, `'${key}' must be true or false, not ${typeName(valueNode)}: the plugin uses the default for it.`);
    }
  }
}

/** A required name: missing or not a string, the plugin skips the entry. */
function checkName(entry: Node, field: string, what: string, add: Add): void {
  const name = findNodeAtLocation(entry, [field]);
  if (!name || name.type !== 'string') {
    add(name ?? { offset: entry.offset, length: 1 }, `This ${what} has no '${field}' string: the plugin skips it.`);
  }
}

/** The shape of a role's ACLs (their acltype is dynsec-acl-type's). */
function checkRoleAcls(role: Node, add: Add): void {
  const acls = findNodeAtLocation(role, ['acls']);
  if (!acls) {
    return;
  }
  if (acls.type !== 'array') {
    add(acls, `'acls' must be an array, not ${typeName(acls)}: the role gets no ACLs.`);
    return;
  }
  for (const acl of acls.children ?? []) {
    if (acl.type !== 'object') {
      add(acl, `An ACL must be an object, not ${typeName(acl)}: the plugin skips it.`);
      continue;
    }
    const topic = findNodeAtLocation(acl, ['topic']);
    if (!topic || topic.type !== 'string') {
      add(topic ?? { offset: acl.offset, length: 1 }, "This ACL has no 'topic' string: the plugin skips it.");
    }
    const priority = findNodeAtLocation(acl, ['priority']);
    if (priority && priority.type !== 'number') {
      add(priority, `'priority' must be a number, not ${typeName(priority)}: the plugin uses 0.`);
    }
    const allow = findNodeAtLocation(acl, ['allow']);
    if (allow && allow.type !== 'boolean') {
      add(allow, `'allow' must be true or false, not ${typeName(allow)}: the plugin uses false (deny).`);
    }
  }
}
