import type { BlobInfo as StoredBlob } from "@onestop/platform";
import type { MaterialMediaType } from "./file-type.rules";

/** Material files are kept in the platform's content-addressed store (packages/platform/src/blobs). */
export { LocalDirectoryStore, type BlobStore as MaterialStore } from "@onestop/platform";

/** A material file as stored: one of the types cases takes. */
export interface BlobInfo extends StoredBlob {
  mediaType: MaterialMediaType;
}
