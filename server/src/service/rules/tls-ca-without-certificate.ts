import { lineOf } from '../parser/parser';
import { describeSection, lastEntry, listenerLoadsCertificates } from '../model/config';
import type { Fix } from '../engine/rule';
import { atName, sectionRule } from '../engine/rule';
import { insertLinesAfter, insertLinesBefore } from '../model/lineEdits';
import { partnerPath, siblings, splitPath } from '../model/fixSupport';
import { SINCE } from '../model/reading';
import { atLeast } from '../version';

/** What is missing next to the CA (or the CA missing next to the pair) and on which listener. */
export interface MissingCertificate {
  readonly missing: 'certfile' | 'cafile';
  readonly section: string;
}

/**
 * `cafile`/`capath` without `certfile` and `keyfile`: since 2.0 the CA only verifies client
 * certificates; it does not turn TLS on. Before 2.0, TLS on an MQTT listener also needed a CA
 * (websockets listeners load `certfile` + `keyfile` without one: `listenerLoadsCertificates`).
 */
export default sectionRule<MissingCertificate>({
  id: 'tls-ca-without-certificate',
  sections: 'active-listeners',
  // Reads only the section and the settings: kept across edits while its entries are the same.
  sectionLocal: true,
  title: "'cafile' or 'capath' without 'certfile' and 'keyfile'",
  check(section, { settings, report }) {
    const version = settings.brokerVersion;
    const refuses = atLeast(version, SINCE.incompleteTlsRefused);
    const ca = lastEntry(section, 'cafile', 'capath');
    const cert = lastEntry(section, 'certfile');
    const key = lastEntry(section, 'keyfile');
    const name = describeSection(section);
    if (ca && !cert && !key) {
      const effect = refuses
        ? 'the broker refuses to start'
        : atLeast(version, SINCE.release2_0)
          ? `this broker version runs ${name} without TLS (since 2.0 a CA alone does not enable TLS)`
          : `this broker version runs ${name} without TLS`;
      report(
        atName(
          ca,
          `${name} has '${ca.name}' but neither 'certfile' nor 'keyfile': ${effect}. Add the server certificate and key.`,
          refuses ? 'error' : 'warning',
          { data: { missing: 'certfile', section: section.id } },
        ),
      );
    } else if (!ca && cert && key && !listenerLoadsCertificates(section, version)) {
      // Only MQTT listeners before 2.0: websockets listeners load the pair without a CA file.
      report(
        atName(
          cert,
          `Before mosquitto 2.0, ${name} (MQTT) enables TLS only when 'cafile' or 'capath' is set too: without one it runs unencrypted.`,
          'warning',
          { data: { missing: 'cafile', section: section.id } },
        ),
      );
    }
  },
  fix(context): Fix[] {
    const { payload, directive, file } = context;
    if (!directive || !payload) {
      return [];
    }
    const { folder } = splitPath(directive.value);
    const found = siblings(context, directive.value);
    if (payload.missing === 'cafile') {
      const ca = found.find((f) => /^(ca|chain)[.-]/i.test(f)) ?? 'ca.crt';
      return [{ title: `Add 'cafile ${folder}${ca}'`, edits: [insertLinesBefore(file, lineOf(file, directive), [`cafile ${folder}${ca}`])], preferred: true }];
    }
    const letsEncrypt = found.includes('fullchain.pem') && found.includes('privkey.pem');
    const certificate = folder + (letsEncrypt ? 'fullchain.pem' : (found.find((f) => /\.crt$/i.test(f) && !/^ca[.-]/i.test(f)) ?? 'server.crt'));
    const key = letsEncrypt ? `${folder}privkey.pem` : partnerPath(context, certificate, 'keyfile');
    return [
      {
        title: "Add 'certfile' and 'keyfile'",
        edits: [insertLinesAfter(file, lineOf(file, directive), [`certfile ${certificate}`, `keyfile ${key}`])],
        preferred: true,
      },
    ];
  },
});
