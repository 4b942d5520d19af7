/** A rule-shape helper: the certificate-pair section rule both TLS pair rules are made of. */
import { lineOf } from '../parser/parser';
import { columnsRange } from '../model/positions';
import type { Section } from '../model/config';
import { describeSection, lastEntry, listenerProtocol } from '../model/config';
import type { Fix, FixContext, RuleContext, SectionRule } from './rule';
import { atName, sectionRule } from './rule';
import { SINCE } from '../model/reading';
import { atLeast } from '../version';
import { basename } from '../util/paths';
import { insertLinesAfter, insertLinesBefore } from '../model/lineEdits';
import { partnerGuess, sectionById, snippetLiteral } from '../model/fixSupport';
import { nameOf } from '../model/reading';

/** What a half certificate pair attaches to its finding: the option that is missing and where. */
export interface MissingPartner {
  readonly missing: 'keyfile' | 'certfile';
  readonly section: string;
}

function tlsName(section: Section): string {
  return listenerProtocol(section) === 'websockets' ? 'wss' : 'TLS';
}

function checkPair(section: Section, { settings, report }: RuleContext<MissingPartner>, missing: 'keyfile' | 'certfile'): void {
  const refuses = atLeast(settings.brokerVersion, SINCE.incompleteTlsRefused);
  const present = missing === 'keyfile' ? 'certfile' : 'keyfile';
  const have = lastEntry(section, present);
  if (!have || lastEntry(section, missing)) {
    return;
  }
  const name = describeSection(section);
  const effect = refuses
    ? 'the broker refuses to start'
    : `this broker version silently runs ${name} without ${tlsName(section)}${tlsName(section) === 'wss' ? ' (plain ws://)' : ''}`;
  report(
    atName(have, `${name} has '${present}' but no '${missing}'; both are needed for ${tlsName(section)}: ${effect}.`, refuses ? 'error' : 'warning', {
      data: { missing, section: section.id },
    }),
  );
}

/** Adds the missing half, or renames a second `certfile` that was meant to be the `keyfile`. */
function fixPair(context: FixContext<MissingPartner>): Fix[] {
  const { payload, directive, file, model } = context;
  if (!directive || !payload) {
    return [];
  }
  const { missing } = payload;
  const fixes: Fix[] = [];
  const section = sectionById(model, payload.section);
  const present = missing === 'keyfile' ? 'certfile' : 'keyfile';
  // `certfile` written twice where the second was meant to be `keyfile`.
  const doubles = section?.entries.filter((e) => e.file === context.fileId && nameOf(e) === present) ?? [];
  if (doubles.length > 1) {
    const looksLikeMissing = doubles.find((e) => (missing === 'keyfile' ? /key/i : /(crt|cert|chain)/i).test(basename(e.value)));
    if (looksLikeMissing) {
      fixes.push({
        title: `Change the '${present}' on line ${lineOf(file, looksLikeMissing) + 1} to '${missing}'`,
        edits: [{ range: columnsRange(file, looksLikeMissing, looksLikeMissing.nameStart, looksLikeMissing.nameEnd), newText: missing }],
        preferred: true,
      });
    }
  }
  const guess = partnerGuess(context, directive.value, missing);
  const line = `${missing} ${guess.path}`;
  const here = lineOf(file, directive);
  const edit = missing === 'keyfile' ? insertLinesAfter(file, here, [line]) : insertLinesBefore(file, here, [line]);
  // The inserted path as a placeholder, selected so the user types over a guess.
  const at = edit.newText.indexOf(line);
  const snippet = `${snippetLiteral(edit.newText.slice(0, at))}${missing} \${1:${snippetLiteral(guess.path)}}${snippetLiteral(edit.newText.slice(at + line.length))}`;
  const title = guess.found ? `Add '${line}' (found next to the ${missing === 'keyfile' ? 'certificate' : 'key'})` : `Add '${line}' (the path is a guess)`;
  fixes.push({ title, edits: [edit], snippet: { range: edit.range, snippet }, preferred: fixes.length === 0 });
  return fixes;
}

/**
 * A section rule over the active listeners for one half of a certificate pair missing: the
 * shape tls-certfile-without-keyfile and tls-keyfile-without-certfile share (each rule file
 * declares one, with its id and title).
 */
export function certificatePairRule(id: string, title: string, missing: 'keyfile' | 'certfile'): SectionRule<MissingPartner> {
  return sectionRule<MissingPartner>({
    id,
    sections: 'active-listeners',
    title,
    // Reads only the section and the settings: kept across edits while its entries are the same.
    sectionLocal: true,
    check: (section, context) => checkPair(section, context, missing),
    fix: fixPair,
  });
}
