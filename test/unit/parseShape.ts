import type { ParsedFile } from '../../server/src/service/parser/parser';
import { PositionMap } from '../../server/src/service/parser/parser';

/**
 * A parse as plain data without the lines' sort keys and serials: keys only order the line
 * objects of one parse, and the keys of lines inserted by an edit differ from a fresh parse's
 * (serials differ between any two parses). Everything the
 * parse says about the text (lines, directives, columns, NULs, line breaks) is kept.
 */
export function withoutKeys(file: ParsedFile): unknown {
  return dropKeys(file);
}

/**
 * A deep copy of plain data (models, analyses) without the sort keys and serials of the line objects in it
 * and without position maps (which hold the same lines again), for deep comparison of an
 * incremental result with a fresh one.
 */
export function dropKeys(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (value instanceof PositionMap) {
    return undefined;
  }
  const known = seen.get(value);
  if (known !== undefined) {
    return known;
  }
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) {
      copy.push(dropKeys(item, seen));
    }
    return copy;
  }
  if (value instanceof Map) {
    const copy = new Map<unknown, unknown>();
    seen.set(value, copy);
    for (const [k, v] of value) {
      copy.set(dropKeys(k, seen), dropKeys(v, seen));
    }
    return copy;
  }
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  const lineObject = typeof (value as { text?: unknown }).text === 'string' && typeof (value as { key?: unknown }).key === 'number';
  for (const [k, v] of Object.entries(value)) {
    if (!(lineObject && (k === 'key' || k === 'serial'))) {
      copy[k] = dropKeys(v, seen);
    }
  }
  return copy;
}
