import type { InputProblem } from "@onestop/platform";

/** A material line as a caller hands it in: the material's code and the uploads that are it. */
export interface FileLine {
  code: string;
  fileIds: readonly string[];
}

/**
 * Which of the lines' file ids may not be used: an id that is no upload, or an upload of neither
 * the caller nor (staff handing in for the applicant) the case's applicant. The two are one
 * answer, so an id never tells whether someone else's upload exists. `field` is the line list's
 * path (`input.materials`, `materials`).
 */
export function unusableFiles(field: string, lines: readonly FileLine[], owners: ReadonlyMap<string, string>, allowedOwners: readonly string[]): InputProblem[] {
  const problems: InputProblem[] = [];
  lines.forEach((line, lineIndex) => {
    line.fileIds.forEach((id, index) => {
      const at = `${field}.${lineIndex}.fileIds.${index}`;
      if (line.fileIds.indexOf(id) !== index) problems.push({ field: at, message: `file ${id} is listed twice` });
      else if (!allowedOwners.includes(owners.get(id) ?? "")) problems.push({ field: at, message: `no upload ${id} of yours` });
    });
  });
  return problems;
}

/** Material codes given twice in one hand-in. */
export function repeatedCodes(field: string, lines: readonly FileLine[]): InputProblem[] {
  return lines.flatMap((line, index) => (lines.findIndex((other) => other.code === line.code) !== index ? [{ field: `${field}.${index}.code`, message: `material ${line.code} is listed twice` }] : []));
}
