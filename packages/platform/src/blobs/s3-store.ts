import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import { Readable } from "node:stream";
import { AwsClient } from "aws4fetch";
import type { BlobInfo, BlobStore } from "./blob-store";

export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Keys are `<prefix><sha256>`. */
  prefix: string;
}

/**
 * An S3-compatible bucket (MinIO, Ceph, a cloud's object storage), addressed path-style
 * (`<endpoint>/<bucket>/<key>`), which every one of them serves. Requests are signed with
 * SigV4 by aws4fetch; the payload's hash in the signature is the file's own SHA-256, which the
 * upload computed already, so the bucket refuses bytes that differ from what was hashed.
 */
export class S3Store implements BlobStore {
  private readonly client: AwsClient;

  constructor(
    private readonly settings: S3Settings,
    readonly stagingDir: string,
  ) {
    this.client = new AwsClient({ accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey, service: "s3", region: settings.region });
  }

  private urlOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
    return `${this.settings.endpoint.replace(/\/+$/, "")}/${encodeURIComponent(this.settings.bucket)}/${this.settings.prefix}${sha256}`;
  }

  async keep(staged: string, blob: BlobInfo): Promise<void> {
    try {
      const response = await this.client.fetch(this.urlOf(blob.sha256), {
        method: "PUT",
        body: Readable.toWeb(createReadStream(staged)) as ReadableStream,
        // A streamed request body (fetch refuses one without it).
        duplex: "half",
        headers: { "content-length": String(blob.sizeBytes), "content-type": blob.mediaType, "x-amz-content-sha256": blob.sha256 },
      } as RequestInit);
      if (!response.ok) throw new Error(`S3 PUT answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
    } finally {
      await rm(staged, { force: true });
    }
  }

  async open(sha256: string): Promise<Readable | null> {
    const response = await this.client.fetch(this.urlOf(sha256));
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok || !response.body) throw new Error(`S3 GET answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
    return Readable.fromWeb(response.body as import("node:stream/web").ReadableStream);
  }

  async remove(sha256: string): Promise<void> {
    const response = await this.client.fetch(this.urlOf(sha256), { method: "DELETE" });
    await response.body?.cancel();
    if (!response.ok && response.status !== 404) throw new Error(`S3 DELETE answered ${response.status}`);
  }
}
