import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";

/** One stored file: the bytes are kept under their SHA-256 (hex), once however often they are kept. */
export interface BlobInfo {
  sha256: string;
  mediaType: string;
  sizeBytes: number;
}

/**
 * Where files are kept by their content (a local directory, or an S3-compatible bucket in
 * deployment): cases' material files, the results service's documents. A file is first written
 * whole to `stagingDir` and hashed; `keep` then makes it the stored file for its hash, or
 * discards it where that file is there already.
 */
export interface BlobStore {
  readonly stagingDir: string;
  /** Keeps the staged file as the blob; the staged file is gone afterwards, whatever happened. */
  keep(staged: string, blob: BlobInfo): Promise<void>;
  /** The blob's bytes, or null when the store has no such blob. */
  open(sha256: string): Promise<Readable | null>;
  /** Removes the blob; removing one that is not there is no fault. */
  remove(sha256: string): Promise<void>;
}

/**
 * The default store: `<dir>/<aa>/<sha256>`, staged in `<dir>/.incoming` on the same file system
 * so that keeping a file is one rename, atomic: a reader sees the whole file or none.
 */
export class LocalDirectoryStore implements BlobStore {
  readonly stagingDir: string;

  constructor(private readonly dir: string) {
    this.stagingDir = join(dir, ".incoming");
  }

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  async keep(staged: string, blob: BlobInfo): Promise<void> {
    const target = this.pathOf(blob.sha256);
    try {
      await mkdir(join(this.dir, blob.sha256.slice(0, 2)), { recursive: true });
      // Over a file already there with the same hash: the same bytes, replaced atomically.
      await rename(staged, target);
    } finally {
      await rm(staged, { force: true });
    }
  }

  async open(sha256: string): Promise<Readable | null> {
    const path = this.pathOf(sha256);
    try {
      await stat(path);
    } catch {
      return null;
    }
    return createReadStream(path);
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }
}
