/** The largest upload accepted, in bytes (20 MB). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The most pixels an image may declare (50 megapixels); more is refused before any decoding. */
export const MAX_INPUT_PIXELS = 50_000_000;

/** Widths of the resized copies made of every upload, smallest first. */
export const VARIANT_WIDTHS = [480, 960, 1600] as const;
