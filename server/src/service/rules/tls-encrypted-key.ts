import { configurationRule } from '../engine/rule';
import { factsOf, loadFailureEffect, loadFailureIsFatal, optionName, pathSpan, shellPath, tlsFileRefs } from '../model/tls';

/** A private key protected by a passphrase: the broker has no way to ask for it. */
// Not kept across edits (no `sectionsOnly`): it reads key files through the file system.
export default configurationRule({
  id: 'tls-encrypted-key',
  title: 'Private key protected by a passphrase',
  check({ model, settings, fs, report }) {
    const tls = fs.tls;
    if (!tls) {
      return;
    }
    for (const ref of tlsFileRefs(model, settings, fs).filter((r) => r.slot === 'keyfile')) {
      if (factsOf(ref, tls)?.privateKeys[0]?.encrypted !== true) {
        continue;
      }
      const fatal = loadFailureIsFatal('keyfile', ref.section, model, settings.brokerVersion);
      const out = shellPath(ref.path.replace(/(\.[^./\\]*)?$/, '-nopass.key'));
      report({
        file: ref.directive.file,
        at: pathSpan(ref),
        severity: fatal ? 'error' : 'warning',
        message:
          `'${optionName(ref)}' is protected by a passphrase, and the broker runs as a service that cannot type one: ${loadFailureEffect(ref, model, settings.brokerVersion)}. ` +
          `Write an unprotected copy (\`openssl pkey -in ${shellPath(ref.path)} -out ${out}\`, asks for the passphrase once), keep it readable only by root and the broker's group, and use that.`,
      });
    }
  },
});
