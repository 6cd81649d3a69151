import { seedWindows } from "./county";
import { call, type SeedContext } from "./load";

/**
 * The hall's 29 windows, opened through staffing's API and recorded in the context, for the
 * catalog's tests and benchmark to enter items at. A stand-in for runs where the staffing
 * seed step opened none: it does nothing when the context already has window ids, and it
 * opens only the windows the center does not have yet.
 */
export async function openSeedWindowsIfMissing(context: SeedContext): Promise<void> {
  if (context.windowIds.size > 0) return;
  const existing = await call<{ windows: Array<{ id: string; code: string }> }>(context, `query ($c: String!) { windows(centerCode: $c) { id code } }`, {
    c: context.centerCode,
  });
  const byCode = new Map(existing.windows.map((w) => [w.code, w.id]));
  const departmentId = (code: string) => {
    const id = context.departmentIds.get(code);
    if (!id) throw new Error(`Department ${code} has not been seeded`);
    return id;
  };
  for (const window of seedWindows) {
    let id = byCode.get(window.code);
    if (!id) {
      const opened = await call<{ openWindow: { id: string } }>(
        context,
        `mutation ($input: OpenWindowInput!) { openWindow(input: $input) { id } }`,
        {
          input: {
            centerCode: context.centerCode,
            code: window.code,
            name: window.name,
            kind: window.kind,
            ...(window.department ? { departmentId: departmentId(window.department) } : {}),
            ...(window.actsFor ? { actsForDepartmentIds: window.actsFor.map(departmentId) } : {}),
          },
        },
      );
      id = opened.openWindow.id;
    }
    context.windowIds.set(window.code, id);
  }
  context.log?.(`windows for the catalog: ${context.windowIds.size}`);
}
