import { activeListeners, describeSection } from '../model/config';
import type { Section } from '../model/config';
import { atLeast } from '../version';
import type { Finding } from '../engine/rule';
import { atName, configurationRule } from '../engine/rule';
import { SINCE, nameOf } from '../model/reading';

/**
 * Certificate and PSK encryption in one listener: `psk_hint` followed by `certfile`/`cafile`
 * (all versions), or `psk_file` read while the current listener already has a `certfile`
 * (2.0.23 and 2.1+). The broker refuses to start.
 */
/** What the rule finds in one section: 'psk_hint' followed by a certificate, and whether it has a 'psk_file'. */
interface SectionPsk {
  readonly findings: readonly Finding<undefined>[];
  readonly pskFile: boolean;
}

const NOTHING: SectionPsk = { findings: [], pskFile: false };

// The per-section part is kept across edits for untouched sections; the walk over the reading
// order (the listener current at a 'psk_file' line) runs only when some section has a 'psk_file'.
export default configurationRule<undefined, SectionPsk>({
  id: 'tls-psk-and-certificate',
  title: 'Certificate and PSK encryption in one listener',
  perSection(section) {
    let psk = false;
    let pskFile = false;
    const findings: Finding<undefined>[] = [];
    for (const d of section.entries) {
      const name = nameOf(d);
      if (name === 'psk_file') {
        pskFile = true;
      } else if (name === 'psk_hint') {
        psk = true;
      } else if (psk && (name === 'certfile' || name === 'cafile')) {
        findings.push(
          atName(
            d,
            `${describeSection(section)} already uses PSK encryption ('psk_hint' above); a listener cannot also use certificates: the broker refuses to start. Use a separate listener.`,
            'error',
          ),
        );
      }
    }
    return findings.length === 0 && !pskFile ? NOTHING : { findings, pskFile };
  },
  check({ model, settings, report }, ofSection) {
    for (const section of activeListeners(model)) {
      for (const finding of ofSection(section).findings) {
        report(finding);
      }
    }
    if (!atLeast(settings.brokerVersion, SINCE.pskWithCertificateRefused)) {
      return;
    }
    // Every 'psk_file' line lands in a section (security options are global or per listener).
    if (![model.global, model.defaultListener, ...model.listeners, ...model.bridges].some((section) => ofSection(section).pskFile)) {
      return;
    }
    // The check looks at the listener current when psk_file is read, whatever per_listener_settings says.
    const is21 = atLeast(settings.brokerVersion, SINCE.release2_1);
    const current = new Map<string, Section | undefined>();
    const withCertfile = new Set<Section>();
    for (const d of model.order) {
      const name = nameOf(d);
      // The current listener changes only at a listener line, or in 2.1 at a line that lands on
      // the default listener while no other listener is current (port and bind_address always):
      // other lines need no placement lookup.
      if (name !== 'listener' && name !== 'certfile' && name !== 'psk_file' && name !== 'port' && name !== 'bind_address') {
        const now = current.get(d.file);
        if (!is21 || (now !== undefined && now !== model.defaultListener)) {
          continue;
        }
      }
      const placement = model.placements.get(d);
      if (placement?.kind === 'section-start' && placement.target?.kind === 'listener') {
        current.set(d.file, placement.target);
      } else if (is21 && (placement?.kind === 'default-listener' || placement?.kind === 'implicit-default-listener')) {
        current.set(d.file, model.defaultListener);
      }
      const listener = current.get(d.file);
      if (name === 'certfile' && placement?.target) {
        withCertfile.add(placement.target);
      } else if (name === 'psk_file' && listener && withCertfile.has(listener)) {
        report(
          atName(
            d,
            `${describeSection(listener)} already has a 'certfile'; 'psk_file' here would add PSK encryption to it, and a listener cannot use both: the broker refuses to start. Put PSK on a separate listener.`,
            'error',
          ),
        );
      }
    }
  },
});
