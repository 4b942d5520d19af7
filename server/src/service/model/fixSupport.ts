/** What quick fixes of several rules share: finding sections again, guessing file names. */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { findDirective } from '../data';
import type { ParsedFile } from '../parser/parser';
import type { FileSystemAccess } from '../types';
import { dirname, isCheckableOn, isPosixAbsolute, isWindowsAbsolute, joinPath } from '../util/paths';
import type { ConfigModel, Section } from './config';
import { landingPlace, lineContext } from './lineContext';

/** Where a fix is made: the analysis, the file (by id) and the file system to look around in. */
export interface FixSite {
  readonly model: ConfigModel;
  readonly file: ParsedFile;
  readonly fileId: string;
  readonly fs: FileSystemAccess;
}

/** The listener or bridge with this id (the id a rule put in its payload). */
export function sectionById(model: ConfigModel, id: unknown): Section | undefined {
  if (id === model.defaultListener.id) {
    return model.defaultListener;
  }
  return model.listeners.find((s) => s.id === id) ?? model.bridges.find((s) => s.id === id);
}

/** Whether a directive written on `line` of the file would configure `section`. */
export function landsIn(site: FixSite, name: string, line: number, section: Section): boolean {
  const spec = findDirective(name);
  if (!spec) {
    return false;
  }
  return landingPlace(site.model, lineContext(site.model, site.fileId, line), spec).target === section;
}

/** Splits a path into its folder (with separator) and file name. */
export function splitPath(value: string): { folder: string; name: string } {
  const i = Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\'));
  return { folder: value.slice(0, i + 1), name: value.slice(i + 1) };
}

/** Names of the files in the folder of a configured path, when that folder can be listed here. */
export function siblings(site: FixSite, value: string): readonly string[] {
  const { folder } = splitPath(value);
  const absolute = isPosixAbsolute(value) || isWindowsAbsolute(value);
  const base = site.fileId && (isPosixAbsolute(site.fileId) || isWindowsAbsolute(site.fileId)) ? dirname(site.fileId) : undefined;
  const resolved = absolute ? folder : base !== undefined ? joinPath(base, folder) : undefined;
  if (resolved === undefined || resolved.length === 0 || !isCheckableOn(value, site.fs.hostPlatform)) {
    return [];
  }
  return site.fs.readDirectory(resolved) ?? [];
}

/** The key that goes with a certificate, or the certificate that goes with a key: a guess. */
export function partnerPath(site: FixSite, value: string, missing: 'keyfile' | 'certfile'): string {
  return partnerGuess(site, value, missing).path;
}

/** partnerPath, and whether the file was found next to the other one (else the name is made up). */
export function partnerGuess(site: FixSite, value: string, missing: 'keyfile' | 'certfile'): { path: string; found: boolean } {
  const { folder, name } = splitPath(value);
  const stem = name.replace(/\.(crt|pem|cer|key)$/i, '');
  const extension = /\.[^.]+$/.exec(name)?.[0] ?? '';
  const found = siblings(site, value);
  let candidates: string[];
  if (missing === 'keyfile') {
    // Let's Encrypt folders hold fullchain.pem/cert.pem with privkey.pem.
    candidates = /^(fullchain|cert|chain)\.pem$/i.test(name) ? ['privkey.pem'] : [`${stem}.key`, `${stem}-key.pem`, `${stem}.key.pem`];
    const existing = candidates.find((c) => found.includes(c)) ?? found.find((f) => /\.key$/i.test(f));
    return { path: folder + (existing ?? candidates[0]), found: existing !== undefined };
  }
  candidates = /^privkey\.pem$/i.test(name) ? ['fullchain.pem', 'cert.pem'] : [`${stem}.crt`, `${stem}.pem`, `${stem.replace(/[-.]key$/i, '')}.crt`];
  const existing = candidates.find((c) => found.includes(c) && c !== name) ?? found.find((f) => /\.crt$/i.test(f) && !/^ca[.-]/i.test(f));
  return {
    path: folder + (existing ?? (extension.toLowerCase() === '.pem' && !/^privkey/i.test(name) ? `${stem}.crt` : candidates[0])),
    found: existing !== undefined,
  };
}

/** Where a password file could live: next to the configuration when it is on disk. */
export function passwordFilePath(site: FixSite): string {
  const main = site.model.main.uri;
  if (isPosixAbsolute(main) || isWindowsAbsolute(main)) {
    return joinPath(dirname(main), 'passwd');
  }
  return site.model.settings.platform === 'windows' ? 'C:/mosquitto/passwd' : '/etc/mosquitto/passwd';
}

/** The payload of a finding whose fix offers names the text may have been meant as (unknown-directive, directive-case). */
export interface Candidates {
  readonly candidates: readonly string[];
}

/** One "Change to 'x'" fix per candidate (preferred when there is only one). */
export function replaceWithEach(range: Range, candidates: readonly string[]): { title: string; edits: TextEdit[]; preferred: boolean }[] {
  return candidates.map((name) => ({ title: `Change to '${name}'`, edits: [{ range, newText: name }], preferred: candidates.length === 1 }));
}

/** Text for a snippet: `$`, `}` and `\\` are literal. */
export function snippetLiteral(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}
