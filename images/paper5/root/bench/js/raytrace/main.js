// Benchmark "raytrace": renders a fixed scene of spheres over a checkered floor and prints a pixel checksum.
// usage: main.js [WIDTH]   (default 3000; the height is 3/4 of the width)
const { Checksum } = require('../lib/rng');
const { Vec3 } = require('./vector');
const { Material, Checker, Sphere, Plane } = require('./shapes');
const { Light, Camera, Scene } = require('./scene');

const width = Number(process.argv[2] || 3000);
const height = Math.floor((width * 3) / 4);

function buildScene() {
    const shapes = [new Plane('floor', new Vec3(0, 0, 0), new Vec3(0, 1, 0),
        new Checker(new Vec3(0.9, 0.9, 0.9), new Vec3(0.15, 0.15, 0.2), 2, { specular: 0.1, reflect: 0.25 }))];
    const palette = [[0.9, 0.2, 0.2], [0.2, 0.8, 0.3], [0.2, 0.4, 0.9],
        [0.9, 0.8, 0.2], [0.8, 0.3, 0.8], [0.3, 0.8, 0.8]];
    // Six spheres on a ring around a big mirror ball.
    const ring = [[4, 0], [2, 3.4], [-2, 3.4], [-4, 0], [-2, -3.4], [2, -3.4]];
    ring.forEach(([x, z], i) => {
        const r = 0.7 + 0.1 * i;
        const color = new Vec3(...palette[i]);
        const material = new Material(color, { shininess: 8 << (i % 3), reflect: i % 2 ? 0.2 : 0 });
        shapes.push(new Sphere(`ball${i}`, new Vec3(x, r, z), r, material));
    });
    shapes.push(new Sphere('mirror', new Vec3(0, 1.6, 0), 1.6,
        new Material(new Vec3(0.95, 0.95, 0.95), { diffuse: 0.2, specular: 0.8, shininess: 64, reflect: 0.7 })));
    const lights = [
        new Light(new Vec3(-6, 10, 8), new Vec3(0.8, 0.8, 0.7)),
        new Light(new Vec3(7, 6, -3), new Vec3(0.3, 0.35, 0.5)),
    ];
    return new Scene(shapes, lights, new Vec3(0.1, 0.1, 0.12), 4);
}

const scene = buildScene();
const camera = new Camera(new Vec3(0, 4, 9), new Vec3(0, 1.2, 0), new Vec3(0, 1, 0), width, height, 0.7);
const channel = (c) => Math.floor(Math.min(1, Math.max(0, c)) * 255 + 0.5);
const sum = new Checksum();
const totals = [0, 0, 0];
for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
        const c = scene.trace(camera.rayFor(x, y), 0);
        const rgb = [channel(c.x), channel(c.y), channel(c.z)];
        rgb.forEach((v, i) => { totals[i] += v; });
        sum.add((rgb[0] << 16) | (rgb[1] << 8) | rgb[2]);
    }
}

const pixels = width * height;
const hits = [...scene.stats.hits.entries()].map(([k, v]) => `${k}=${v}`).join(' ');
console.log(`raytrace: ${width}x${height}, ${scene.stats.rays} rays, ${scene.stats.shadowRays} shadow rays`);
console.log(`  hits: ${hits}`);
console.log(`  mean colour: ${totals.map((t) => Math.floor(t / pixels)).join(' ')}`);
console.log(`checksum ${sum.value}`);
