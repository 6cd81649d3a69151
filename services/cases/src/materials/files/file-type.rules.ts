/**
 * What a material file is, judged by its first bytes alone: the name and the type the browser
 * declared are the sender's word, and an .exe named .pdf is still an .exe.
 */

export const materialMediaTypes = ["application/pdf", "image/jpeg", "image/png"] as const;
export type MaterialMediaType = (typeof materialMediaTypes)[number];

/** Bytes that are enough to tell the three apart. */
export const SNIFF_BYTES = 8;

const signatures: ReadonlyArray<{ type: MaterialMediaType; magic: readonly number[] }> = [
  // "%PDF-"
  { type: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // SOI and the first marker's 0xFF
  { type: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  { type: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The media type the bytes begin like, or null for anything else (an empty file too). */
export function sniffMaterialType(head: Uint8Array): MaterialMediaType | null {
  const found = signatures.find(({ magic }) => head.length >= magic.length && magic.every((byte, index) => head[index] === byte));
  return found?.type ?? null;
}

export const extensionOf: Record<MaterialMediaType, string> = { "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png" };

/**
 * The name a download is offered under: the uploader's name without path or control characters,
 * at most 120 characters, ending in the extension of what the file really is.
 */
export function downloadName(given: string | null, type: MaterialMediaType): string {
  const base = (given ?? "")
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .trim()
    .slice(0, 120);
  return `${base || "material"}.${extensionOf[type]}`;
}
