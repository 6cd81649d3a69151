import { canTransition, isValidResidentIdNumber, receiptNumber } from "../../src/cases/case.rules";

test("a submitted case can be accepted, once", () => {
  expect(canTransition("SUBMITTED", "ACCEPTED")).toBe(true);
  expect(canTransition("ACCEPTED", "ACCEPTED")).toBe(false);
  expect(canTransition("ACCEPTED", "SUBMITTED")).toBe(false);
});

test("the receipt number carries the Shanghai date, not the UTC one", () => {
  expect(receiptNumber(new Date("2026-12-31T16:30:00Z"), "42")).toBe("SL27010100000042");
  expect(receiptNumber(new Date("2026-12-31T15:59:59Z"), "123456789")).toBe("SL26123123456789");
});

test.each([
  ["11010519491231002X", true],
  ["110105194912310021", false],
  ["11010519491231002", false],
  ["1101051949123100XX", false],
  ["440524188001010014", true],
])("resident ID %s valid: %s", (idNumber, valid) => {
  expect(isValidResidentIdNumber(idNumber)).toBe(valid);
});
