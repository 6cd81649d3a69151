/** Hands a blob to the browser as a download under this file name (never shown inside the portal's page). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves text as a file the browser downloads, exactly as given (a service's CSV keeps its BOM and CRLF). */
export function downloadText(fileName: string, text: string, type = "text/csv;charset=utf-8"): void {
  saveBlob(new Blob([text], { type }), fileName);
}

/**
 * Rows as CSV the way spreadsheets in China open it: a byte-order mark (so Excel reads UTF-8, not
 * GBK), CRLF line ends, every field quoted when it holds a comma, a quote or a line break.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  const field = (value: string | number | null | undefined) => {
    const text = value === null || value === undefined ? "" : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${rows.map((row) => row.map(field).join(",")).join("\r\n")}\r\n`;
}
