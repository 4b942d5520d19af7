import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { Diagnostic } from 'vscode-languageserver/node';

/**
 * The rule documentation shipped with the server: `docs/rules.md` next to the bundle
 * (`server/dist/server.js` → `docs/rules.md`) or the compiled sources (`out/server/src`).
 */
export function findRuleDocs(from: string = __dirname): string | undefined {
  for (const up of [
    ['..', '..'],
    ['..', '..', '..'],
  ]) {
    const candidate = path.join(from, ...up, 'docs', 'rules.md');
    if (fs.existsSync(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

/**
 * Adds `codeDescription.href` to every diagnostic with a rule id: the rule's section of the
 * shipped rules.md (its heading is the id, so the id is the anchor). Returns the same array when
 * there is nothing to link to.
 */
export function linkRuleDocs(diagnostics: Diagnostic[], docs: string | undefined): Diagnostic[] {
  if (docs === undefined) {
    return diagnostics;
  }
  let hrefs = HREFS.get(docs);
  if (hrefs === undefined) {
    hrefs = new Map();
    HREFS.set(docs, hrefs);
  }
  const known = hrefs;
  const hrefOf = (code: string): string => {
    let href = known.get(code);
    if (href === undefined) {
      href = URI.file(docs).with({ fragment: code }).toString();
      known.set(code, href);
    }
    return href;
  };
  return diagnostics.map((d) => (typeof d.code === 'string' && d.codeDescription === undefined ? { ...d, codeDescription: { href: hrefOf(d.code) } } : d));
}

/** The link of each rule id, per rules.md path: made once, not for every diagnostic of every publish. */
const HREFS = new Map<string, Map<string, string>>();
