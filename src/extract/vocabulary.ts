// The closed vocabularies of the extraction contract as runtime values. The types in types.ts are
// derived from these lists, so the writer (which checks rows before writing) and the API (which maps
// graph values to GraphQL enums) read one list each instead of keeping copies in step.

export const DOCUMENT_SYSTEMS = ["PARTY", "STATE_NORMATIVE", "STATE_ADMINISTRATIVE", "UNKNOWN"] as const;

export const DOCUMENT_TYPES = [
  "RESOLUTION", // Nghị quyết
  "DECREE", // Nghị định
  "DECISION", // Quyết định
  "DIRECTIVE", // Chỉ thị
  "CONCLUSION", // Kết luận
  "REGULATION", // Quy định (Party QĐ/QĐi, state QyĐ)
  "RULES", // Quy chế
  "CIRCULAR", // Thông tư
  "JOINT_CIRCULAR", // Thông tư liên tịch
  "PARTY_CIRCULAR", // Thông tri
  "GUIDANCE", // Hướng dẫn
  "NOTICE", // Thông báo
  "PROGRAMME", // Chương trình (hành động)
  "PLAN", // Kế hoạch
  "SCHEME", // Đề án
  "STRATEGY", // Chiến lược
  "PROJECT", // Dự án / Phương án
  "REPORT", // Báo cáo
  "SUBMISSION", // Tờ trình
  "OFFICIAL_LETTER", // Công văn / Văn bản số
  "TELEGRAM", // Công điện
  "LAW", // Luật / Bộ luật
  "ORDINANCE", // Pháp lệnh
  "MINUTES", // Biên bản
  "OTHER",
] as const;

/** What a Vietnamese reader calls each document type (tên loại văn bản); labels and the explorer read it. */
export const DOCUMENT_TYPE_NAMES: Readonly<Record<(typeof DOCUMENT_TYPES)[number], string>> = {
  RESOLUTION: "Nghị quyết",
  DECREE: "Nghị định",
  DECISION: "Quyết định",
  DIRECTIVE: "Chỉ thị",
  CONCLUSION: "Kết luận",
  REGULATION: "Quy định",
  RULES: "Quy chế",
  CIRCULAR: "Thông tư",
  JOINT_CIRCULAR: "Thông tư liên tịch",
  PARTY_CIRCULAR: "Thông tri",
  GUIDANCE: "Hướng dẫn",
  NOTICE: "Thông báo",
  PROGRAMME: "Chương trình",
  PLAN: "Kế hoạch",
  SCHEME: "Đề án",
  STRATEGY: "Chiến lược",
  PROJECT: "Dự án",
  REPORT: "Báo cáo",
  SUBMISSION: "Tờ trình",
  OFFICIAL_LETTER: "Công văn",
  TELEGRAM: "Công điện",
  LAW: "Luật",
  ORDINANCE: "Pháp lệnh",
  MINUTES: "Biên bản",
  OTHER: "Văn bản",
};

export const DOCUMENT_RELATION_KINDS = [
  "IMPLEMENTS", // thực hiện, triển khai thực hiện, cụ thể hóa
  "CONTINUES", // tiếp tục thực hiện
  "AMENDS", // sửa đổi, bổ sung
  "REPLACES", // thay thế
  "REPEALS", // bãi bỏ
  "GUIDES", // hướng dẫn, quy định chi tiết
  "BASED_ON", // Căn cứ
  "PROPOSED_BY", // Theo đề nghị … tại Tờ trình
  "REPORTS_ON", // báo cáo kết quả thực hiện
  "RESPONDS_TO", // Thực hiện Công văn số … (a report answering a request)
  "ISSUED_WITH", // ban hành kèm theo; phê duyệt
  "CITES", // a mention with no stronger relation
] as const;

export const ORGANISATION_TIERS = [
  "CENTRAL_PARTY",
  "CENTRAL_STATE",
  "PROVINCIAL_PARTY",
  "PROVINCIAL_STATE",
  "DEPARTMENT",
  "UNIT",
] as const;

export const TASK_STATUSES = [
  "COMPLETED_ON_TIME", // hoàn thành đúng hạn
  "COMPLETED_LATE", // hoàn thành quá hạn
  "IN_PROGRESS_ON_TIME", // đang thực hiện trong hạn
  "OVERDUE", // quá hạn chưa hoàn thành
  "NOT_STARTED",
  "UNKNOWN",
] as const;
