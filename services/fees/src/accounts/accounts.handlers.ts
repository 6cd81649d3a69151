import { staffingEvents } from "@onestop/events";
import { onEvent } from "@onestop/platform";
import type { AccountsRepository } from "./accounts.repository";

export function departmentReplicaHandlers(repository: AccountsRepository) {
  return [
    onEvent("department-replica", staffingEvents.departmentRegistered, (tx, department) =>
      repository.upsertDepartment(tx, { id: department.departmentId, centerCode: department.centerCode, code: department.code, name: department.name }),
    ),
  ];
}
