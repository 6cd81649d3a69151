/** One line of a bank statement as the bank's file has it (docs/bank-integration.md §5). */
export interface StatementLine {
  bankTxnId: string;
  noticeNo: string;
  amountFen: number;
  paidAt: string;
}

export interface ParsedStatement {
  entries: StatementLine[];
  totalFen: number;
  /** The first problem found: the file's line number (1-based) and what is wrong. */
  problem: { line: number; text: string } | null;
}

const TXN = /^[A-Za-z0-9_-]{1,64}$/;
const NOTICE = /^[\x21-\x7e]{1,32}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The bank's CSV statement: bankTxnId,noticeNo,amountFen,paidAt a line (a header line naming the
 * columns may come first; blank lines are skipped). The services check again; this only spares
 * an upload of a file that cannot be right.
 */
export function parseStatementCsv(text: string): ParsedStatement {
  const entries: StatementLine[] = [];
  let totalFen = 0;
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const cells = line.split(",").map((cell) => cell.trim().replace(/^"(.*)"$/, "$1"));
    if (index === 0 && cells[0]?.toLowerCase() === "banktxnid") continue;
    const fail = (problem: string): ParsedStatement => ({ entries: [], totalFen: 0, problem: { line: index + 1, text: problem } });
    if (cells.length !== 4) return fail("bankTxnId,noticeNo,amountFen,paidAt");
    const [bankTxnId, noticeNo, amount, paidAt] = cells as [string, string, string, string];
    if (!TXN.test(bankTxnId)) return fail(`bankTxnId ${bankTxnId}`);
    if (!NOTICE.test(noticeNo)) return fail(`noticeNo ${noticeNo}`);
    if (!/^-?\d{1,12}$/.test(amount) || Number(amount) === 0) return fail(`amountFen ${amount}`);
    if (!INSTANT.test(paidAt) || Number.isNaN(Date.parse(paidAt))) return fail(`paidAt ${paidAt}`);
    const amountFen = Number(amount);
    totalFen += amountFen;
    entries.push({ bankTxnId, noticeNo, amountFen, paidAt });
  }
  return { entries, totalFen, problem: null };
}
