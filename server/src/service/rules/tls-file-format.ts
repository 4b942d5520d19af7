import { configurationRule } from '../engine/rule';
import {
  conversionCommand,
  describeFormat,
  factsOf,
  holdsTlsMaterial,
  loadFailureEffect,
  loadFailureIsFatal,
  optionName,
  pathSpan,
  tlsFileRefs,
} from '../model/tls';

/** What each slot needs, in words. */
const NEEDS: Readonly<Record<string, string>> = {
  cafile: 'PEM CA certificates',
  certfile: 'a PEM certificate',
  keyfile: 'a PEM private key',
  crlfile: 'a PEM certificate revocation list',
  dhparamfile: 'PEM Diffie-Hellman parameters',
};

/** A certificate, key, CRL or DH file that is not PEM (DER, PKCS#12/PFX, PKCS#7, OpenSSH, …). */
/** What the finding carries: the format found and the conversion command, when there is one. */
export interface FormatFound {
  readonly format: string;
  readonly command?: string;
}

export default configurationRule<FormatFound>({
  id: 'tls-file-format',
  title: 'TLS file in a format the broker cannot read (it reads PEM only)',
  check({ model, settings, fs, report }) {
    const tls = fs.tls;
    if (!tls) {
      return;
    }
    for (const ref of tlsFileRefs(model, settings, fs)) {
      const facts = factsOf(ref, tls);
      if (!facts || holdsTlsMaterial(facts)) {
        continue;
      }
      const command = conversionCommand(facts, ref.slot, ref.path);
      const fatal = loadFailureIsFatal(ref.slot, ref.section, model, settings.brokerVersion);
      const convert = command ? ` Convert it: \`${command}\`, then point '${optionName(ref)}' at the new file.` : '';
      report({
        file: ref.directive.file,
        at: pathSpan(ref),
        severity: fatal ? 'error' : 'warning',
        message: `'${optionName(ref)}' needs ${NEEDS[ref.slot] ?? 'a PEM file'}, but this file is ${describeFormat(facts)}: ${loadFailureEffect(ref, model, settings.brokerVersion)}.${convert}`,
        data: { format: facts.format, ...(command ? { command } : {}) },
      });
    }
  },
});
