import sharp from 'sharp';

/** A real PNG made on the spot: a coloured block with a stripe, so its variants are not trivial. */
export async function makePng({ width = 1200, height = 800 } = {}): Promise<Buffer> {
  const stripe = await sharp({ create: { width, height: Math.round(height / 5), channels: 3, background: { r: 250, g: 240, b: 200 } } })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 70, b: 120 } } })
    .composite([{ input: stripe, top: Math.round(height / 2), left: 0 }])
    .png()
    .toBuffer();
}
