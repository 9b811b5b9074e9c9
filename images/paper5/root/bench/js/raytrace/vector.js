// Immutable 3-D vectors, used for points, directions and colours.

class Vec3 {
    constructor(x, y, z) {
        this.x = x;
        this.y = y;
        this.z = z;
    }

    add(o) { return new Vec3(this.x + o.x, this.y + o.y, this.z + o.z); }
    sub(o) { return new Vec3(this.x - o.x, this.y - o.y, this.z - o.z); }
    scale(k) { return new Vec3(this.x * k, this.y * k, this.z * k); }
    mul(o) { return new Vec3(this.x * o.x, this.y * o.y, this.z * o.z); }
    dot(o) { return this.x * o.x + this.y * o.y + this.z * o.z; }
    length() { return Math.sqrt(this.dot(this)); }

    cross(o) {
        return new Vec3(this.y * o.z - this.z * o.y, this.z * o.x - this.x * o.z, this.x * o.y - this.y * o.x);
    }

    norm() {
        return this.scale(1 / this.length());
    }

    // Mirror this direction about the normal n.
    reflect(n) {
        return this.sub(n.scale(2 * this.dot(n)));
    }
}

// x**n for a small integer n by repeated squaring (same result in every runtime, unlike pow).
function ipow(x, n) {
    let r = 1;
    while (n > 0) {
        if (n & 1) r *= x;
        x *= x;
        n >>= 1;
    }
    return r;
}

module.exports = { Vec3, ipow };
