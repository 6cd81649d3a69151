import type { YearTable } from "../year-table";

// PROVISIONAL. The State Council's notice for 2027 (国务院办公厅关于2027年部分节假日安排的通知,
// normally published in November 2026) was not available when this table was written. The
// dates are derived, not copied:
//  - festival days from the lunar calendar: 除夕 5 February (腊月二十九; 正月初一 is 6 February,
//    the new moon falling at 23:56 Beijing time), 端午 9 June, 中秋 15 September; 清明 5 April;
//  - the arrangement from the principles stated in 国办发明电〔2024〕12号: 春节 8 days from 除夕,
//    国庆节 7 days from 1 October, 劳动节 5 days, 元旦/清明节 3 days with the weekend, 端午节 and
//    中秋节 on a Wednesday only that day; public holidays falling on a weekend are made up on
//    working days, and the rest of each break is paid for by working weekend days.
// Replace it with the official table as soon as the notice is out (see docs/calendar.md).
export const holidays2027: YearTable = {
  year: 2027,
  source: "推算（待国务院办公厅关于2027年部分节假日安排的通知发布后替换）",
  provisional: true,
  note: "Derived from the lunar calendar and the 2025 notice's principles; not the official arrangement.",
  holidays: [
    { name: "元旦", from: "2027-01-01", to: "2027-01-03" },
    { name: "春节", from: "2027-02-05", to: "2027-02-12" },
    { name: "清明节", from: "2027-04-03", to: "2027-04-05" },
    { name: "劳动节", from: "2027-05-01", to: "2027-05-05" },
    { name: "端午节", from: "2027-06-09", to: "2027-06-09" },
    { name: "中秋节", from: "2027-09-15", to: "2027-09-15" },
    { name: "国庆节", from: "2027-10-01", to: "2027-10-07" },
  ],
  swappedWorkingDays: [
    { date: "2027-01-31", holiday: "春节" },
    { date: "2027-02-13", holiday: "春节" },
    { date: "2027-05-08", holiday: "劳动节" },
    { date: "2027-09-26", holiday: "国庆节" },
    { date: "2027-10-09", holiday: "国庆节" },
  ],
};
