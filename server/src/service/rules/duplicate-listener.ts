import { activeListeners, describeSection, lastEntry } from '../model/config';
import type { Section } from '../model/config';
import type { LineNumber, Severity } from '../engine/rule';
import { atName, configurationRule, nameSpan } from '../engine/rule';

function where(section: Section, lineNumber: LineNumber): string {
  return section.header ? `line ${lineNumber(section.header)}` : 'the default listener';
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** What a listener binds: per address family a specific address or `*` (all), or a host name. */
interface Binding {
  readonly ipv4?: string;
  readonly ipv6?: string;
  readonly hostName?: string;
}

/** What a listener binds, narrowed by its `socket_domain` (ipv4 or ipv6 only). */
function bindingOf(section: Section): Binding {
  const binding = addressBinding(section.address);
  const domain = lastEntry(section, 'socket_domain')?.args[0]?.text;
  if (domain === 'ipv4') {
    return { ipv4: binding.ipv4, hostName: binding.hostName };
  }
  if (domain === 'ipv6') {
    return { ipv6: binding.ipv6, hostName: binding.hostName };
  }
  return binding;
}

function addressBinding(address: string | undefined): Binding {
  if (address === undefined) {
    return { ipv4: '*', ipv6: '*' }; // the broker opens an IPv4 and an IPv6 socket
  }
  if (address === '0.0.0.0') {
    return { ipv4: '*' };
  }
  if (address === '::') {
    return { ipv6: '*' };
  }
  if (IPV4.test(address)) {
    return { ipv4: address };
  }
  return address.includes(':') ? { ipv6: address } : { hostName: address };
}

/**
 * How two listeners on the same port collide: `same` address, or `overlap` (one binds all
 * addresses of a family the other binds one address of; a host name may resolve to anything).
 */
function collision(a: Section, b: Section): 'same' | 'overlap' | undefined {
  const x = bindingOf(a);
  const y = bindingOf(b);
  const shareFamily =
    (x.ipv4 !== undefined && y.ipv4 !== undefined) || (x.ipv6 !== undefined && y.ipv6 !== undefined) || (x.hostName !== undefined && y.hostName !== undefined);
  if ((a.address ?? '') === (b.address ?? '') && shareFamily) {
    return 'same';
  }
  for (const family of ['ipv4', 'ipv6'] as const) {
    const p = x[family];
    const q = y[family];
    if (p !== undefined && q !== undefined && (p === '*' || q === '*')) {
      return 'overlap';
    }
  }
  const anyWildcard = (z: Binding): boolean => z.ipv4 === '*' || z.ipv6 === '*';
  if ((x.hostName !== undefined && anyWildcard(y)) || (y.hostName !== undefined && anyWildcard(x))) {
    return 'overlap';
  }
  return undefined;
}

/**
 * Two listeners on the same port and address, or on the same port where one listens on all
 * addresses: the second bind fails at start-up ("Address already in use"). Linux refuses a
 * specific address next to the wildcard on the same port; macOS and Windows may allow it.
 */
export default configurationRule({
  id: 'duplicate-listener',
  title: 'Two listeners on the same port and address',
  sectionsOnly: true,
  check({ model, settings, report }) {
    // The listeners seen so far, by port (only listeners on one port can collide).
    const seen = new Map<number, Section[]>();
    for (const section of activeListeners(model)) {
      if (section.port === undefined || section.port === 0) {
        continue;
      }
      let first: Section | undefined;
      let kind: 'same' | 'overlap' | undefined;
      let onPort = seen.get(section.port);
      if (onPort === undefined) {
        onPort = [];
        seen.set(section.port, onPort);
      }
      for (const earlier of onPort) {
        kind = collision(earlier, section);
        if (kind) {
          first = earlier;
          break;
        }
      }
      onPort.push(section);
      if (!first || !kind) {
        continue;
      }
      const anchor = section.header ?? model.defaultListener.entries[0];
      if (!anchor) {
        continue;
      }
      // The line of the first listener is named when the diagnostic is assembled: the finding
      // is kept while the sections are the same, and lines above them may come and go.
      const other = (lineNumber: LineNumber): string =>
        first.kind === 'default-listener'
          ? `the ${describeSection(first)}${first.explicit ? '' : ', which the options before the first listener create,'}`
          : `the listener on ${where(first, lineNumber)}`;
      const related = first.header ? [{ file: first.header.file, at: nameSpan(first.header), message: 'first listener on this port' }] : undefined;
      if (kind === 'same') {
        report(
          atName(
            anchor,
            (lineNumber) =>
              `Port ${section.port}${section.address ? ` on ${section.address}` : ''} is already used by ${other(lineNumber)}: the broker fails with "address already in use" at start-up.`,
            'error',
            { related },
          ),
        );
        continue;
      }
      const linux = settings.platform === 'linux';
      const severity: Severity = linux ? 'error' : 'warning';
      const effect = linux
        ? 'Linux refuses the second bind and the broker fails with "address already in use" at start-up'
        : 'on Linux the broker would fail with "address already in use"; on this platform the two may coexist, but clients cannot tell which listener they reach';
      report(
        atName(
          anchor,
          (lineNumber) =>
            `Port ${section.port}${section.address ? ` on ${section.address}` : ' on all addresses'} overlaps ${other(lineNumber)}${first.address ? ` (${first.address})` : ' (all addresses)'}: ${effect}.`,
          severity,
          { related },
        ),
      );
    }
  },
});
