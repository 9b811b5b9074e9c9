// a and b require each other: b sees a's exports as they are when b runs (Node's rule).
exports.early = 'a-early';
const b = require('./b');
exports.seen = b.sawEarly;
