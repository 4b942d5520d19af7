// node:os in the browser.
module.exports = { tmpdir: () => '/tmp', platform: () => 'linux', EOL: '\n' };
