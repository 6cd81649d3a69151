import { App as AntApp, Typography } from "antd";
import { useRef } from "react";
import type { AreaProps } from "../area-props";
import { useFocusableScroll } from "../use-focusable-scroll";
import { JointDetail } from "./JointDetail";
import { JointList } from "./JointList";
import { JointNew } from "./JointNew";
import { useJointT } from "./messages-joint";
import "./joint.css";

/**
 * 并联审批: the development bureau's board. The list of its joint approvals (the center's, for the
 * administration and the supervision office), opening one, and one screen per joint approval with
 * every department's progress and the joint clock, urging, withdrawal, escalations and the county
 * head meeting's decision. The services decide what each person sees and may do.
 */
export function JointArea({ subpath, claims }: AreaProps) {
  const { ta } = useJointT();
  const root = useRef<HTMLDivElement>(null);
  useFocusableScroll(root);
  const id = /^\/([0-9a-f-]{8,})$/i.exec(subpath)?.[1] ?? null;
  return (
    <AntApp component={false}>
      <div data-testid="joint-area" ref={root}>
        {subpath === "/new" ? (
          <JointNew claims={claims} />
        ) : id ? (
          <JointDetail id={id} claims={claims} />
        ) : (
          <>
            <Typography.Title level={1} style={{ fontSize: 22 }}>{ta("joint.list")}</Typography.Title>
            <JointList claims={claims} />
          </>
        )}
      </div>
    </AntApp>
  );
}
