import type { Diagnostic } from 'vscode-languageserver-types';
import type { FileSystemAccess } from '../../../server/src/service';
import { nodeFileSystem } from '../../../server/src/nodeFileSystem';
import { findings, lint, withCode } from '../helpers';
import { tlsDir } from '../tlsMaterial';

/** The real disk with the TLS inspector, as the CLI and a trusted workspace see it. */
export function diskWithTls(): FileSystemAccess {
  return nodeFileSystem();
}

/** The same disk without the inspector, as an untrusted workspace sees it. */
export function diskWithoutTls(): FileSystemAccess {
  const { tls: _tls, ...rest } = nodeFileSystem();
  return rest;
}

/** `$T` in `text` is the TLS material folder. */
export function withMaterial(text: string): string {
  return text.replace(/\$T/g, tlsDir());
}

/** 'line:severity' of one rule, with path checks on and the inspector there. */
export function tlsFindings(text: string, code: string, version = '2.0.11', fs: FileSystemAccess = diskWithTls()): string[] {
  return findings(withMaterial(text), code, version, { checkPaths: true }, fs);
}

/** The diagnostics of one rule. */
export function tlsDiagnostics(text: string, code: string, version = '2.0.11'): (Diagnostic & { message: string })[] {
  return withCode(lint(withMaterial(text), version, { checkPaths: true }, diskWithTls()), code).map((d) => ({
    ...d,
    message: typeof d.message === 'string' ? d.message : d.message.value,
  }));
}

/** A TLS MQTT listener on 8883 with the given lines (before 2.0 it also needs cafile). */
export const MQTT = 'listener 8883\nallow_anonymous true\n';
/** A seed-style secure websockets listener. */
export const WSS = 'listener 1883\nlistener 8083\nprotocol websockets\nallow_anonymous true\n';
