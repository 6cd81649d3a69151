// One worker of the proof-of-work solver (altcha-lib's, with the browser's own PBKDF2): bundled
// into the build as a file of its own, so the strict CSP's script-src 'self' admits it (no blob:).
import { handler } from "altcha-lib/workers/shared";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";

handler({ deriveKey });
