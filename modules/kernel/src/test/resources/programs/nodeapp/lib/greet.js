// A module in a subfolder that requires back up the tree.
const { name } = require('../config.json');
exports.greet = (who) => `hello ${who} from ${name}`;
