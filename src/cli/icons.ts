import sharp from 'sharp';

// npm run icons: the PWA's PNG icons from static/icons/icon.svg (run after changing the SVG).
const source = 'static/icons/icon.svg';
const out = 'static/icons';

await sharp(source).resize(192, 192).png().toFile(`${out}/icon-192.png`);
await sharp(source).resize(512, 512).png().toFile(`${out}/icon-512.png`);
await sharp(source).resize(180, 180).png().toFile(`${out}/apple-touch-icon.png`);
await sharp(source).resize(32, 32).png().toFile('static/favicon.png');
// Maskable: the artwork inside the central 80% safe zone, on a full-bleed background.
const inner = await sharp(source).resize(400, 400).png().toBuffer();
await sharp({ create: { width: 512, height: 512, channels: 4, background: '#2f5d50' } })
	.composite([{ input: inner, top: 56, left: 56 }])
	.png()
	.toFile(`${out}/icon-maskable-512.png`);
console.log('Icons written to static/icons and static/favicon.png');
