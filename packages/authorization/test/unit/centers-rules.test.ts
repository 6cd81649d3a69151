import {
  agentLetterActsAllowed,
  centerLevelOf,
  centerScope,
  countyCodeOf,
  hierarchyProblems,
  isWithin,
  mayAdministerRegister,
  oversees,
  parentCodeOf,
  servesAsAgent,
} from "../../src/centers.rules";

const county = "511722000000";
const township = "511722101000"; // 君塘镇 in the demo seed
const village = "511722101201";
const neighbour = "511722102000";
const neighbourVillage = "511722102201";
const otherCounty = "511702000000";

test("a code's shape says its level and its parent", () => {
  expect(centerLevelOf(county)).toBe("COUNTY");
  expect(centerLevelOf(township)).toBe("TOWNSHIP");
  expect(centerLevelOf(village)).toBe("VILLAGE");
  expect(centerLevelOf("511700000000")).toBeNull(); // a prefecture, not a county
  expect(centerLevelOf("511722000201")).toBeNull(); // a village with no township
  expect(centerLevelOf("51172210100")).toBeNull();
  expect(centerLevelOf("51172210100x")).toBeNull();
  expect(parentCodeOf(village)).toBe(township);
  expect(parentCodeOf(township)).toBe(county);
  expect(parentCodeOf(county)).toBeNull();
  expect(countyCodeOf(village)).toBe(county);
});

test("a county covers its townships and their villages; a township only its own villages", () => {
  expect(isWithin(village, county)).toBe(true);
  expect(isWithin(village, township)).toBe(true);
  expect(isWithin(neighbourVillage, township)).toBe(false);
  expect(isWithin(township, village)).toBe(false);
  expect(isWithin(county, township)).toBe(false);
  expect(isWithin(township, otherCounty)).toBe(false);
});

test("a county supervisor sees every center of the county; a township's head their own and its villages", () => {
  expect(oversees(county, neighbour)).toBe(true);
  expect(oversees(county, neighbourVillage)).toBe(true);
  expect(oversees(township, township)).toBe(true);
  expect(oversees(township, village)).toBe(true);
  expect(oversees(township, neighbour)).toBe(false);
  expect(oversees(township, county)).toBe(false);
  expect(oversees(null, township)).toBe(false);
  expect(oversees(otherCounty, township)).toBe(false);
});

test("only the county's administration keeps the register, for its own county", () => {
  expect(mayAdministerRegister(county, county)).toBe(true);
  expect(mayAdministerRegister(county, village)).toBe(true);
  expect(mayAdministerRegister(township, township)).toBe(false);
  expect(mayAdministerRegister(township, village)).toBe(false);
  expect(mayAdministerRegister(otherCounty, township)).toBe(false);
});

test("a center is registered at its code's level, under the center its code lies under, after that one", () => {
  expect(hierarchyProblems({ code: county, level: "COUNTY", parentCode: null }, null)).toEqual([]);
  expect(hierarchyProblems({ code: township, level: "TOWNSHIP", parentCode: county }, { level: "COUNTY" })).toEqual([]);
  expect(hierarchyProblems({ code: village, level: "VILLAGE", parentCode: township }, { level: "TOWNSHIP" })).toEqual([]);
  expect(hierarchyProblems({ code: "123", level: "COUNTY", parentCode: null }, null)[0]?.field).toBe("code");
  expect(hierarchyProblems({ code: township, level: "VILLAGE", parentCode: county }, { level: "COUNTY" })[0]?.field).toBe("level");
  expect(hierarchyProblems({ code: village, level: "VILLAGE", parentCode: neighbour }, { level: "TOWNSHIP" })[0]).toEqual({
    field: "parentCode",
    message: `must be ${township}, the center its code lies under`,
  });
  expect(hierarchyProblems({ code: county, level: "COUNTY", parentCode: township }, null)[0]?.message).toBe("a county has no parent");
  expect(hierarchyProblems({ code: village, level: "VILLAGE", parentCode: township }, null)[0]?.message).toBe(`${township} is not registered`);
});

test("staff act on their own center's cases; a township acts as agent for the county: take in, accept, hand over", () => {
  expect(centerScope(county, county, "APPROVE")).toEqual({ allowed: true, as: "OWN" });
  expect(centerScope(township, township, "APPROVE")).toEqual({ allowed: true, as: "OWN" });
  expect(centerScope(township, county, "TAKE_IN")).toEqual({ allowed: true, as: "AGENT" });
  expect(centerScope(township, county, "ACCEPT")).toEqual({ allowed: true, as: "AGENT" });
  expect(centerScope(township, county, "DELIVER")).toEqual({ allowed: true, as: "AGENT" });
  for (const act of ["PRE_REVIEW_PROMISED", "APPROVE", "DECIDE_INSTANT", "APPROVE_EXTENSION", "RECORD_HIGHER_AUTHORITY_RESULT", "CANCEL_FEE_NOTICE"] as const) {
    expect(centerScope(township, county, act)).toEqual({ allowed: false, reason: "AGENT_MAY_NOT" });
  }
});

test("a village point only takes in and hands over, never decides, not even acceptance", () => {
  expect(centerScope(village, county, "TAKE_IN")).toEqual({ allowed: true, as: "AGENT" });
  expect(centerScope(village, township, "TAKE_IN")).toEqual({ allowed: true, as: "AGENT" });
  expect(centerScope(village, county, "DELIVER")).toEqual({ allowed: true, as: "AGENT" });
  expect(centerScope(village, county, "ACCEPT")).toEqual({ allowed: false, reason: "AGENT_MAY_NOT" });
  expect(centerScope(village, township, "DECIDE_INSTANT")).toEqual({ allowed: false, reason: "AGENT_MAY_NOT" });
  expect(centerScope(village, village, "ACCEPT")).toEqual({ allowed: false, reason: "AGENT_MAY_NOT" });
});

test("nobody acts on a neighbour's, a lower center's or another county's case", () => {
  expect(centerScope(township, neighbour, "TAKE_IN")).toEqual({ allowed: false, reason: "OTHER_CENTER" });
  expect(centerScope(neighbourVillage, township, "TAKE_IN")).toEqual({ allowed: false, reason: "OTHER_CENTER" });
  expect(centerScope(county, township, "ACCEPT")).toEqual({ allowed: false, reason: "OTHER_CENTER" });
  expect(centerScope(township, otherCounty, "ACCEPT")).toEqual({ allowed: false, reason: "OTHER_CENTER" });
  expect(centerScope(null, county, "TAKE_IN")).toEqual({ allowed: false, reason: "OTHER_CENTER" });
});

test("a county department's agency letter (代办授权) to a township or village carries no more than the agent may do", () => {
  expect(agentLetterActsAllowed(county, county)).toBe("ALL");
  expect(agentLetterActsAllowed(township, county)).toEqual(["ACCEPT", "DELIVER"]);
  expect(agentLetterActsAllowed(village, county)).toEqual(["DELIVER"]);
  expect(agentLetterActsAllowed(neighbour, township)).toBeNull();
  expect(agentLetterActsAllowed(township, otherCounty)).toBeNull();
});

describe("代办: who serves a case as its agent (servesAsAgent)", () => {
  test("the serving township and its village points; not a neighbour, the county, or anyone for a case no township serves", () => {
    expect(servesAsAgent("511722101000", "511722101000")).toBe(true);
    expect(servesAsAgent("511722101201", "511722101000")).toBe(true);
    expect(servesAsAgent("511722102000", "511722101000")).toBe(false);
    expect(servesAsAgent("511722000000", "511722101000")).toBe(false);
    expect(servesAsAgent("511722101000", null)).toBe(false);
    expect(servesAsAgent(null, "511722101000")).toBe(false);
  });
});
