// Node's `assert`: the common assertions, failing with AssertionError (code ERR_ASSERTION).
(function (module, exports, require) {
    'use strict';
    const util = require('util');
    class AssertionError extends Error {
        constructor(options) {
            super(options.message);
            this.name = 'AssertionError';
            this.code = 'ERR_ASSERTION';
            this.actual = options.actual;
            this.expected = options.expected;
            this.operator = options.operator;
            this.generatedMessage = options.generated;
        }
    }
    const show = (v) => util.inspect(v);
    function fail(actual, expected, message, operator, text) {
        if (message instanceof Error) {
            throw message;
        }
        throw new AssertionError({actual, expected, operator, message: message !== undefined ? message : text, generated: message === undefined});
    }
    function ok(value, message) {
        if (!value) {
            fail(value, true, message, '==', arguments.length === 0 ? 'No value argument passed to `assert.ok()`'
                : `The expression evaluated to a falsy value:\n\n  assert(${show(value)})\n`);
        }
    }
    const assert = (value, message) => ok(value, message);
    const looseEqual = (a, b) => a == b || (a !== a && b !== b); // eslint-disable-line eqeqeq
    const deepLoose = (a, b) => {
        if (looseEqual(a, b)) {
            return true;
        }
        if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
            return false;
        }
        const ka = Object.keys(a), kb = Object.keys(b);
        return ka.length === kb.length && ka.every(k => deepLoose(a[k], b[k]));
    };
    Object.assign(assert, {
        AssertionError,
        ok,
        fail: (message = 'Failed') => fail(undefined, undefined, message, 'fail', message),
        equal: (a, b, m) => looseEqual(a, b) || fail(a, b, m, '==', `${show(a)} == ${show(b)}`),
        notEqual: (a, b, m) => !looseEqual(a, b) || fail(a, b, m, '!=', `${show(a)} != ${show(b)}`),
        strictEqual: (a, b, m) => Object.is(a, b) || fail(a, b, m, 'strictEqual', `Expected values to be strictly equal:\n\n${show(a)} !== ${show(b)}\n`),
        notStrictEqual: (a, b, m) => !Object.is(a, b) || fail(a, b, m, 'notStrictEqual', `Expected "actual" to be strictly unequal to: ${show(b)}`),
        deepEqual: (a, b, m) => deepLoose(a, b) || fail(a, b, m, 'deepEqual', `Expected values to be loosely deep-equal:\n\n${show(a)}\n\nshould loosely deep-equal\n\n${show(b)}`),
        deepStrictEqual: (a, b, m) => util.isDeepStrictEqual(a, b) || fail(a, b, m, 'deepStrictEqual', `Expected values to be strictly deep-equal:\n${show(a)}\n\nshould equal\n\n${show(b)}`),
        notDeepStrictEqual: (a, b, m) => !util.isDeepStrictEqual(a, b) || fail(a, b, m, 'notDeepStrictEqual', `Expected "actual" not to be strictly deep-equal to: ${show(b)}`),
        throws(fn, expected, message) {
            try {
                fn();
            } catch (e) {
                if (typeof expected === 'function' && expected.prototype !== undefined && !(e instanceof expected)) {
                    throw e;
                }
                if (expected instanceof RegExp && !expected.test(String(e && e.message !== undefined ? e.message : e))) {
                    fail(e, expected, message, 'throws', `The error message does not match ${expected}`);
                }
                return;
            }
            fail(undefined, expected, typeof expected === 'string' ? expected : message, 'throws', 'Missing expected exception.');
        },
        doesNotThrow(fn, message) {
            try {
                fn();
            } catch (e) {
                fail(e, undefined, message, 'doesNotThrow', `Got unwanted exception.\nActual message: "${e && e.message}"`);
            }
        },
        match: (s, re, m) => re.test(s) || fail(s, re, m, 'match', `The input did not match the regular expression ${re}. Input:\n\n${show(s)}\n`),
    });
    // assert/strict: the loose comparisons are the strict ones.
    const strict = Object.assign((value, message) => ok(value, message), assert, {
        equal: assert.strictEqual, notEqual: assert.notStrictEqual, deepEqual: assert.deepStrictEqual, notDeepEqual: assert.notDeepStrictEqual});
    assert.strict = strict;
    strict.strict = strict;
    module.exports = assert;
})
