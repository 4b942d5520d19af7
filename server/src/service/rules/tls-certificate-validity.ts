import { configurationRule } from '../engine/rule';
import { factsOf, optionName, pathSpan, tlsFileRefs } from '../model/tls';

/** Warn this long before a certificate expires. */
const SOON_MS = 30 * 86_400_000;

function day(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * Certificates in `certfile` that are expired, not yet valid or expire within 30 days. The
 * broker starts with them (checked on every release here), but TLS clients refuse them.
 */
// Not kept across edits (no `sectionsOnly`): it reads certificate files through the file system and TLS inspector.
export default configurationRule({
  id: 'tls-certificate-validity',
  title: 'Certificate expired, not yet valid, or expiring within 30 days',
  check({ model, settings, fs, report }) {
    const tls = fs.tls;
    if (!tls) {
      return;
    }
    const now = Date.now();
    for (const ref of tlsFileRefs(model, settings, fs).filter((r) => r.slot === 'certfile')) {
      const certificates = factsOf(ref, tls)?.certificates ?? [];
      certificates.forEach((certificate, index) => {
        const what =
          index === 0
            ? `The certificate in '${optionName(ref)}' (${certificate.subject})`
            : `The intermediate certificate ${certificate.subject} in '${optionName(ref)}'`;
        const clients = ref.section.kind === 'bridge' ? "the remote broker refuses the bridge's certificate" : 'every TLS client refuses the connection';
        const to = Date.parse(certificate.validTo);
        const from = Date.parse(certificate.validFrom);
        const at = { file: ref.directive.file, at: pathSpan(ref) };
        if (to < now) {
          report({ ...at, severity: 'warning', message: `${what} expired on ${day(certificate.validTo)}. The broker still starts, but ${clients}. Renew it.` });
        } else if (from > now) {
          report({
            ...at,
            severity: 'warning',
            message: `${what} is not valid before ${day(certificate.validFrom)}. The broker starts, but until then ${clients} (check this machine's clock and the certificate's dates).`,
          });
        } else if (to - now < SOON_MS) {
          report({
            ...at,
            severity: 'information',
            message: `${what} expires on ${day(certificate.validTo)}, in ${Math.max(0, Math.floor((to - now) / 86_400_000))} days: renew it before then, or ${clients}.`,
          });
        }
      });
    }
  },
});
