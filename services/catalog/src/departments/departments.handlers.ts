import { staffingEvents } from "@onestop/events";
import { onEvent } from "@onestop/platform";
import type { DepartmentReplicaRepository } from "./departments.repository";

export function departmentReplicaHandlers(repository: DepartmentReplicaRepository) {
  return [
    onEvent("department-replica", staffingEvents.departmentRegistered, (tx, department) =>
      repository.upsert(tx, {
        id: department.departmentId,
        centerCode: department.centerCode,
        code: department.code,
        name: department.name,
      }),
    ),
  ];
}
