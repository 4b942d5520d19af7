import { configurationRule } from '../engine/rule';
import { factsOf, letsEncryptFile, optionName, pathSpan, refOf, shellPath, tlsFileRefs } from '../model/tls';

/**
 * Chain problems the broker does not stop for: no certificate in `certfile`, `cafile` or
 * `capath` issued the server certificate (so the broker cannot send its issuer with it), and
 * `capath` folders without the hashed names OpenSSL looks certificates up by.
 */
// Not kept across edits (no `sectionsOnly`): it reads certificate files and capath folders through the file system.
export default configurationRule({
  id: 'tls-chain',
  title: 'Certificate chain that the CA files do not complete; capath without hashed names',
  check({ model, settings, fs, report }) {
    const tls = fs.tls;
    if (!tls) {
      return;
    }
    const refs = tlsFileRefs(model, settings, fs);
    for (const ref of refs.filter((r) => r.slot === 'capath')) {
      const folder = tls.inspectCaPath(ref.path);
      if (!folder) {
        continue;
      }
      const at = { file: ref.directive.file, at: pathSpan(ref), severity: 'warning' as const };
      if (folder.certificates === 0) {
        report({ ...at, message: `'${optionName(ref)}' holds no PEM certificates, so no certificate can be verified against it.` });
      } else if (folder.unhashed.length > 0) {
        report({
          ...at,
          message: `OpenSSL finds certificates in '${optionName(ref)}' only by their subject-hash names (like 1a2b3c4d.0), and ${folder.unhashed.length === folder.certificates ? 'none' : 'some'} of the certificates here have one (e.g. ${folder.unhashed[0]}): run \`openssl rehash ${shellPath(ref.path)}\` (or c_rehash) after adding certificates.`,
        });
      }
    }
    // A bridge's CA file verifies the remote broker, not the bridge's own certificate.
    for (const certRef of refs.filter((r) => r.slot === 'certfile' && r.section.kind !== 'bridge')) {
      const leaf = factsOf(certRef, tls)?.certificates[0];
      // Let's Encrypt's cert.pem gets the fullchain.pem advice from tls-file-slot: one story per line.
      if (!leaf || leaf.selfSigned || letsEncryptFile(certRef.path) === 'cert.pem') {
        continue;
      }
      const cafile = refOf(refs, certRef.section, 'cafile');
      const capath = refOf(refs, certRef.section, 'capath');
      const verdict = tls.verifyChain(certRef.path, { cafile: cafile?.path, capath: capath?.path });
      if (verdict?.kind !== 'missing-issuer') {
        continue;
      }
      const trust = [cafile, capath].filter((r) => r !== undefined).map((r) => `'${optionName(r)}'`);
      const where = trust.length > 0 ? `'${optionName(certRef)}' or ${trust.join(' or ')}` : `'${optionName(certRef)}'`;
      report({
        file: certRef.directive.file,
        at: pathSpan(certRef),
        severity: trust.length > 0 ? 'warning' : 'information',
        message:
          `No certificate in ${where} issued this certificate (its issuer is ${verdict.issuer}), so the broker cannot send the issuer along: ` +
          `clients that do not already have it cannot verify the server. Append the intermediate certificate(s) to the certificate file (a "full chain"), or put the issuing CA in the CA file.`,
      });
    }
  },
});
