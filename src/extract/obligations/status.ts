// Status as a report words it. A report's word is an observation ("đang thực hiện trong hạn" said by
// report R on date D), not a property of the task, so history accumulates across reports.
import { memoise } from "../memo.ts";
import { fold } from "../normalise.ts";
import type { TaskStatus } from "../types.ts";

/** Reads a status cell ("Hoàn thành", "Đang thực hiện", "Quá hạn") or a status phrase; null if none. */
export function parseStatus(written: string, strict = false): TaskStatus | null {
  return (strict ? strictStatusOf : statusOf)(written);
}

// Status cells repeat a few phrases down every table: each is read once per strictness.
const statusOf = memoise((written: string) => readStatus(written, false));
const strictStatusOf = memoise((written: string) => readStatus(written, true));

function readStatus(written: string, strict: boolean): TaskStatus | null {
  const f = fold(written).replace(/\s+/g, " ").trim();
  if (f === "") return null;
  if (strict && f.length > 60 && !/^(da |dang |chua |qua han|hoan thanh)/.test(f)) return null;
  if (
    /qua han chua hoan thanh|chua hoan thanh.{0,20}qua han|dang thuc hien qua han|cham tien do|tre han/.test(
      f,
    )
  )
    return "OVERDUE";
  if (/hoan thanh (nhung )?(qua han|cham|tre)|da hoan thanh qua han|qua han da hoan thanh/.test(f))
    return "COMPLETED_LATE";
  if (/^qua han\b/.test(f)) return "OVERDUE";
  if (/chua (thuc hien|trien khai|bat dau)/.test(f)) return "NOT_STARTED";
  if (/dang (thuc hien|trien khai|xay dung|hoan thien|trinh)/.test(f)) return "IN_PROGRESS_ON_TIME";
  if (/^(da )?hoan thanh\b|hoan thanh dung han|hoan thanh truoc han|da hoan thanh/.test(f))
    return "COMPLETED_ON_TIME";
  if (/trong han|dung tien do|theo tien do/.test(f)) return "IN_PROGRESS_ON_TIME";
  // "Đang lấy ý kiến …", "Đang chờ phê duyệt": whatever is under way is in progress.
  if (/^dang\b/.test(f)) return "IN_PROGRESS_ON_TIME";
  return strict ? null : "UNKNOWN";
}

/**
 * What a table's caption says about every task in it ("CHI TIẾT CÁC NHIỆM VỤ QUÁ HẠN CHƯA HOÀN
 * THÀNH"), read from the caption folded (a slice of the document's fold: no folding per table).
 */
export function captionStatus(foldedCaption: string): TaskStatus | null {
  const f = foldedCaption.replace(/\s+/g, " ");
  const lastLine = f.trim().split("\n").slice(-3).join(" ");
  if (/nhiem vu qua han chua hoan thanh/.test(lastLine)) return "OVERDUE";
  if (/nhiem vu qua han da hoan thanh/.test(lastLine)) return "COMPLETED_LATE";
  if (/dang thuc hien.{0,60}(theo|dung) (theo )?tien do|trong han/.test(f)) return "IN_PROGRESS_ON_TIME";
  return null;
}
