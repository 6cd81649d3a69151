import { Button, Space } from "antd";
import { useSupT } from "./messages-supervision";

/**
 * A list's pager: how many are shown of how many the server counts, and the previous and next
 * page. The buttons show arrows; their names (read aloud, and in the tooltip) say which page.
 */
export function Pager({ shown, total, hasPrevious, hasNext, onPrevious, onNext, testId }: {
  shown: number | null;
  total: number | null;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  testId: string;
}) {
  const { ta } = useSupT();
  return (
    <Space className="sup-pager no-print" wrap>
      <span aria-live="polite">{shown !== null && total !== null ? ta("sup.shown", { shown, total }) : null}</span>
      <Button disabled={!hasPrevious} onClick={onPrevious} aria-label={ta("sup.pager.previous")} title={ta("sup.pager.previous")} data-testid={`${testId}-prev`}>‹</Button>
      <Button disabled={!hasNext} onClick={onNext} aria-label={ta("sup.pager.next")} title={ta("sup.pager.next")} data-testid={`${testId}-next`}>›</Button>
    </Space>
  );
}
