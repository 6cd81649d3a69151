import type { Identity } from "@onestop/platform";
import { mayReadDocuments, type DocumentOwner } from "../../src/access.rules";

const COUNTY = "511722000000";
const TOWNSHIP = "511722101000";
const VILLAGE = "511722101201";
const NEIGHBOUR = "511722102000";

const person = (roles: Identity["roles"], centerCode: string | null, departmentId: string | null = null, subject = "s-1"): Identity => ({ subject, roles, centerCode, departmentId, windowId: null });

describe("who reads a case's documents (mayReadDocuments)", () => {
  const countyCase: DocumentOwner = { centerCode: COUNTY, departmentId: "dept-zj", agentCenterCode: null, applicantSubject: "citizen-1" };
  const agencyCase: DocumentOwner = { ...countyCase, agentCenterCode: TOWNSHIP };

  test("the applicant, the department's staff and the center's overseers; not another department or a stranger", () => {
    expect(mayReadDocuments(person(["citizen"], null, null, "citizen-1"), countyCase)).toBe(true);
    expect(mayReadDocuments(person(["citizen"], null, null, "citizen-2"), countyCase)).toBe(false);
    expect(mayReadDocuments(person(["window_staff"], COUNTY, "dept-zj"), countyCase)).toBe(true);
    expect(mayReadDocuments(person(["window_staff"], COUNTY, "dept-sc"), countyCase)).toBe(false);
    expect(mayReadDocuments(person(["supervisor"], COUNTY), countyCase)).toBe(true);
  });

  test("代办: the serving township's staff and overseers, and its village points', read them; a neighbour, or a township for a case it does not serve, does not", () => {
    expect(mayReadDocuments(person(["window_staff"], TOWNSHIP, "dept-office"), agencyCase)).toBe(true);
    expect(mayReadDocuments(person(["window_staff"], VILLAGE), agencyCase)).toBe(true);
    expect(mayReadDocuments(person(["center_admin"], TOWNSHIP), agencyCase)).toBe(true);
    expect(mayReadDocuments(person(["window_staff"], NEIGHBOUR), agencyCase)).toBe(false);
    expect(mayReadDocuments(person(["window_staff"], TOWNSHIP), countyCase)).toBe(false);
    // A citizen living in the township is not its staff.
    expect(mayReadDocuments(person(["citizen"], TOWNSHIP, null, "citizen-2"), agencyCase)).toBe(false);
  });
});
