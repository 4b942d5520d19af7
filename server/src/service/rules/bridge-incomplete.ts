import { lastEntry } from '../model/config';
import { atName, sectionRule } from '../engine/rule';

/** The lines the bridge lacks. */
export interface MissingBridgeLines {
  readonly missing: readonly string[];
}

/** A bridge without remote address or without any topic: the broker refuses to start. */
export default sectionRule<MissingBridgeLines>({
  id: 'bridge-incomplete',
  sections: 'bridges',
  // Reads only the section and the settings: kept across edits while its entries are the same.
  sectionLocal: true,
  title: "Bridge without 'address' or without 'topic'",
  check(bridge, { report }) {
    const header = bridge.header;
    if (!header || header.args.length === 0) {
      return;
    }
    const missing: string[] = [];
    if (!lastEntry(bridge, 'address')) {
      missing.push("an 'address' line (the remote broker)");
    }
    if (!lastEntry(bridge, 'topic')) {
      missing.push("at least one 'topic' line (what to bridge)");
    }
    if (missing.length > 0) {
      report(
        atName(header, `Bridge '${bridge.name ?? ''}' needs ${missing.join(' and ')}: the broker refuses to start.`, 'error', {
          data: { missing: missing.map((m) => m.split("'")[1]) },
        }),
      );
    }
  },
});
