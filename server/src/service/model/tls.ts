// The TLS files a listener or bridge points at, where they are on this machine, and what the
// selected release does when it cannot load one. Shared by the TLS material rules and hover.
import type { Directive, Span } from '../parser/parser';
import { pathContext, resolveBrokerPath } from './brokerPaths';
import { nameOf, pathValue, SINCE } from './reading';
import type { AnalysisSettings, FileSystemAccess, TlsFileFacts, TlsInspector } from '../types';
import type { Version } from '../version';
import { atLeast } from '../version';
import type { ConfigModel, Section } from './config';
import { isActiveListener, lastEntry, listenerLoadsCertificates, listenerProtocol } from './config';

/** The role a file plays, whatever the option is called (listener or bridge). */
export type TlsSlot = 'cafile' | 'capath' | 'certfile' | 'keyfile' | 'crlfile' | 'dhparamfile';

/** Option name -> slot, for listener and bridge options. */
export const TLS_SLOT_OPTIONS: Readonly<Record<string, TlsSlot>> = {
  cafile: 'cafile',
  capath: 'capath',
  certfile: 'certfile',
  keyfile: 'keyfile',
  crlfile: 'crlfile',
  dhparamfile: 'dhparamfile',
  bridge_cafile: 'cafile',
  bridge_capath: 'capath',
  bridge_certfile: 'certfile',
  bridge_keyfile: 'keyfile',
};

/** One TLS option line whose file can be looked at on this machine. */
export interface TlsFileRef {
  readonly directive: Directive;
  readonly slot: TlsSlot;
  readonly section: Section;
  /** Native path on this machine. */
  readonly path: string;
  /** Where the path text starts and ends on the line. */
  readonly start: number;
  readonly end: number;
  /** Found through a path mapping: the broker runs elsewhere, with its own users. */
  readonly mapped: boolean;
}

/** The file a TLS option names, when path checks are on, the inspector is there and the path can be checked here. */
export function tlsFileRef(d: Directive, model: ConfigModel, settings: AnalysisSettings, fs: FileSystemAccess): TlsFileRef | undefined {
  const slot = TLS_SLOT_OPTIONS[nameOf(d)];
  const section = model.placements.get(d)?.target;
  if (slot === undefined || section === undefined || !settings.checkPaths || fs.tls === undefined) {
    return undefined;
  }
  // With `tls_keyform engine` the keyfile names a key inside an OpenSSL engine, not a file.
  if (slot === 'keyfile' && section.kind !== 'bridge' && lastEntry(section, 'tls_keyform')?.value === 'engine') {
    return undefined;
  }
  const expected = nameOf(d).startsWith('bridge_') ? 'bridge' : 'listener';
  if ((expected === 'bridge') !== (section.kind === 'bridge')) {
    return undefined;
  }
  const where = checkablePath(d, settings, fs);
  if (!where) {
    return undefined;
  }
  return { directive: d, slot, section, ...where };
}

/**
 * The native path a path option names, looked up through the path mappings (Compose volumes,
 * `mosquitto.pathMappings`) the way path-not-found does, when it can be checked on this
 * machine; and where it is on the line. `mapped`: found through a mapping, so the broker runs
 * elsewhere (a container) with its own users.
 */
export function checkablePath(
  d: Directive,
  settings: AnalysisSettings,
  fs: FileSystemAccess,
): { path: string; start: number; end: number; mapped: boolean } | undefined {
  const value = pathValue(d, settings.brokerVersion);
  if (!value) {
    return undefined;
  }
  const resolved = resolveBrokerPath(value.text, pathContext(settings, fs.hostPlatform));
  if (resolved.kind !== 'local' || resolved.relative) {
    return undefined;
  }
  return { path: resolved.local, start: value.start, end: value.start + value.text.length, mapped: resolved.mapping !== undefined };
}

const LISTENER_OPTIONS = ['cafile', 'capath', 'certfile', 'keyfile', 'crlfile', 'dhparamfile'] as const;
const BRIDGE_OPTIONS = ['bridge_cafile', 'bridge_capath', 'bridge_certfile', 'bridge_keyfile'] as const;

/** The refs of the last call, per model: every TLS material rule asks for the same list. */
const REFS = new WeakMap<ConfigModel, { settings: AnalysisSettings; fs: FileSystemAccess; refs: readonly TlsFileRef[] }>();

/** The effective (last) TLS options of each listener and bridge, with their files. */
export function tlsFileRefs(model: ConfigModel, settings: AnalysisSettings, fs: FileSystemAccess): TlsFileRef[] {
  // Without path checks or an inspector no option yields a ref (tlsFileRef).
  if (!settings.checkPaths || fs.tls === undefined) {
    return [];
  }
  const known = REFS.get(model);
  if (known !== undefined && known.settings === settings && known.fs === fs) {
    return known.refs.slice();
  }
  const refs: TlsFileRef[] = [];
  // A section's refs depend on its entries (and their placements: they name the section), the
  // settings and the host platform; a patched model keeps the sections an edit did not touch,
  // so their refs are kept by section object for the same settings and host.
  const key = `${fs.hostPlatform}\0${JSON.stringify(settings)}`;
  for (const section of [model.defaultListener, ...model.listeners, ...model.bridges]) {
    const kept = SECTION_REFS.get(section);
    if (kept !== undefined && kept.key === key) {
      for (const ref of kept.refs) {
        refs.push(ref);
      }
      continue;
    }
    const own: TlsFileRef[] = [];
    const options = section.kind === 'bridge' ? BRIDGE_OPTIONS : LISTENER_OPTIONS;
    for (const option of options) {
      const d = lastEntry(section, option);
      const ref = d ? tlsFileRef(d, model, settings, fs) : undefined;
      if (ref) {
        own.push(ref);
        refs.push(ref);
      }
    }
    SECTION_REFS.set(section, { key, refs: own });
  }
  REFS.set(model, { settings, fs, refs });
  return refs.slice();
}

/** The refs of each section object, for one host platform and settings (see tlsFileRefs). */
const SECTION_REFS = new WeakMap<Section, { readonly key: string; readonly refs: readonly TlsFileRef[] }>();

/** The refs of each section, per list of refs (a rule asks for many sections of one list). */
const REFS_BY_SECTION = new WeakMap<readonly TlsFileRef[], Map<Section, TlsFileRef[]>>();

/** The ref of one slot in a section, from a list of refs. */
export function refOf(refs: readonly TlsFileRef[], section: Section, slot: TlsSlot): TlsFileRef | undefined {
  let bySection = REFS_BY_SECTION.get(refs);
  if (bySection === undefined) {
    bySection = new Map();
    for (const r of refs) {
      const list = bySection.get(r.section);
      if (list) {
        list.push(r);
      } else {
        bySection.set(r.section, [r]);
      }
    }
    REFS_BY_SECTION.set(refs, bySection);
  }
  return bySection.get(section)?.find((r) => r.slot === slot);
}

/**
 * Whether the selected release opens a listener's certificate files at all: it must be opened,
 * and load its certificate (`listenerLoadsCertificates`: `certfile` + `keyfile`; MQTT listeners
 * before 2.0 also need `cafile` or `capath`, websockets listeners do not).
 */
export function loadsCertificates(section: Section, model: ConfigModel, version: Version): boolean {
  return section.kind !== 'bridge' && isActiveListener(model, section) && listenerLoadsCertificates(section, version);
}

/**
 * Whether the selected release refuses to start when it cannot load (or find) the file of
 * `slot` (checked against 1.5.11, 1.6.15, 2.0.11, 2.0.22 and 2.1.2; see docs/rules.md):
 * certificate and key always; CA and CRL files on MQTT listeners, and on websockets listeners
 * from 2.1 (before, the websockets library goes on without them); dhparamfile on MQTT listeners
 * from 1.6 until 2.1, which ignores it, also on a TLS-PSK listener without a certificate (net.c
 * reads it whenever it sets TLS up). A bridge's files are loaded when it connects: the broker
 * starts either way. Used by the TLS material rules and by path-not-found.
 */
export function loadFailureIsFatal(slot: TlsSlot, section: Section, model: ConfigModel, version: Version): boolean {
  const websockets = listenerProtocol(section) === 'websockets';
  if (slot === 'dhparamfile') {
    return (
      !websockets &&
      atLeast(version, SINCE.dhparamfileLoaded) &&
      !atLeast(version, SINCE.dhparamfileIgnored) &&
      (loadsCertificates(section, model, version) || usesPskOnly(section, model))
    );
  }
  if (!loadsCertificates(section, model, version)) {
    return false;
  }
  switch (slot) {
    case 'certfile':
    case 'keyfile':
      return true;
    case 'cafile':
    case 'crlfile':
      return !websockets || atLeast(version, SINCE.websocketsTlsFilesRequired);
    case 'capath':
      return false;
  }
}

/** An opened listener that sets TLS up for PSK (`psk_hint`), without a certificate. */
function usesPskOnly(section: Section, model: ConfigModel): boolean {
  return section.kind !== 'bridge' && isActiveListener(model, section) && lastEntry(section, 'psk_hint') !== undefined;
}

/** `certfile` or `cafile` after `psk_hint` in one listener: every release refuses that at start-up. */
function pskWithCertificate(section: Section): boolean {
  const psk = section.entries.findIndex((d) => nameOf(d) === 'psk_hint');
  return psk >= 0 && section.entries.slice(psk + 1).some((d) => nameOf(d) === 'certfile' || nameOf(d) === 'cafile');
}

/** What happens when the selected release cannot use the file of `slot`, in words for messages. */
export function slotFailureEffect(slot: TlsSlot, section: Section, model: ConfigModel, version: Version): string {
  if (loadFailureIsFatal(slot, section, model, version)) {
    return 'the broker refuses to start';
  }
  if (section.kind === 'bridge') {
    return 'the bridge cannot connect (the broker itself starts)';
  }
  if (!loadsCertificates(section, model, version)) {
    if (usesPskOnly(section, model) && pskWithCertificate(section)) {
      // tls-psk-and-certificate reports the refusal on the same listener: the same story here.
      return "the broker stops at this listener's mix of PSK and certificate options ('certfile' or 'cafile' after 'psk_hint') before it gets to this file";
    }
    if (slot !== 'dhparamfile' && usesPskOnly(section, model)) {
      return 'the broker does not read it, because this listener uses TLS-PSK without a certificate';
    }
    return 'the broker does not load it yet, because this listener does not switch TLS on, but it will once TLS is enabled';
  }
  if (slot === 'dhparamfile') {
    return atLeast(version, SINCE.dhparamfileIgnored) ? 'this release ignores dhparamfile anyway' : 'the websockets library does not use it';
  }
  if (slot === 'capath') {
    return 'client certificates cannot be verified against it';
  }
  return 'the broker starts, but the websockets library goes on without it, so client certificates cannot be checked against it';
}

/** What happens when the selected release cannot use the file, in words for messages. */
export function loadFailureEffect(ref: TlsFileRef, model: ConfigModel, version: Version): string {
  return slotFailureEffect(ref.slot, ref.section, model, version);
}

/** The facts of a ref's file (undefined when it cannot be inspected). */
export function factsOf(ref: TlsFileRef, tls: TlsInspector): TlsFileFacts | undefined {
  return ref.slot === 'capath' ? undefined : tls.inspect(ref.path);
}

/** The path on its line (a span: findings anchor on it). */
export function pathSpan(ref: TlsFileRef): Span & { readonly on: Directive } {
  return { on: ref.directive, start: ref.start, end: ref.end };
}

/** The name of the option, as written (for messages). */
export function optionName(ref: TlsFileRef): string {
  return nameOf(ref.directive);
}

/** A file name without its folder, for messages. */
export function fileName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

/** Let's Encrypt's `live/<name>/` folder, when the path is one of its files. */
export function letsEncryptFile(p: string): 'cert.pem' | 'chain.pem' | 'fullchain.pem' | 'privkey.pem' | undefined {
  const m = /[\\/]live[\\/][^\\/]+[\\/](cert|chain|fullchain|privkey)\.pem$/.exec(p);
  return m ? (`${m[1]}.pem` as 'cert.pem' | 'chain.pem' | 'fullchain.pem' | 'privkey.pem') : undefined;
}

/** The run-time user of the selected release on Linux: `user`, default `mosquitto`. */
export function runtimeUser(model: ConfigModel): string {
  const d = lastEntry(model.global, 'user');
  return d?.value && d.value.length > 0 ? d.value : 'mosquitto';
}

/** A path quoted for a POSIX shell when it needs it. */
export function shellPath(p: string): string {
  return /^[\w./:@+-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`;
}

/** `/a/b/site.pfx` -> `/a/b/site` + suffix. */
function beside(p: string, suffix: string): string {
  const dot = p.lastIndexOf('.');
  const slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return shellPath(`${dot > slash ? p.slice(0, dot) : p}${suffix}`);
}

/**
 * The command that turns a file of this format into what the slot needs, or undefined when
 * no conversion helps (an empty file, unknown bytes).
 */
export function conversionCommand(facts: TlsFileFacts, slot: TlsSlot, p: string): string | undefined {
  const input = shellPath(p);
  const wantsKey = slot === 'keyfile';
  switch (facts.format) {
    case 'der-certificate':
      return `openssl x509 -inform DER -in ${input} -out ${beside(p, '-cert.pem')}`;
    case 'der-private-key':
      return `openssl pkey -inform DER -in ${input} -out ${beside(p, '-key.pem')}`;
    case 'pkcs12':
      return wantsKey
        ? `openssl pkcs12 -in ${input} -nocerts -nodes -out ${beside(p, '-key.pem')}`
        : slot === 'cafile'
          ? `openssl pkcs12 -in ${input} -cacerts -nokeys -out ${beside(p, '-ca.pem')}`
          : `openssl pkcs12 -in ${input} -nokeys -out ${beside(p, '-fullchain.pem')}`;
    case 'pkcs7-der':
      return `openssl pkcs7 -inform DER -in ${input} -print_certs -out ${beside(p, '-certs.pem')}`;
    case 'putty-key':
      return `puttygen ${input} -O private-openssh -o ${beside(p, '-key.pem')}`;
    case 'pem':
      if (facts.pemLabels.includes('PKCS7')) {
        return `openssl pkcs7 -in ${input} -print_certs -out ${beside(p, '-certs.pem')}`;
      }
      if (facts.pemLabels.includes('OPENSSH PRIVATE KEY')) {
        return `ssh-keygen -p -m PKCS8 -f <a copy of ${input}>`;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** What a file's format is, in words. */
export function describeFormat(facts: TlsFileFacts): string {
  switch (facts.format) {
    case 'der-certificate':
      return 'a binary (DER) certificate';
    case 'der-private-key':
      return 'a binary (DER) private key';
    case 'pkcs12':
      return 'a PKCS#12 / PFX bundle';
    case 'pkcs7-der':
      return 'a binary PKCS#7 (.p7b) certificate bundle';
    case 'putty-key':
      return 'a PuTTY private key';
    case 'empty':
      return 'empty';
    case 'text':
      return 'text without any PEM block';
    case 'unknown':
      return 'neither PEM nor a format this check recognises';
    case 'pem': {
      const labels = [...new Set(facts.pemLabels)];
      if (labels.includes('PKCS7')) {
        return 'a PEM PKCS#7 (.p7b) certificate bundle';
      }
      if (labels.includes('OPENSSH PRIVATE KEY')) {
        return 'an OpenSSH private key';
      }
      return labels.length > 0 ? `PEM with only ${labels.map((l) => `'${l}'`).join(', ')} blocks` : 'PEM text without complete blocks';
    }
  }
}

/** Whether the bytes give the slot anything the broker could use. */
export function usableFor(slot: TlsSlot, facts: TlsFileFacts): 'certificates' | 'key' | 'crl' | 'dh' | 'none' {
  if (facts.format !== 'pem') {
    return 'none';
  }
  switch (slot) {
    case 'keyfile':
      return facts.privateKeys.length > 0 ? 'key' : 'none';
    case 'crlfile':
      return facts.crls > 0 ? 'crl' : 'none';
    case 'dhparamfile':
      return holdsDhParameters(facts) ? 'dh' : 'none';
    default:
      return facts.certificates.length > 0 ? 'certificates' : 'none';
  }
}

/** The file holds something a TLS slot can use (certificates, a key, a CRL, DH parameters). */
export function holdsTlsMaterial(facts: TlsFileFacts): boolean {
  return facts.format === 'pem' && (facts.certificates.length > 0 || facts.privateKeys.length > 0 || facts.crls > 0 || holdsDhParameters(facts));
}

/** PKCS#3 (`openssl dhparam`) or X9.42 (`openssl dhparam -dsaparam`) Diffie-Hellman parameters. */
export function holdsDhParameters(facts: TlsFileFacts): boolean {
  return facts.pemLabels.includes('DH PARAMETERS') || facts.pemLabels.includes('X9.42 DH PARAMETERS');
}
