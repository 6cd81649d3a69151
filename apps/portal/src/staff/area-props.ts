import type { Claims } from "../lib/session";

/** What the shell gives every staff area: the path inside the area ("/" at its start) and who is signed in. */
export interface AreaProps {
  subpath: string;
  claims: Claims;
}
