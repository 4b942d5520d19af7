import { columnsRange } from '../model/positions';
import type { Directive } from '../parser/parser';
import type { Section } from '../model/config';
import { describeSection, lastEntry } from '../model/config';
import type { Fix } from '../engine/rule';
import { atName, sectionRule } from '../engine/rule';
import { globalInsertionLine, insertLinesAfter, insertLinesBefore } from '../model/lineEdits';
import { landsIn, passwordFilePath, sectionById } from '../model/fixSupport';
import { readBool, SINCE } from '../model/reading';
import { atLeast } from '../version';

const AUTH_OPTIONS = ['password_file', 'psk_file', 'plugin', 'auth_plugin'];

/** The listener that refuses everyone. */
export interface RefusingListener {
  readonly section: string;
}

/** What the global section says, worked out once per analysis. */
interface GlobalAuthentication {
  readonly globalAuth: boolean;
  readonly globalAnonymous: Directive | undefined;
}

/** 2.0+: a listener with no way to authenticate and anonymous access not allowed refuses everyone. */
export default sectionRule<RefusingListener, GlobalAuthentication>({
  id: 'anonymous-refused',
  sections: 'active-listeners',
  title: 'Listener that refuses every client (2.0+)',
  prepare({ model }) {
    return {
      globalAuth: model.global.entries.some((d) => d.spec && (AUTH_OPTIONS.includes(d.name) || d.name === 'global_plugin')),
      globalAnonymous: lastEntry(model.global, 'allow_anonymous'),
    };
  },
  check(section, { model, settings, report }, { globalAuth, globalAnonymous }) {
    const version = settings.brokerVersion;
    if (!atLeast(version, SINCE.release2_0)) {
      return;
    }
    const is21 = atLeast(version, SINCE.release2_1);
    const pls = model.perListenerSettings;
    if (section.kind === 'default-listener' && !section.explicit && model.listeners.length === 0) {
      return;
    }
    // A certificate or PSK identity used as the username authenticates the client too.
    const identity = (['use_identity_as_username', 'use_subject_as_username'] as const).some(
      (option) => readBool(lastEntry(section, option)?.args[0]?.text) === true,
    );
    const auth = globalAuth || identity || (pls && hasAuth(section)) || (is21 && lastEntry(section, 'plugin_use') !== undefined);
    const anonymous = (is21 ? lastEntry(section, 'listener_allow_anonymous') : undefined) ?? (pls ? lastEntry(section, 'allow_anonymous') : globalAnonymous);
    if (auth || readBool(anonymous?.args[0]?.text) === true) {
      return;
    }
    const anchor = section.header ?? section.entries[0];
    if (!anchor) {
      return;
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
