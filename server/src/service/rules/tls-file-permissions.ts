import { configurationRule, span } from '../engine/rule';
import { checkablePath, factsOf, loadFailureIsFatal, loadsCertificates, optionName, pathSpan, runtimeUser, shellPath, tlsFileRefs } from '../model/tls';
import { nameOf, SINCE } from '../model/reading';
import { atLeast } from '../version';

/** Files the broker reads at start-up, after it has dropped privileges (from 2.0 on). */
const STARTUP_FILES = new Set(['password_file', 'acl_file', 'psk_file']);

/**
 * Private keys readable by every user; and, on Linux from 2.0 (which drops privileges to
 * `user`, default `mosquitto`, before it loads them), certificate, key, password, ACL and PSK
 * files that this user cannot read here.
 */
// Not kept across edits (no `sectionsOnly`): it reads the file system, the reading order and placements.
export default configurationRule({
  id: 'tls-file-permissions',
  title: "Private key readable by everyone, or a file the broker's run-time user cannot read",
  check({ model, settings, fs, report }) {
    const tls = fs.tls;
    if (!tls || !settings.checkPaths) {
      return;
    }
    const version = settings.brokerVersion;
    const refs = tlsFileRefs(model, settings, fs);
    for (const ref of refs.filter((r) => r.slot === 'keyfile')) {
      const facts = factsOf(ref, tls);
      const holdsKey =
        facts !== undefined &&
        (facts.privateKeys.length > 0 || facts.format === 'der-private-key' || facts.format === 'pkcs12' || facts.pemLabels.includes('OPENSSH PRIVATE KEY'));
      const mode = facts?.mode;
      if (holdsKey && mode !== undefined && (mode & 0o004) !== 0) {
        report({
          file: ref.directive.file,
          at: pathSpan(ref),
          severity: 'warning',
          message:
            `This private key is readable by every user on this machine (mode ${mode.toString(8).padStart(4, '0')}): anyone who can log in can impersonate the server. ` +
            `Restrict it: \`chmod 640 ${shellPath(ref.path)}\` and \`chgrp mosquitto ${shellPath(ref.path)}\` (the broker's group).`,
        });
      }
    }
    // The privilege drop happens before the files are loaded only from 2.0; and only a Linux
    // broker checked on a Linux machine can be judged here.
    if (!atLeast(version, SINCE.privilegeDropBeforeFiles) || settings.platform !== 'linux' || fs.hostPlatform !== 'linux') {
      return;
    }
    const user = runtimeUser(model);
    const unreadable = (p: string): boolean => tls.userAccess(p, user) === 'unreadable';
    const message = (what: string, effect: string): string =>
      `The broker drops privileges to user '${user}' before it reads ${what}, and on this machine '${user}' cannot read this file (or a folder on its way): ${effect}. ` +
      "Give that user read access (e.g. group 'mosquitto' and mode 640 for the file, and search permission on its folders), or ignore this if the broker runs elsewhere.";
    for (const ref of refs) {
      // A mapped path belongs to a broker in a container, whose users are not this machine's.
      if (ref.slot === 'capath' || ref.mapped || (ref.section.kind !== 'bridge' && !loadsCertificates(ref.section, model, version)) || !unreadable(ref.path)) {
        continue;
      }
      const fatal = loadFailureIsFatal(ref.slot, ref.section, model, version);
      report({
        file: ref.directive.file,
        at: pathSpan(ref),
        severity: fatal ? 'error' : 'warning',
        message: message(
          `'${optionName(ref)}'`,
          fatal ? 'the broker refuses to start' : ref.section.kind === 'bridge' ? 'the bridge cannot connect' : 'the broker starts without it',
        ),
      });
    }
    for (const d of model.order) {
      if (!STARTUP_FILES.has(nameOf(d)) || model.placements.get(d)?.target === undefined) {
        continue;
      }
      const where = checkablePath(d, settings, fs);
      if (!where || where.mapped || !unreadable(where.path)) {
        continue;
      }
      report({
        file: d.file,
        at: span(d, where.start, where.end),
        severity: 'error',
        message: message(`'${nameOf(d)}'`, 'the broker refuses to start'),
      });
    }
  },
});
