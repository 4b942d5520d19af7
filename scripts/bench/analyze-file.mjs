// Analyses one file N times in process (used under `node --cpu-prof` by the bench).
//   node scripts/bench/analyze-file.mjs FILE [RUNS] [--check-paths]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('../..', import.meta.url).pathname;
const service = require(`${root}out/server/src/service/index.js`);
const { nodeFileSystem } = require(`${root}out/server/src/nodeFileSystem.js`);

const file = resolve(process.argv[2]);
const runs = Number(process.argv[3] ?? 5);
const checkPaths = process.argv.includes('--check-paths');
const text = readFileSync(file, 'utf8');
const settings = service.defaultSettings({ checkPaths });
const fs = nodeFileSystem();
for (let i = 0; i < runs; i++) {
  service.analyze({ text, uri: file, path: file }, settings, fs);
}
