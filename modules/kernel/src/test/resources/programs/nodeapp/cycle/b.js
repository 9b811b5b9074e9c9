const a = require('./a');
exports.sawEarly = a.early;
