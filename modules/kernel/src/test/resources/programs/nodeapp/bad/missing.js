// Requires a module that is not there.
console.log('before');
require('./nowhere');
