// One province's year: the Party committee's action programmes (số-CTr/TU), the People's Committee's
// plans and decisions (số/KH-UBND, số/QĐ-UBND), the People's Council's normative resolution
// (số/năm/NQ-HĐND), each department's plans (số/KH-S…) and the periodic reports that answer the
// committee's requests (số/UBND-TH) with status tables — the lineage a national directive grows into.
import { Composer, type Doc, type Format } from "./compose.ts";
import { bold, header, heading, signature, table } from "./layout.ts";
import { finish, type NationalYear, type WrittenFile } from "./national.ts";
import type { Rng } from "./prng.ts";
import { isoParts } from "./render.ts";
import { defaultCooperating, type PlannedTask, planTasks, statusOn, taskTable, type Unit } from "./tasks.ts";
import type { TruthStatistics } from "./truth.ts";
import { type Department, departmentsAt, type Province, type Topic } from "./vocabulary.ts";
import {
  ADMIN,
  addDays,
  bodies,
  clampDate,
  department,
  hdnd,
  type Issuer,
  makeDoc,
  NORMATIVE,
  type Numbering,
  PARTY,
  type ProvinceBodies,
  pad,
  partyTerm,
  placeName,
  randomDate,
  standingCommittee,
  ubnd,
} from "./world.ts";

export interface ProvinceScale {
  departmentsPerPlan: number;
  programmeTasks: [number, number];
  provincialTasks: [number, number];
  departmentTasks: [number, number];
  workProgrammeTasks: [number, number];
}

const DEPARTMENT_UNITS = [
  "Văn phòng Sở",
  "Phòng Kế hoạch - Tài chính",
  "Thanh tra Sở",
  "Phòng Quản lý chuyên ngành",
  "Trung tâm Thông tin và Ứng dụng",
];

interface Ctx {
  rng: Rng;
  numbers: Numbering;
  b: ProvinceBodies;
  year: number;
  files: WrittenFile[];
}

const fmt = (rng: Rng): Format => (rng.chance(0.55) ? "md" : "txt");
const slugCode = (code: string): string =>
  code
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/Đ/g, "D")
    .toLowerCase();

function organ(b: ProvinceBodies, issuer: Issuer): string[] {
  const place = `${b.level.toUpperCase()} ${b.province.name.toUpperCase()}`;
  if (issuer.code === "UBND") return ["ỦY BAN NHÂN DÂN", place];
  if (issuer.code === "HĐND") return ["HỘI ĐỒNG NHÂN DÂN", place];
  if (issuer.code === "TU") return [`ĐẢNG BỘ ${place}`, b.committee.toUpperCase()];
  return [`UBND ${place}`, issuer.canonical.replace(/ (tỉnh|thành phố) .*$/, "").toUpperCase()];
}

function docFor(
  ctx: Ctx,
  issuer: Issuer,
  typeCode: string,
  typeWord: string,
  date: string,
  extra: Partial<Doc>,
): Doc {
  const { b, numbers } = ctx;
  const year = Number(date.slice(0, 4));
  const party = issuer.code === "TU";
  const series = party
    ? `${b.province.slug}/${typeCode}/TU/${partyTerm(year)}`
    : `${b.province.slug}/${issuer.code}/${typeCode}/${year}`;
  const n = numbers.take(series, party ? [1, 6] : [2, 25]);
  const symbol = party ? `${n}-${typeCode}/TU` : `${pad(n)}/${typeCode}-${issuer.code}`;
  return makeDoc({
    symbol,
    jurisdiction: b.province.slug,
    date,
    typeCode,
    typeWord,
    system: party ? PARTY : ADMIN,
    issuer: issuer.canonical,
    issuerPhrases: issuer.phrases,
    about: extra.about ?? "",
    title: extra.title ?? null,
    parent: extra.parent ?? null,
  });
}

function path(ctx: Ctx, issuer: Issuer, doc: Doc, format: Format): string {
  const number = doc.symbol.split(/[-/]/)[0];
  const type = doc.symbol.split(/[-/]/)[1] ?? "vb";
  return `${ctx.b.province.slug}/${ctx.year}/${slugCode(issuer.code)}/${slugCode(type)}-${number}.${format}`;
}

function recipients(c: Composer, b: ProvinceBodies): string {
  // "TTr" here is Thường trực (standing office), not Tờ trình: a false friend for citation parsers.
  const lines = [`- TTr ${b.committee}, TTr HĐND ${b.level};`, "- Các sở, ban, ngành;", "- Lưu: VT."];
  return `${bold(c.format, "Nơi nhận:")}\n${lines.join("\n")}`;
}

function partyLeads(b: ProvinceBodies, rng: Rng): () => Unit {
  const bodiesList: Unit[] = [
    {
      name: `Ban cán sự đảng UBND ${b.level}`,
      written: [`Ban cán sự đảng UBND ${b.level}`, "BCS đảng UBND"],
    },
    { name: `Đảng đoàn HĐND ${b.level}`, written: [`Đảng đoàn HĐND ${b.level}`] },
    { name: `Ban Tuyên giáo ${b.committee}`, written: [`Ban Tuyên giáo ${b.committee}`] },
    { name: `Ban Tổ chức ${b.committee}`, written: [`Ban Tổ chức ${b.committee}`] },
  ];
  return () => rng.pick(bodiesList);
}

function departmentUnit(dep: Department): Unit {
  return { name: dep.canonical, written: [dep.name, ...dep.aliases] };
}

/** Party action programme (số-CTr/TU) implementing a national resolution or conclusion. */
function actionProgramme(ctx: Ctx, root: Doc, topic: Topic, scale: ProvinceScale): Doc {
  const { rng, b } = ctx;
  const issuer = standingCommittee(b);
  const date = clampDate(addDays(root.date, rng.int(30, 90)), `${ctx.year}-09-30`);
  const doc = docFor(ctx, issuer, "CTr", "Chương trình hành động", date, {
    about: `thực hiện ${root.typeWord} số ${root.symbol}`,
    title: `Thực hiện ${root.typeWord} số ${root.symbol}`,
    parent: { doc: root, kind: "IMPLEMENTS" },
  });
  const r = rng.fork(doc.id);
  const format = fmt(r);
  const c = new Composer(doc, r.fork("text"), format);
  c.relate(doc, "IMPLEMENTS", root);
  const subject = `Thực hiện ${c.cite(root, { chain: 1, about: true, allowBreak: false })}`;
  const parts = [
    header(c, {
      organ: organ(b, issuer),
      party: true,
      place: placeName(b.province),
      typeTitle: "CHƯƠNG TRÌNH HÀNH ĐỘNG",
      subject,
    }),
    `Thực hiện ${c.cite(root)}, Ban Thường vụ ${b.committee} ban hành Chương trình hành động thực hiện như sau:`,
    heading(format, 3, "I. MỤC TIÊU"),
    `Quán triệt sâu sắc, cụ thể hóa các quan điểm, mục tiêu về ${topic.field}; phấn đấu đến năm 2030 ${r.int(60, 100)}% cơ quan, đơn vị triển khai thực hiện.`,
    heading(format, 3, "II. NHIỆM VỤ, GIẢI PHÁP"),
  ];
  const tasks = planTasks(
    r,
    topic,
    date,
    r.int(...scale.programmeTasks),
    partyLeads(b, r),
    defaultCooperating(r),
  );
  parts.push(taskTable(c, tasks, doc.id, [root.id]).text);
  parts.push(heading(format, 3, "III. TỔ CHỨC THỰC HIỆN"));
  parts.push(
    `Ban cán sự đảng UBND ${b.level} lãnh đạo xây dựng kế hoạch thực hiện Chương trình hành động này; định kỳ hằng năm báo cáo Ban Thường vụ ${b.committee}.`,
  );
  parts.push(recipients(c, b), signature(format, [`T/M BAN THƯỜNG VỤ`, "PHÓ BÍ THƯ"]));
  ctx.files.push(finish(c, path(ctx, issuer, doc, format), parts));
  return doc;
}

interface ProvincialPlan {
  doc: Doc;
  topic: Topic;
  tasks: PlannedTask[];
  leads: Department[];
}

/** People's Committee plan (số/KH-UBND) implementing a Party programme or a PM strategy. */
function provincialPlan(
  ctx: Ctx,
  parent: Doc,
  topic: Topic,
  basis: Doc[],
  scale: ProvinceScale,
): ProvincialPlan {
  const { rng, b } = ctx;
  const issuer = ubnd(b);
  const date = clampDate(addDays(parent.date, rng.int(15, 45)), `${ctx.year}-10-31`);
  const doc = docFor(ctx, issuer, "KH", "Kế hoạch", date, {
    about: `thực hiện ${parent.typeWord} số ${parent.symbol}`,
    title: `Thực hiện ${parent.typeWord} số ${parent.symbol}`,
    parent: { doc: parent, kind: "IMPLEMENTS" },
  });
  const r = rng.fork(doc.id);
  const format = fmt(r);
  const c = new Composer(doc, r.fork("text"), format);
  c.relate(doc, "IMPLEMENTS", parent);
  const verb = r.pick(["Thực hiện", "Triển khai thực hiện"]);
  let subject = `${verb} ${c.cite(parent, { chain: r.int(0, 1), about: true, allowBreak: false })}`;
  if (r.chance(0.1)) {
    subject = subject.toUpperCase();
    c.style.counts.titleUpperCase = (c.style.counts.titleUpperCase ?? 0) + 1;
  }
  const parts = [
    header(c, {
      organ: organ(b, issuer),
      party: false,
      place: placeName(b.province),
      typeTitle: "KẾ HOẠCH",
      subject,
    }),
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
  ];
  for (const basisDoc of basis) {
    parts.push(`Căn cứ ${c.cite(basisDoc, { about: true })};`);
    c.relate(doc, "BASED_ON", basisDoc);
  }
  parts.push(
    `Thực hiện ${c.cite(parent, { chain: 1, about: true })}, Ủy ban nhân dân ${b.level} ban hành Kế hoạch thực hiện như sau:`,
    heading(format, 3, "I. MỤC ĐÍCH, YÊU CẦU"),
    `1. Cụ thể hóa các nhiệm vụ về ${topic.field} phù hợp với điều kiện của địa phương; phấn đấu đến năm 2030 ${r.int(20, 63)}/${r.int(63, 120)} xã, phường có mô hình điểm.`,
    "2. Xác định rõ nhiệm vụ, thời hạn và trách nhiệm của các cơ quan, đơn vị.",
    heading(format, 3, "II. NHIỆM VỤ CỤ THỂ"),
    "(Chi tiết tại Phụ lục kèm theo)",
    heading(format, 3, "III. TỔ CHỨC THỰC HIỆN"),
  );
  const departments = departmentsAt(b.province.slug, date);
  const leads = r.sample(
    [
      ...departments.filter((d) => topic.leads.includes(d.code)),
      ...r.sample(
        departments.filter((d) => !topic.leads.includes(d.code)),
        departments.length,
      ),
    ].slice(0, Math.max(scale.departmentsPerPlan, topic.leads.length)),
    scale.departmentsPerPlan,
  );
  const units = leads.map(departmentUnit);
  let next = 0;
  const tasks = planTasks(
    r,
    topic,
    date,
    r.int(...scale.provincialTasks),
    () => units[next++ % units.length] as Unit,
    defaultCooperating(r),
  );
  parts.push(
    `1. Các sở, ban, ngành được giao chủ trì nhiệm vụ xây dựng kế hoạch của đơn vị, tổ chức thực hiện; định kỳ 6 tháng, hằng năm báo cáo kết quả về Sở ${leads[0]?.name.replace(/^Sở /, "") ?? "Nội vụ"} trước ngày 15/6 và 15/12 để tổng hợp.`,
    "2. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời phản ánh về Ủy ban nhân dân để xem xét, điều chỉnh.",
    recipients(c, b),
    signature(format, ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
    bold(format, "PHỤ LỤC: DANH MỤC NHIỆM VỤ"),
    // The plan refers to itself here; that is not a citation of another document.
    `(Kèm theo Kế hoạch số ${doc.symbol} ${`ngày ${isoParts(date)[2]}/${isoParts(date)[1]}/${ctx.year}`} của UBND ${b.level})`,
  );
  parts.push(taskTable(c, tasks, doc.id, [parent.id]).text);
  ctx.files.push(finish(c, path(ctx, issuer, doc, format), parts));
  return { doc, topic, tasks, leads };
}

/** A department's plan (số/KH-S…) implementing the committee's plan. */
function departmentPlan(ctx: Ctx, plan: ProvincialPlan, dep: Department, scale: ProvinceScale) {
  const { rng, b } = ctx;
  const issuer = department(dep);
  const date = clampDate(addDays(plan.doc.date, rng.int(7, 30)), `${ctx.year}-11-30`);
  const doc = docFor(ctx, issuer, "KH", "Kế hoạch", date, {
    about: `thực hiện Kế hoạch số ${plan.doc.symbol}`,
    title: `Thực hiện Kế hoạch số ${plan.doc.symbol}`,
    parent: { doc: plan.doc, kind: "IMPLEMENTS" },
  });
  const r = rng.fork(doc.id);
  const format = fmt(r);
  const c = new Composer(doc, r.fork("text"), format);
  c.relate(doc, "IMPLEMENTS", plan.doc);
  const subject = `Thực hiện ${c.cite(plan.doc, { chain: r.int(0, 2), about: true, allowBreak: false })}`;
  const units: Unit[] = DEPARTMENT_UNITS.map((u) => ({ name: u, written: [u] }));
  const tasks = planTasks(
    r,
    plan.topic,
    date,
    r.int(...scale.departmentTasks),
    () => r.pick(units),
    () => (r.chance(0.6) ? [r.pick(DEPARTMENT_UNITS)] : []),
  );
  const parts = [
    header(c, {
      organ: organ(b, issuer),
      party: false,
      place: placeName(b.province),
      typeTitle: "KẾ HOẠCH",
      subject,
    }),
    `Thực hiện ${c.cite(plan.doc, { chain: 1 })}, ${dep.name} xây dựng Kế hoạch triển khai thực hiện như sau:`,
    heading(format, 3, "I. MỤC ĐÍCH, YÊU CẦU"),
    `Triển khai kịp thời, hiệu quả các nhiệm vụ được giao về ${plan.topic.field}; bảo đảm 100% nhiệm vụ có đơn vị chủ trì và thời hạn hoàn thành.`,
    heading(format, 3, "II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN"),
  ];
  parts.push(taskTable(c, tasks, doc.id, [plan.doc.id]).text);
  parts.push(
    heading(format, 3, "III. TỔ CHỨC THỰC HIỆN"),
    `Văn phòng Sở theo dõi, đôn đốc, tổng hợp kết quả, báo cáo UBND ${b.level} theo quy định.`,
    recipients(c, b),
    signature(format, ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
  );
  ctx.files.push(finish(c, path(ctx, issuer, doc, format), parts));
  return { doc, tasks, dep, parent: plan };
}

interface Period {
  name: string;
  request: Doc;
  reportFrom: string;
  reportTo: string;
}

/** A department's periodic report on its plan, answering the committee's request. */
function departmentReport(ctx: Ctx, plan: ReturnType<typeof departmentPlan>, period: Period) {
  const { rng, b } = ctx;
  const issuer = department(plan.dep);
  const date = randomDate(
    rng,
    ctx.year,
    Number(period.reportFrom.slice(5, 7)),
    Number(period.reportTo.slice(5, 7)),
  );
  const doc = docFor(ctx, issuer, "BC", "Báo cáo", date, {
    about: `kết quả thực hiện Kế hoạch số ${plan.doc.symbol} ${period.name}`,
    title: `Kết quả thực hiện Kế hoạch số ${plan.doc.symbol} ${period.name}`,
  });
  const r = rng.fork(doc.id);
  const format = fmt(r);
  const c = new Composer(doc, r.fork("text"), format);
  c.relate(doc, "REPORTS_ON", plan.doc);
  c.relate(doc, "RESPONDS_TO", period.request);
  const subject = `Kết quả thực hiện ${c.cite(plan.doc, { allowBreak: false })} ${period.name}`;
  const parts = [
    header(c, {
      organ: organ(b, issuer),
      party: false,
      place: placeName(b.province),
      typeTitle: "BÁO CÁO",
      subject,
    }),
    `${r.pick(["Thực hiện", "Thực hiện yêu cầu tại"])} ${c.cite(period.request, { about: true })}, ${plan.dep.name} báo cáo kết quả thực hiện ${c.cite(plan.doc, { chain: 1 })} như sau:`,
    heading(format, 3, "I. KẾT QUẢ THỰC HIỆN"),
    `1. Công tác chỉ đạo, điều hành: ${plan.dep.name} đã tổ chức ${pad(r.int(1, 9))} hội nghị quán triệt với hơn ${r.int(50, 400)} lượt cán bộ tham dự; ${r.int(10, 99)}/${r.int(100, 120)} xã, phường đã triển khai (số liệu đến T${Number(date.slice(5, 7)) - 1}/${ctx.year}).`,
    `2. Kinh phí thực hiện ${period.name}: ${r.int(1, 20)}.${r.int(100, 999)} triệu đồng, đạt ${r.int(40, 100)}% kế hoạch.`,
    "3. Kết quả thực hiện các nhiệm vụ:",
  ];
  const table = taskTable(c, plan.tasks, plan.doc.id, [plan.parent.doc.id], date);
  const s = table.statuses;
  const completed = s.filter((x) => x === "COMPLETED_ON_TIME" || x === "COMPLETED_LATE").length;
  const stats: TruthStatistics = {
    assigned: s.length,
    completed,
    completedLate: s.filter((x) => x === "COMPLETED_LATE").length,
    notCompleted: s.length - completed,
    overdue: s.filter((x) => x === "OVERDUE").length,
    inconsistent: r.chance(0.03),
  };
  const writtenCompleted = stats.inconsistent ? stats.completed + r.int(1, 5) : stats.completed;
  c.statistics.push(stats);
  parts.push(
    `*Tổng số nhiệm vụ được giao: ${stats.assigned}; Tổng số nhiệm vụ hoàn thành: ${writtenCompleted} (trong đó hoàn thành quá hạn: ${stats.completedLate}); Tổng số nhiệm vụ chưa hoàn thành: ${stats.notCompleted} (trong đó quá hạn: ${stats.overdue}).*`,
    table.text,
    heading(format, 3, "II. KHÓ KHĂN, VƯỚNG MẮC"),
    "Nguồn kinh phí bố trí còn hạn chế; một số nhiệm vụ có nội dung rộng, khó lượng hóa kết quả.",
    heading(format, 3, "III. ĐỀ XUẤT, KIẾN NGHỊ"),
    `Đề nghị UBND ${b.level} quan tâm bố trí kinh phí thực hiện các nhiệm vụ năm ${ctx.year + 1}.`,
    recipients(c, b),
    signature(format, ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
  );
  ctx.files.push(finish(c, path(ctx, issuer, doc, format), parts));
}

/** The committee's decision (số/QĐ-UBND) issuing its annual work programme, with numbered tasks. */
function workProgramme(ctx: Ctx, topic: Topic, scale: ProvinceScale): void {
  const { rng, b } = ctx;
  const issuer = ubnd(b);
  const date = randomDate(rng, ctx.year, 1, 1);
  const doc = docFor(ctx, issuer, "QĐ", "Quyết định", date, {
    about: `ban hành Chương trình công tác trọng tâm năm ${ctx.year}`,
    title: `Ban hành Chương trình công tác trọng tâm năm ${ctx.year} của UBND ${b.level}`,
  });
  const r = rng.fork(doc.id);
  const format = fmt(r);
  const c = new Composer(doc, r.fork("text"), format);
  const units = departmentsAt(b.province.slug, date).map(departmentUnit);
  const tasks = planTasks(
    r,
    topic,
    date,
    r.int(...scale.workProgrammeTasks),
    () => r.pick(units),
    defaultCooperating(r),
  );
  const parts = [
    header(c, {
      organ: organ(b, issuer),
      party: false,
      place: placeName(b.province),
      typeTitle: "QUYẾT ĐỊNH",
      subject: doc.title ?? "",
    }),
    heading(format, 1, `ỦY BAN NHÂN DÂN ${b.level.toUpperCase()} ${b.province.name.toUpperCase()}`),
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    `Xét đề nghị của Chánh Văn phòng UBND ${b.level}.`,
    heading(format, 1, "QUYẾT ĐỊNH:"),
    `${bold(format, "Điều 1.")} Ban hành kèm theo Quyết định này Chương trình công tác trọng tâm năm ${ctx.year} của UBND ${b.level}.`,
    `${bold(format, "Điều 2.")} Quyết định này có hiệu lực kể từ ngày ký.`,
    signature(format, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
  ];
  parts.push(taskTable(c, tasks, doc.id, []).text);
  ctx.files.push(finish(c, path(ctx, issuer, doc, format), parts));
}

/** The People's Council's normative resolution (số/năm/NQ-HĐND) amending an earlier one. */
function councilResolution(ctx: Ctx, topic: Topic): void {
  const { rng, b, numbers } = ctx;
  const issuer = hdnd(b);
  const oldYear = ctx.year - rng.int(1, 3);
  const old = makeDoc({
    symbol: `${pad(rng.int(5, 180))}/${oldYear}/NQ-HĐND`,
    jurisdiction: b.province.slug,
    date: randomDate(rng, oldYear, 7, 12),
    typeCode: "NQ",
    typeWord: "Nghị quyết",
    system: NORMATIVE,
    issuer: issuer.canonical,
    issuerPhrases: issuer.phrases,
    about: `quy định chính sách hỗ trợ ${topic.field}`,
    title: null,
  });
  const date = randomDate(rng, ctx.year, 7, 12);
  const n = numbers.take(`${b.province.slug}/NQ-HĐND/${ctx.year}`, [1, 8]);
  const doc = makeDoc({
    symbol: `${pad(n)}/${ctx.year}/NQ-HĐND`,
    jurisdiction: b.province.slug,
    date,
    typeCode: "NQ",
    typeWord: "Nghị quyết",
    system: NORMATIVE,
    issuer: issuer.canonical,
    issuerPhrases: issuer.phrases,
    about: `sửa đổi, bổ sung một số điều của Nghị quyết số ${old.symbol}`,
    title: `Sửa đổi, bổ sung một số điều của Nghị quyết số ${old.symbol}`,
    parent: { doc: old, kind: "AMENDS" },
  });
  const r = rng.fork(doc.id);
  const format = fmt(r);
  const c = new Composer(doc, r.fork("text"), format);
  c.relate(doc, "AMENDS", old);
  const subject = `Sửa đổi, bổ sung một số điều của ${c.cite(old, { about: true, allowBreak: false })}`;
  const parts = [
    header(c, {
      organ: organ(b, issuer),
      party: false,
      place: placeName(b.province),
      typeTitle: "NGHỊ QUYẾT",
      subject,
    }),
    heading(format, 1, `HỘI ĐỒNG NHÂN DÂN ${b.level.toUpperCase()} ${b.province.name.toUpperCase()}`),
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025;",
    `Xét Tờ trình của Ủy ban nhân dân ${b.level}; Báo cáo thẩm tra của Ban Kinh tế - Ngân sách.`,
    heading(format, 1, "QUYẾT NGHỊ:"),
    `${bold(format, "Điều 1.")} Sửa đổi, bổ sung một số điều của ${c.cite(old, { full: false })}: mức hỗ trợ tối đa ${r.int(100, 900)} triệu đồng/nhiệm vụ.`,
    `${bold(format, "Điều 2.")} Nghị quyết này có hiệu lực từ ngày 01 tháng ${r.int(1, 12)} năm ${ctx.year + 1}.`,
    signature(format, ["CHỦ TỊCH"]),
  ];
  ctx.files.push(finish(c, path(ctx, issuer, doc, format), parts));
}

/** The committee's annual report on one of its plans, with per-department statistics. */
function provincialReport(ctx: Ctx, plan: ProvincialPlan, request: Doc, reportOn: string): void {
  const { rng, b } = ctx;
  const issuer = ubnd(b);
  const doc = docFor(ctx, issuer, "BC", "Báo cáo", reportOn, {
    about: `kết quả thực hiện Kế hoạch số ${plan.doc.symbol} năm ${ctx.year}`,
    title: `Kết quả thực hiện Kế hoạch số ${plan.doc.symbol} năm ${ctx.year}`,
  });
  const r = rng.fork(doc.id);
  const format = fmt(r);
  const c = new Composer(doc, r.fork("text"), format);
  c.relate(doc, "REPORTS_ON", plan.doc);
  const subject = `Kết quả thực hiện ${c.cite(plan.doc, { allowBreak: false })} năm ${ctx.year}`;
  const rows = plan.leads.map((dep, i) => {
    const own = plan.tasks.filter((t) => t.lead.name === dep.canonical);
    const st = own.map((t) => statusOn(t, reportOn));
    const done = st.filter((x) => x === "COMPLETED_ON_TIME" || x === "COMPLETED_LATE").length;
    return {
      cells: [
        String(i + 1),
        dep.name,
        String(own.length),
        String(done),
        String(st.filter((x) => x === "OVERDUE").length),
      ],
    };
  });
  const parts = [
    header(c, {
      organ: organ(b, issuer),
      party: false,
      place: placeName(b.province),
      typeTitle: "BÁO CÁO",
      subject,
    }),
    `Thực hiện ${c.cite(request, { about: true })}; trên cơ sở báo cáo của các sở, ban, ngành, UBND ${b.level} báo cáo kết quả thực hiện ${c.cite(plan.doc, { chain: 1, about: true })} như sau:`,
    heading(format, 3, "I. KẾT QUẢ THỰC HIỆN"),
    table(format, ["STT", "Đơn vị chủ trì", "Số nhiệm vụ được giao", "Đã hoàn thành", "Quá hạn"], rows),
    heading(format, 3, "II. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI"),
    `Tiếp tục triển khai các nhiệm vụ về ${plan.topic.field}; đôn đốc hoàn thành các nhiệm vụ quá hạn trong Quý I/${ctx.year + 1}.`,
    recipients(c, b),
    signature(format, ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
  ];
  c.relate(doc, "RESPONDS_TO", request);
  ctx.files.push(finish(c, path(ctx, issuer, doc, format), parts));
}

/** A committee request for reports (số/UBND-TH): cited by reports, not itself generated. */
function request(ctx: Ctx, name: string, from: string, to: string): Doc {
  const { rng, b, numbers } = ctx;
  const date = randomDate(rng, ctx.year, Number(from.slice(5, 7)), Number(to.slice(5, 7)));
  const unit = rng.pick(["TH", "KT", "VX"]);
  const n = numbers.take(`${b.province.slug}/UBND/CV/${ctx.year}`, [40, 400]);
  const issuer = ubnd(b);
  return makeDoc({
    symbol: `${pad(n)}/UBND-${unit}`,
    jurisdiction: b.province.slug,
    date,
    typeCode: "CV",
    typeWord: rng.chance(0.5) ? "Công văn" : "Văn bản",
    system: ADMIN,
    issuer: issuer.canonical,
    issuerPhrases: issuer.phrases,
    about: `về việc xây dựng báo cáo ${name}`,
    title: null,
  });
}

export function provinceYear(
  rng: Rng,
  numbers: Numbering,
  province: Province,
  year: number,
  national: NationalYear,
  scale: ProvinceScale,
): WrittenFile[] {
  const ctx: Ctx = { rng, numbers, b: bodies(province), year, files: [] };
  const firstTopic = national.roots[0]?.topic ?? (national.strategies[0]?.topic as Topic);
  workProgramme(ctx, firstTopic, scale);
  councilResolution(ctx, firstTopic);
  const periods: Period[] = [
    {
      name: `6 tháng đầu năm ${year}`,
      request: request(ctx, "6 tháng", `${year}-05`, `${year}-05`),
      reportFrom: `${year}-06`,
      reportTo: `${year}-06`,
    },
    {
      name: `9 tháng năm ${year}`,
      request: request(ctx, "9 tháng", `${year}-08`, `${year}-08`),
      reportFrom: `${year}-09`,
      reportTo: `${year}-09`,
    },
    {
      name: `năm ${year}`,
      request: request(ctx, "năm", `${year}-11`, `${year}-11`),
      reportFrom: `${year}-12`,
      reportTo: `${year}-12`,
    },
  ];
  const plans: ProvincialPlan[] = [];
  for (const root of national.roots) {
    const programme = actionProgramme(ctx, root.doc, root.topic, scale);
    const basis = [root.programme, rng.chance(0.3) ? national.decree : null].filter(
      (d): d is Doc => d !== null,
    );
    plans.push(provincialPlan(ctx, programme, root.topic, basis, scale));
  }
  for (const s of national.strategies) plans.push(provincialPlan(ctx, s.doc, s.topic, [], scale));
  const annual = periods[2] as Period;
  for (const plan of plans) {
    for (const dep of plan.leads) {
      const dp = departmentPlan(ctx, plan, dep, scale);
      for (const period of periods) if (dp.doc.date < period.request.date) departmentReport(ctx, dp, period);
    }
    provincialReport(ctx, plan, annual.request, randomDate(rng, year, 12, 12));
  }
  return ctx.files;
}
