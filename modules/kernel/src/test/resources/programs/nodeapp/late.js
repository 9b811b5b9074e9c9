module.exports = { value: 42 };
