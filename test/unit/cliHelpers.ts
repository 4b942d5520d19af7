import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';

/** Exit code and output of one CLI run. */
export interface Run {
  code: number;
  out: string;
  err: string;
}

/** A temporary folder removed after the test file, and a writer of files inside it. */
export function scratchFolder(prefix: string): { work: string; file(name: string, content: string | Buffer): string } {
  const work = mkdtempSync(path.join(tmpdir(), prefix));
  after(() => rmSync(work, { recursive: true, force: true }));
  return {
    work,
    file(name: string, content: string | Buffer): string {
      const full = path.join(work, name);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content);
      return full;
    },
  };
}
