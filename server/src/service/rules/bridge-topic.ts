import type { Directive, Token } from '../parser/parser';
import { splitTokens } from '../parser/parser';
import type { Version } from '../version';
import { atLeast } from '../version';
import { atoi } from '../util/numbers';
import { directiveRule, span } from '../engine/rule';
import { SINCE, nameOf } from '../model/reading';

/** Whether `topic` is a valid MQTT subscription filter. */
export function isValidSubscription(topic: string): boolean {
  if (topic.length === 0) {
    return false;
  }
  const levels = topic.split('/');
  return levels.every((level, i) => {
    if (level.includes('#')) {
      return level === '#' && i === levels.length - 1;
    }
    return !level.includes('+') || level === '+';
  });
}

/** The tokens of a `topic` line as the selected release reads them (2.1 allows a quoted pattern). */
export function topicTokens(d: Directive, version: Version): Token[] {
  if (atLeast(version, SINCE.release2_1) && d.rest.startsWith('"')) {
    const close = d.rest.indexOf('"', 1);
    if (close > 0) {
      const pattern: Token = { text: d.rest.slice(1, close), start: d.restStart, end: d.restStart + close + 1 };
      return [
        pattern,
        ...splitTokens(d.rest.slice(0, 0) + ' '.repeat(close + 1) + d.rest.slice(close + 1)).map((t) => ({
          ...t,
          start: t.start + d.restStart,
          end: t.end + d.restStart,
        })),
      ];
    }
  }
  return [...d.args];
}

/** A bridge `topic` line the broker refuses: bad direction, QoS, prefix or pattern. */
export default directiveRule({
  id: 'bridge-topic',
  directives: ['topic'],
  lineLocal: true,
  title: "Invalid bridge 'topic' line",
  check(d, { settings, report }) {
    const version = settings.brokerVersion;
    const commentsEnd = atLeast(version, SINCE.commentWordsSkipped);
    if (nameOf(d) !== 'topic' || d.args.length === 0) {
      return;
    }
    let tokens = topicTokens(d, version);
    if (commentsEnd) {
      const cut = tokens.findIndex((t, i) => i >= 2 && t.text.startsWith('#'));
      if (cut !== -1) {
        tokens = tokens.slice(0, cut);
      }
    }
    const fail = (token: Token, message: string): void => {
      report({
        file: d.file,
        at: span(d, token.start, token.end),
        severity: 'error',
        message: `${message}: the broker refuses to start.`,
      });
    };
    if (atLeast(version, SINCE.release2_1) && d.rest.startsWith('"') && d.rest.indexOf('"', 1) === -1) {
      fail(tokens[0], 'The quoted topic pattern has no closing quote');
      return;
    }
    const [pattern, direction, qos, localPrefix, remotePrefix] = tokens;
    if (direction && !['out', 'in', 'both'].includes(direction.text.toLowerCase())) {
      fail(
        direction,
        `'${direction.text}' is not a bridge direction (use out, in or both)${d.rest.includes(' ') && !atLeast(version, SINCE.release2_1) && pattern.text.startsWith('"') ? '; quoted patterns need mosquitto 2.1' : ''}`,
      );
      return;
    }
    if (qos) {
      const value = atoi(qos.text);
      if (value < 0 || value > 2) {
        fail(qos, `QoS '${qos.text}' must be 0, 1 or 2`);
        return;
      }
    }
    const empty = (t: Token | undefined): boolean => t === undefined || t.text === '""';
    // `""` is the empty placeholder; 2.1 reads a quoted pattern, so it arrives there as ''.
    const emptyPattern = pattern.text === '""' || pattern.text === '';
    if (emptyPattern && (empty(localPrefix) || empty(remotePrefix))) {
      fail(pattern, 'An empty pattern ("") needs both a local and a remote prefix');
      return;
    }
    let failed = false;
    for (const [prefix, side] of [
      [localPrefix, 'local'],
      [remotePrefix, 'remote'],
    ] as const) {
      if (!failed && prefix && !empty(prefix) && /[+#]/.test(prefix.text)) {
        fail(prefix, `The ${side} prefix '${prefix.text}' must not contain wildcards`);
        failed = true;
      }
    }
    if (failed || !atLeast(version, SINCE.bridgeTopicFilterChecked) || emptyPattern) {
      return;
    }
    for (const [prefix, side] of [
      [localPrefix, 'local'],
      [remotePrefix, 'remote'],
    ] as const) {
      if (prefix && !empty(prefix) && !isValidSubscription(prefix.text + pattern.text)) {
        fail(
          prefix,
          `The ${side} prefix and the pattern combine to '${prefix.text}${pattern.text}', which is not a valid topic filter (a prefix usually ends with '/')`,
        );
        break;
      }
    }
  },
});
