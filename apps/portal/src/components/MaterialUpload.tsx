import { Button, Space, Tag, Upload, type UploadFile } from "antd";
import { useState } from "react";
import { formatBytes, useApplyT, type ApplyMessageKey } from "../lib/messages-apply";
import type { MessageKey } from "../lib/messages";
import { ACCEPT_ATTRIBUTE, checkBeforeUpload, UPLOAD_MAX_BYTES, uploadFile, UploadError, type UploadedFile, type UploadProblem } from "../lib/uploads";

export interface MaterialLineInfo {
  code: string;
  name: string;
  form?: string | null;
  copies?: number | null;
  mandatory: boolean;
  notes?: string | null;
}

export type LineFile = UploadFile<UploadedFile>;

/** The ids of the files of a line that reached the gateway. */
export const uploadedIds = (files: readonly LineFile[] | undefined): string[] =>
  (files ?? []).filter((file) => file.status === "done" && file.response).map((file) => file.response!.fileId);
export const stillUploading = (lines: Record<string, LineFile[]>): boolean => Object.values(lines).some((files) => files.some((file) => file.status === "uploading"));

const PROBLEM_KEYS: Record<UploadProblem["kind"], ApplyMessageKey> = {
  type: "upload.type",
  size: "upload.size",
  empty: "upload.empty",
  "signed-out": "upload.signedOut",
  failed: "upload.failed",
};

/**
 * One line of a materials checklist with its upload (POST /uploads with the token in memory):
 * what the line asks for, the files sent, and beside it in plain words what went wrong and what to
 * do (a refused file is not kept in the list).
 */
export function MaterialUploadLine({
  material,
  files,
  onChange,
  missingMessage,
  index,
}: {
  material: MaterialLineInfo;
  files: LineFile[];
  onChange: (files: LineFile[]) => void;
  /** Shown beside the line when a required material has no file. */
  missingMessage?: string;
  index: number;
}) {
  const { t, ta } = useApplyT();
  const [problem, setProblem] = useState<string | null>(null);
  const tell = (name: string, found: UploadProblem) => setProblem(ta(PROBLEM_KEYS[found.kind], { name, size: formatBytes(found.kind === "size" ? found.maxBytes : UPLOAD_MAX_BYTES) }));
  const hintId = `material-${index}-hint`;
  return (
    <li className="material-line" data-testid={`material-line-${material.code}`}>
      <div className="material-line-head">
        <span className="material-name">{index + 1}. {material.name}</span>
        <Space wrap size={4}>
          {material.form && <Tag>{t(`form.${material.form}` as MessageKey)}</Tag>}
          {material.copies ? <Tag>{material.copies === 1 ? t("item.copyOne") : t("item.copies", { n: material.copies })}</Tag> : null}
          <Tag color={material.mandatory ? "red" : "default"}>{material.mandatory ? ta("apply.mandatory") : ta("apply.optional")}</Tag>
        </Space>
      </div>
      {material.notes && <div className="result-meta">{material.notes}</div>}
      <Upload<UploadedFile>
        accept={ACCEPT_ATTRIBUTE}
        multiple
        fileList={files}
        maxCount={20}
        showUploadList={{ showPreviewIcon: false, showDownloadIcon: false }}
        // Ant Design's own thin bar, named so a screen reader says what is progressing.
        progress={{ size: [-1, 2], showInfo: false, "aria-label": ta("apply.uploadProgress") }}
        beforeUpload={(file) => {
          const found = checkBeforeUpload(file);
          if (found) {
            tell(file.name, found);
            return Upload.LIST_IGNORE;
          }
          setProblem(null);
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          const chosen = file as File;
          uploadFile(chosen).then(
            (uploaded) => onSuccess?.(uploaded),
            (error: unknown) => {
              tell(chosen.name, error instanceof UploadError ? error.problem : { kind: "failed" });
              onError?.(error instanceof Error ? error : new Error("upload failed"));
            },
          );
        }}
        // A refused file leaves the list: the sentence beside the line says what to do.
        onChange={({ fileList }) => onChange(fileList.filter((file) => file.status !== "error"))}
      >
        <Button aria-describedby={hintId} aria-label={ta("apply.chooseFor", { name: material.name })} data-testid={`upload-${material.code}`}>
          {ta("apply.choose")}
        </Button>
      </Upload>
      <div id={hintId} role="alert" className="material-problem" data-testid={`material-problem-${material.code}`}>
        {problem ?? (missingMessage && uploadedIds(files).length === 0 ? missingMessage : "")}
      </div>
    </li>
  );
}
