// Requires a module with a syntax error.
require('./broken');
