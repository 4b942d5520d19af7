import { describeSection, isActiveListener } from '../model/config';
import { atLeast } from '../version';
import { atName, directiveRule } from '../engine/rule';
import { directivesWhere } from '../data';
import { SINCE, nameOf } from '../model/reading';

/**
 * Listener options with no `listener` above them. What happens depends on the release:
 * 2.1 refuses some and creates the default listener for others; older releases silently
 * apply them to the default listener (port 1883, all interfaces).
 */
export default directiveRule({
  id: 'listener-option-before-listener',
  // Only listener and security options land as the cases below (model/config.ts decidePlacement),
  // and mount_point: the other lines are not handed to the rule (it reads their placements).
  directives: [...directivesWhere((spec) => spec.scope === 'listener' || spec.scope === 'security' || spec.name === 'mount_point')],
  title: "Listener option before any 'listener'",
  // Reads its own placement first (kept while the model is patched) and the model only in the
  // cases it reports on: take `model` from the context there, not by destructuring it here.
  check(d, context) {
    const { settings, report } = context;
    const placement = context.placement(d);
    if (!placement) {
      return;
    }
    const name = nameOf(d);
    // Most lines are none of the cases below: leave before working anything out.
    const kind = placement.kind;
    if (
      kind !== 'no-listener' &&
      kind !== 'no-explicit-listener' &&
      kind !== 'implicit-default-listener' &&
      kind !== 'security-default-listener' &&
      name !== 'mount_point'
    ) {
      return;
    }
    const version = settings.brokerVersion;
    const is21 = atLeast(version, SINCE.release2_1);
    const model = context.model;
    const leavesLocalOnly = model.listeners.length > 0 || model.defaultListener.explicit;
    const defaultOpens = leavesLocalOnly || !atLeast(version, SINCE.localOnlyByDefaultListener);
    if (placement.kind === 'no-listener' || placement.kind === 'no-explicit-listener') {
      const need = placement.kind === 'no-explicit-listener' ? "a 'listener' line" : "a 'listener' (or 'port') line";
      report(
        atName(
          d,
          `'${d.name}' needs ${need} before it in mosquitto ${is21 ? '2.1 and newer' : ''}: the broker refuses to start.${placement.included ? ' Each included file starts without a current listener.' : ''}`.replace(
            ' in mosquitto :',
            ':',
          ),
          'error',
        ),
      );
      return;
    }
    if (name === 'mount_point' && !is21 && placement.target?.kind !== 'listener') {
      report(
        atName(
          d,
          "This broker version accepts 'mount_point' only after a 'listener' line (the default listener does not count): it refuses to start.",
          'error',
        ),
      );
      return;
    }
    const implicit = placement.kind === 'implicit-default-listener' || (placement.kind === 'security-default-listener' && !model.defaultListener.explicit);
    if (!implicit || model.defaultListener.explicit) {
      return;
    }
    const target = describeSection(model.defaultListener);
    if (!leavesLocalOnly && defaultOpens) {
      if (atLeast(version, SINCE.release2_0) && isActiveListener(model, model.defaultListener)) {
        // 2.0.0-2.0.11 decided local-only mode by "no listeners", so this opened a public listener.
        report(
          atName(
            d,
            `No listener is defined, yet with '${d.name}' mosquitto 2.0.0 to 2.0.11 open the ${target} on all interfaces, with anonymous access, instead of running in local-only mode (fixed in 2.0.12). Add a 'listener' line to say which listener you want.`,
            'warning',
          ),
        );
      }
      return; // 1.x: the default listener is the broker's only listener, as intended
    }
    if (!defaultOpens) {
      report(
        atName(
          d,
          `No listener is defined, so the broker runs in local-only mode and discards this setting of the ${target}. Add a 'listener' line above it.`,
          'warning',
        ),
      );
    } else if (is21) {
      report(
        atName(
          d,
          `No listener comes before '${d.name}', so mosquitto creates the ${target} for it, in addition to your listeners. Put it below the 'listener' it is meant for.`,
          'warning',
        ),
      );
    } else {
      const security =
        placement.kind === 'security-default-listener'
          ? ' With per_listener_settings true this security option applies only to that listener, not to the ones below.'
          : '';
      report(
        atName(
          d,
          `No listener comes before '${d.name}': it configures the ${target}, which the broker then opens on all interfaces in addition to your listeners.${security} Put it below the 'listener' it is meant for.`,
          'warning',
        ),
      );
    }
  },
});
