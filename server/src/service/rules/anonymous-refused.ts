import { columnsRange } from '../model/positions';
import type { Directive } from '../parser/parser';
import type { Section } from '../model/config';
import { activeListeners, describeSection, lastEntry } from '../model/config';
import type { Fix } from '../engine/rule';
import { atName, configurationRule } from '../engine/rule';
import { globalInsertionLine, insertLinesAfter, insertLinesBefore } from '../model/lineEdits';
import { landsIn, passwordFilePath, sectionById } from '../model/fixSupport';
import { readBool, SINCE } from '../model/reading';
import { atLeast } from '../version';

const AUTH_OPTIONS = ['password_file', 'psk_file', 'plugin', 'auth_plugin'];

/** The listener that refuses everyone. */
export interface RefusingListener {
  readonly section: string;
}

/** What one section says about authentication (kept across edits while the section is untouched). */
interface SectionAuthentication {
  /** An authentication option the broker applies globally (password_file, psk_file, a plugin…). */
  readonly globalAuth: boolean;
  /** An authentication option in the section (with per_listener_settings). */
  readonly auth: boolean;
  /** A certificate or PSK identity used as the username. */
  readonly identity: boolean;
  readonly pluginUse: boolean;
  readonly listenerAllowAnonymous: Directive | undefined;
  readonly allowAnonymous: Directive | undefined;
}

/** 2.0+: a listener with no way to authenticate and anonymous access not allowed refuses everyone. */
// The facts of each section are its `perSection` work; `check` combines them with the global
// section's over the active listeners.
export default configurationRule<RefusingListener, SectionAuthentication>({
  id: 'anonymous-refused',
  title: 'Listener that refuses every client (2.0+)',
  perSection(section) {
    return {
      globalAuth: section.entries.some((d) => d.spec && (AUTH_OPTIONS.includes(d.name) || d.name === 'global_plugin')),
      auth: hasAuth(section),
      identity: (['use_identity_as_username', 'use_subject_as_username'] as const).some(
        (option) => readBool(lastEntry(section, option)?.args[0]?.text) === true,
      ),
      pluginUse: lastEntry(section, 'plugin_use') !== undefined,
      listenerAllowAnonymous: lastEntry(section, 'listener_allow_anonymous'),
      allowAnonymous: lastEntry(section, 'allow_anonymous'),
    };
  },
  check({ model, settings, report }, ofSection) {
    const version = settings.brokerVersion;
    if (!atLeast(version, SINCE.release2_0)) {
      return;
    }
    const is21 = atLeast(version, SINCE.release2_1);
    const pls = model.perListenerSettings;
    const global = ofSection(model.global);
    const globalAuth = global.globalAuth;
    const globalAnonymous = global.allowAnonymous;
    for (const section of activeListeners(model)) {
      if (section.kind === 'default-listener' && !section.explicit && model.listeners.length === 0) {
        continue;
      }
      const facts = ofSection(section);
      // A certificate or PSK identity used as the username authenticates the client too.
      const auth = globalAuth || facts.identity || (pls && facts.auth) || (is21 && facts.pluginUse);
      const anonymous = (is21 ? facts.listenerAllowAnonymous : undefined) ?? (pls ? facts.allowAnonymous : globalAnonymous);
      if (auth || readBool(anonymous?.args[0]?.text) === true) {
        continue;
      }
      const anchor = section.header ?? section.entries[0];
      if (!anchor) {
        continue;
      }
      const scopeNote = pls ? ' (per_listener_settings is true, so it must be set in this listener)' : '';
      report(
        atName(
          anchor,
          `${describeSection(section)} has no authentication (password_file, plugin, psk_file) and anonymous access is not allowed${scopeNote}: since mosquitto 2.0 it refuses every client. Add 'allow_anonymous true' or a 'password_file'.`,
          'warning',
          {
            data: { section: section.id },
          },
        ),
      );
    }
  },
  fix(context) {
    const { model, diagnostic, file, fileId, payload } = context;
    const section = sectionById(model, payload?.section);
    if (!section) {
      return [];
    }
    const anchor = diagnostic.range.start.line;
    const fixes: Fix[] = [];
    const here = section.kind === 'default-listener' ? 'the default listener' : `this listener`;
    if (atLeast(model.settings.brokerVersion, SINCE.release2_1) && landsIn(context, 'listener_allow_anonymous', anchor + 1, section)) {
      fixes.push({
        title: `Allow anonymous clients on ${here}: add 'listener_allow_anonymous true'`,
        edits: [insertLinesAfter(file, anchor, ['listener_allow_anonymous true'])],
      });
    }
    const password = `password_file ${passwordFilePath(context)}`;
    if (model.perListenerSettings) {
      if (landsIn(context, 'allow_anonymous', anchor + 1, section)) {
        fixes.push({
          title: `Allow anonymous clients on ${here}: add 'allow_anonymous true'`,
          edits: [insertLinesAfter(file, anchor, ['allow_anonymous true'])],
        });
        fixes.push({ title: `Require a password on ${here}: add '${password}'`, edits: [insertLinesAfter(file, anchor, [password])] });
      }
    } else {
      const existing = lastEntry(model.global, 'allow_anonymous');
      const token = existing?.args[0];
      if (existing && token && existing.file === fileId && token.text !== '=' && token.text !== ':') {
        const range = columnsRange(file, existing, token.start, token.end);
        fixes.push({ title: "Allow anonymous clients on every listener: set 'allow_anonymous true'", edits: [{ range, newText: 'true' }] });
      } else if (!existing) {
        fixes.push({
          title: "Allow anonymous clients on every listener: add 'allow_anonymous true'",
          edits: [insertLinesBefore(file, globalInsertionLine(file), ['allow_anonymous true'])],
        });
      }
      fixes.push({ title: `Require a password on every listener: add '${password}'`, edits: [insertLinesBefore(file, globalInsertionLine(file), [password])] });
    }
    return fixes;
  },
});

function hasAuth(section: Section): boolean {
  return section.entries.some((d) => AUTH_OPTIONS.includes(d.name));
}
