import { activeListeners, describeSection, lastEntry } from '../model/config';
import type { Section } from '../model/config';
import { atLeast } from '../version';
import type { Rule } from './rule';
import { atName } from './rule';
import { readBool } from '../util/numbers';

const AUTH_OPTIONS = ['password_file', 'psk_file', 'plugin', 'auth_plugin'];


/** 2.0+: a listener with no way to authenticate and anonymous access not allowed refuses everyone. */
export const anonymousRefused: Rule = {
  id: 'anonymous-refused',
  title: 'Listener that refuses every client (2.0+)',
  check({ model, settings, report }) {
    const version = settings.brokerVersion;
    if (!atLeast(version, '2.0.0')) {
      return;
    }
    const is21 = atLeast(version, '2.1.0');
    const pls = model.perListenerSettings;
    const globalAuth = model.global.entries.some((d) => d.spec && (AUTH_OPTIONS.includes(d.name) || d.name === 'global_plugin'));
    const globalAnonymous = lastEntry(model.global, 'allow_anonymous');
    for (const section of activeListeners(model)) {
      if (section.kind === 'default-listener' && !section.explicit && model.listeners.length === 0) {
        continue;
      }
      // A certificate or PSK identity used as the username authenticates the client too.
      const identity = ['use_identity_as_username', 'use_subject_as_username'].some((option) => readBool(lastEntry(section, option)?.args[0]?.text) === true);
      const auth = globalAuth || identity || (pls && hasAuth(section)) || (is21 && lastEntry(section, 'plugin_use') !== undefined);
      const anonymous = (is21 ? lastEntry(section, 'listener_allow_anonymous') : undefined) ?? (pls ? lastEntry(section, 'allow_anonymous') : globalAnonymous);
      if (auth || readBool(anonymous?.args[0]?.text) === true) {
        continue;
      }
      const anchor = section.header ?? section.entries[0];
      if (!anchor) {
        continue;
      }
      const scopeNote = pls ? ' (per_listener_settings is true, so it must be set in this listener)' : '';
      report(atName(anchor, `${describeSection(section)} has no authentication (password_file, plugin, psk_file) and anonymous access is not allowed${scopeNote}: since mosquitto 2.0 it refuses every client. Add 'allow_anonymous true' or a 'password_file'.`, 'warning', {
        data: { section: section.id },
      }));
    }
  },
};

function hasAuth(section: Section): boolean {
  return section.entries.some((d) => AUTH_OPTIONS.includes(d.name));
}
