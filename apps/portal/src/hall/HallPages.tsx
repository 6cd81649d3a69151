import { CallingScreen } from "./CallingScreen";
import { Kiosk } from "./Kiosk";
import { PublicBoard } from "./PublicBoard";
import { RemoteTicket } from "./RemoteTicket";
import { WindowPage } from "./WindowPage";
import "./hall.css";

/**
 * The hall floor's pages, loaded on demand: the kiosk (/hall/kiosk), the calling screen
 * (/hall/screen) and the public board (/hall/board) full-screen without the portal's header;
 * a window's calling page (/hall/window/<id>) and a citizen's remote ticket (/hall/ticket).
 */
export function HallPages({ pathname }: { pathname: string }) {
  const window = /^\/hall\/window\/([^/]+)$/.exec(pathname);
  if (window) return <WindowPage windowId={decodeURIComponent(window[1]!)} />;
  if (pathname === "/hall/screen") return <CallingScreen />;
  if (pathname === "/hall/board") return <PublicBoard />;
  if (pathname === "/hall/ticket") return <RemoteTicket />;
  return <Kiosk />;
}

/** The pages that fill a screen of the hall on their own (no portal header or footer). */
export const fullScreenHallPath = (pathname: string) => ["/hall/kiosk", "/hall/screen", "/hall/board", "/hall"].includes(pathname);
