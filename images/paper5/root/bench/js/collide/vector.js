// Immutable 3-D vectors for the collision detector.

class Vec3 {
    constructor(x, y, z) {
        this.x = x;
        this.y = y;
        this.z = z;
    }

    plus(o) {
        return new Vec3(this.x + o.x, this.y + o.y, this.z + o.z);
    }

    minus(o) {
        return new Vec3(this.x - o.x, this.y - o.y, this.z - o.z);
    }

    times(k) {
        return new Vec3(this.x * k, this.y * k, this.z * k);
    }

    dot(o) {
        return this.x * o.x + this.y * o.y + this.z * o.z;
    }

    squaredLength() {
        return this.dot(this);
    }

    length() {
        return Math.sqrt(this.dot(this));
    }

    toString() {
        return `(${this.x.toFixed(2)}, ${this.y.toFixed(2)}, ${this.z.toFixed(2)})`;
    }
}

module.exports = { Vec3 };
