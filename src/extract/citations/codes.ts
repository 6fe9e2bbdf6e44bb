// Type and issuer codes of the three symbol systems (docs: vn-document-grammar.md §1.2, §2.2, §3.3,
// §3.4). Codes are looked up by their folded form so that ASCII-only text (QD, HDND, BCSD) and
// all-caps titles (CTR, TTG) find the official spelling.
import { memoise } from "../memo.ts";
import { fold } from "../normalise.ts";
import type { DocumentType } from "../types.ts";

/** Type codes with their document type; ambiguous codes (QĐ, TT) are resolved by the type word. */
const TYPE_CODES: Record<string, DocumentType> = {
  NQ: "RESOLUTION",
  NĐ: "DECREE",
  QĐ: "DECISION",
  QĐi: "REGULATION",
  QyĐ: "REGULATION",
  CT: "DIRECTIVE",
  KL: "CONCLUSION",
  QC: "RULES",
  TT: "CIRCULAR",
  TTLT: "JOINT_CIRCULAR",
  NQLT: "RESOLUTION",
  HD: "GUIDANCE",
  TB: "NOTICE",
  TC: "NOTICE",
  CTr: "PROGRAMME",
  KH: "PLAN",
  ĐA: "SCHEME",
  PA: "PROJECT",
  DA: "PROJECT",
  BC: "REPORT",
  TTr: "SUBMISSION",
  CV: "OFFICIAL_LETTER",
  CĐ: "TELEGRAM",
  BB: "MINUTES",
  L: "LAW",
  PL: "ORDINANCE",
  QyC: "RULES",
  VBHN: "OTHER",
  GM: "OTHER",
  GGT: "OTHER",
  GUQ: "OTHER",
  BGN: "OTHER",
  BTT: "OTHER",
  QTr: "OTHER",
};

/** Issuer codes that belong to central bodies: documents they issue are national. */
const NATIONAL_ISSUERS: Record<string, string> = {
  TW: "Trung ương Đảng",
  VPTW: "Văn phòng Trung ương Đảng",
  BCĐTW: "Ban Chỉ đạo Trung ương",
  BTCTW: "Ban Tổ chức Trung ương",
  BTGTW: "Ban Tuyên giáo Trung ương",
  BTGDVTW: "Ban Tuyên giáo và Dân vận Trung ương",
  BDVTW: "Ban Dân vận Trung ương",
  BKTTW: "Ban Kinh tế Trung ương",
  BNCTW: "Ban Nội chính Trung ương",
  BĐNTW: "Ban Đối ngoại Trung ương",
  UBKTTW: "Ủy ban Kiểm tra Trung ương",
  QUTW: "Quân ủy Trung ương",
  CP: "Chính phủ",
  TTg: "Thủ tướng Chính phủ",
  VPCP: "Văn phòng Chính phủ",
  CTN: "Chủ tịch nước",
  VPQH: "Văn phòng Quốc hội",
  HĐTP: "Hội đồng Thẩm phán Tòa án nhân dân tối cao",
  NHNN: "Ngân hàng Nhà nước Việt Nam",
  KTNN: "Kiểm toán nhà nước",
  BKHCN: "Bộ Khoa học và Công nghệ",
  BTTTT: "Bộ Thông tin và Truyền thông",
  BNV: "Bộ Nội vụ",
  BTC: "Bộ Tài chính",
  BCA: "Bộ Công an",
  BQP: "Bộ Quốc phòng",
  BYT: "Bộ Y tế",
  BGDĐT: "Bộ Giáo dục và Đào tạo",
  BCT: "Bộ Công Thương",
  BXD: "Bộ Xây dựng",
  BTP: "Bộ Tư pháp",
  BNG: "Bộ Ngoại giao",
  BVHTTDL: "Bộ Văn hóa, Thể thao và Du lịch",
  BNNPTNT: "Bộ Nông nghiệp và Phát triển nông thôn",
  BTNMT: "Bộ Tài nguyên và Môi trường",
  BNNMT: "Bộ Nông nghiệp và Môi trường",
  BKHĐT: "Bộ Kế hoạch và Đầu tư",
  BLĐTBXH: "Bộ Lao động - Thương binh và Xã hội",
  BGTVT: "Bộ Giao thông vận tải",
  BDTTG: "Bộ Dân tộc và Tôn giáo",
  UBDT: "Ủy ban Dân tộc",
  TTCP: "Thanh tra Chính phủ",
};

/** Issuer codes of local bodies: the province (or district) comes from the citing document. */
const LOCAL_ISSUERS: Record<string, string> = {
  TU: "Tỉnh ủy",
  HU: "Huyện ủy",
  QU: "Quận ủy",
  TXU: "Thị ủy",
  ĐU: "Đảng ủy",
  VPĐU: "Văn phòng Đảng ủy",
  BCSĐ: "Ban cán sự đảng",
  BCS: "Ban cán sự đảng",
  VPTU: "Văn phòng Tỉnh ủy",
  BTGTU: "Ban Tuyên giáo Tỉnh ủy",
  BTCTU: "Ban Tổ chức Tỉnh ủy",
  BDVTU: "Ban Dân vận Tỉnh ủy",
  UBKTTU: "Ủy ban Kiểm tra Tỉnh ủy",
  UBND: "UBND tỉnh",
  HĐND: "HĐND tỉnh",
  CT: "Chủ tịch UBND tỉnh",
  VPUBND: "Văn phòng UBND tỉnh",
  // Provincial departments (sở): S + initials of the field, "và" dropped.
  SKHCN: "Sở Khoa học và Công nghệ",
  STTTT: "Sở Thông tin và Truyền thông",
  SNV: "Sở Nội vụ",
  STC: "Sở Tài chính",
  SYT: "Sở Y tế",
  SGDĐT: "Sở Giáo dục và Đào tạo",
  SKHĐT: "Sở Kế hoạch và Đầu tư",
  STP: "Sở Tư pháp",
  SXD: "Sở Xây dựng",
  SCT: "Sở Công Thương",
  SNNPTNT: "Sở Nông nghiệp và Phát triển nông thôn",
  SNNMT: "Sở Nông nghiệp và Môi trường",
  STNMT: "Sở Tài nguyên và Môi trường",
  SLĐTBXH: "Sở Lao động - Thương binh và Xã hội",
  SGTVT: "Sở Giao thông vận tải",
  SVHTTDL: "Sở Văn hóa, Thể thao và Du lịch",
  SNgV: "Sở Ngoại vụ",
  SDTTG: "Sở Dân tộc và Tôn giáo",
};

function byFold(table: Record<string, unknown>): Map<string, string> {
  const m = new Map<string, string>();
  const clash = new Set<string>();
  for (const code of Object.keys(table)) {
    const f = fold(code);
    if (m.has(f) && m.get(f) !== code) clash.add(f);
    m.set(f, code);
  }
  // Folding merges ĐA (Đề án) and DA (Dự án): keep the spelling as written for those.
  for (const f of clash) m.delete(f);
  return m;
}

const TYPE_BY_FOLD = byFold(TYPE_CODES);
const ISSUER_BY_FOLD = byFold({ ...NATIONAL_ISSUERS, ...LOCAL_ISSUERS });

/**
 * Official spelling of one symbol segment: known codes by table, others in capitals. Segments repeat
 * from symbol to symbol (KH, UBND, TW …): each spelling is worked out once.
 */
export const canonicalSegment = memoise(spellSegment, 10_000);

function spellSegment(segment: string): string {
  const f = fold(segment);
  const known = TYPE_BY_FOLD.get(f) ?? ISSUER_BY_FOLD.get(f);
  if (known !== undefined) return known;
  // Term-numbered issuers: QH15, UBTVQH15, ĐĐQH15.
  const term = /^(ddqh|ubtvqh|qh)(\d{1,2})$/.exec(f);
  if (term) return `${term[1] === "ddqh" ? "ĐĐQH" : (term[1] as string).toUpperCase()}${term[2]}`;
  return segment.toUpperCase();
}

export function typeOfCode(code: string): DocumentType | null {
  return TYPE_CODES[code] ?? null;
}

export function isTypeCode(code: string): boolean {
  return code in TYPE_CODES;
}

export interface IssuerCode {
  name: string;
  national: boolean;
}

const TERM_ISSUER = /^(ĐĐQH|UBTVQH|QH)(\d{1,2})$/;

export function issuerOfCode(code: string): IssuerCode | null {
  const term = TERM_ISSUER.exec(code);
  if (term) {
    const name =
      term[1] === "QH"
        ? "Quốc hội"
        : term[1] === "UBTVQH"
          ? "Ủy ban Thường vụ Quốc hội"
          : "Đảng đoàn Quốc hội";
    return { name, national: true };
  }
  const national = NATIONAL_ISSUERS[code];
  if (national !== undefined) return { name: national, national: true };
  const local = LOCAL_ISSUERS[code];
  if (local !== undefined) return { name: local, national: false };
  return null;
}

/** Department codes (S…) known from the table, for resolving misspelt variants. */
export function knownDepartmentCodes(): readonly string[] {
  return DEPARTMENT_CODES;
}

const DEPARTMENT_CODES: readonly string[] = Object.keys(LOCAL_ISSUERS).filter(
  (c) => c.startsWith("S") && c.length > 2,
);

/** Party type codes: a Party symbol whose type is TT is a Thông tri, QĐ a Quyết định unless the word says Quy định. */
export const PARTY_ISSUER_HINT = /^(TW|TU|HU|QU|ĐU|BCSĐ|BCS|ĐĐ.*|VP.*TW|B.*TU|B.*TW|UBKT.*|VPĐU)$/;
