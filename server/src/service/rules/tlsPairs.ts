import { activeListeners, describeSection, lastEntry, listenerProtocol } from '../model/config';
import type { Section } from '../model/config';
import { atLeast } from '../version';
import type { Rule, RuleContext } from './rule';
import { atName } from './rule';

function tlsName(section: Section): string {
  return listenerProtocol(section) === 'websockets' ? 'wss' : 'TLS';
}

function check(context: RuleContext, missing: 'keyfile' | 'certfile'): void {
  const { model, settings, report } = context;
  const refuses = atLeast(settings.brokerVersion, '2.0.21');
  const present = missing === 'keyfile' ? 'certfile' : 'keyfile';
  for (const section of activeListeners(model)) {
    const have = lastEntry(section, present);
    if (!have || lastEntry(section, missing)) {
      continue;
    }
    const name = describeSection(section);
    const effect = refuses
      ? 'the broker refuses to start'
      : `this broker version silently runs ${name} without ${tlsName(section)}${tlsName(section) === 'wss' ? ' (plain ws://)' : ''}`;
    report(atName(have, `${name} has '${present}' but no '${missing}'; both are needed for ${tlsName(section)}: ${effect}.`, refuses ? 'error' : 'warning', {
      data: { missing, section: section.id },
    }));
  }
}

/** A listener with `certfile` but no `keyfile`. */
export const tlsCertfileWithoutKeyfile: Rule = {
  id: 'tls-certfile-without-keyfile',
  title: "Listener with 'certfile' but no 'keyfile'",
  check: (context) => check(context, 'keyfile'),
};

/** A listener with `keyfile` but no `certfile`. */
export const tlsKeyfileWithoutCertfile: Rule = {
  id: 'tls-keyfile-without-certfile',
  title: "Listener with 'keyfile' but no 'certfile'",
  check: (context) => check(context, 'certfile'),
};
