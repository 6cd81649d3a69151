import { changedFields, type Clock, type Tx } from "@onestop/platform";
import type { HistoryKind, HistoryRow, JointApprovalRow, JointParticipantRow } from "./entities";
import type { JointApprovalsRepository } from "./joint-approvals.repository";

type Snapshot<T> = Record<string, unknown> & T;

/** A joint approval locked for one transaction, with everything the saga changes in it. */
export interface SagaState {
  joint: JointApprovalRow;
  participants: JointParticipantRow[];
  now: Date;
  history: Array<Omit<HistoryRow, "id">>;
  /** The rows as read: only what changed is written back. No joint row: it is new, and is inserted whole. */
  original: { joint: Snapshot<JointApprovalRow> | null; participants: Map<string, Snapshot<JointParticipantRow>> };
}

export interface HistoryNote {
  kind: HistoryKind;
  participantId?: string | null;
  actor?: string | null;
  note?: string | null;
  details?: Record<string, unknown> | null;
}

const copy = <T extends object>(row: T): Snapshot<T> => ({ ...row }) as Snapshot<T>;

export function historyEntry(jointApprovalId: string, at: Date, entry: HistoryNote): Omit<HistoryRow, "id"> {
  return {
    jointApprovalId,
    at,
    kind: entry.kind,
    participantId: entry.participantId ?? null,
    actor: entry.actor ?? null,
    note: entry.note ?? null,
    details: entry.details ? JSON.stringify(entry.details) : null,
  };
}

export function note(state: SagaState, entry: HistoryNote): void {
  state.history.push(historyEntry(state.joint.id, state.now, entry));
}

/** The fields every joint event names its joint approval by. */
export function reference(joint: JointApprovalRow) {
  return { jointApprovalId: joint.id, centerCode: joint.centerCode, projectCode: joint.projectCode, leadDepartmentId: joint.leadDepartmentId };
}

export function participantOf(state: SagaState, id: string): JointParticipantRow {
  const found = state.participants.find((p) => p.id === id);
  if (!found) throw new Error(`Participant ${id} is not part of joint approval ${state.joint.id}`);
  return found;
}

/**
 * Every reaction of the saga locks the joint approval's rows first, so the events of one
 * joint approval are applied one at a time whatever instance receives them.
 */
export class SagaStore {
  constructor(
    private readonly repository: JointApprovalsRepository,
    private readonly clock: Clock,
  ) {}

  /** Locks the joint approval for the rest of the transaction; null when it is not ours. */
  async load(tx: Tx, jointApprovalId: string): Promise<SagaState | null> {
    const locked = await this.repository.lock(tx, jointApprovalId);
    if (!locked) return null;
    const { joint, participants } = locked;
    return {
      joint,
      participants,
      now: this.clock.now(),
      history: [],
      original: { joint: copy(joint), participants: new Map(participants.map((p) => [p.id, copy(p)])) },
    };
  }

  async save(tx: Tx, state: SagaState): Promise<void> {
    if (!state.original.joint) {
      await this.repository.insert(tx, state.joint, state.participants);
    } else {
      for (const participant of state.participants) {
        await this.repository.updateParticipant(tx, participant.id, changedFields(state.original.participants.get(participant.id), participant));
      }
      await this.repository.updateJoint(tx, state.joint.id, changedFields(state.original.joint, state.joint));
    }
    await this.repository.appendHistory(tx, state.history);
  }
}
