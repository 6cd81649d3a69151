import { useEffect, type RefObject } from "react";

/**
 * A table that scrolls sideways (on a phone) must be reachable by keyboard (WCAG 2.1.1, axe's
 * scrollable-region-focusable): each table's scrolling box inside `root` gets a tab stop and the
 * name of its table's caption. Ant Design renders those boxes itself, so they are marked as they appear.
 */
export function useFocusableScroll(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const host = root.current;
    if (!host) return;
    const mark = () => {
      host.querySelectorAll<HTMLElement>(".ant-table-content, .ant-table-body").forEach((box) => {
        if (box.hasAttribute("tabindex")) return;
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        const caption = box.querySelector("caption")?.textContent ?? box.closest(".ant-table-wrapper")?.querySelector("caption")?.textContent;
        if (caption) box.setAttribute("aria-label", caption);
      });
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(host, { subtree: true, childList: true });
    return () => observer.disconnect();
  }, [root]);
}
