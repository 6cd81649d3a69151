import { saveBlob } from "./download";
import { currentAccessToken, renew } from "./session";

/**
 * GET /documents/<id> needs the Authorization header, which a link cannot send: the PDF is
 * fetched with it (renewing the session once if it ran out). Null when it is not there for this person.
 */
async function fetchDocument(path: string): Promise<Blob | null> {
  const send = (token: string) => fetch(path, { headers: { authorization: `Bearer ${token}` } });
  let token = currentAccessToken();
  if (!token) return null;
  let response = await send(token);
  if (response.status === 401 && (await renew())) {
    token = currentAccessToken();
    if (token) response = await send(token);
  }
  return response.ok ? response.blob() : null;
}

/** The PDF handed to the browser as a download (never shown inside the portal's page). False when it is not there for this person. */
export async function downloadDocument(path: string, fileName: string): Promise<boolean> {
  const pdf = await fetchDocument(path);
  if (!pdf) return false;
  saveBlob(pdf, fileName);
  return true;
}

/**
 * Printing at the window: the A4 PDF itself (not the page) opens in a tab of its own, in the
 * browser's PDF viewer, to print from there — exactly the file the applicant can download and the
 * verification code checks. The tab is opened at the click (a tab opened after the fetch would be
 * taken for a pop-up) and shown the PDF once it is fetched. Not a hidden frame and print(): a
 * browser that prints a PDF from a frame does so unreliably (the test's Chromium crashes the page).
 * False when the document is not there for this person (the tab is closed again).
 */
export async function printDocument(path: string): Promise<boolean> {
  const tab = window.open("about:blank", "_blank");
  const pdf = await fetchDocument(path).catch(() => null);
  if (!pdf) {
    tab?.close();
    return false;
  }
  const url = URL.createObjectURL(pdf);
  if (tab) tab.location.href = url;
  else window.location.assign(url);
  // The viewer holds the PDF once shown; the address is not needed longer.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}
