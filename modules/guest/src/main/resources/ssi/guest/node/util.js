// Node's `util`: format and inspect as Node 20 prints values (the layout rules follow Node's own
// util.inspect: entries on one line while they fit in 80 columns and nest at most three levels,
// long arrays of short entries in columns), and the helpers programs commonly use.
(function (module, exports, require) {
    'use strict';
    const custom = Symbol.for('nodejs.util.inspect.custom');
    const defaults = {depth: 2, breakLength: 80, compact: 3, sorted: false, showHidden: false, maxArrayLength: 100, maxStringLength: 10000, getters: false};
    const identifier = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

    function inspect(value, options) {
        const ctx = Object.assign({}, defaults, typeof options === 'object' && options !== null ? options : {});
        if (ctx.depth === null) {
            ctx.depth = Infinity;
        }
        ctx.seen = [];
        ctx.circular = new Map();
        ctx.indentationLvl = 0;
        ctx.currentDepth = 0;
        return formatValue(ctx, value, 0);
    }
    inspect.custom = custom;
    inspect.defaultOptions = defaults;

    function quote(s) {
        const q = !s.includes("'") ? "'" : !s.includes('"') ? '"' : !s.includes('`') && !s.includes('${') ? '`' : "'";
        let out = '';
        for (const ch of s) {
            const c = ch.codePointAt(0);
            if (ch === q || ch === '\\') {
                out += '\\' + ch;
            } else if (ch === '\n') {
                out += '\\n';
            } else if (ch === '\t') {
                out += '\\t';
            } else if (ch === '\r') {
                out += '\\r';
            } else if (ch === '\b') {
                out += '\\b';
            } else if (ch === '\f') {
                out += '\\f';
            } else if (ch === '\v') {
                out += '\\v';
            } else if (c < 0x20 || c === 0x7f) {
                out += '\\x' + c.toString(16).toUpperCase().padStart(2, '0');
            } else {
                out += ch;
            }
        }
        return q + out + q;
    }

    function formatPrimitive(ctx, value) {
        switch (typeof value) {
            case 'string': {
                let trailer = '';
                if (value.length > ctx.maxStringLength) {
                    trailer = `... ${value.length - ctx.maxStringLength} more character${value.length - ctx.maxStringLength > 1 ? 's' : ''}`;
                    value = value.slice(0, ctx.maxStringLength);
                }
                if (value.length > 16 && value.length > ctx.breakLength - ctx.indentationLvl - 4 && value.includes('\n')) {
                    return value.split(/(?<=\n)/).map(quote).join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`) + trailer;
                }
                return quote(value) + trailer;
            }
            case 'number':
                return Object.is(value, -0) ? '-0' : String(value);
            case 'bigint':
                return `${value}n`;
            case 'boolean':
                return String(value);
            case 'undefined':
                return 'undefined';
            case 'symbol':
                return value.toString();
        }
        return String(value);
    }

    function constructorName(obj) {
        let o = obj;
        while (o !== null && o !== undefined) {
            const d = Object.getOwnPropertyDescriptor(o, 'constructor');
            if (d !== undefined && typeof d.value === 'function' && d.value.name !== '') {
                return d.value.name;
            }
            o = Object.getPrototypeOf(o);
        }
        return null;
    }

    function prefix(name, tag, fallback, size) {
        const s = size === undefined ? '' : `(${size})`;
        if (name === null) {
            return `[${fallback}${s}: null prototype] ${tag ? `[${tag}] ` : ''}`;
        }
        return `${name}${s} ${tag && tag !== name ? `[${tag}] ` : ''}`;
    }

    function formatValue(ctx, value, recurseTimes) {
        if (typeof value !== 'object' && typeof value !== 'function' || value === null) {
            return value === null ? 'null' : formatPrimitive(ctx, value);
        }
        if (typeof value[custom] === 'function' && value[custom] !== inspect) {
            const r = value[custom](ctx.depth - recurseTimes, Object.assign({}, ctx), inspect);
            if (r !== value) {
                return typeof r === 'string' ? r : formatValue(ctx, r, recurseTimes);
            }
        }
        if (ctx.seen.includes(value)) {
            if (!ctx.circular.has(value)) {
                ctx.circular.set(value, ctx.circular.size + 1);
            }
            return `[Circular *${ctx.circular.get(value)}]`;
        }
        return formatRaw(ctx, value, recurseTimes);
    }

    function formatRaw(ctx, value, recurseTimes) {
        const name = constructorName(value);
        let tag = value[Symbol.toStringTag];
        if (typeof tag !== 'string') {
            tag = '';
        }
        let keys = Object.keys(value);
        let base = '';
        let braces;
        let formatter = formatObjectEntries;
        let extrasType = 'object';
        let noEntries = false;
        if (Array.isArray(value)) {
            const p = name !== 'Array' || tag ? prefix(name, tag, 'Array', value.length) : '';
            keys = keys.filter(k => !isIndex(k));
            braces = [`${p}[`, ']'];
            if (value.length === 0 && keys.length === 0) {
                return `${braces[0]}]`;
            }
            extrasType = 'array';
            formatter = formatArray;
        } else if (value instanceof Set) {
            braces = [`${prefix(name, tag, 'Set', value.size)}{`, '}'];
            if (value.size === 0 && keys.length === 0) {
                return `${braces[0]}}`;
            }
            formatter = formatSet;
        } else if (value instanceof Map) {
            braces = [`${prefix(name, tag, 'Map', value.size)}{`, '}'];
            if (value.size === 0 && keys.length === 0) {
                return `${braces[0]}}`;
            }
            formatter = formatMap;
        } else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
            braces = [`${prefix(name, tag, 'TypedArray', value.length)}[`, ']'];
            keys = keys.filter(k => !isIndex(k));
            if (value.length === 0 && keys.length === 0) {
                return `${braces[0]}]`;
            }
            extrasType = 'array';
            formatter = formatTypedArray;
        } else if (typeof value === 'function') {
            base = formatFunction(value, name);
            if (keys.length === 0) {
                return base;
            }
            braces = ['{', '}'];
        } else if (value instanceof RegExp) {
            base = RegExp.prototype.toString.call(value);
            if (keys.length === 0) {
                return base;
            }
            braces = ['{', '}'];
        } else if (value instanceof Date) {
            base = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
            if (keys.length === 0) {
                return base;
            }
            braces = ['{', '}'];
        } else if (value instanceof Error) {
            base = typeof value.stack === 'string' && value.stack ? value.stack : `[${Error.prototype.toString.call(value)}]`;
            keys = keys.filter(k => k !== 'stack' && k !== 'message');
            if (keys.length === 0) {
                return base;
            }
            braces = ['{', '}'];
        } else if (value instanceof Number || value instanceof String || value instanceof Boolean) {
            const kind = value instanceof Number ? 'Number' : value instanceof String ? 'String' : 'Boolean';
            base = `[${kind}: ${formatPrimitive(ctx, value.valueOf())}]`;
            if (value instanceof String) {
                keys = keys.filter(k => !isIndex(k));
            }
            if (keys.length === 0) {
                return base;
            }
            braces = ['{', '}'];
        } else if (value instanceof Promise) {
            braces = [`${prefix(name, tag, 'Promise')}{`, '}'];
            noEntries = keys.length === 0;
        } else if (value instanceof WeakMap || value instanceof WeakSet) {
            return `${prefix(name, tag, value instanceof WeakMap ? 'WeakMap' : 'WeakSet')}{ <items unknown> }`;
        } else if (value instanceof ArrayBuffer) {
            const bytes = [...new Uint8Array(value.slice(0, 50))].map(b => b.toString(16).padStart(2, '0')).join(' ');
            return `ArrayBuffer { [Uint8Contents]: <${bytes}${value.byteLength > 50 ? ` ... ${value.byteLength - 50} more bytes` : ''}>, byteLength: ${value.byteLength} }`;
        } else if (Object.prototype.toString.call(value) === '[object Arguments]') {
            braces = ['[Arguments] [', ']'];
            extrasType = 'array';
            formatter = formatArray;
            keys = keys.filter(k => !isIndex(k));
        } else {
            const p = name === 'Object' ? (tag ? `Object [${tag}] ` : '') : prefix(name, tag, 'Object');
            braces = [`${p}{`, '}'];
            if (keys.length === 0 && Object.getOwnPropertySymbols(value).filter(s => Object.prototype.propertyIsEnumerable.call(value, s)).length === 0) {
                return `${braces[0]}}`;
            }
        }
        for (const s of Object.getOwnPropertySymbols(value)) {
            if (Object.prototype.propertyIsEnumerable.call(value, s)) {
                keys.push(s);
            }
        }
        if (recurseTimes > ctx.depth) {
            return `[${name === null ? 'Object: null prototype' : Array.isArray(value) ? 'Array' : name}]`;
        }
        ctx.seen.push(value);
        ctx.currentDepth = recurseTimes;
        let output;
        try {
            output = noEntries ? [] : formatter(ctx, value, recurseTimes + 1);
            for (const k of keys) {
                output.push(formatProperty(ctx, value, recurseTimes + 1, k, 'object'));
            }
        } finally {
            ctx.seen.pop();
        }
        if (ctx.sorted) {
            output.sort();
        }
        if (ctx.circular.has(value)) {
            const ref = `<ref *${ctx.circular.get(value)}>`;
            if (base === '') {
                braces[0] = `${ref} ${braces[0]}`;
            } else {
                base = `${ref} ${base}`;
            }
        }
        if (noEntries && output.length === 0) {
            return `${braces[0]}}`;
        }
        return reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
    }

    function isIndex(k) {
        return /^(0|[1-9][0-9]*)$/.test(k) && Number(k) < 4294967295;
    }

    function formatFunction(fn, name) {
        const source = Function.prototype.toString.call(fn);
        if (source.startsWith('class') && /^class\b/.test(source)) {
            const sup = Object.getPrototypeOf(fn);
            return `[class ${fn.name || '(anonymous)'}${sup && sup.name ? ` extends ${sup.name}` : ''}]`;
        }
        const kind = name === 'AsyncFunction' ? 'AsyncFunction' : name === 'GeneratorFunction' ? 'GeneratorFunction'
            : name === 'AsyncGeneratorFunction' ? 'AsyncGeneratorFunction' : 'Function';
        return `[${kind}${fn.name ? `: ${fn.name}` : ' (anonymous)'}]`;
    }

    function formatProperty(ctx, value, recurseTimes, key, type) {
        const desc = Object.getOwnPropertyDescriptor(value, key) || {value: value[key], enumerable: true};
        let str;
        if (desc.value !== undefined || !('get' in desc) && !('set' in desc)) {
            ctx.indentationLvl += 2;
            str = formatValue(ctx, desc.value, recurseTimes);
            ctx.indentationLvl -= 2;
        } else if (desc.get !== undefined) {
            str = desc.set !== undefined ? '[Getter/Setter]' : '[Getter]';
        } else {
            str = desc.set !== undefined ? '[Setter]' : 'undefined';
        }
        if (type === 'array') {
            return str;
        }
        const name = typeof key === 'symbol' ? `[${key.toString()}]` : identifier.test(key) ? key : quote(key);
        return `${name}: ${str}`;
    }

    function formatArray(ctx, value, recurseTimes) {
        const output = [];
        const len = Math.min(ctx.maxArrayLength, value.length);
        let holes = 0;
        for (let i = 0; i < value.length && output.length < len; i++) {
            if (!Object.prototype.hasOwnProperty.call(value, i)) {
                holes++;
                continue;
            }
            if (holes > 0) {
                output.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
                holes = 0;
            }
            output.push(formatProperty(ctx, value, recurseTimes, String(i), 'array'));
        }
        if (holes > 0) {
            output.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
        }
        const shown = output.length;
        if (value.length > len && shown === len) {
            const rest = value.length - len;
            output.push(`... ${rest} more item${rest > 1 ? 's' : ''}`);
        }
        return output;
    }

    function formatTypedArray(ctx, value, recurseTimes) {
        const output = [];
        const len = Math.min(ctx.maxArrayLength, value.length);
        for (let i = 0; i < len; i++) {
            output.push(formatPrimitive(ctx, value[i]));
        }
        if (value.length > len) {
            output.push(`... ${value.length - len} more item${value.length - len > 1 ? 's' : ''}`);
        }
        return output;
    }

    function formatSet(ctx, value, recurseTimes) {
        const output = [];
        ctx.indentationLvl += 2;
        for (const v of value) {
            output.push(formatValue(ctx, v, recurseTimes));
        }
        ctx.indentationLvl -= 2;
        return output;
    }

    function formatMap(ctx, value, recurseTimes) {
        const output = [];
        ctx.indentationLvl += 2;
        for (const [k, v] of value) {
            output.push(`${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
        }
        ctx.indentationLvl -= 2;
        return output;
    }

    function formatObjectEntries() {
        return [];
    }

    // Node's layout: up to `compact` inner levels on one line when they fit in breakLength; long arrays in columns.
    function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
        const entries = output.length;
        if (extrasType === 'array' && entries > 6) {
            output = groupArrayElements(ctx, output, value);
        }
        if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
            const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
            if (isBelowBreakLength(ctx, output, start, base)) {
                const joined = output.join(', ');
                if (!joined.includes('\n')) {
                    return `${base ? `${base} ` : ''}${braces[0]} ${joined} ${braces[1]}`;
                }
            }
        }
        const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
        return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
    }

    function isBelowBreakLength(ctx, output, start, base) {
        let total = output.length + start;
        if (total + output.length > ctx.breakLength) {
            return false;
        }
        for (const o of output) {
            total += o.length;
            if (total > ctx.breakLength) {
                return false;
            }
        }
        return base === '' || !base.includes('\n');
    }

    function groupArrayElements(ctx, output, value) {
        let total = 0;
        let maxLength = 0;
        let outputLength = output.length;
        if (ctx.maxArrayLength < output.length) {
            outputLength--; // the "... more items" entry stands apart
        }
        const separatorSpace = 2;
        const dataLen = new Array(outputLength);
        for (let i = 0; i < outputLength; i++) {
            dataLen[i] = output[i].length;
            total += dataLen[i] + separatorSpace;
            maxLength = Math.max(maxLength, dataLen[i]);
        }
        const actualMax = maxLength + separatorSpace;
        if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength && (total / actualMax > 5 || maxLength <= 6)) {
            const averageBias = Math.sqrt(actualMax - total / output.length);
            const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
            const columns = Math.min(
                Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
                Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
                ctx.compact * 4,
                15);
            if (columns <= 1) {
                return output;
            }
            const maxLineLength = [];
            for (let i = 0; i < columns; i++) {
                let lineLength = 0;
                for (let j = i; j < output.length; j += columns) {
                    if (dataLen[j] > lineLength) {
                        lineLength = dataLen[j];
                    }
                }
                maxLineLength.push(lineLength + separatorSpace);
            }
            let padStart = value !== undefined;
            for (let i = 0; padStart && i < output.length; i++) {
                if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') {
                    padStart = false;
                }
            }
            const tmp = [];
            for (let i = 0; i < outputLength; i += columns) {
                const max = Math.min(i + columns, outputLength);
                let str = '';
                let j = i;
                for (; j < max - 1; j++) {
                    const cell = `${output[j]}, `;
                    str += padStart ? cell.padStart(maxLineLength[j - i], ' ') : cell.padEnd(maxLineLength[j - i], ' ');
                }
                str += padStart ? output[j].padStart(maxLineLength[j - i] - separatorSpace, ' ') : output[j];
                tmp.push(str);
            }
            if (ctx.maxArrayLength < output.length) {
                tmp.push(output[outputLength]);
            }
            return tmp;
        }
        return output;
    }

    function format(...args) {
        if (args.length === 0) {
            return '';
        }
        const first = args[0];
        let out = '';
        let a = 1;
        if (typeof first === 'string') {
            let last = 0;
            for (let i = 0; i < first.length - 1; i++) {
                if (first[i] !== '%') {
                    continue;
                }
                const c = first[i + 1];
                if (c === '%') {
                    out += first.slice(last, i) + '%';
                    last = i + 2;
                    i++;
                    continue;
                }
                if (a >= args.length || !'sdifjoOc'.includes(c)) {
                    continue;
                }
                const arg = args[a++];
                let s;
                switch (c) {
                    case 's':
                        s = typeof arg === 'bigint' ? `${arg}n` : typeof arg === 'object' && arg !== null ? inspect(arg, {depth: 0}) : typeof arg === 'symbol' ? arg.toString() : Object.is(arg, -0) ? '-0' : String(arg);
                        break;
                    case 'd':
                        s = typeof arg === 'bigint' ? `${arg}n` : typeof arg === 'symbol' ? 'NaN' : formatPrimitive(defaults, Number(arg));
                        break;
                    case 'i':
                        s = typeof arg === 'bigint' ? `${arg}n` : typeof arg === 'symbol' ? 'NaN' : String(parseInt(arg));
                        break;
                    case 'f':
                        s = typeof arg === 'symbol' ? 'NaN' : String(parseFloat(arg));
                        break;
                    case 'j':
                        try {
                            s = JSON.stringify(arg);
                        } catch (e) {
                            s = '[Circular]';
                        }
                        break;
                    case 'o':
                        s = inspect(arg, {showHidden: true, depth: 4});
                        break;
                    case 'O':
                        s = inspect(arg);
                        break;
                    case 'c':
                        s = '';
                        break;
                }
                out += first.slice(last, i) + s;
                last = i + 2;
                i++;
            }
            out += first.slice(last);
        } else {
            a = 0;
        }
        for (; a < args.length; a++) {
            const arg = args[a];
            out += (a > 0 ? ' ' : '') + (typeof arg === 'string' ? arg : inspect(arg));
        }
        return out;
    }

    function isDeepStrictEqual(a, b, seen = new Map()) {
        if (Object.is(a, b)) {
            return true;
        }
        if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
            return false;
        }
        if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) {
            return false;
        }
        if (seen.get(a) === b) {
            return true;
        }
        seen.set(a, b);
        if (a instanceof Date) {
            return a.getTime() === b.getTime();
        }
        if (a instanceof RegExp) {
            return String(a) === String(b);
        }
        if (a instanceof Map) {
            if (a.size !== b.size) {
                return false;
            }
            for (const [k, v] of a) {
                if (!b.has(k) || !isDeepStrictEqual(v, b.get(k), seen)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Set) {
            if (a.size !== b.size) {
                return false;
            }
            for (const v of a) {
                if (!b.has(v)) {
                    return false;
                }
            }
            return true;
        }
        const ka = Object.keys(a), kb = Object.keys(b);
        if (ka.length !== kb.length) {
            return false;
        }
        for (const k of ka) {
            if (!Object.prototype.hasOwnProperty.call(b, k) || !isDeepStrictEqual(a[k], b[k], seen)) {
                return false;
            }
        }
        return true;
    }

    function promisify(fn) {
        return (...args) => new Promise((resolve, reject) => fn(...args, (err, value) => err ? reject(err) : resolve(value)));
    }

    Object.assign(exports, {
        format,
        inspect,
        isDeepStrictEqual,
        promisify,
        callbackify: (fn) => (...args) => { const cb = args.pop(); fn(...args).then(v => cb(null, v), e => cb(e)); },
        inherits(ctor, superCtor) {
            Object.defineProperty(ctor, 'super_', {value: superCtor, writable: true, configurable: true});
            Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
        },
        deprecate: (fn) => fn,
        debuglog: () => Object.assign(() => {}, {enabled: false}),
        isArray: Array.isArray,
        types: {
            isDate: (v) => v instanceof Date,
            isRegExp: (v) => v instanceof RegExp,
            isMap: (v) => v instanceof Map,
            isSet: (v) => v instanceof Set,
            isPromise: (v) => v instanceof Promise,
            isNativeError: (v) => v instanceof Error,
            isTypedArray: (v) => ArrayBuffer.isView(v) && !(v instanceof DataView),
        },
    });
})
