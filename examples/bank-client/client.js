"use strict";
// Reference client for the bank collection point (银行代收点) of a one-stop government service
// center: plain Node.js 20+ (global fetch), no dependencies, no build step. Start from it; the
// contract it speaks is docs/bank-integration.md.

const MAX_LINES_PER_CALL = 5000;

/** A refusal or failure the center answered with; `code` is stable (docs/bank-integration.md). */
class BankApiError extends Error {
  constructor(code, message, details = {}, httpStatus = 200) {
    super(`${code}: ${message}`);
    this.name = "BankApiError";
    this.code = code;
    this.details = details;
    this.httpStatus = httpStatus;
  }
}

/** Whether to send the same request again: the network failed, or the center was briefly unavailable. */
function isTransient(error) {
  if (error instanceof BankApiError) return error.httpStatus >= 500 || error.code === "INTERNAL_SERVER_ERROR";
  return true;
}

/** Luhn check of a 20-digit notice number: catches a mistyped digit before any money is taken. */
function isValidNoticeNo(noticeNo) {
  if (!/^\d{20}$/.test(noticeNo)) return false;
  let sum = 0;
  for (let i = 0; i < 20; i++) {
    let digit = Number(noticeNo[19 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const NOTICE_FIELDS = `noticeNo status payable amountFen payerName departmentName itemName expiresAt
  account { accountNo accountName bankName } lineItems { feeCode description quantity amountFen }`;
const REPORT_FIELDS = `statementId statementDate accountNo reconciledAt
  matched { count bankTotalFen recordedTotalFen }
  paidAtBankUnknownHere { count bankTotalFen recordedTotalFen }
  recordedHereMissingAtBank { count bankTotalFen recordedTotalFen }
  amountMismatch { count bankTotalFen recordedTotalFen }
  detailMismatch { count bankTotalFen recordedTotalFen }
  totals { accountNo bankLineCount bankTotalFen recordedCount recordedTotalFen matchedCount matchedTotalFen differenceFen }`;

class BankClient {
  /**
   * @param {{ url: string, token: string | (() => Promise<string>), timeoutMs?: number, retries?: number, logger?: (line: string) => void }} options
   *   url: the gateway, e.g. https://zwfw.example.gov.cn/graphql; token: an access token, or a function giving a fresh one
   *   (clientCredentials(...) below, with the bank's machine credentials).
   */
  constructor(options) {
    this.url = options.url;
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = options.retries ?? 5;
    this.logger = options.logger ?? (() => {});
  }

  async call(query, variables) {
    const token = typeof this.token === "function" ? await this.token() : this.token;
    const response = await fetch(this.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    let body;
    try {
      body = await response.json();
    } catch {
      throw new BankApiError(`HTTP_${response.status}`, "The answer was not JSON", {}, response.status);
    }
    const [error] = body.errors ?? [];
    if (error) {
      const { code = "INTERNAL_SERVER_ERROR", ...details } = error.extensions ?? {};
      throw new BankApiError(code, error.message, details, response.status);
    }
    return body.data;
  }

  /**
   * Sends the very same request again after a network failure or a 5xx: every write of the
   * contract is idempotent, so a retry can never apply twice. Refusals are not retried.
   */
  async callWithRetries(query, variables) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.call(query, variables);
      } catch (error) {
        if (!isTransient(error) || attempt > this.retries) throw error;
        const wait = Math.min(200 * 2 ** attempt, 5000);
        this.logger(`attempt ${attempt} failed (${error.message}); the same request again in ${wait} ms`);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  /** What to collect; null when the center has no notice with this number. */
  async lookupNotice(noticeNo) {
    if (!isValidNoticeNo(noticeNo)) throw new BankApiError("NOTICE_NO_INVALID", "Not a notice number (20 digits, Luhn check digit)");
    const data = await this.callWithRetries(`query ($no: String!) { paymentNotice(noticeNo: $no) { ${NOTICE_FIELDS} } }`, { no: noticeNo });
    return data.paymentNotice;
  }

  /**
   * Confirms a collected payment. Keep `bankTxnId` and every other field exactly as first sent
   * when retrying; a refusal (NOTICE_ALREADY_PAID, AMOUNT_DIFFERS, ...) is final for that id.
   * @param {{ noticeNo: string, amountFen: number, bankTxnId: string, paidAt: string, channel: string }} payment
   */
  async recordPayment(payment) {
    const data = await this.callWithRetries(
      `mutation ($input: RecordBankPaymentInput!) { recordBankPayment(input: $input) { bankTxnId noticeNo amountFen paidAt channel receiptNo recordedAt } }`,
      { input: payment },
    );
    return data.recordBankPayment;
  }

  /** Refunds finance approved and the bank is to pay back to the payer. */
  async refundsToPay(centerCode) {
    const data = await this.callWithRetries(
      `query ($c: String!) { refunds(centerCode: $c, status: APPROVED) { id noticeNo amountFen accountNo paymentBankTxnId reason } }`,
      { c: centerCode },
    );
    return data.refunds;
  }

  /** @param {{ refundId: string, amountFen: number, bankTxnId: string, refundedAt: string }} refund */
  async recordRefund(refund) {
    const data = await this.callWithRetries(
      `mutation ($input: RecordBankRefundInput!) { recordBankRefund(input: $input) { id status bankTxnId refundedAt } }`,
      { input: refund },
    );
    return data.recordBankRefund;
  }

  /**
   * Reconciles one account's statement of one day. Up to 5,000 lines go in one call; more go in
   * parts of 5,000 (each part may be resent; the statement is checked against its declared line
   * count and total when closed). Sending the same statement again returns the same report.
   * @param {{ statementDate: string, accountNo: string, entries: Array<{ bankTxnId: string, noticeNo: string, amountFen: number, paidAt: string }> }} statement
   * @param {{ partSize?: number, parallel?: number }} options
   */
  async reconcileStatement(statement, options = {}) {
    const partSize = Math.min(options.partSize ?? MAX_LINES_PER_CALL, MAX_LINES_PER_CALL);
    if (statement.entries.length <= partSize) {
      const data = await this.callWithRetries(
        `mutation ($input: ReconcileBankStatementInput!) { reconcileBankStatement(input: $input) { ${REPORT_FIELDS} } }`,
        { input: statement },
      );
      return data.reconcileBankStatement;
    }
    const totalFen = statement.entries.reduce((sum, entry) => sum + entry.amountFen, 0);
    const begun = await this.callWithRetries(`mutation ($input: BeginBankStatementInput!) { beginBankStatement(input: $input) { id } }`, {
      input: { statementDate: statement.statementDate, accountNo: statement.accountNo, lineCount: statement.entries.length, totalFen },
    });
    const statementId = begun.beginBankStatement.id;
    const parts = [];
    for (let start = 0; start < statement.entries.length; start += partSize) parts.push(statement.entries.slice(start, start + partSize));
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.max(1, options.parallel ?? 2) }, async () => {
        while (next < parts.length) {
          const partNo = ++next;
          await this.callWithRetries(
            `mutation ($input: AppendBankStatementLinesInput!) { appendBankStatementLines(input: $input) { receivedLines } }`,
            { input: { statementId, partNo, entries: parts[partNo - 1] } },
          );
          this.logger(`part ${partNo}/${parts.length} sent`);
        }
      }),
    );
    const closed = await this.callWithRetries(`mutation ($id: ID!) { closeBankStatement(statementId: $id) { ${REPORT_FIELDS} } }`, { id: statementId });
    return closed.closeBankStatement;
  }

  /**
   * The report's discrepancies, page by page (at most 1,000 a page).
   * @param {string} statementId
   * @param {string | null} category PAID_AT_BANK_UNKNOWN_HERE, RECORDED_HERE_MISSING_AT_BANK, AMOUNT_MISMATCH, DETAIL_MISMATCH, or null for all
   */
  async *discrepancies(statementId, category = null) {
    for (let offset = 0; ; offset += 1000) {
      const data = await this.callWithRetries(
        `query ($id: ID!, $category: DiscrepancyCategory, $offset: Int) {
          bankStatement(id: $id) { report { discrepancies(category: $category, offset: $offset, limit: 1000) {
            category reason bankTxnId noticeNo bankAmountFen recordedAmountFen paidAt } } } }`,
        { id: statementId, category, offset },
      );
      const page = data.bankStatement?.report?.discrepancies ?? [];
      yield* page;
      if (page.length < 1000) return;
    }
  }
}

/**
 * The bank's machine credentials (issued by the center's administration): a function giving a
 * valid access token, asking `clientCredentialsToken` again a minute before the last expires.
 * Pass it as `token` to BankClient.
 */
function clientCredentials({ url, clientId, clientSecret }) {
  let current = null;
  return async function token() {
    if (current && current.refreshAt > Date.now()) return current.accessToken;
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `mutation ($id: String!, $secret: String!) { clientCredentialsToken(clientId: $id, clientSecret: $secret) { accessToken expiresAt } }`,
        variables: { id: clientId, secret: clientSecret },
      }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = await response.json();
    const [error] = body.errors ?? [];
    if (error) throw new BankApiError(error.extensions?.code ?? "INTERNAL_SERVER_ERROR", error.message, {}, response.status);
    const { accessToken, expiresAt } = body.data.clientCredentialsToken;
    current = { accessToken, refreshAt: Date.parse(expiresAt) - 60_000 };
    return accessToken;
  };
}

/** Reads a statement file: one line per transaction, `bankTxnId,noticeNo,amountFen,paidAt`, optional header. */
function parseStatementCsv(text) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("bankTxnId"))
    .map((line, index) => {
      const [bankTxnId, noticeNo, amountFen, paidAt] = line.split(",").map((cell) => cell.trim());
      if (!bankTxnId || !noticeNo || !/^-?\d+$/.test(amountFen ?? "") || !paidAt) throw new Error(`line ${index + 1}: expected bankTxnId,noticeNo,amountFen,paidAt`);
      return { bankTxnId, noticeNo, amountFen: Number(amountFen), paidAt };
    });
}

module.exports = { BankClient, BankApiError, clientCredentials, isValidNoticeNo, parseStatementCsv, MAX_LINES_PER_CALL };
