import { currentAccessToken, renew } from "./session";
import { saveBlob } from "./download";

/** What POST /uploads answers (docs/materials.md). */
export interface UploadedFile {
  fileId: string;
  fileName: string | null;
  mediaType: string;
  sizeBytes: number;
}

/** The gateway's UPLOAD_MAX_BYTES default; a 413 says the real limit, which then wins. */
export const UPLOAD_MAX_BYTES = 20 * 1024 * 1024;
const ACCEPTED_TYPES = new Set(["application/pdf", "image/jpeg", "image/png"]);
const ACCEPTED_NAMES = /\.(pdf|jpe?g|png)$/i;
/** For the file chooser: the three kinds the gateway takes. */
export const ACCEPT_ATTRIBUTE = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

export type UploadProblem =
  | { kind: "type" }
  | { kind: "size"; maxBytes: number }
  | { kind: "empty" }
  | { kind: "signed-out" }
  | { kind: "failed" };

export class UploadError extends Error {
  constructor(readonly problem: UploadProblem) {
    super(problem.kind);
  }
}

/**
 * A first look before a byte is sent, so that a person hears at once what is wrong. The gateway
 * judges by content and has the last word (a renamed file is refused there, told the same way).
 */
export function checkBeforeUpload(file: { name: string; type: string; size: number }): UploadProblem | null {
  if (file.size === 0) return { kind: "empty" };
  if (!(ACCEPTED_TYPES.has(file.type) || ACCEPTED_NAMES.test(file.name))) return { kind: "type" };
  if (file.size > UPLOAD_MAX_BYTES) return { kind: "size", maxBytes: UPLOAD_MAX_BYTES };
  return null;
}

/** Sends with the access token held in memory; renews it once if it expired on the way. */
async function withToken(send: (token: string) => Promise<Response>): Promise<Response> {
  let token = currentAccessToken();
  if (!token) throw new UploadError({ kind: "signed-out" });
  let response = await send(token);
  if (response.status === 401 && (await renew())) {
    token = currentAccessToken();
    if (token) response = await send(token);
  }
  if (response.status === 401) throw new UploadError({ kind: "signed-out" });
  return response;
}

/** POST /uploads with the raw bytes; the answer's fileId goes into the case's material lines. */
export async function uploadFile(file: File, signal?: AbortSignal): Promise<UploadedFile> {
  const response = await withToken((token) =>
    fetch(`/uploads?name=${encodeURIComponent(file.name)}`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: file, signal }),
  ).catch((error: unknown) => {
    if (error instanceof UploadError) throw error;
    throw new UploadError({ kind: "failed" });
  });
  if (response.status === 201 || response.ok) return (await response.json()) as UploadedFile;
  const body = (await response.json().catch(() => null)) as { errors?: Array<{ extensions?: { code?: string; maxBytes?: number } }> } | null;
  const extensions = body?.errors?.[0]?.extensions;
  if (response.status === 415 || extensions?.code === "FILE_TYPE_REFUSED") throw new UploadError({ kind: "type" });
  if (response.status === 413) throw new UploadError({ kind: "size", maxBytes: extensions?.maxBytes ?? UPLOAD_MAX_BYTES });
  throw new UploadError({ kind: "failed" });
}

/**
 * GET /files/<id> needs the Authorization header, which a link cannot send: the file is fetched
 * and handed to the browser as a download of its blob (never shown inside the portal's page).
 * False when the file is not there for this person.
 */
export async function downloadFile(fileId: string, fileName: string): Promise<boolean> {
  const response = await withToken((token) => fetch(`/files/${encodeURIComponent(fileId)}`, { headers: { authorization: `Bearer ${token}` } }));
  if (!response.ok) return false;
  saveBlob(await response.blob(), fileName);
  return true;
}
