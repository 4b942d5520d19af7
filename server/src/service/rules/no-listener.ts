import { activeListeners } from '../model/config';
import { atLeast } from '../version';
import { configurationRule, lineSpan } from '../engine/rule';
import { SINCE } from '../model/reading';

/** 2.0+: without `listener`, `port` or `bind_address` the broker only listens on loopback. */
// Not kept across edits (no `sectionsOnly`): it reads the main file's first line, which may be outside every section.
export default configurationRule({
  id: 'no-listener',
  title: 'No listener: local-only mode (2.0+)',
  check({ model, settings, report }) {
    // 2.0.0-2.0.11 also open the default listener when listener options configure it.
    // A conf.d fragment read alone: its listeners may well be in the main file.
    if (model.fragment || !atLeast(settings.brokerVersion, SINCE.release2_0) || activeListeners(model).length > 0) {
      return;
    }
    report({
      file: model.main.uri,
      at: lineSpan(model.main.lines[0]),
      severity: 'information',
      message:
        "No 'listener' is configured, so mosquitto 2.0 and newer starts in local-only mode: it accepts connections from this machine only (port 1883 on 127.0.0.1 and ::1). Add 'listener 1883' to accept network clients.",
    });
  },
});
