#!/usr/bin/env node
// Writes schemas/mosquitto-lint.schema.json, the JSON schema of .mosquitto-lint.json, from the
// extension's settings in package.json (one description per setting and rule, kept in one place).
// Usage: node scripts/generate-config-schema.mjs   (a unit test checks the output is current)
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const settings = pkg.contributes.configuration.properties;
const pick = (key) => {
  const { type, enum: values, pattern, markdownDescription } = settings[`mosquitto.${key}`];
  return { type, ...(values ? { enum: values } : {}), ...(pattern ? { pattern } : {}), markdownDescription };
};
const rules = {};
for (const [id, rule] of Object.entries(settings['mosquitto.rules'].properties)) {
  rules[id] = { type: 'string', enum: rule.enum, markdownDescription: rule.markdownDescription };
}
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'mosquitto-lint configuration (.mosquitto-lint.json)',
  description: 'Settings shared by the mosquitto-lint CLI and the Mosquitto Config extension; command-line flags and editor settings override them.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    brokerVersion: pick('brokerVersion'),
    platform: pick('platform'),
    checkPaths: pick('checkPaths'),
    rules: { type: 'object', markdownDescription: settings['mosquitto.rules'].markdownDescription, additionalProperties: false, properties: rules },
    pathMappings: {
      type: 'object',
      additionalProperties: { type: 'string', minLength: 1 },
      markdownDescription:
        'Folders (or files) as the broker sees them → where they are here, relative to this file\'s folder, e.g. `{ "/mosquitto/config": "config" }` for a Docker container. Path checks and `include_dir` reading go through them; `--path-map` adds to them.',
    },
    detectContainers: pick('detectContainers'),
    ignore: {
      type: 'array',
      items: { type: 'string' },
      markdownDescription: "Glob patterns, relative to this file's folder, of files whose findings are not reported (`conf.d/old-*.conf`, `legacy/**`).",
    },
  },
};
writeFileSync(new URL('schemas/mosquitto-lint.schema.json', root), `${JSON.stringify(schema, null, 2)}\n`);
