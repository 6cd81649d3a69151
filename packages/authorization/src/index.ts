import "reflect-metadata";

export * from "./authorization.rules";
export * from "./centers.rules";
export * from "./duty.rules";
export * from "./entities";
export * from "./replica.repository";
export * from "./replica.handlers";
export * from "./replica";
export * from "./current-letters";
export { AuthorizationReplica1763769600900 } from "./migrations/1763769600900-authorization-replica";
export { DepartmentPrincipalsNoVetoLetters1763769600901 } from "./migrations/1763769600901-department-principals-no-veto-letters";
