import type { YearTable } from "../year-table";

// Source: 国务院办公厅关于2026年部分节假日安排的通知，国办发明电〔2025〕7号（2025年11月4日）.
// 春节 runs nine days, from 腊月二十八 (15 February) to 正月初七 (23 February).
export const holidays2026: YearTable = {
  year: 2026,
  source: "国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）",
  holidays: [
    { name: "元旦", from: "2026-01-01", to: "2026-01-03" },
    { name: "春节", from: "2026-02-15", to: "2026-02-23" },
    { name: "清明节", from: "2026-04-04", to: "2026-04-06" },
    { name: "劳动节", from: "2026-05-01", to: "2026-05-05" },
    { name: "端午节", from: "2026-06-19", to: "2026-06-21" },
    { name: "中秋节", from: "2026-09-25", to: "2026-09-27" },
    { name: "国庆节", from: "2026-10-01", to: "2026-10-07" },
  ],
  swappedWorkingDays: [
    { date: "2026-01-04", holiday: "元旦" },
    { date: "2026-02-14", holiday: "春节" },
    { date: "2026-02-28", holiday: "春节" },
    { date: "2026-05-09", holiday: "劳动节" },
    { date: "2026-09-20", holiday: "国庆节" },
    { date: "2026-10-10", holiday: "国庆节" },
  ],
};
