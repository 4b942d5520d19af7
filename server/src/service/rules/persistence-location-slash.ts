import { atLeast } from '../version';
import { atValue, directiveRule } from '../engine/rule';
import { SINCE, nameOf } from '../model/reading';

/** Before 2.0.3 the database name is appended to persistence_location without a separator. */
export default directiveRule({
  id: 'persistence-location-slash',
  directives: ['persistence_location'],
  lineLocal: true,
  title: "'persistence_location' without a trailing slash (before 2.0.3)",
  check(d, { settings, report }) {
    if (atLeast(settings.brokerVersion, SINCE.persistenceLocationSeparator)) {
      return;
    }
    if (nameOf(d) === 'persistence_location' && d.value.length > 0 && !/[\\/]$/.test(d.value)) {
      report(
        atValue(
          d,
          `Before mosquitto 2.0.3 the database file name is appended directly, so this writes '${d.value}mosquitto.db'. End the folder with '/'.`,
          'warning',
        ),
      );
    }
  },
});
