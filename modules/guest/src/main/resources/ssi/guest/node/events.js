// Node's `events`: EventEmitter, once() as a promise.
(function (module, exports) {
    'use strict';
    class EventEmitter {
        constructor() {
            this._events = new Map();
            this._maxListeners = EventEmitter.defaultMaxListeners;
        }
        _list(event) {
            if (this._events === undefined) {
                this._events = new Map(); // a subclass that skipped super()'s fields
            }
            let list = this._events.get(event);
            if (list === undefined) {
                list = [];
                this._events.set(event, list);
            }
            return list;
        }
        on(event, listener, prepend = false) {
            if (typeof listener !== 'function') {
                const e = new TypeError(`The "listener" argument must be of type function. Received ${listener === null ? 'null' : typeof listener}`);
                e.code = 'ERR_INVALID_ARG_TYPE';
                throw e;
            }
            if (this._events !== undefined && this._events.has('newListener')) {
                this.emit('newListener', event, listener.listener || listener);
            }
            const list = this._list(event);
            prepend ? list.unshift(listener) : list.push(listener);
            return this;
        }
        addListener(event, listener) { return this.on(event, listener); }
        prependListener(event, listener) { return this.on(event, listener, true); }
        once(event, listener, prepend = false) {
            const self = this;
            function wrapper(...args) {
                self.off(event, wrapper);
                return listener.apply(self, args);
            }
            wrapper.listener = listener;
            return this.on(event, wrapper, prepend);
        }
        prependOnceListener(event, listener) { return this.once(event, listener, true); }
        off(event, listener) {
            const list = this._events === undefined ? undefined : this._events.get(event);
            if (list !== undefined) {
                const i = list.findIndex(l => l === listener || l.listener === listener);
                if (i >= 0) {
                    list.splice(i, 1);
                    if (this._events.has('removeListener')) {
                        this.emit('removeListener', event, listener);
                    }
                }
            }
            return this;
        }
        removeListener(event, listener) { return this.off(event, listener); }
        removeAllListeners(event) {
            if (this._events !== undefined) {
                event === undefined ? this._events.clear() : this._events.delete(event);
            }
            return this;
        }
        emit(event, ...args) {
            const list = this._events === undefined ? undefined : this._events.get(event);
            if (list === undefined || list.length === 0) {
                if (event === 'error') {
                    const err = args[0] instanceof Error ? args[0] : new Error(`Unhandled error. (${args[0]})`);
                    if (!(args[0] instanceof Error)) {
                        err.code = 'ERR_UNHANDLED_ERROR';
                    }
                    throw err;
                }
                return false;
            }
            for (const l of list.slice()) {
                l.apply(this, args);
            }
            return true;
        }
        listenerCount(event) { return this._events === undefined ? 0 : (this._events.get(event) || []).length; }
        listeners(event) { return (this._events === undefined ? [] : this._events.get(event) || []).map(l => l.listener || l); }
        rawListeners(event) { return (this._events === undefined ? [] : this._events.get(event) || []).slice(); }
        eventNames() { return this._events === undefined ? [] : [...this._events.keys()].filter(k => this._events.get(k).length > 0); }
        setMaxListeners(n) { this._maxListeners = n; return this; }
        getMaxListeners() { return this._maxListeners; }
    }
    EventEmitter.defaultMaxListeners = 10;
    EventEmitter.EventEmitter = EventEmitter;
    EventEmitter.once = (emitter, event) => new Promise((resolve, reject) => {
        const onError = (err) => { emitter.off(event, onEvent); reject(err); };
        const onEvent = (...args) => { emitter.off('error', onError); resolve(args); };
        emitter.once(event, onEvent);
        if (event !== 'error') {
            emitter.once('error', onError);
        }
    });
    module.exports = EventEmitter;
})
