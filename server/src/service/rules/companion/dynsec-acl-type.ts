import { findNodeAtLocation } from 'jsonc-parser';
import { dynsecRule } from '../../engine/companionRule';
import { DYNSEC_ROLE_ACL_TYPES, dynsecEntries, roleAcls, typeName } from '../../companion/dynsec/dynsec';

/**
 * Dynamic-security rule (each ACL of each loaded role): an `acltype` that is missing or not one a
 * role accepts (compared without case). Warning: the plugin skips the ACL.
 */
export default dynsecRule({
  id: 'dynsec-acl-type',
  title: 'Dynamic-security role ACL with an acltype the plugin does not accept',
  check(document, { report }) {
    for (const role of dynsecEntries(document, 'roles')) {
      for (const acl of roleAcls(role)) {
        const type = findNodeAtLocation(acl, ['acltype']);
        const value = type?.type === 'string' ? String(type.value) : undefined;
        if (value !== undefined && DYNSEC_ROLE_ACL_TYPES.some((t) => t.toLowerCase() === value.toLowerCase())) {
          continue;
        }
        const shown = value === undefined ? (type ? typeName(type) : 'missing') : `'${value}'`;
        const at = type ?? { offset: acl.offset, length: 1 };
        report({
          range: document.range(at.offset, at.length),
          severity: 'warning',
          message: `ACL type ${shown} is not one a role accepts (${DYNSEC_ROLE_ACL_TYPES.join(', ')}): the plugin skips this ACL.`,
        });
      }
    }
  },
});
