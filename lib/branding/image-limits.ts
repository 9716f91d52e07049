// Limits of brand images, shared by the server's check (image-upload.ts) and the uploader.

export const MAX_BYTES = { logo: 512 * 1024, favicon: 128 * 1024 } as const;
export type ImageKind = keyof typeof MAX_BYTES;

/**
 * The smallest short side, in pixels, that still looks sharp where the image is shown: the
 * header draws logos 32 px high (64 on a 2x screen); browsers draw favicons at 16 px.
 */
export const MIN_SIDE = { logo: 64, favicon: 16 } as const;
