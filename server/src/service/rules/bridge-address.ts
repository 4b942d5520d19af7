import { atLeast } from '../version';
import { atoi } from '../util/numbers';
import { directiveRule, span } from '../engine/rule';
import { SINCE, nameOf } from '../model/reading';

/** `address host[:port] …`: the port after the last colon must be 1–65535 (read with atoi). */
export default directiveRule({
  id: 'bridge-address',
  directives: ['address', 'addresses'],
  lineLocal: true,
  title: "Invalid port in a bridge 'address'",
  check(d, { settings, report }) {
    const lastColon = atLeast(settings.brokerVersion, SINCE.addressLastColon);
    const commentsEnd = atLeast(settings.brokerVersion, SINCE.commentWordsSkipped);
    if (nameOf(d) !== 'address' && nameOf(d) !== 'addresses') {
      return;
    }
    for (const token of d.args) {
      if (commentsEnd && token.text.startsWith('#')) {
        break;
      }
      const colon = lastColon ? token.text.lastIndexOf(':') : token.text.indexOf(':');
      if (colon === -1) {
        continue;
      }
      const portText = lastColon ? token.text.slice(colon + 1) : token.text.slice(colon + 1).split(':')[0];
      const port = atoi(portText);
      if (port >= 1 && port <= 65535) {
        if (token.text.startsWith('[')) {
          report({
            file: d.file,
            at: span(d, token.start, token.end),
            severity: 'warning',
            message: `The broker does not strip square brackets from '${token.text}', so the host name will not resolve. Write the IPv6 address without brackets; the port goes after the last colon.`,
          });
        }
        continue;
      }
      report({
        file: d.file,
        at: span(d, token.start + colon + 1, token.end),
        severity: 'error',
        message: `The port in '${token.text}' must be a number from 1 to 65535${portText !== String(port) ? ` (the broker reads '${portText}' as ${port})` : ''}: the broker refuses to start.`,
      });
    }
  },
});
