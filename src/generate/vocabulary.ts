// The words the generator writes with: provinces, departments, ministries, policy topics and task
// phrasing. Realistic rather than exhaustive; the point is to exercise the grammar (issuer codes with
// Đ, cities with Thành ủy, departments written several ways), not to mirror any one document.
// Provinces and departments come from the organisation registry: one list for the whole project.
import { provinceUnits, registryOrganisations } from "../extract/organisations/index.ts";

export interface Province {
  /** Name as in the date line: "Quảng Trị", "Hà Nội". */
  name: string;
  /** Jurisdiction slug used by extraction keys: folded, hyphenated ("quang-tri"). */
  slug: string;
  /** Centrally-run cities have a Thành ủy and "UBND thành phố" instead of Tỉnh ủy / UBND tỉnh. */
  city: boolean;
}

/**
 * The 34 provinces and centrally-run cities in force since 1 July 2025, from the organisation registry
 * (seeds/registry/), so the generator and the extractor agree on names and jurisdiction slugs.
 */
export const PROVINCES: readonly Province[] = provinceUnits()
  .filter((u) => u.validTo === null)
  .map((u) => ({ name: u.name, slug: u.slug, city: u.kind === "thành phố" }));

export interface Department {
  /** Name without the place ("Sở Y tế"); the registry's canonical name adds it. */
  name: string;
  /** The registry's canonical name ("Sở Y tế tỉnh Điện Biên"). */
  canonical: string;
  /** Canonical symbol code, the suffix of its document symbols (43/KH-SKHCN). */
  code: string;
  /** Other ways documents write its name ("Sở KH&CN"). */
  aliases: string[];
}

const departmentCache = new Map<string, Department[]>();

/**
 * The departments (sở and equivalents) of a province on a date, from the registry: the 2025
 * reorganisation merged several (SKHĐT into STC, STTTT into SKHCN …), so a 2024 plan and a 2025 plan
 * assign tasks to different sets.
 */
export function departmentsAt(slug: string, date: string): Department[] {
  const cacheKey = `${slug}@${date}`;
  const cached = departmentCache.get(cacheKey);
  if (cached) return cached;
  const byRole = new Map<string, Department>();
  for (const o of registryOrganisations()) {
    if (o.jurisdiction !== slug || o.tier !== "DEPARTMENT" || o.role === "vp-ubnd" || !o.role) continue;
    if ((o.validFrom && o.validFrom > date) || (o.validTo && o.validTo < date)) continue;
    const name = o.aliases[0] ?? o.name;
    byRole.set(o.role, {
      name,
      canonical: o.name,
      code: o.code,
      aliases: o.aliases.filter((a) => a !== name && /^(Sở|Ban|Thanh tra) /.test(a)),
    });
  }
  const list = [...byRole.values()].sort((a, b) => a.code.localeCompare(b.code));
  departmentCache.set(cacheKey, list);
  return list;
}

export interface Ministry {
  name: string;
  code: string;
}

export const MINISTRIES: readonly Ministry[] = [
  { name: "Bộ Khoa học và Công nghệ", code: "BKHCN" },
  { name: "Bộ Tài chính", code: "BTC" },
  { name: "Bộ Nội vụ", code: "BNV" },
  { name: "Bộ Công Thương", code: "BCT" },
  { name: "Bộ Nông nghiệp và Môi trường", code: "BNNMT" },
  { name: "Bộ Giáo dục và Đào tạo", code: "BGDĐT" },
  { name: "Bộ Y tế", code: "BYT" },
  { name: "Bộ Xây dựng", code: "BXD" },
  { name: "Bộ Tư pháp", code: "BTP" },
  { name: "Bộ Công an", code: "BCA" },
  { name: "Bộ Văn hóa, Thể thao và Du lịch", code: "BVHTTDL" },
  { name: "Ngân hàng Nhà nước Việt Nam", code: "NHNN" },
];

export interface Topic {
  /** What a directive is "về …" (about). */
  about: string;
  /** A short noun phrase for task content. */
  field: string;
  /** Codes of the departments that usually lead its tasks. */
  leads: string[];
}

export const TOPICS: readonly Topic[] = [
  {
    about:
      "phát triển và ứng dụng công nghệ sinh học phục vụ phát triển bền vững đất nước trong tình hình mới",
    field: "công nghệ sinh học",
    leads: ["SKHCN", "SNNPTNT", "SYT"],
  },
  {
    about: "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    field: "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
    leads: ["SKHCN", "STTTT", "SNV"],
  },
  {
    about: "tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045",
    field: "công nghiệp hóa, hiện đại hóa",
    leads: ["SCT", "SKHĐT", "SXD"],
  },
  {
    about: "xây dựng và phát huy vai trò của đội ngũ trí thức trong giai đoạn mới",
    field: "phát triển đội ngũ trí thức",
    leads: ["SNV", "SKHCN", "SGDĐT"],
  },
  {
    about: "phát triển văn hóa, con người Việt Nam đáp ứng yêu cầu phát triển bền vững đất nước",
    field: "phát triển văn hóa, con người",
    leads: ["SVHTTDL", "SGDĐT"],
  },
  {
    about: "tăng cường công tác bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân trong tình hình mới",
    field: "bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân",
    leads: ["SYT", "SLĐTBXH"],
  },
  {
    about: "đổi mới căn bản, toàn diện giáo dục và đào tạo",
    field: "đổi mới giáo dục và đào tạo",
    leads: ["SGDĐT", "SNV"],
  },
  {
    about: "phát triển kinh tế tư nhân",
    field: "phát triển kinh tế tư nhân",
    leads: ["SKHĐT", "STC", "SCT"],
  },
  {
    about:
      "đổi mới công tác xây dựng và thi hành pháp luật đáp ứng yêu cầu phát triển đất nước trong kỷ nguyên mới",
    field: "xây dựng và thi hành pháp luật",
    leads: ["STP", "SNV"],
  },
  {
    about: "hội nhập quốc tế trong tình hình mới",
    field: "hội nhập quốc tế",
    leads: ["SNgV", "SCT"],
  },
  {
    about: "nông nghiệp, nông dân, nông thôn đến năm 2030, tầm nhìn đến năm 2045",
    field: "nông nghiệp, nông dân, nông thôn",
    leads: ["SNNPTNT", "STNMT"],
  },
  {
    about: "chủ động thích ứng với biến đổi khí hậu, tăng cường quản lý tài nguyên và bảo vệ môi trường",
    field: "thích ứng với biến đổi khí hậu, bảo vệ môi trường",
    leads: ["STNMT", "SNNPTNT"],
  },
  {
    about: "phát triển hệ thống kết cấu hạ tầng đồng bộ, hiện đại",
    field: "phát triển kết cấu hạ tầng",
    leads: ["SGTVT", "SXD", "SKHĐT"],
  },
  {
    about: "công tác dân tộc trong tình hình mới",
    field: "công tác dân tộc",
    leads: ["BDT", "SLĐTBXH"],
  },
  {
    about: "tăng cường công tác phòng, chống tham nhũng, lãng phí, tiêu cực",
    field: "phòng, chống tham nhũng, lãng phí, tiêu cực",
    leads: ["TTr", "SNV"],
  },
  {
    about: "phát triển thị trường khoa học và công nghệ, doanh nghiệp khoa học và công nghệ",
    field: "thị trường khoa học và công nghệ",
    leads: ["SKHCN", "SCT"],
  },
];

/** Opening verbs of a task (nhiệm vụ). */
export const TASK_VERBS = [
  "Tổ chức quán triệt, tuyên truyền sâu rộng về",
  "Xây dựng, ban hành cơ chế, chính sách về",
  "Rà soát, đánh giá thực trạng và đề xuất giải pháp về",
  "Triển khai các dự án ứng dụng về",
  "Tăng cường công tác kiểm tra, giám sát việc thực hiện nhiệm vụ về",
  "Bố trí nguồn lực, kinh phí thực hiện các nhiệm vụ về",
  "Đào tạo, bồi dưỡng nâng cao năng lực đội ngũ cán bộ làm công tác",
  "Xây dựng cơ sở dữ liệu, hệ thống thông tin phục vụ quản lý",
  "Đẩy mạnh hợp tác, liên kết với các viện, trường trong lĩnh vực",
  "Hỗ trợ doanh nghiệp đổi mới công nghệ, nâng cao năng lực trong lĩnh vực",
  "Sơ kết, đánh giá kết quả thực hiện các nhiệm vụ về",
  "Nghiên cứu, đề xuất mô hình thí điểm về",
];

/** What the task is for; appended after the field. */
export const TASK_SCOPES = [
  "trên địa bàn tỉnh",
  "giai đoạn 2024 - 2030",
  "gắn với phát triển kinh tế - xã hội của địa phương",
  "trong các cơ quan, đơn vị",
  "phù hợp với điều kiện thực tế",
  "",
];

export const PRODUCTS = [
  "Kế hoạch",
  "Báo cáo",
  "Quyết định của UBND tỉnh",
  "Nghị quyết của HĐND tỉnh",
  "Đề án",
  "Hội nghị quán triệt",
  "Văn bản hướng dẫn",
  "Cơ sở dữ liệu",
  "Mô hình thí điểm",
  "Chương trình đào tạo",
];

export const COOPERATING_GROUPS = [
  "Các sở, ban, ngành liên quan",
  "UBND các xã, phường",
  "Các cơ quan, đơn vị liên quan",
  "Các hội, đoàn thể",
];

/** Names of kinds of Party and state central issuers, used in prose after "của". */
export const CENTRAL_PARTY_ISSUERS = ["Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương Đảng"] as const;
