import sharp from 'sharp';
import type { Picture } from './space-items';

// Pictures, painted from shapes into raw RGB pixels (no SVG, no image files).

type RGB = readonly [number, number, number];
type Box = readonly [number, number, number, number];
/** A shape by its signed distance (negative inside, in pixels) and its bounding box. */
type Shape = { d: (x: number, y: number) => number; box: Box };

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
/** Math.hypot is many times slower, and this runs for every pixel of every shape. */
const hypot = (x: number, y: number) => Math.sqrt(x * x + y * y);
const mix = (a: RGB, b: RGB, t: number): RGB => {
	const k = clamp(t, 0, 1);
	return [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k, a[2] + (b[2] - a[2]) * k];
};
const scale = (c: RGB, k: number): RGB => [c[0] * k, c[1] * k, c[2] * k];

/** A small repeatable random number generator (mulberry32), so every install paints the same. */
function random(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const circle = (cx: number, cy: number, r: number): Shape => ({
	d: (x, y) => hypot(x - cx, y - cy) - r,
	box: [cx - r, cy - r, cx + r, cy + r]
});

const rect = (x0: number, y0: number, x1: number, y1: number, r = 0): Shape => {
	const cx = (x0 + x1) / 2;
	const cy = (y0 + y1) / 2;
	const hx = (x1 - x0) / 2 - r;
	const hy = (y1 - y0) / 2 - r;
	return {
		d: (x, y) => {
			const qx = Math.abs(x - cx) - hx;
			const qy = Math.abs(y - cy) - hy;
			return hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
		},
		box: [x0, y0, x1, y1]
	};
};

/** An ellipse (a close approximation of its distance, which is all anti-aliasing needs). */
const ellipse = (cx: number, cy: number, rx: number, ry: number): Shape => ({
	d: (x, y) => {
		const px = (x - cx) / rx;
		const py = (y - cy) / ry;
		const k0 = hypot(px, py);
		const k1 = hypot(px / rx, py / ry);
		return k1 === 0 ? -Math.min(rx, ry) : (k0 * (k0 - 1)) / k1;
	},
	box: [cx - rx, cy - ry, cx + rx, cy + ry]
});

/** A line from a to b, `w` wide, with round ends. */
const segment = (ax: number, ay: number, bx: number, by: number, w: number): Shape => {
	const ex = bx - ax;
	const ey = by - ay;
	const len2 = ex * ex + ey * ey || 1;
	return {
		d: (x, y) => {
			const h = clamp(((x - ax) * ex + (y - ay) * ey) / len2, 0, 1);
			return hypot(x - ax - ex * h, y - ay - ey * h) - w / 2;
		},
		box: [Math.min(ax, bx) - w, Math.min(ay, by) - w, Math.max(ax, bx) + w, Math.max(ay, by) + w]
	};
};

/** A convex polygon. */
const polygon = (...points: [number, number][]): Shape => {
	let area = 0;
	points.forEach(([x0, y0], i) => {
		const [x1, y1] = points[(i + 1) % points.length]!;
		area += x0 * y1 - x1 * y0;
	});
	const sign = area > 0 ? 1 : -1;
	const edges = points.map(([ax, ay], i) => {
		const [bx, by] = points[(i + 1) % points.length]!;
		const len = hypot(bx - ax, by - ay) || 1;
		return { ax, ay, nx: (sign * (by - ay)) / len, ny: (sign * -(bx - ax)) / len };
	});
	const xs = points.map((p) => p[0]);
	const ys = points.map((p) => p[1]);
	return {
		d: (x, y) => {
			let d = -Infinity;
			for (const e of edges) d = Math.max(d, (x - e.ax) * e.nx + (y - e.ay) * e.ny);
			return d;
		},
		box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
	};
};

/** Part of a circle's outline, from angle a0 to a1 (radians, clockwise on screen), `w` wide. */
const arc = (cx: number, cy: number, r: number, a0: number, a1: number, w: number): Shape => {
	const ends = [a0, a1].map((a) => [cx + r * Math.cos(a), cy + r * Math.sin(a)] as const);
	return {
		d: (x, y) => {
			let a = Math.atan2(y - cy, x - cx) - a0;
			a -= Math.floor(a / (2 * Math.PI)) * 2 * Math.PI;
			if (a <= a1 - a0) return Math.abs(hypot(x - cx, y - cy) - r) - w / 2;
			const [[e0x, e0y], [e1x, e1y]] = ends as [
				readonly [number, number],
				readonly [number, number]
			];
			return Math.min(hypot(x - e0x, y - e0y), hypot(x - e1x, y - e1y)) - w / 2;
		},
		box: [cx - r - w, cy - r - w, cx + r + w, cy + r + w]
	};
};

/** Everything below the curve y = f(x), inside `box`. */
const below = (f: (x: number) => number, box: Box): Shape => ({ d: (x, y) => f(x) - y, box });
/** A wavy line along y = f(x), `w` wide. */
const band = (f: (x: number) => number, w: number, box: Box): Shape => ({
	d: (x, y) => Math.abs(y - f(x)) - w / 2,
	box
});

const union = (...shapes: Shape[]): Shape => ({
	d: (x, y) => {
		let d = Infinity;
		for (const s of shapes) d = Math.min(d, s.d(x, y));
		return d;
	},
	box: [
		Math.min(...shapes.map((s) => s.box[0])),
		Math.min(...shapes.map((s) => s.box[1])),
		Math.max(...shapes.map((s) => s.box[2])),
		Math.max(...shapes.map((s) => s.box[3]))
	]
});
const intersect = (a: Shape, b: Shape): Shape => ({
	d: (x, y) => Math.max(a.d(x, y), b.d(x, y)),
	box: [
		Math.max(a.box[0], b.box[0]),
		Math.max(a.box[1], b.box[1]),
		Math.min(a.box[2], b.box[2]),
		Math.min(a.box[3], b.box[3])
	]
});
const minus = (a: Shape, b: Shape): Shape => ({
	d: (x, y) => Math.max(a.d(x, y), -b.d(x, y)),
	box: a.box
});
const outline = (s: Shape, w: number): Shape => ({
	d: (x, y) => Math.abs(s.d(x, y)) - w / 2,
	box: [s.box[0] - w, s.box[1] - w, s.box[2] + w, s.box[3] + w]
});
/** A shape turned by `angle` radians about (cx, cy). */
const rotate = (s: Shape, cx: number, cy: number, angle: number): Shape => {
	const cos = Math.cos(angle);
	const sin = Math.sin(angle);
	const [x0, y0, x1, y1] = s.box;
	const corners = [
		[x0, y0],
		[x1, y0],
		[x0, y1],
		[x1, y1]
	].map(([x, y]) => [
		cx + (x! - cx) * cos - (y! - cy) * sin,
		cy + (x! - cx) * sin + (y! - cy) * cos
	]);
	return {
		d: (x, y) => s.d(cx + (x - cx) * cos + (y - cy) * sin, cy - (x - cx) * sin + (y - cy) * cos),
		box: [
			Math.min(...corners.map((c) => c[0]!)),
			Math.min(...corners.map((c) => c[1]!)),
			Math.max(...corners.map((c) => c[0]!)),
			Math.max(...corners.map((c) => c[1]!))
		]
	};
};

/** A 5 by 7 pixel font: enough letters for a certificate, a ticket and a card. */
const glyphs: Record<string, string> = {
	A: '.###. #...# #...# ##### #...# #...# #...#',
	B: '####. #...# #...# ####. #...# #...# ####.',
	C: '.###. #...# #.... #.... #.... #...# .###.',
	D: '####. #...# #...# #...# #...# #...# ####.',
	E: '##### #.... #.... ####. #.... #.... #####',
	F: '##### #.... #.... ####. #.... #.... #....',
	G: '.###. #...# #.... #.### #...# #...# .####',
	H: '#...# #...# #...# ##### #...# #...# #...#',
	I: '.###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.',
	J: '..### ...#. ...#. ...#. ...#. #..#. .##..',
	K: '#...# #..#. #.#.. ##... #.#.. #..#. #...#',
	L: '#.... #.... #.... #.... #.... #.... #####',
	M: '#...# ##.## #.#.# #.#.# #...# #...# #...#',
	N: '#...# #...# ##..# #.#.# #..## #...# #...#',
	O: '.###. #...# #...# #...# #...# #...# .###.',
	P: '####. #...# #...# ####. #.... #.... #....',
	Q: '.###. #...# #...# #...# #.#.# #..#. .##.#',
	R: '####. #...# #...# ####. #.#.. #..#. #...#',
	S: '.#### #.... #.... .###. ....# ....# ####.',
	T: '##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..',
	U: '#...# #...# #...# #...# #...# #...# .###.',
	V: '#...# #...# #...# #...# #...# .#.#. ..#..',
	W: '#...# #...# #...# #.#.# #.#.# #.#.# .#.#.',
	X: '#...# #...# .#.#. ..#.. .#.#. #...# #...#',
	Y: '#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..',
	Z: '##### ....# ...#. ..#.. .#... #.... #####',
	'0': '.###. #...# #..## #.#.# ##..# #...# .###.',
	'1': '..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.',
	'2': '.###. #...# ....# ...#. ..#.. .#... #####',
	'3': '##### ...#. ..#.. ...#. ....# #...# .###.',
	'4': '...#. ..##. .#.#. #..#. ##### ...#. ...#.',
	'5': '##### #.... ####. ....# ....# #...# .###.',
	'6': '..##. .#... #.... ####. #...# #...# .###.',
	'7': '##### ....# ...#. ..#.. .#... .#... .#...',
	'8': '.###. #...# #...# .###. #...# #...# .###.',
	'9': '.###. #...# #...# .#### ....# ...#. .##..',
	'.': '..... ..... ..... ..... ..... .##.. .##..',
	'!': '..#.. ..#.. ..#.. ..#.. ..#.. ..... ..#..'
};

class Canvas {
	readonly px: Float32Array;

	constructor(
		readonly width: number,
		readonly height: number
	) {
		this.px = new Float32Array(width * height * 3);
	}

	fill(colour: (x: number, y: number) => RGB) {
		for (let y = 0, i = 0; y < this.height; y++) {
			for (let x = 0; x < this.width; x++, i += 3) {
				const c = colour(x + 0.5, y + 0.5);
				this.px[i] = c[0];
				this.px[i + 1] = c[1];
				this.px[i + 2] = c[2];
			}
		}
	}

	/** Paints a shape, its edge anti-aliased over `soft` pixels (more for a glow or a shadow). */
	paint(shape: Shape, colour: RGB | ((x: number, y: number) => RGB), opacity = 1, soft = 1) {
		const pad = soft / 2 + 1;
		const x0 = Math.max(0, Math.floor(shape.box[0] - pad));
		const y0 = Math.max(0, Math.floor(shape.box[1] - pad));
		const x1 = Math.min(this.width, Math.ceil(shape.box[2] + pad));
		const y1 = Math.min(this.height, Math.ceil(shape.box[3] + pad));
		for (let y = y0; y < y1; y++) {
			for (let x = x0; x < x1; x++) {
				const d = shape.d(x + 0.5, y + 0.5);
				if (d >= soft / 2) {
					// Outside. A distance changes by at most a pixel a pixel (twice that allowed
					// for the approximate ones), so the next pixels this close are outside too.
					x += Math.max(0, Math.floor((d - soft / 2) / 2) - 1);
					continue;
				}
				const cover = clamp(0.5 - d / soft, 0, 1) * opacity;
				const c = typeof colour === 'function' ? colour(x + 0.5, y + 0.5) : colour;
				const i = (y * this.width + x) * 3;
				this.px[i] = this.px[i]! + (c[0] - this.px[i]!) * cover;
				this.px[i + 1] = this.px[i + 1]! + (c[1] - this.px[i + 1]!) * cover;
				this.px[i + 2] = this.px[i + 2]! + (c[2] - this.px[i + 2]!) * cover;
			}
		}
	}

	/** Capital letters and digits, `size` pixels to a font pixel, from (x, y) at its top. */
	text(
		words: string,
		x: number,
		y: number,
		size: number,
		colour: RGB,
		options: { align?: 'left' | 'centre'; place?: (s: Shape) => Shape } = {}
	) {
		const width = words.length * 6 * size - size;
		const left = options.align === 'left' ? x : x - width / 2;
		[...words].forEach((ch, n) => {
			const rows = glyphs[ch]?.split(' ');
			if (!rows) return;
			const on = (r: number, c: number) => rows[r]?.[c] === '#';
			// Each font pixel overlaps its lit neighbours, so no seam shows between them.
			const cells: Shape[] = [];
			for (let r = 0; r < 7; r++) {
				for (let c = 0; c < 5; c++) {
					if (!on(r, c)) continue;
					const gx = left + (n * 6 + c) * size;
					const gy = y + r * size;
					cells.push(
						rect(
							gx - (on(r, c - 1) ? 0.75 : 0),
							gy - (on(r - 1, c) ? 0.75 : 0),
							gx + size + (on(r, c + 1) ? 0.75 : 0),
							gy + size + (on(r + 1, c) ? 0.75 : 0)
						)
					);
				}
			}
			if (!cells.length) return;
			const glyph = union(...cells);
			this.paint(options.place ? options.place(glyph) : glyph, colour);
		});
	}

	/** Film grain: the same random speck on all three channels. */
	grain(amount: number, seed: number) {
		const next = random(seed);
		for (let i = 0; i < this.px.length; i += 3) {
			const n = (next() - 0.5) * 2 * amount;
			this.px[i] = this.px[i]! + n;
			this.px[i + 1] = this.px[i + 1]! + n;
			this.px[i + 2] = this.px[i + 2]! + n;
		}
	}

	/** Darker towards the corners, as a camera sees it. */
	vignette(strength: number) {
		const cx = this.width / 2;
		const cy = this.height / 2;
		const far = cx * cx + cy * cy;
		for (let y = 0, i = 0; y < this.height; y++) {
			for (let x = 0; x < this.width; x++, i += 3) {
				const r = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / far;
				const k = 1 - strength * r * Math.sqrt(r);
				this.px[i] = this.px[i]! * k;
				this.px[i + 1] = this.px[i + 1]! * k;
				this.px[i + 2] = this.px[i + 2]! * k;
			}
		}
	}

	tint(k: RGB) {
		for (let i = 0; i < this.px.length; i += 3) {
			this.px[i] = this.px[i]! * k[0];
			this.px[i + 1] = this.px[i + 1]! * k[1];
			this.px[i + 2] = this.px[i + 2]! * k[2];
		}
	}

	/** A JPEG, as a phone would upload it. */
	async jpeg(blur = 0): Promise<Buffer> {
		// A clamped array rounds and clamps each value as it converts.
		const clamped = new Uint8ClampedArray(this.px);
		const bytes = Buffer.from(clamped.buffer, clamped.byteOffset, clamped.byteLength);
		let image = sharp(bytes, { raw: { width: this.width, height: this.height, channels: 3 } });
		if (blur) image = image.blur(blur);
		return image.jpeg({ quality: 88 }).toBuffer();
	}
}

const W = 800;
const H = 600;
const white: RGB = [255, 255, 255];
const black: RGB = [0, 0, 0];

function cloud(c: Canvas, x: number, y: number, s: number) {
	const shape = union(
		circle(x, y, 30 * s),
		circle(x + 38 * s, y - 16 * s, 38 * s),
		circle(x + 80 * s, y, 30 * s),
		rect(x - 10 * s, y - 4 * s, x + 95 * s, y + 30 * s, 15 * s)
	);
	c.paint(shape, [252, 252, 255], 0.92, 2);
}

function gull(c: Canvas, x: number, y: number, s: number) {
	const colour: RGB = [70, 74, 84];
	c.paint(arc(x - 11 * s, y + 6 * s, 12 * s, Math.PI * 1.15, Math.PI * 1.85, 3 * s), colour);
	c.paint(arc(x + 11 * s, y + 6 * s, 12 * s, Math.PI * 1.15, Math.PI * 1.85, 3 * s), colour);
}

/** A wavy-edged shore: foam on the water's edge, darker wet sand just above the dry. */
function shore(c: Canvas, f: (x: number) => number, top: number, bottom: number) {
	const box: Box = [0, top - 16, W, bottom + 20];
	c.paint(
		band((x) => f(x) + 9, 14, box),
		[190, 160, 115],
		0.45,
		8
	);
	c.paint(band(f, 5, box), [250, 250, 246], 0.85, 2);
	c.paint(
		band((x) => f(x) - 12, 3, box),
		[235, 242, 245],
		0.45,
		2
	);
}

/** Nana's photo of Maya's sandcastle, summer 2016: an old print with a white border. */
async function sandcastle(): Promise<Buffer> {
	const c = new Canvas(W, H);
	const next = random(2016);
	const horizon = 250;
	const edge = (x: number) => 345 + 7 * Math.sin(x / 45) + 3 * Math.sin(x / 13);
	c.fill((x, y) =>
		y < horizon
			? mix([118, 178, 228], [206, 228, 242], y / horizon)
			: y < edge(x)
				? mix([52, 118, 165], [96, 164, 192], (y - horizon) / 100)
				: mix([236, 214, 170], [214, 184, 134], (y - 345) / 255)
	);
	for (let i = 0; i < 16; i++) {
		const x = next() * W;
		const y = horizon + 8 + next() * 80;
		c.paint(segment(x, y, x + 16 + next() * 30, y, 2), [220, 238, 245], 0.35);
	}
	shore(c, edge, 335, 355);
	c.paint(circle(660, 85, 120), [255, 240, 200], 0.35, 120);
	c.paint(circle(660, 85, 42), [255, 238, 160]);
	cloud(c, 140, 90, 1);
	cloud(c, 400, 55, 0.7);

	const sand: RGB = [224, 190, 130];
	const shade: RGB = [190, 150, 95];
	c.paint(ellipse(402, 486, 200, 14), shade, 0.6, 8);
	for (const tx of [270, 470]) {
		c.paint(rect(tx, 330, tx + 64, 484, 3), sand);
		for (let k = 0; k < 3; k++) c.paint(rect(tx + k * 25, 312, tx + k * 25 + 14, 334, 2), sand);
		c.paint(rect(tx + 44, 314, tx + 64, 484, 3), shade, 0.35);
		c.paint(union(rect(tx + 24, 372, tx + 40, 394), circle(tx + 32, 372, 8)), [150, 112, 70]);
	}
	c.paint(rect(320, 385, 484, 484, 3), sand);
	for (let k = 0; k < 5; k++) c.paint(rect(338 + k * 30, 368, 352 + k * 30, 389, 2), sand);
	c.paint(union(rect(381, 442, 423, 484), circle(402, 442, 21)), [140, 104, 62]);
	for (let i = 0; i < 60; i++) {
		c.paint(circle(275 + next() * 255, 320 + next() * 160, 1.5), shade, 0.5);
	}
	c.paint(segment(302, 238, 302, 314, 4), [238, 224, 192]);
	c.paint(polygon([304, 242], [354, 256], [304, 270]), [224, 62, 58]);

	c.paint(polygon([585, 422], [645, 422], [636, 486], [594, 486]), [64, 140, 214]);
	c.paint(rect(580, 414, 650, 425, 3), [44, 110, 190]);
	c.paint(arc(615, 420, 30, Math.PI, 2 * Math.PI, 4), [44, 110, 190]);
	c.paint(segment(150, 500, 200, 440, 7), [240, 196, 40]);
	c.paint(rotate(rect(188, 410, 222, 450, 8), 205, 430, 0.7), [240, 196, 40]);
	for (const [x, y, r] of [
		[240, 530, 0.3],
		[680, 520, -0.5],
		[520, 560, 1.1]
	] as const) {
		c.paint(rotate(ellipse(x, y, 12, 8), x, y, r), [246, 212, 200]);
		c.paint(rotate(ellipse(x, y, 6, 4), x, y, r), [230, 180, 170]);
	}
	c.tint([1.05, 1.0, 0.88]);
	c.grain(7, 1);
	c.vignette(0.35);
	// The print's white border, side by side (the middle of the picture is left alone).
	const photo = rect(26, 26, W - 26, H - 26, 2);
	for (const strip of [
		rect(-10, -10, W + 10, 30),
		rect(-10, H - 30, W + 10, H + 10),
		rect(-10, -10, 30, H + 10),
		rect(W - 30, -10, W + 10, H + 10)
	]) {
		c.paint(minus(strip, photo), [250, 247, 240]);
	}
	return c.jpeg();
}

/** Oak House on a sunny day, with its oak tree and its sign. */
async function oakHouse(): Promise<Buffer> {
	const c = new Canvas(W, H);
	const next = random(2022);
	c.fill((x, y) =>
		y < 430
			? mix([108, 168, 224], [205, 228, 245], y / 430)
			: mix([128, 186, 92], [86, 148, 64], (y - 430) / 170)
	);
	c.paint(ellipse(660, 440, 330, 70), [150, 196, 122]);
	c.paint(ellipse(90, 445, 260, 50), [140, 190, 112]);
	c.paint(rect(0, 438, W, H), [128, 186, 92], 1, 6);
	cloud(c, 470, 70, 0.9);
	cloud(c, 690, 120, 0.6);

	const brick: RGB = [192, 110, 84];
	c.paint(rect(250, 240, 600, 470), brick);
	for (let row = 0, y = 254; y < 470; y += 16, row++) {
		c.paint(rect(250, y, 600, y + 2), [226, 176, 156], 0.55);
		for (let x = 250 + (row % 2) * 16; x < 600; x += 32) {
			c.paint(rect(x, y - 14, x + 2, y), [226, 176, 156], 0.55);
		}
	}
	c.paint(polygon([226, 252], [425, 132], [624, 252]), [80, 86, 102]);
	c.paint(segment(226, 252, 624, 252, 8), [60, 64, 78]);
	c.paint(rect(515, 150, 552, 214), brick);
	c.paint(rect(510, 144, 557, 155, 2), [70, 72, 82]);
	for (const [wx, wy] of [
		[285, 282],
		[495, 282],
		[285, 384],
		[495, 384]
	] as const) {
		c.paint(rect(wx - 5, wy - 5, wx + 75, wy + 65, 3), [246, 246, 240]);
		c.paint(rect(wx, wy, wx + 70, wy + 60), (_x, y) =>
			mix([182, 214, 236], [118, 156, 196], (y - wy) / 60)
		);
		c.paint(rect(wx + 33, wy, wx + 37, wy + 60), [246, 246, 240]);
		c.paint(rect(wx, wy + 28, wx + 70, wy + 32), [246, 246, 240]);
		c.paint(rect(wx - 9, wy + 62, wx + 79, wy + 70, 2), [228, 228, 222]);
	}
	const door = union(rect(398, 372, 452, 470), circle(425, 372, 27));
	c.paint(outline(door, 8), [246, 246, 240]);
	c.paint(door, [84, 160, 112]);
	c.paint(circle(442, 425, 4), [232, 192, 72]);
	c.paint(rect(386, 466, 464, 477, 2), [204, 198, 188]);

	c.paint(polygon([398, 476], [452, 476], [520, 600], [330, 600]), [216, 206, 188]);
	c.paint(polygon([118, 472], [162, 472], [150, 300], [130, 300]), [112, 82, 56]);
	c.paint(segment(140, 330, 90, 280, 12), [112, 82, 56]);
	c.paint(segment(142, 320, 195, 270, 12), [112, 82, 56]);
	const leaves: RGB = [68, 126, 60];
	for (const [x, y, r] of [
		[140, 230, 70],
		[82, 275, 55],
		[198, 268, 60],
		[140, 300, 52],
		[95, 215, 45],
		[190, 205, 48]
	] as const) {
		c.paint(circle(x, y, r), leaves);
	}
	for (const [x, y, r] of [
		[120, 205, 30],
		[75, 255, 24],
		[175, 190, 22]
	] as const) {
		c.paint(circle(x, y, r), [108, 166, 84], 0.6, 16);
	}
	c.paint(ellipse(225, 466, 48, 26), [80, 140, 70]);
	c.paint(ellipse(628, 466, 48, 26), [80, 140, 70]);
	c.paint(rect(696, 430, 706, 490), [120, 92, 62]);
	c.paint(rect(634, 396, 768, 436, 4), [246, 240, 224]);
	c.text('OAK HOUSE', 701, 409, 2.2, [58, 92, 58]);
	const petals: RGB[] = [
		[230, 70, 80],
		[250, 200, 60],
		[170, 110, 210],
		[250, 250, 250]
	];
	for (let i = 0; i < 70; i++) {
		const x = next() * W;
		const y = 486 + next() * 104;
		if (Math.abs(x - 425) < 40 + (y - 476) * 0.55) continue;
		c.paint(circle(x, y, 4 + next() * 2), petals[i % petals.length]!);
		c.paint(circle(x, y, 1.6), [250, 220, 80]);
	}
	c.grain(4, 2);
	c.vignette(0.25);
	return c.jpeg();
}

/** The lighthouse from the beach, late on a summer afternoon. */
async function lighthouse(): Promise<Buffer> {
	const c = new Canvas(W, H);
	const next = random(2025);
	const horizon = 300;
	const edge = (x: number) => 430 + 8 * Math.sin(x / 60) + 3 * Math.sin(x / 17);
	const glow = (x: number, y: number) =>
		0.45 * Math.exp(-(((x - 170) ** 2 + (y - 250) ** 2) / 150 ** 2));
	c.fill((x, y) =>
		y < horizon
			? mix(
					mix([108, 158, 214], [252, 214, 170], (y / horizon) ** 1.4),
					[255, 224, 164],
					glow(x, y)
				)
			: y < edge(x)
				? mix([58, 108, 148], [92, 152, 172], (y - horizon) / 130)
				: mix([238, 212, 168], [218, 186, 138], (y - 430) / 170)
	);
	c.paint(intersect(circle(170, 250, 38), rect(0, 0, W, horizon)), [255, 228, 154]);
	for (let i = 0; i < 11; i++) {
		const y = 306 + i * 11;
		const w = 70 - i * 4;
		c.paint(segment(170 - w / 2, y, 170 + w / 2, y, 3), [255, 226, 168], 0.55);
	}
	for (let i = 0; i < 24; i++) {
		const x = next() * W;
		const y = horizon + 10 + next() * 110;
		c.paint(segment(x, y, x + 10 + next() * 24, y, 2), [206, 228, 236], 0.3);
	}
	shore(c, edge, 419, 441);
	const rock: RGB = [92, 86, 82];
	c.paint(
		union(ellipse(650, 318, 150, 30), ellipse(560, 326, 70, 18), ellipse(740, 320, 110, 28)),
		rock
	);
	c.paint(ellipse(640, 305, 120, 12), [130, 122, 112], 0.5, 10);
	// The lamp's beam, fading out away from the lighthouse.
	const beam = polygon([640, 108], [300, 40], [300, 176]);
	c.paint(
		{
			d: (x, y) => Math.max(beam.d(x, y), (hypot(x - 640, y - 108) - 180) / 6),
			box: beam.box
		},
		[255, 248, 205],
		0.25,
		24
	);
	const body = polygon([617, 135], [663, 135], [682, 308], [598, 308]);
	c.paint(body, [246, 244, 238]);
	c.paint(intersect(body, rect(0, 170, W, 205)), [208, 52, 50]);
	c.paint(intersect(body, rect(0, 240, W, 275)), [208, 52, 50]);
	c.paint(intersect(body, polygon([640, 135], [663, 135], [682, 308], [640, 308])), black, 0.12);
	c.paint(union(rect(632, 282, 648, 308), circle(640, 282, 8)), [84, 62, 52]);
	c.paint(rect(606, 125, 674, 137, 2), [52, 52, 58]);
	c.paint(rect(622, 92, 658, 126), [255, 242, 182]);
	c.paint(rect(639, 92, 641, 126), [70, 70, 70]);
	c.paint(polygon([613, 96], [640, 68], [667, 96]), [188, 46, 46]);
	c.paint(circle(640, 66, 4), [52, 52, 58]);
	gull(c, 300, 120, 1);
	gull(c, 352, 152, 0.7);
	gull(c, 460, 96, 0.8);
	c.paint(rotate(rect(170, 470, 330, 522, 24), 250, 496, -0.22), [40, 118, 208]);
	c.paint(rotate(rect(170, 491, 330, 500), 250, 496, -0.22), [250, 210, 40]);
	c.grain(4, 3);
	c.vignette(0.3);
	return c.jpeg();
}

/** Her swimming certificate, photographed on a wooden table. */
async function certificate(): Promise<Buffer> {
	const c = new Canvas(W, H);
	const navy: RGB = [28, 58, 118];
	const grey: RGB = [96, 96, 100];
	c.fill((x, y) =>
		scale(
			[150, 104, 68],
			1 +
				0.05 * Math.sin(y / 5 + 2.5 * Math.sin(x / 90)) +
				0.04 * Math.sin(y / 23 + x / 300) +
				0.03 * Math.sin(y / 1.7 + x / 40)
		)
	);
	c.paint(rect(94, 86, 728, 554, 6), black, 0.45, 26);
	c.paint(rect(80, 70, 720, 540), (x, y) =>
		mix([253, 250, 238], [242, 236, 218], ((x - 80) / 640 + (y - 70) / 470) / 2)
	);
	const inner: Box = [117, 107, 683, 503];
	const clip = rect(...inner);
	for (const [base, amp, period, phase, colour] of [
		[446, 9, 28, 0, [128, 194, 232]],
		[466, 8, 24, 1.7, [64, 142, 206]],
		[486, 7, 20, 3.1, [36, 100, 170]]
	] as const) {
		const wave = below(
			(x) => base + amp * Math.sin(x / period + phase),
			[inner[0], base - amp - 1, inner[2], inner[3]]
		);
		c.paint(intersect(wave, clip), colour);
	}
	c.paint(outline(rect(102, 92, 698, 518), 7), navy);
	c.paint(outline(rect(116, 106, 684, 504), 2), navy);
	for (const [x, y] of [
		[116, 106],
		[684, 106],
		[116, 504],
		[684, 504]
	] as const) {
		c.paint(circle(x, y, 10), [214, 172, 62]);
		c.paint(outline(circle(x, y, 10), 2), navy);
	}
	c.text('CERTIFICATE', 400, 132, 6, navy);
	c.text('OF ACHIEVEMENT', 400, 186, 3, navy);
	c.text('AWARDED TO', 400, 230, 2.5, grey);
	c.text('MAYA THOMPSON', 400, 254, 4.5, [168, 40, 62]);
	c.text('FOR SWIMMING', 400, 312, 3, grey);
	c.text('400 METRES', 400, 340, 6, navy);
	c.text('15.06.2024', 400, 404, 2.5, grey);
	const ribbon: RGB = [200, 42, 52];
	const [rx, ry] = [172, 414];
	c.paint(
		polygon([rx - 17, ry + 18], [rx - 1, ry + 18], [rx - 13, ry + 76], [rx - 29, ry + 66]),
		ribbon
	);
	c.paint(
		polygon([rx + 1, ry + 18], [rx + 17, ry + 18], [rx + 31, ry + 66], [rx + 15, ry + 76]),
		ribbon
	);
	c.paint(circle(rx, ry, 36), [224, 180, 62]);
	c.paint(outline(circle(rx, ry, 28), 3), [180, 134, 40]);
	c.text('400', rx, ry - 7, 2.2, [120, 84, 20]);
	const signature: Shape[] = [];
	for (let i = 0; i < 24; i++) {
		const x0 = 520 + i * 5;
		const x1 = x0 + 5;
		const f = (x: number) => 404 - 8 * Math.sin((x - 520) / 9) * (1 - (x - 520) / 160);
		signature.push(segment(x0, f(x0), x1, f(x1), 2.2));
	}
	c.paint(union(...signature), [40, 50, 90]);
	c.paint(segment(500, 420, 660, 420, 2), grey);
	c.text('HEAD COACH', 580, 428, 2, grey);
	c.grain(3, 4);
	c.vignette(0.3);
	return c.jpeg();
}

/** Her prize-winning drawing of Biscuit asleep in his basket, with the prize sticker. */
async function biscuitDrawing(): Promise<Buffer> {
	const c = new Canvas(W, H);
	const next = random(7);
	const pencil: RGB = [64, 48, 40];
	const fur: RGB = [240, 196, 120];
	c.fill((x, y) => mix([253, 252, 247], [228, 226, 216], hypot(x - 300, y - 200) / 750));
	c.paint(circle(92, 92, 40), [255, 206, 60], 0.9);
	for (let k = 0; k < 8; k++) {
		const a = (k / 8) * 2 * Math.PI;
		c.paint(
			segment(
				92 + 52 * Math.cos(a),
				92 + 52 * Math.sin(a),
				92 + 72 * Math.cos(a),
				92 + 72 * Math.sin(a),
				6
			),
			[255, 190, 50],
			0.85
		);
	}
	for (let i = 0; i < 40; i++) {
		const x = 40 + next() * 720;
		const y = 500 + next() * 60;
		c.paint(segment(x, y, x + 4 - next() * 8, y - 18 - next() * 14, 4), [104, 186, 96], 0.75);
	}
	const basket = intersect(ellipse(400, 420, 215, 85), rect(185, 372, 615, 510));
	c.paint(ellipse(400, 372, 215, 42), [150, 95, 45]);
	c.paint(outline(ellipse(400, 372, 215, 42), 8), [130, 80, 38]);
	c.paint(ellipse(400, 376, 196, 32), [206, 80, 92]);
	// Biscuit, lying in his basket
	const body = ellipse(420, 352, 150, 52);
	c.paint(body, fur);
	c.paint(outline(body, 4), pencil);
	c.paint(ellipse(470, 334, 32, 18), [164, 108, 62]);
	c.paint(segment(565, 350, 608, 318, 22), pencil);
	c.paint(segment(565, 350, 608, 318, 14), fur);
	c.paint(basket, [192, 130, 66]);
	for (let k = -8; k < 12; k++) {
		c.paint(
			intersect(segment(200 + k * 40, 380, 240 + k * 40, 510, 4), basket),
			[150, 95, 45],
			0.8
		);
		c.paint(
			intersect(segment(240 + k * 40, 380, 200 + k * 40, 510, 4), basket),
			[150, 95, 45],
			0.5
		);
	}
	c.paint(outline(basket, 5), [120, 74, 34]);
	c.paint(
		intersect(outline(ellipse(400, 372, 215, 42), 8), rect(170, 372, 630, 430)),
		[130, 80, 38]
	);
	const paw = ellipse(318, 392, 30, 14);
	c.paint(paw, fur);
	c.paint(outline(paw, 4), pencil);
	const head = circle(272, 330, 60);
	c.paint(head, fur);
	c.paint(outline(head, 4), pencil);
	for (const [x, angle] of [
		[226, 0.4],
		[318, -0.4]
	] as const) {
		const ear = rotate(ellipse(x, 338, 22, 44), x, 300, angle);
		c.paint(ear, [150, 100, 58]);
		c.paint(outline(ear, 4), pencil);
	}
	c.paint(arc(252, 318, 10, 0.15 * Math.PI, 0.85 * Math.PI, 4), pencil);
	c.paint(arc(292, 318, 10, 0.15 * Math.PI, 0.85 * Math.PI, 4), pencil);
	c.paint(ellipse(272, 352, 26, 18), [242, 208, 164]);
	c.paint(ellipse(272, 343, 9, 6), [40, 30, 30]);
	c.paint(arc(265, 356, 7, 0.1 * Math.PI, 0.9 * Math.PI, 3), pencil);
	c.paint(arc(279, 356, 7, 0.1 * Math.PI, 0.9 * Math.PI, 3), pencil);
	const zs: RGB = [70, 100, 200];
	c.text('Z', 340, 246, 4, zs);
	c.text('Z', 378, 210, 5, zs);
	c.text('Z', 424, 164, 6.5, zs);
	c.text('MAYA', 636, 536, 3, [128, 70, 170], { align: 'left' });
	c.paint(polygon([676, 120], [696, 124], [684, 184], [664, 174]), [40, 90, 200]);
	c.paint(polygon([704, 124], [724, 120], [736, 174], [716, 184]), [40, 90, 200]);
	c.paint(circle(700, 95, 44), [232, 186, 62]);
	c.paint(outline(circle(700, 95, 35), 3), [190, 140, 40]);
	c.text('1ST', 700, 84, 3.2, [120, 80, 20]);
	c.grain(5, 5);
	c.vignette(0.2);
	return c.jpeg();
}

/** The cinema ticket from Leo's birthday, on a dark table with some popcorn. */
async function ticket(): Promise<Buffer> {
	const c = new Canvas(W, H);
	const next = random(9);
	c.fill((x, y) => mix([48, 54, 86], [26, 28, 48], (y + x * 0.3) / 800));
	for (let i = 0; i < 9; i++) {
		const corner = i % 2 === 0;
		const x = corner ? 40 + next() * 150 : 600 + next() * 170;
		const y = corner ? 450 + next() * 120 : 30 + next() * 110;
		const kernel = union(
			circle(x, y, 11),
			circle(x + 9, y - 6, 10),
			circle(x + 4, y + 9, 9),
			circle(x - 7, y + 4, 8)
		);
		c.paint(kernel, [250, 240, 208]);
		c.paint(circle(x + 2, y + 2, 4), [226, 186, 110], 0.8, 3);
	}
	const place = (s: Shape) => rotate(s, 400, 300, -0.09);
	const body = minus(
		rect(165, 185, 635, 415, 14),
		union(circle(165, 300, 20), circle(635, 300, 20), circle(520, 185, 10), circle(520, 415, 10))
	);
	c.paint(place(rect(176, 200, 646, 430, 14)), black, 0.5, 24);
	c.paint(place(body), [246, 180, 66]);
	c.paint(place(intersect(body, rect(520, 0, W, H))), [238, 130, 94]);
	for (let y = 205; y <= 395; y += 14) c.paint(place(circle(520, y, 3)), [176, 108, 46]);
	c.paint(place(outline(rect(182, 200, 505, 400, 8), 2)), [160, 90, 30], 0.7);
	const ink: RGB = [96, 40, 22];
	c.text('ADMIT ONE', 343, 216, 5, ink, { place });
	c.text('SCREEN 3', 343, 276, 3.5, ink, { place });
	c.text('SAT 21 FEB 2026', 343, 318, 2.6, ink, { place });
	c.text('ROW F SEAT 12', 343, 346, 2.6, ink, { place });
	c.text('CHILD', 343, 374, 2.2, ink, { place });
	c.text('ADMIT', 578, 250, 3, ink, { place });
	c.text('ONE', 578, 280, 3, ink, { place });
	c.text('12', 578, 330, 3, ink, { place });
	c.grain(4, 6);
	c.vignette(0.35);
	return c.jpeg();
}

/** Biscuit, Nana's dog, on Maya's bed: a phone photo. */
async function biscuit(): Promise<Buffer> {
	const c = new Canvas(W, H);
	const top = (x: number) => 300 + 10 * Math.sin(x / 80);
	c.fill((x, y) => {
		if (y < top(x)) return mix([244, 226, 170], [224, 202, 148], y / 300);
		const stripe = (x * 0.8 + y * 0.35) % 60 < 30;
		const base: RGB = stripe ? [122, 162, 206] : [240, 236, 228];
		return scale(base, (1 - 0.08 * Math.sin(x / 50 + y / 90)) * (1 - (y - 300) / 1400));
	});
	c.paint(circle(110, 50, 220), [255, 250, 232], 0.35, 220);
	// A picture on Nana's wall
	c.paint(rect(566, 56, 714, 170), black, 0.25, 12);
	c.paint(rect(560, 50, 710, 164, 2), [150, 104, 62]);
	c.paint(rect(572, 62, 698, 152), (_x, y) => mix([150, 200, 236], [230, 240, 246], (y - 62) / 60));
	c.paint(intersect(ellipse(610, 160, 70, 40), rect(572, 62, 698, 152)), [110, 170, 90]);
	c.paint(intersect(ellipse(680, 165, 60, 45), rect(572, 62, 698, 152)), [90, 150, 76]);
	c.paint(circle(668, 86, 10), [255, 226, 130]);
	c.paint(ellipse(150, 304, 150, 52), [248, 246, 240]);
	c.paint(ellipse(150, 330, 140, 20), [200, 196, 190], 0.4, 16);
	const furColour: RGB = [198, 138, 80];
	c.paint(ellipse(480, 500, 220, 40), black, 0.2, 30);
	c.paint(ellipse(470, 420, 210, 95), furColour);
	c.paint(ellipse(450, 452, 140, 45), [224, 178, 124], 0.8, 20);
	c.paint(ellipse(610, 470, 62, 42), [182, 124, 70]);
	for (const x of [270, 362]) {
		c.paint(ellipse(x, 496, 46, 24), [212, 154, 94]);
		for (const dx of [-12, 4])
			c.paint(segment(x + dx + 4, 500, x + dx + 4, 516, 2), [150, 100, 58]);
	}
	c.paint(circle(300, 320, 100), [204, 144, 84]);
	c.paint(ellipse(300, 372, 62, 44), [236, 206, 168]);
	c.paint(ellipse(300, 382, 50, 34), [206, 204, 200], 0.4, 14);
	c.paint(ellipse(300, 392, 12, 9), [228, 108, 120]);
	c.paint(arc(288, 370, 12, 0.1 * Math.PI, 0.9 * Math.PI, 3), [70, 46, 36]);
	c.paint(arc(312, 370, 12, 0.1 * Math.PI, 0.9 * Math.PI, 3), [70, 46, 36]);
	c.paint(ellipse(300, 348, 22, 15), [40, 30, 30]);
	c.paint(ellipse(293, 343, 7, 4), white, 0.6);
	for (const x of [262, 338]) {
		c.paint(ellipse(x, 280, 15, 6), [160, 104, 58], 0.5, 4);
		c.paint(circle(x, 300, 12), [44, 30, 22]);
		c.paint(circle(x + 4, 296, 4), white, 0.9);
	}
	for (const [x, angle] of [
		[210, 0.3],
		[390, -0.3]
	] as const) {
		c.paint(rotate(ellipse(x, 320, 38, 82), x, 260, angle), [124, 80, 46]);
	}
	c.paint(arc(300, 320, 96, 0.22 * Math.PI, 0.78 * Math.PI, 18), [198, 40, 52]);
	c.paint(circle(300, 428, 11), [236, 196, 72]);
	c.grain(5, 8);
	c.vignette(0.4);
	return c.jpeg(0.7);
}

/** The card Mum made for her 13th birthday. */
async function birthdayCard(): Promise<Buffer> {
	const c = new Canvas(W, H);
	const next = random(13);
	const ink: RGB = [180, 40, 80];
	c.fill((x, y) =>
		scale(
			[214, 178, 132],
			1 + 0.06 * Math.sin(x / 6 + 3 * Math.sin(y / 110)) + 0.02 * Math.sin(x / 1.9)
		)
	);
	c.paint(rect(214, 84, 614, 554, 6), black, 0.35, 24);
	c.paint(rect(200, 70, 600, 540, 4), [252, 216, 226]);
	for (let x = 222; x <= 578; x += 20) {
		c.paint(circle(x, 90, 3), white);
		c.paint(circle(x, 520, 3), white);
	}
	for (let y = 110; y <= 500; y += 20) {
		c.paint(circle(220, y, 3), white);
		c.paint(circle(580, y, 3), white);
	}
	const confetti: RGB[] = [
		[255, 190, 60],
		[110, 180, 230],
		[150, 210, 130],
		[200, 140, 220]
	];
	for (let i = 0; i < 36; i++) {
		const x = 240 + next() * 320;
		const y = i % 2 ? 110 + next() * 50 : 494 + next() * 14;
		const colour = confetti[Math.floor(next() * confetti.length)]!;
		c.paint(rotate(rect(x - 5, y - 3, x + 5, y + 3, 1), x, y, next() * 3), colour);
	}
	c.paint(
		union(circle(360, 235, 52), circle(440, 235, 52), polygon([310, 252], [490, 252], [400, 345])),
		[222, 52, 86]
	);
	c.paint(ellipse(345, 212, 14, 9), white, 0.5);
	c.text('13', 400, 222, 7, white);
	c.text('HAPPY BIRTHDAY', 400, 384, 3.3, ink);
	c.text('LOVE MUM', 400, 428, 4, ink);
	c.text('X X X', 400, 462, 3, ink);
	c.grain(4, 10);
	c.vignette(0.28);
	return c.jpeg();
}

const painters: Record<Picture, () => Promise<Buffer>> = {
	sandcastle,
	oakHouse,
	lighthouse,
	certificate,
	biscuitDrawing,
	ticket,
	biscuit,
	birthdayCard
};

/** A picture as a JPEG, as if from her phone or a scanner. */
export function paint(picture: Picture): Promise<Buffer> {
	return painters[picture]();
}
