// The `process` global in the browser bundles.
export const process = { platform: 'linux', env: {}, cwd: () => '/', argv: [], versions: {} };
