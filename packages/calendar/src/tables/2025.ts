import type { YearTable } from "../year-table";

// Source: 国务院办公厅关于2025年部分节假日安排的通知，国办发明电〔2024〕12号（2024年11月12日）.
// The first year under the November 2024 revision of 《全国年节及纪念日放假办法》: 春节 and 劳动节
// gain a day each (除夕 and 5月2日 become public holidays), and the notice states the swapping
// principles: 春节 8 days from 除夕, 国庆节 7 days from 1 October, 劳动节 5 days, the others 3
// days or, falling on a Wednesday, the day itself.
export const holidays2025: YearTable = {
  year: 2025,
  source: "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）",
  holidays: [
    { name: "元旦", from: "2025-01-01", to: "2025-01-01" },
    { name: "春节", from: "2025-01-28", to: "2025-02-04" },
    { name: "清明节", from: "2025-04-04", to: "2025-04-06" },
    { name: "劳动节", from: "2025-05-01", to: "2025-05-05" },
    { name: "端午节", from: "2025-05-31", to: "2025-06-02" },
    { name: "国庆节、中秋节", from: "2025-10-01", to: "2025-10-08" },
  ],
  swappedWorkingDays: [
    { date: "2025-01-26", holiday: "春节" },
    { date: "2025-02-08", holiday: "春节" },
    { date: "2025-04-27", holiday: "劳动节" },
    { date: "2025-09-28", holiday: "国庆节、中秋节" },
    { date: "2025-10-11", holiday: "国庆节、中秋节" },
  ],
};
