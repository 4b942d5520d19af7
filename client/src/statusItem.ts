import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { releaseLines } from '../../server/src/service/version';

export const SELECT_TARGET_COMMAND = 'mosquitto.selectTarget';

/**
 * What the server says a document is checked against: the `mosquitto/analysisTarget`
 * notification (server/src/protocol.ts); only the fields the status item shows.
 */
export interface AnalysisTarget {
  uri: string;
  brokerVersion: string;
  versionSource: string;
  platform: string;
  platformSource: string;
  summary?: string;
  pathMappings?: { brokerPath: string; localPath?: string; volume?: string; origin: string }[];
  notes?: string[];
}

const VERSION_SOURCES: Readonly<Record<string, string>> = {
  setting: 'the mosquitto.brokerVersion setting',
  compose: 'the image tag in the Compose file',
  dockerfile: 'the image tag in the Dockerfile',
  'installed-broker': 'the installed mosquitto',
  default: 'the newest release the extension knows',
};

const PLATFORM_SOURCES: Readonly<Record<string, string>> = {
  setting: 'the mosquitto.platform setting',
  compose: 'the Compose file (a Linux container)',
  dockerfile: 'the Dockerfile (a Linux container)',
  host: 'the system VS Code runs on',
};

/** What the status item shows, for tests (the extension's exports). */
export interface StatusItemState {
  readonly text: string;
  readonly detail: string | undefined;
}

/**
 * The language status item "mosquitto 2.0.11 · linux": what the active file is checked
 * against and where each part came from (from the server's analysisTarget notification; from
 * the settings until one arrives), a command to change them, and the broker check next to it.
 */
export function registerStatusItem(
  context: vscode.ExtensionContext,
  client: () => LanguageClient | undefined,
): { state: () => StatusItemState; listen: (client: LanguageClient, onTarget?: (target: AnalysisTarget) => void) => void } {
  const selector: vscode.DocumentSelector = [
    { language: 'mosquitto-conf', scheme: 'file' },
    { language: 'mosquitto-conf', scheme: 'untitled' },
  ];
  const item = vscode.languages.createLanguageStatusItem('mosquitto.target', selector);
  item.name = 'Mosquitto release and platform';
  item.command = { title: 'Change', command: SELECT_TARGET_COMMAND, tooltip: 'Choose the mosquitto release and platform to check against' };
  const check = vscode.languages.createLanguageStatusItem('mosquitto.brokerCheck', selector);
  check.name = 'Mosquitto broker check';
  check.text = '$(check) Broker check';
  check.detail = 'Run the installed mosquitto on a copy (trusted workspaces)';
  check.command = { title: 'Check with broker', command: 'mosquitto.checkWithBroker' };
  const targets = new Map<string, AnalysisTarget>();

  const update = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    const target = document ? targets.get(document.uri.toString()) : undefined;
    if (target) {
      item.text = `mosquitto ${target.brokerVersion} · ${target.platform}`;
      item.detail = `release from ${VERSION_SOURCES[target.versionSource] ?? target.versionSource}; platform from ${PLATFORM_SOURCES[target.platformSource] ?? target.platformSource}`;
      return;
    }
    // Until the server says it: what the settings ask for.
    const settings = vscode.workspace.getConfiguration('mosquitto', document?.uri);
    const version = settings.get<string>('brokerVersion', 'auto');
    const platform = settings.get<string>('platform', 'auto');
    item.text = `mosquitto ${version} · ${platform === 'auto' ? (process.platform === 'win32' ? 'windows' : process.platform === 'darwin' ? 'macos' : 'linux') : platform}`;
    item.detail = `release from ${version === 'auto' ? 'the installed mosquitto or the newest release' : VERSION_SOURCES.setting}; platform from ${platform === 'auto' ? PLATFORM_SOURCES.host : PLATFORM_SOURCES.setting}`;
  };

  context.subscriptions.push(
    item,
    check,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('mosquitto')) {
        update();
      }
    }),
    vscode.workspace.onDidCloseTextDocument((d) => targets.delete(d.uri.toString())),
    vscode.commands.registerCommand(SELECT_TARGET_COMMAND, (choice?: { brokerVersion?: string; platform?: string }) => selectTarget(choice)),
  );
  update();
  return {
    state: () => ({ text: item.text, detail: item.detail }),
    listen: (running: LanguageClient, onTarget?: (target: AnalysisTarget) => void) => {
      context.subscriptions.push(
        running.onNotification('mosquitto/analysisTarget', (target: AnalysisTarget) => {
          targets.set(target.uri, target);
          update();
          onTarget?.(target);
        }),
      );
      void client;
    },
  };
}

/**
 * Quick picks of the release and the platform, written to the workspace settings (user
 * settings without a workspace). Arguments skip the picks (for keybindings and tests).
 */
async function selectTarget(choice?: { brokerVersion?: string; platform?: string }): Promise<void> {
  const settings = vscode.workspace.getConfiguration('mosquitto');
  const where = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  let version = choice?.brokerVersion;
  let platform = choice?.platform;
  if (version === undefined && platform === undefined) {
    const current = settings.get<string>('brokerVersion', 'auto');
    const picked = await vscode.window.showQuickPick(
      [
        { label: 'auto', description: 'the installed mosquitto, else the newest release' },
        ...releaseLines().map((release) => ({ label: release, description: `newest ${release.split('.').slice(0, 2).join('.')} release` })),
        { label: 'Other…', description: 'type a release, e.g. 2.0.11' },
      ].map((p) => ({ ...p, picked: p.label === current })),
      { title: 'Mosquitto release to check against', placeHolder: `now: ${current}` },
    );
    if (!picked) {
      return;
    }
    version = picked.label;
    if (version === 'Other…') {
      version = await vscode.window.showInputBox({
        title: 'Mosquitto release',
        prompt: 'X.Y or X.Y.Z',
        validateInput: (v) => (/^\d+\.\d+(\.\d+)?$/.test(v.trim()) ? undefined : 'A release such as 2.0 or 2.0.11'),
      });
      if (version === undefined) {
        return;
      }
      version = version.trim();
    }
    const pickedPlatform = await vscode.window.showQuickPick(['auto', 'linux', 'windows', 'macos'], {
      title: 'Platform the broker runs on',
      placeHolder: `now: ${settings.get<string>('platform', 'auto')}`,
    });
    if (!pickedPlatform) {
      return;
    }
    platform = pickedPlatform;
  }
  if (version !== undefined) {
    await settings.update('brokerVersion', version, where);
  }
  if (platform !== undefined) {
    await settings.update('platform', platform, where);
  }
}
