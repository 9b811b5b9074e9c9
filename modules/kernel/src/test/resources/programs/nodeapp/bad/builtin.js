// Requires a Node built-in that ssi has no version of.
const { spawn } = require('child_process');
