import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-textdocument';
import type { LoadedConfigFile } from './configFile';
import { CONFIG_FILE_NAME, findConfigFile, isIgnored, loadConfigFile, mergeSettings } from './configFile';
import type { CachedFileSystem } from './nodeFileSystem';
import { cachedFileSystem, nodeFileSystem } from './nodeFileSystem';
import type { Analysis, AnalysisSettings, ContainerDetection, FileSystemAccess, ParsedFile, PathMapping, Version } from './service';
import { analyze, companionKindOfLanguage, positionAfterEdit, detectContainers, FindingsCache, isFragmentPath, parse } from './service';
import type { ResolvedTarget, UserSettings } from './settings';
import { analysisTarget, resolveTarget, toAnalysisSettings } from './settings';
import type { AnalysisTargetParams } from './protocol';
import { pathToUri, uriToPath } from './uris';

/** How long answers about files on disk are reused. */
const DISK_CACHE_MS = 3000;

/**
 * Open documents, their parses and analyses, and the files on disk as analyses see them. An
 * analysis is reused while its inputs are unchanged: the document's version, the settings
 * epoch and the versions of the open documents it read (included files), so an edit to an
 * open conf.d file refreshes the analysis of the main file that includes it.
 */
export class DocumentCache {
  /** Where the last incremental edit of each open document left the cursor (none after a save or a whole-text change). */
  readonly lastEdits = new Map<string, Position>();
  readonly documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
    update: (document, changes, version) => {
      const last = changes[changes.length - 1];
      if (last && 'range' in last) {
        this.lastEdits.set(document.uri, positionAfterEdit(last.range.start, last.text));
      } else {
        this.lastEdits.delete(document.uri);
      }
      return TextDocument.update(document, changes, version);
    },
  });
  /** Trusted workspace: the server may run the installed broker and open certificates. */
  trusted = false;
  userSettings: UserSettings = {};
  detectedVersion: Version | undefined;
  settings: AnalysisSettings = toAnalysisSettings(undefined);
  private readonly parsed = new Map<string, { version: number; file: ParsedFile }>();
  /** Line-local rule findings per document, kept across its edits. */
  private readonly findings = new Map<string, FindingsCache>();
  private readonly analyses = new Map<string, { version: number; epoch: number; inputs: string; analysis: Analysis }>();
  /** Analyses of main files read from disk (not open), keyed by path; checked against mtime. */
  private readonly diskAnalyses = new Map<string, { mtimeMs: number; epoch: number; open: string; analysis: Analysis }>();
  /**
   * Files that start with a UTF-8 byte order mark on disk. Editors hide the mark from the
   * text, but the broker reads it; it is looked up on open and save, never per keystroke.
   */
  readonly bomOnDisk = new Set<string>();
  /** Bumped when settings change, so cached analyses are recomputed. */
  epoch = 0;
  /** The `.mosquitto-lint.json` that applies to each folder (null: none); cleared when one changes. */
  readonly configFiles = new Map<string, LoadedConfigFile | null>();
  /** Reports problems in configuration files (set by the server). */
  warn: (message: string) => void = () => undefined;

  /** The configuration file that applies to a file path, read once per folder. */
  configFileFor(filePath: string | undefined): LoadedConfigFile | undefined {
    if (!filePath) {
      return undefined;
    }
    const folder = path.dirname(filePath);
    let config = this.configFiles.get(folder);
    if (config === undefined) {
      config = null;
      const found = findConfigFile(folder);
      if (found) {
        try {
          config = loadConfigFile(found);
          if (config.problems.length > 0) {
            this.warn(`${found}: ${config.problems.join('; ')} (the other keys apply)`);
          }
        } catch (error) {
          this.warn(`${CONFIG_FILE_NAME} not used: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      this.configFiles.set(folder, config);
    }
    return config ?? undefined;
  }

  /**
   * Settings for a file: the editor's settings over its `.mosquitto-lint.json`, if any, with
   * the path mappings of both and of a Compose/Dockerfile project that runs it.
   */
  settingsFor(filePath: string | undefined): AnalysisSettings {
    return this.targetFor(filePath).settings;
  }

  /** Native paths of the workspace folders (for `${workspaceFolder}` and where detection stops). */
  workspaceFolders: string[] = [];
  /** Container detection per configuration file, reused like other answers about the disk. */
  private readonly containers = new Map<string, { at: number; epoch: number; found: ContainerDetection | undefined }>();

  /** The workspace folder holding a file (the deepest one), else the first one. */
  workspaceFolderOf(filePath: string | undefined): string | undefined {
    const holding =
      filePath === undefined ? [] : this.workspaceFolders.filter((f) => filePath === f || filePath.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
    return holding.sort((a, b) => b.length - a.length)[0] ?? this.workspaceFolders[0];
  }

  /** The Compose/Dockerfile project that runs this configuration, if detection is on. */
  containerFor(filePath: string | undefined, user: UserSettings): ContainerDetection | undefined {
    if (filePath === undefined || user.detectContainers === false) {
      return undefined;
    }
    const folder = path.dirname(filePath);
    const now = Date.now();
    const cached = this.containers.get(filePath);
    if (cached && cached.epoch === this.epoch && now - cached.at < DISK_CACHE_MS) {
      return cached.found;
    }
    const holding = this.workspaceFolders.filter((f) => folder === f || folder.startsWith(f + path.sep));
    const stopAt = holding.sort((a, b) => b.length - a.length)[0];
    const found = detectContainers(filePath, this.fileSystem(), stopAt);
    this.containers.set(filePath, { at: now, epoch: this.epoch, found });
    return found;
  }

  /** What a file is checked against: release, platform, mappings, and where they came from. */
  targetFor(filePath: string | undefined): ResolvedTarget & { container: ContainerDetection | undefined } {
    const config = this.configFileFor(filePath);
    const user = config ? mergeSettings(config.settings, this.userSettings) : this.userSettings;
    const container = this.containerFor(filePath, user);
    const workspaceFolder = this.workspaceFolderOf(filePath);
    // The file's mappings are relative to its folder; the editor setting's to the workspace folder.
    const fileMappings: PathMapping[] = Object.entries(config?.settings.pathMappings ?? {})
      .filter(([brokerPath]) => this.userSettings.pathMappings?.[brokerPath] === undefined)
      .map(([brokerPath, local]) => ({ brokerPath, localPath: path.resolve(path.dirname(config?.path ?? ''), local), origin: CONFIG_FILE_NAME }));
    const target = resolveTarget(
      { ...user, pathMappings: this.userSettings.pathMappings },
      {
        detectedVersion: this.detectedVersion,
        container,
        workspaceFolder,
        extraMappings: fileMappings,
        resolveLocal: (p) => (path.isAbsolute(p) || workspaceFolder === undefined ? p : path.resolve(workspaceFolder, p)),
      },
    );
    return { ...target, container };
  }

  /** The `mosquitto/analysisTarget` notification for a document. */
  targetNotification(document: TextDocument): AnalysisTargetParams {
    const target = this.targetFor(uriToPath(document.uri));
    return analysisTarget(document.uri, target, target.container);
  }

  /** Is the file named by its configuration file's `ignore` patterns? */
  ignored(uri: string): boolean {
    const filePath = uriToPath(uri);
    return filePath !== undefined && isIgnored(this.configFileFor(filePath), filePath);
  }

  /** The parse of an open document, computed once per document version. */
  parsedFile(document: TextDocument): ParsedFile {
    const cached = this.parsed.get(document.uri);
    if (cached && cached.version === document.version) {
      return cached.file;
    }
    let file = parse(document.getText(), uriToPath(document.uri) ?? document.uri, cached?.file);
    if (!file.hasBom && this.bomOnDisk.has(document.uri)) {
      file = { ...file, hasBom: true };
    }
    this.parsed.set(document.uri, { version: document.version, file });
    return file;
  }

  /** The analysis of an open document, computed once per document version and settings epoch. */
  analysis(document: TextDocument): Analysis {
    const cached = this.analyses.get(document.uri);
    const filePath = uriToPath(document.uri);
    // Detected containers can change between edits (a Compose file saved), so the settings are part of the key.
    const settings = this.settingsFor(filePath);
    if (
      cached &&
      cached.version === document.version &&
      cached.epoch === this.epoch &&
      cached.inputs === this.openInputs(cached.analysis, document.uri) &&
      sameSettings(cached.analysis.model.settings, settings)
    ) {
      return cached.analysis;
    }
    let findings = this.findings.get(document.uri);
    if (!findings) {
      findings = new FindingsCache();
      this.findings.set(document.uri, findings);
    }
    // Analysed on its own, a conf.d file is a fragment (its including file is analysed separately).
    const fragment = filePath !== undefined && isFragmentPath(filePath);
    const analysis = analyze(
      { text: document.getText(), uri: filePath ?? document.uri, path: filePath, fragment },
      settings,
      this.fileSystem(),
      this.parsedFile(document),
      findings,
    );
    this.analyses.set(document.uri, { version: document.version, epoch: this.epoch, inputs: this.openInputs(analysis, document.uri), analysis });
    return analysis;
  }

  /** The open documents (other than `self`) an analysis read, with their versions: part of its cache key. */
  private openInputs(analysis: Analysis, self: string): string {
    let key = '';
    for (const file of analysis.model.files) {
      const uri = pathToUri(file.uri);
      if (uri === self) {
        continue;
      }
      const open = this.documents.get(uri);
      key += open ? `${uri}@${open.version}|` : `${uri}|`;
    }
    return key;
  }

  /**
   * The analysis a feature uses for a document, and the document's id in it: an included file
   * is read in the context of the main file that includes it (per_listener_settings, …).
   */
  featureAnalysis(document: TextDocument): { analysis: Analysis; fileId: string } {
    const fileId = uriToPath(document.uri) ?? document.uri;
    return { analysis: this.includingAnalysis(document)?.analysis ?? this.analysis(document), fileId };
  }

  /** Analysis of the main configuration that includes this document, when there is one. */
  includingAnalysis(document: TextDocument): { analysis: Analysis; mainUri: string } | undefined {
    const filePath = uriToPath(document.uri);
    if (!filePath) {
      return undefined;
    }
    for (const other of this.documents.all()) {
      if (other.uri === document.uri || companionKindOfLanguage(other.languageId)) {
        continue;
      }
      const analysis = this.analysis(other);
      if (analysis.model.includedBy.has(filePath)) {
        return { analysis, mainUri: other.uri };
      }
    }
    // Not included by an open file: look for the usual layout, mosquitto.conf next to conf.d/.
    for (const candidate of [path.join(path.dirname(filePath), '..', 'mosquitto.conf'), path.join(path.dirname(filePath), 'mosquitto.conf')]) {
      if (candidate === filePath || this.disk.stat(candidate)?.kind !== 'file') {
        continue;
      }
      const analysis = this.diskAnalysis(candidate);
      if (analysis?.model.includedBy.has(filePath)) {
        return { analysis, mainUri: pathToUri(candidate) };
      }
    }
    return undefined;
  }

  /** Analysis of a configuration on disk that is not open (for companion files). */
  diskAnalysisOf(filePath: string): Analysis | undefined {
    return this.diskAnalysis(filePath);
  }

  /** Analysis of a main file that is not open, reused while the file and settings are unchanged. */
  private diskAnalysis(filePath: string): Analysis | undefined {
    const mtimeMs = this.disk.mtime(filePath);
    if (mtimeMs === undefined) {
      return undefined;
    }
    // Included files may be open with unsaved edits: the open documents' versions are part of the key.
    const open = this.documents
      .all()
      .map((d) => `${d.uri}@${d.version}`)
      .join('|');
    const cached = this.diskAnalyses.get(filePath);
    const settings = this.settingsFor(filePath);
    if (cached && cached.mtimeMs === mtimeMs && cached.epoch === this.epoch && cached.open === open && sameSettings(cached.analysis.model.settings, settings)) {
      return cached.analysis;
    }
    const text = this.fileSystem().readFile(filePath);
    if (text === undefined) {
      return undefined;
    }
    const analysis = analyze({ text, uri: filePath, path: filePath }, settings, this.fileSystem());
    this.diskAnalyses.set(filePath, { mtimeMs, epoch: this.epoch, open, analysis });
    return analysis;
  }

  /** Re-reads whether the file on disk starts with a byte order mark. */
  checkBom(uri: string): void {
    const filePath = uriToPath(uri);
    let bom = false;
    if (filePath) {
      try {
        const fd = fs.openSync(filePath, 'r');
        try {
          const head = Buffer.alloc(3);
          bom = fs.readSync(fd, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
        } finally {
          fs.closeSync(fd);
        }
      } catch {
        bom = false;
      }
    }
    const had = this.bomOnDisk.has(uri);
    if (bom) {
      this.bomOnDisk.add(uri);
    } else {
      this.bomOnDisk.delete(uri);
    }
    if (had !== bom) {
      this.parsed.delete(uri);
      this.analyses.delete(uri);
    }
  }

  forget(uri: string): void {
    this.findings.delete(uri);
    this.lastEdits.delete(uri);
    this.bomOnDisk.delete(uri);
    this.parsed.delete(uri);
    this.analyses.delete(uri);
  }

  /**
   * Files on disk as the analyses see them: answers are kept for a few seconds, so typing does
   * not stat certificates and read include_dir folders on every keystroke; cleared on save.
   */
  readonly disk: CachedFileSystem = cachedFileSystem(nodeFileSystem(), DISK_CACHE_MS);

  /** The disk, overlaid with the unsaved text of open documents. */
  fileSystem(): FileSystemAccess {
    return {
      hostPlatform: this.disk.hostPlatform,
      stat: (p) => this.disk.stat(p),
      readDirectory: (p) => this.disk.readDirectory(p),
      readFile: (p) => this.documents.get(pathToUri(p))?.getText() ?? this.disk.readFile(p),
      // Certificates and keys are opened only in trusted workspaces: an untrusted folder's
      // configuration could point the server at any file on this machine.
      ...(this.trusted && this.disk.tls ? { tls: this.disk.tls } : {}),
    };
  }
}

/** Whether two settings would give the same analysis. */
function sameSettings(a: AnalysisSettings, b: AnalysisSettings): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
