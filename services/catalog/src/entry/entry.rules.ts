import type { WindowKind } from "@onestop/events";
import { CatalogErrorCode } from "../errors";

/** A window as staffing last published it (the replica catalog keeps). */
export interface WindowState {
  id: string;
  centerCode: string;
  kind: WindowKind;
  departmentId: string | null;
  actsForDepartmentIds: string[];
  open: boolean;
}

/**
 * 进驻窗口: a resident or A/B window accepts for its own department; a comprehensive window
 * (综合窗口) for the departments it acts for.
 */
export function windowServesDepartment(window: WindowState, departmentId: string): boolean {
  return window.kind === "COMPREHENSIVE" ? window.actsForDepartmentIds.includes(departmentId) : window.departmentId === departmentId;
}

export type EntryRefusal = (typeof CatalogErrorCode)["UnknownWindow" | "WindowClosed" | "WindowNotForDepartment"];

/** Why an item cannot be entered at a window, or null when it can. */
export function windowEntryRefusal(window: WindowState | null, item: { centerCode: string; departmentId: string }): EntryRefusal | null {
  if (!window || window.centerCode !== item.centerCode) return CatalogErrorCode.UnknownWindow;
  if (!window.open) return CatalogErrorCode.WindowClosed;
  if (!windowServesDepartment(window, item.departmentId)) return CatalogErrorCode.WindowNotForDepartment;
  return null;
}

export interface EntryCounts {
  /** Items in the catalog (published and neither cancelled nor merged). */
  total: number;
  entered: number;
  /** Not entered, with a reason (e.g. classified 涉密). */
  notEntered: number;
}

export interface EntryRate extends EntryCounts {
  /** Neither entered nor given a reason yet: 应进必进 says these still owe an answer. */
  undecided: number;
  /** entered / total; 0 for an empty catalog. The seeds quote 331 of 386 = 85.7%. */
  rate: number;
}

export function entryRate(counts: EntryCounts): EntryRate {
  return {
    ...counts,
    undecided: counts.total - counts.entered - counts.notEntered,
    rate: counts.total === 0 ? 0 : counts.entered / counts.total,
  };
}
