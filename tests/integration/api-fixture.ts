// A small graph written by hand after docs/graph-model.md: the seed's chain 36-NQ/TW → 71-CTr/TU →
// 243/KH-UBND → task → actions, with the traps a real graph has — a task that also cites the
// directive directly, a result document that implements the plan, a cycle, same-symbol documents of
// two provinces, a task with no lead.
import { fold } from "../../src/extract/normalise.ts";
import type { GraphConnection } from "../../src/graph/connection.ts";

const SOURCE = "/fixture/bao-cao.txt";

interface Doc {
  key: string;
  symbol: string;
  type: string;
  system: string;
  issuer: string;
  issuedOn: string;
  title: string;
  jurisdiction: string;
  tier: string;
  held?: boolean;
}

const docs: Record<string, Doc> = {
  d36: {
    key: "party|national|36-NQ/TW|2023",
    symbol: "36-NQ/TW",
    type: "RESOLUTION",
    system: "PARTY",
    issuer: "Bộ Chính trị",
    issuedOn: "2023-01-30",
    title:
      "về phát triển và ứng dụng công nghệ sinh học phục vụ phát triển bền vững đất nước trong tình hình mới",
    jurisdiction: "national",
    tier: "CENTRAL_PARTY",
  },
  d71: {
    key: "party|quang-tri|71-CTr/TU|2023",
    symbol: "71-CTr/TU",
    type: "PROGRAMME",
    system: "PARTY",
    issuer: "Ban Thường vụ Tỉnh ủy Quảng Trị",
    issuedOn: "2023-08-24",
    title: "thực hiện Nghị quyết số 36-NQ/TW",
    jurisdiction: "quang-tri",
    tier: "PROVINCIAL_PARTY",
  },
  d243: {
    key: "state-admin|quang-tri|243/KH-UBND|2023",
    symbol: "243/KH-UBND",
    type: "PLAN",
    system: "STATE_ADMINISTRATIVE",
    issuer: "UBND tỉnh Quảng Trị",
    issuedOn: "2023-12-18",
    title: "thực hiện Chương trình hành động số 71-CTr/TU",
    jurisdiction: "quang-tri",
    tier: "PROVINCIAL_STATE",
  },
  d43: {
    key: "state-admin|quang-tri|43/KH-SKHCN|2024",
    symbol: "43/KH-SKHCN",
    type: "PLAN",
    system: "STATE_ADMINISTRATIVE",
    issuer: "Sở Khoa học và Công nghệ",
    issuedOn: "2024-02-22",
    title: "thực hiện Kế hoạch số 243/KH-UBND",
    jurisdiction: "quang-tri",
    tier: "DEPARTMENT",
  },
  d20: {
    key: "party|national|20-NQ/TW|2012",
    symbol: "20-NQ/TW",
    type: "RESOLUTION",
    system: "PARTY",
    issuer: "Ban Chấp hành Trung ương",
    issuedOn: "2012-11-01",
    title: "về phát triển khoa học và công nghệ phục vụ sự nghiệp công nghiệp hóa",
    jurisdiction: "national",
    tier: "CENTRAL_PARTY",
  },
  hdnd: {
    key: "state-norm|quang-tri|36/2024/NQ-HĐND|2024",
    symbol: "36/2024/NQ-HĐND",
    type: "RESOLUTION",
    system: "STATE_NORMATIVE",
    issuer: "HĐND tỉnh Quảng Trị",
    issuedOn: "2024-05-10",
    title: "Sửa đổi, bổ sung một số điều của Nghị quyết 163/2021/NQ-HĐND",
    jurisdiction: "quang-tri",
    tier: "PROVINCIAL_STATE",
  },
  kh97qt: {
    key: "state-admin|quang-tri|97/KH-UBND|2024",
    symbol: "97/KH-UBND",
    type: "PLAN",
    system: "STATE_ADMINISTRATIVE",
    issuer: "UBND tỉnh Quảng Trị",
    issuedOn: "2024-05-06",
    title: "Triển khai Chiến lược khoa học",
    jurisdiction: "quang-tri",
    tier: "PROVINCIAL_STATE",
  },
  kh97hn: {
    key: "state-admin|ha-noi|97/KH-UBND|2024",
    symbol: "97/KH-UBND",
    type: "PLAN",
    system: "STATE_ADMINISTRATIVE",
    issuer: "UBND thành phố Hà Nội",
    issuedOn: "2024-04-02",
    title: "Kế hoạch về chuyển đổi số",
    jurisdiction: "ha-noi",
    tier: "PROVINCIAL_STATE",
  },
  report: {
    key: "state-admin|quang-tri|120/BC-SKHCN|2024",
    symbol: "120/BC-SKHCN",
    type: "REPORT",
    system: "STATE_ADMINISTRATIVE",
    issuer: "Sở Khoa học và Công nghệ",
    issuedOn: "2024-06-20",
    title: "Báo cáo kết quả 6 tháng đầu năm 2024",
    jurisdiction: "quang-tri",
    tier: "DEPARTMENT",
    held: true,
  },
  cycA: {
    key: "state-admin|test|1/KH-A|2024",
    symbol: "1/KH-A",
    type: "PLAN",
    system: "STATE_ADMINISTRATIVE",
    issuer: "A",
    issuedOn: "2024-01-01",
    title: "vòng A",
    jurisdiction: "test",
    tier: "PROVINCIAL_STATE",
  },
  cycB: {
    key: "state-admin|test|2/KH-B|2024",
    symbol: "2/KH-B",
    type: "PLAN",
    system: "STATE_ADMINISTRATIVE",
    issuer: "B",
    issuedOn: "2024-01-02",
    title: "vòng B",
    jurisdiction: "test",
    tier: "DEPARTMENT",
  },
};

export const AZOTOBACTER =
  "Phân lập, tuyển chọn các chủng vi sinh vật thuộc chi Azotobacter sp. có khả năng cố định đạm";

const actions = [
  AZOTOBACTER,
  "Lưu giữ, duy trì và chọn tạo các giống hoa, cây dược liệu bằng nuôi cấy mô",
  "Ứng dụng kỹ thuật sinh học phân tử (ELISA) để xác định hàm lượng chất cấm",
  "Chẩn đoán một số bệnh phổ biến trên tôm nuôi bằng kỹ thuật sinh học phân tử",
  "Khảo sát nhu cầu sử dụng chế phẩm vi sinh tại một số địa phương",
  "Lập kế hoạch sản xuất hơn 28 tấn chế phẩm trong năm 2024",
];

export const KEYS = {
  ...Object.fromEntries(Object.entries(docs).map(([k, d]) => [k, d.key])),
  task74: "task|fixture|74",
  task75: "task|fixture|75",
  task76: "task|fixture|76",
  skhcn: "org:quang-tri:skhcn",
  ubnd: "org:quang-tri:ubnd",
  source: SOURCE,
  actions: actions.map((_, i) => `action|fixture|74-${i + 1}`),
} as unknown as Record<string, string> & { actions: string[] };

const labelOf = (d: Doc) => `${d.symbol} của ${d.issuer}`;

export async function writeFixture(graph: GraphConnection): Promise<void> {
  const prov = {
    source: SOURCE,
    start: 0,
    end: 10,
    quote: "thực hiện",
    confidence: 0.9,
    extractorVersion: "fixture",
    cue: "thực hiện",
  };
  const rows = Object.values(docs).map((d) => ({
    ...d,
    held: d.held ?? false,
    label: labelOf(d),
    symbolFolded: fold(d.symbol),
    titleFolded: fold(d.title),
    issuerFolded: fold(d.issuer),
    year: Number(d.issuedOn.slice(0, 4)),
  }));
  await graph.write(async (tx) => {
    await tx.run(
      "CREATE (:Source {key: $key, name: 'bao-cao.txt', path: $key, sha256: 'abc', format: 'txt'})",
      { key: SOURCE },
    );
    await tx.run("UNWIND $rows AS r CREATE (d:Document) SET d = r", { rows });
    await tx.run(
      `MATCH (s:Source {key: $source}), (d:Document {key: $d36})
       CREATE (s)-[:MENTIONS {start: 100, end: 140, quote: 'Nghị quyết số 36-NQ/TW ngày 30/01/2023', confidence: 1.0, extractorVersion: 'fixture'}]->(d)`,
      { source: SOURCE, d36: docs.d36?.key },
    );
    const rel = async (from: string, type: string, to: string) =>
      tx.run(`MATCH (a {key: $from}), (b {key: $to}) CREATE (a)-[r:${type}]->(b) SET r = $prov`, {
        from,
        to,
        prov,
      });
    await rel(KEYS.d71 as string, "IMPLEMENTS", KEYS.d36 as string);
    await rel(KEYS.d243 as string, "IMPLEMENTS", KEYS.d71 as string);
    await rel(KEYS.d43 as string, "IMPLEMENTS", KEYS.d243 as string);
    await rel(KEYS.hdnd as string, "AMENDS", KEYS.d20 as string);
    await rel(KEYS.cycA as string, "IMPLEMENTS", KEYS.cycB as string);
    await rel(KEYS.cycB as string, "IMPLEMENTS", KEYS.cycA as string);
    await tx.run(
      `CREATE (:Organisation {key: $skhcn, name: 'Sở Khoa học và Công nghệ', nameFolded: 'so khoa hoc va cong nghe', aliases: ['Sở KH&CN'], aliasesFolded: 'so kh&cn', code: 'SKHCN', tier: 'DEPARTMENT', jurisdiction: 'quang-tri', registered: true})
       CREATE (:Organisation {key: $ubnd, name: 'Ủy ban nhân dân tỉnh Quảng Trị', nameFolded: 'uy ban nhan dan tinh quang tri', aliases: ['UBND tỉnh'], code: 'UBND', tier: 'PROVINCIAL_STATE', jurisdiction: 'quang-tri', registered: true})`,
      { skhcn: KEYS.skhcn, ubnd: KEYS.ubnd },
    );
    await rel(KEYS.d243 as string, "ISSUED_BY", KEYS.ubnd as string);
    await rel(KEYS.d43 as string, "ISSUED_BY", KEYS.skhcn as string);
    const tasks = [
      {
        key: KEYS.task74,
        ref: "Nhiệm vụ số 74",
        content:
          "Thực hiện Kế hoạch của UBND tỉnh triển khai Chương trình hành động số 71-CTr/TU về công nghệ sinh học",
        tier: "DEPARTMENT",
        deadlineText: "Năm 2024",
        deadlineFrom: "2024-01-01",
        deadlineTo: "2024-12-31",
        recurring: false,
      },
      {
        key: KEYS.task75,
        ref: "Nhiệm vụ số 75",
        content: "Rà soát cơ chế hỗ trợ doanh nghiệp",
        tier: null,
        deadlineText: "Quý I/2024",
        deadlineFrom: "2024-01-01",
        deadlineTo: "2024-03-31",
        recurring: false,
      },
      {
        key: KEYS.task76,
        ref: "Nhiệm vụ số 76",
        content: "Chỉ đạo các huyện triển khai",
        tier: "PROVINCIAL_STATE",
        deadlineText: "Thường xuyên",
        deadlineFrom: null,
        deadlineTo: null,
        recurring: true,
      },
    ].map((t) => ({ ...t, label: t.content, contentFolded: fold(t.content) }));
    await tx.run("UNWIND $tasks AS t CREATE (n:Task) SET n = t", { tasks });
    for (const t of [KEYS.task74, KEYS.task75, KEYS.task76]) {
      await rel(t as string, "IMPLEMENTS", KEYS.d243 as string);
      await rel(t as string, "PART_OF", KEYS.report as string);
    }
    await rel(KEYS.task74 as string, "IMPLEMENTS", KEYS.d36 as string); // the shortcut a task's wording gives
    await rel(KEYS.task74 as string, "RESULTED_IN", KEYS.d43 as string);
    await rel(KEYS.skhcn as string, "LEAD", KEYS.task74 as string);
    await rel(KEYS.ubnd as string, "LEAD", KEYS.task76 as string);
    await tx.run(
      `MATCH (t:Task {key: $task}), (r:Document {key: $report})
       CREATE (t)-[:HAS_STATUS]->(:StatusReport {key: $task + '|r', value: 'IN_PROGRESS_ON_TIME', reportedOn: '2024-06-20', reportedBy: $report})`,
      { task: KEYS.task74, report: KEYS.report },
    );
    const actionRows = actions.map((text, i) => ({
      key: KEYS.actions[i],
      text,
      label: text,
      textFolded: fold(text),
      actor: "Sở Khoa học và Công nghệ",
      tier: "DEPARTMENT",
    }));
    await tx.run("UNWIND $rows AS a CREATE (n:Action) SET n = a", { rows: actionRows });
    for (const key of KEYS.actions) {
      await rel(key, "SERVES", KEYS.task74 as string);
      await rel(key, "PERFORMED_BY", KEYS.skhcn as string);
    }
    await tx.run(
      "CREATE (:Action {key: 'action|fixture|76-1', text: 'Huyện Cam Lộ tổ chức tập huấn', label: 'Huyện Cam Lộ tổ chức tập huấn', tier: 'UNIT'})",
    );
    await rel("action|fixture|76-1", "SERVES", KEYS.task76 as string);
    await tx.run(
      `MATCH (d:Document {key: $report})
       CREATE (:Finding {key: 'finding|fixture|1', kind: 'TOTALS_MISMATCH', severity: 'ERROR', messageVi: 'Tổng số không khớp', messageEn: 'Totals do not add up', evidence: '[{"start":1,"end":5,"text":"144"}]'})-[:FOUND_IN]->(d)`,
      { report: KEYS.report },
    );
  });
}
