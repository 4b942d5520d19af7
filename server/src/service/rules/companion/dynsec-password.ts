import type { Node } from 'jsonc-parser';
import { findNodeAtLocation } from 'jsonc-parser';
import { dynsecRule } from '../../engine/companionRule';
import { base64Length, dynsecEntries, dynsecRequiredBytes, typeName } from '../../companion/dynsec/dynsec';

/**
 * Dynamic-security rule (each loaded client): `password`, `salt` and `iterations` that the
 * plugin cannot use (not all three, iterations not positive, not base64, and in 2.0 a salt other
 * than 12 bytes or a hash other than 64). Warning: the client has no password, or is dropped.
 */
export default dynsecRule({
  id: 'dynsec-password',
  title: 'Dynamic-security client whose password, salt and iterations the plugin cannot use',
  check(document, { version, report }) {
    const add = (node: Node, message: string): void => report({ range: document.range(node.offset, node.length), severity: 'warning', message });
    const sizes = dynsecRequiredBytes(version);
    for (const client of dynsecEntries(document, 'clients')) {
      const fields = ['password', 'salt', 'iterations'].map((f) => [f, findNodeAtLocation(client, [f])] as const);
      const present = fields.filter(([, node]) => node !== undefined);
      if (present.length === 0) {
        continue; // a client without a password (authenticates some other way, or not at all)
      }
      if (present.length < 3) {
        const missing = fields.filter(([, node]) => node === undefined).map(([f]) => f);
        add(
          present[0][1] ?? client,
          `'password', 'salt' and 'iterations' go together; ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing: this client has no password and cannot log in with one.`,
        );
        continue;
      }
      const [password, salt, iterations] = fields.map(([, node]) => node as Node);
      if (iterations.type !== 'number' || !(Number(iterations.value) > 0)) {
        add(iterations, "'iterations' must be a positive number: this client has no password and cannot log in with one.");
        continue;
      }
      for (const [node, name, bytes] of [
        [password, 'password', sizes?.password],
        [salt, 'salt', sizes?.salt],
      ] as const) {
        if (node.type !== 'string') {
          add(node, `'${name}' must be a base64 string, not ${typeName(node)}: this client has no password and cannot log in with one.`);
          continue;
        }
        const length = base64Length(String(node.value));
        if (length === undefined) {
          add(node, `'${name}' is not base64: the plugin drops this client.`);
        } else if (bytes !== undefined && length !== bytes) {
          add(node, `'${name}' decodes to ${length} bytes; this release needs ${bytes}: the plugin drops this client.`);
        }
      }
    }
  },
});
