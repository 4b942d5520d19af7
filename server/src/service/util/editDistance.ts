/** Levenshtein distance with an early exit once `limit` is exceeded. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) {
    return limit + 1;
  }
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) {
    previous[j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) {
      return limit + 1;
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/** Up to `count` candidates closest to `word`, within a distance that grows with its length. */
export function closestMatches(word: string, candidates: readonly string[], count = 3): string[] {
  const limit = Math.max(2, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  return candidates
    .map((c) => ({ c, d: editDistance(lower, c, limit) }))
    .filter((x) => x.d <= limit)
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, count)
    .map((x) => x.c);
}
