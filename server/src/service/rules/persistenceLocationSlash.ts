import { atLeast } from '../version';
import type { Rule } from './rule';
import { atValue, nameOf } from './rule';

/** Before 2.0.3 the database name is appended to persistence_location without a separator. */
export const persistenceLocationSlash: Rule = {
  id: 'persistence-location-slash',
  title: "'persistence_location' without a trailing slash (before 2.0.3)",
  check({ model, settings, report }) {
    if (atLeast(settings.brokerVersion, '2.0.3')) {
      return;
    }
    for (const d of model.order) {
      if (nameOf(d) === 'persistence_location' && d.value.length > 0 && !/[\\/]$/.test(d.value)) {
        report(atValue(d, `Before mosquitto 2.0.3 the database file name is appended directly, so this writes '${d.value}mosquitto.db'. End the folder with '/'.`, 'warning'));
      }
    }
  },
};
