// node:url in the browser: file URLs of POSIX paths.
module.exports = {
  pathToFileURL: (path) => new URL(`file://${encodeURI(path)}`),
  fileURLToPath: (url) => decodeURIComponent(new URL(url).pathname),
  URL,
};
