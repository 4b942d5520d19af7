// node:child_process in the browser: no program can be started.
module.exports = {
  spawnSync: () => ({ error: new Error('programs cannot be started in the browser'), status: null, stdout: '', stderr: '' }),
};
