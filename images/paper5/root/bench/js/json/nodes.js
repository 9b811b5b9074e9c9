// Node classes of the hand-written JSON document model.

class JNode {
    equals(other) {
        return this.constructor === other.constructor;
    }

    count() {
        return 1;
    }
}

class JNull extends JNode {}

class JBool extends JNode {
    constructor(value) {
        super();
        this.value = value;
    }

    equals(other) {
        return super.equals(other) && this.value === other.value;
    }
}

// Numbers keep their source text so printing round-trips exactly.
class JNumber extends JNode {
    constructor(text) {
        super();
        this.text = text;
        this.value = Number(text);
    }

    equals(other) {
        return super.equals(other) && this.text === other.text;
    }
}

class JString extends JNode {
    constructor(value) {
        super();
        this.value = value;
    }

    equals(other) {
        return super.equals(other) && this.value === other.value;
    }
}

class JArray extends JNode {
    constructor(items = []) {
        super();
        this.items = items;
    }

    equals(other) {
        return super.equals(other) && this.items.length === other.items.length &&
            this.items.every((x, i) => x.equals(other.items[i]));
    }

    count() {
        return this.items.reduce((n, x) => n + x.count(), 1);
    }
}

class JObject extends JNode {
    constructor() {
        super();
        this.members = new Map();
    }

    set(key, node) {
        this.members.set(key, node);
        return this;
    }

    equals(other) {
        if (!super.equals(other) || this.members.size !== other.members.size) return false;
        for (const [k, v] of this.members) {
            const w = other.members.get(k);
            if (!w || !v.equals(w)) return false;
        }
        return true;
    }

    count() {
        let n = 1;
        for (const v of this.members.values()) n += v.count();
        return n;
    }
}

module.exports = { JNode, JNull, JBool, JNumber, JString, JArray, JObject };
