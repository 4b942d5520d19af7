import { configurationRule } from '../engine/rule';
import { factsOf, loadFailureEffect, loadFailureIsFatal, optionName, pathSpan, refOf, tlsFileRefs } from '../model/tls';

/** `keyfile` holds a private key that does not belong to `certfile`'s certificate. */
// Not kept across edits (no `sectionsOnly`): it reads certificate and key files through the file system.
export default configurationRule({
  id: 'tls-key-mismatch',
  title: 'Private key that does not belong to the certificate',
  check({ model, settings, fs, report }) {
    const tls = fs.tls;
    if (!tls) {
      return;
    }
    const refs = tlsFileRefs(model, settings, fs);
    for (const keyRef of refs.filter((r) => r.slot === 'keyfile')) {
      const certRef = refOf(refs, keyRef.section, 'certfile');
      const certificate = certRef ? factsOf(certRef, tls)?.certificates[0] : undefined;
      // OpenSSL uses the first private key of the file.
      const key = factsOf(keyRef, tls)?.privateKeys[0];
      if (!certRef || !certificate || !key?.publicKeyId || key.publicKeyId === certificate.publicKeyId) {
        continue;
      }
      const fatal = loadFailureIsFatal('keyfile', keyRef.section, model, settings.brokerVersion);
      report({
        file: keyRef.directive.file,
        at: pathSpan(keyRef),
        severity: fatal ? 'error' : 'warning',
        message:
          `This private key does not belong to the certificate in '${optionName(certRef)}' (subject ${certificate.subject}): ${loadFailureEffect(keyRef, model, settings.brokerVersion)}. ` +
          'Use the key the certificate was issued for (after a renewal, take both files from the same renewal).',
        related: [{ file: certRef.directive.file, at: pathSpan(certRef), message: 'the certificate' }],
      });
    }
  },
});
