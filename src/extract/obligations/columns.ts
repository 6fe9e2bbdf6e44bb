// Columns are recognised by what their header says, not where they stand: "Đơn vị chủ trì",
// "Cơ quan chủ trì", "CƠ QUAN THỰC HIỆN" all mean the lead unit, wherever the table puts them.
import { matchKey } from "../organisations/index.ts";

export type ColumnRole =
  | "id"
  | "content"
  | "lead"
  | "cooperating"
  | "deadline"
  | "expectedDeadline"
  | "completedOn"
  | "product"
  | "status"
  | "progress"
  | "notes"
  | "assignedBy"
  | "indicator"
  | "unit"
  | "value"
  | "statAssigned"
  | "statCompleted"
  | "statCompletedLate"
  | "statNotCompleted"
  | "statInProgress"
  | "statOverdue";

const has = (h: string, ...words: string[]) => words.some((w) => ` ${h} `.includes(` ${w} `));

/** The role of one header cell, or null when its words say nothing we read. */
export function columnRole(header: string, siblings: string[]): ColumnRole | null {
  const h = matchKey(header);
  if (h === "") return null;
  if (/^(stt|tt|so tt|so thu tu|thu tu|muc)$/.test(h)) return "id";
  if (has(h, "tong so", "so luong") && has(h, "nhiem vu", "viec")) {
    if (has(h, "qua han") && has(h, "chua")) return "statOverdue";
    if (has(h, "chua hoan thanh")) return "statNotCompleted";
    if (has(h, "qua han") && has(h, "hoan thanh")) return "statCompletedLate";
    if (has(h, "dang thuc hien")) return "statInProgress";
    if (has(h, "hoan thanh")) return "statCompleted";
    if (has(h, "giao", "duoc giao", "phai thuc hien")) return "statAssigned";
  }
  // "Tổng số nhiệm vụ | Đã hoàn thành | Đang thực hiện | Chưa thực hiện": beside a total column,
  // a bare status is a count of tasks in that status.
  const statsTable = siblings.some((s) => {
    const k = matchKey(s);
    return has(k, "tong so", "so luong") && has(k, "nhiem vu", "viec");
  });
  if (statsTable && !has(h, "nhom", "linh vuc", "noi dung", "ten nhiem vu")) {
    if (/^(tong so|tong)( nhiem vu| viec)?( duoc giao)?$/.test(h)) return "statAssigned";
    if (has(h, "qua han") && has(h, "chua")) return "statOverdue";
    if (has(h, "chua hoan thanh", "chua thuc hien", "chua trien khai")) return "statNotCompleted";
    if (has(h, "qua han") && has(h, "hoan thanh")) return "statCompletedLate";
    if (has(h, "dang thuc hien", "dang trien khai")) return "statInProgress";
    if (has(h, "hoan thanh")) return "statCompleted";
    if (h === "qua han") return "statOverdue";
  }
  if (has(h, "van ban giao", "van ban giao viec", "can cu giao")) return "assignedBy";
  if (/^(ten )?chi tieu( cu the)?$/.test(h) || has(h, "ten chi tieu")) return "indicator";
  if (has(h, "phoi hop")) return "cooperating";
  if (
    has(
      h,
      "chu tri",
      "co quan thuc hien",
      "don vi thuc hien",
      "trach nhiem thuc hien",
      "co quan don vi thuc hien",
      "don vi phu trach",
      "co quan phu trach",
      "chu tri thuc hien",
      "co quan tham muu",
      "don vi tham muu",
      "co quan dau moi",
      "don vi dau moi",
    )
  )
    return "lead";
  if (has(h, "kho khan", "vuong mac", "kien nghi", "giai trinh", "ghi chu", "nguyen nhan")) return "notes";
  if (has(h, "du kien")) return "expectedDeadline";
  if (has(h, "thoi han giao")) return "deadline";
  if (has(h, "thoi han hoan thanh") && siblings.some((s) => has(matchKey(s), "thoi han giao")))
    return "completedOn";
  if (
    has(
      h,
      "thoi han",
      "thoi gian hoan thanh",
      "thoi gian thuc hien",
      "thoi gian",
      "tien do hoan thanh",
      "moc thoi gian",
    )
  )
    return "deadline";
  if (has(h, "tinh hinh", "ket qua thuc hien", "ket qua hien nay", "ket qua trien khai", "ket qua dat duoc"))
    return "progress";
  if (/^(tien do|tinh trang|danh gia|trang thai)( thuc hien)?$/.test(h)) return "status";
  if (
    has(
      h,
      "san pham",
      "ket qua yeu cau",
      "ket qua du kien",
      "ket qua dau ra",
      "hinh thuc van ban",
      "hinh thuc",
    )
  )
    return "product";
  const indicatorTable = siblings.some((s) => /^(ten )?chi tieu( cu the)?$/.test(matchKey(s)));
  if (/^(ket qua|muc tieu|gia tri|chi tieu|chi tieu ke hoach)$/.test(h))
    return indicatorTable ? "value" : "product";
  // "Kế hoạch năm 2025", "Mục tiêu đến 2030", "Chỉ tiêu giao": the planned value of an indicator.
  if (indicatorTable && /^(ke hoach|muc tieu|chi tieu giao|chi tieu nam|nam \d{4}|den nam|giai doan)/.test(h))
    return "value";
  if (/^don vi( tinh)?$/.test(h) || has(h, "don vi tinh", "dvt")) return "unit";
  if (has(h, "noi dung", "ten nhiem vu", "nhiem vu", "cong viec", "ten de an", "ten van ban", "giai phap"))
    return "content";
  return null;
}

/** Roles by column index for a header row; null entries for columns we do not read. */
export function headerRoles(cells: string[]): (ColumnRole | null)[] {
  // Every row of every table is tried as a header, and a corpus repeats its few header rows
  // thousands of times: read each distinct row once (bounded memo).
  const key = JSON.stringify(cells);
  let roles = rolesByHeader.get(key);
  if (roles === undefined) {
    if (rolesByHeader.size > 10_000) rolesByHeader.clear();
    roles = readHeader(cells);
    rolesByHeader.set(key, roles);
  }
  return [...roles];
}

const rolesByHeader = new Map<string, (ColumnRole | null)[]>();

function readHeader(cells: string[]): (ColumnRole | null)[] {
  const roles = cells.map((c) => columnRole(c, cells));
  // Two columns claiming one role: the first keeps it (a table rarely has two lead columns).
  const seen = new Set<ColumnRole>();
  return roles.map((r) => {
    if (r === null) return null;
    if (seen.has(r)) return null;
    seen.add(r);
    return r;
  });
}

/** Whether a row reads as a header: at least two recognised roles, or one and no digits at all. */
export function looksLikeHeader(cells: string[]): boolean {
  const roles = headerRoles(cells).filter((r) => r !== null);
  if (roles.length >= 2) return true;
  return roles.length === 1 && cells.length === 1 && !/\d/.test(cells.join(""));
}
