// Central documents: Party resolutions and conclusions (số-NQ/TW, số-KL/TW), the Government's action
// programmes (số/NQ-CP), the Prime Minister's strategy decisions (số/QĐ-TTg) and normative decrees
// (số/năm/NĐ-CP). They are the roots every province implements.
import { Composer, type Doc, type Format } from "./compose.ts";
import { bold, header, heading, signature } from "./layout.ts";
import type { Rng } from "./prng.ts";
import type { TruthRecord } from "./truth.ts";
import { CENTRAL_PARTY_ISSUERS, type Topic } from "./vocabulary.ts";
import {
  ADMIN,
  addDays,
  makeDoc,
  NORMATIVE,
  type Numbering,
  PARTY,
  pad,
  partyTerm,
  type Root,
  randomDate,
} from "./world.ts";

export interface WrittenFile {
  path: string;
  text: string;
  truth: TruthRecord;
}

/** Joins the parts of a document and records its truth under its path. */
export function finish(c: Composer, path: string, parts: string[]): WrittenFile {
  let text = `${parts.join("\n\n")}\n`;
  // Some files arrive decomposed (NFD), as text copied from certain PDF and Mac tools does.
  if (c.style.roll("nfd")) text = text.normalize("NFD");
  return { path, text, truth: c.record(path) };
}

export interface NationalYear {
  roots: Root[];
  /** Prime Minister's decisions approving strategies, implemented by provincial plans. */
  strategies: { doc: Doc; topic: Topic }[];
  decree: Doc;
  files: WrittenFile[];
}

const CENTRAL = "national";

function partyRoot(rng: Rng, numbers: Numbering, year: number, topic: Topic): Doc {
  const conclusion = rng.chance(0.3);
  const issuer = conclusion ? "Bộ Chính trị" : rng.pick(CENTRAL_PARTY_ISSUERS);
  const code = conclusion ? "KL" : "NQ";
  const number = numbers.take(`national/${code}/TW/${partyTerm(year)}`, [1, 9]);
  const date = randomDate(rng, year, 1, 5);
  let parent: Root["doc"]["parent"] = null;
  if (conclusion) {
    // A conclusion continues an older resolution, known here only because it is cited.
    const oldYear = rng.int(2008, 2019);
    const old = makeDoc({
      symbol: `${rng.int(5, 60)}-NQ/TW`,
      jurisdiction: CENTRAL,
      date: randomDate(rng, oldYear, 1, 12),
      typeCode: "NQ",
      typeWord: "Nghị quyết",
      system: PARTY,
      issuer: "Ban Chấp hành Trung ương Đảng",
      issuerPhrases: ["Ban Chấp hành Trung ương Đảng", "BCH Trung ương Đảng", "Hội nghị Trung ương"],
      about: `về ${topic.about}`,
      title: null,
    });
    parent = { doc: old, kind: "CONTINUES" };
  }
  return makeDoc({
    symbol: `${number}-${code}/TW`,
    jurisdiction: CENTRAL,
    date,
    typeCode: code,
    typeWord: conclusion ? "Kết luận" : "Nghị quyết",
    system: PARTY,
    issuer,
    issuerPhrases: issuer === "Ban Chấp hành Trung ương Đảng" ? [issuer, "BCH Trung ương Đảng"] : [issuer],
    about: `về ${topic.about}`,
    title: conclusion ? `Về tiếp tục thực hiện nghị quyết về ${topic.about}` : `Về ${topic.about}`,
    parent,
  });
}

function writeRoot(rng: Rng, root: Doc, topic: Topic, format: Format): WrittenFile {
  const c = new Composer(root, rng.fork("text"), format);
  const f = format;
  const parts: string[] = [];
  let subject = root.title ?? "";
  if (root.parent) {
    subject = `Về tiếp tục thực hiện ${c.cite(root.parent.doc, { about: true, allowBreak: false })}`;
    c.relate(root, "CONTINUES", root.parent.doc);
  }
  parts.push(
    header(c, {
      organ: ["BAN CHẤP HÀNH TRUNG ƯƠNG"],
      party: true,
      place: "Hà Nội",
      typeTitle: root.type === "CONCLUSION" ? "KẾT LUẬN" : "NGHỊ QUYẾT",
      subject,
    }),
  );
  parts.push(heading(f, 3, "I. TÌNH HÌNH VÀ NGUYÊN NHÂN"));
  parts.push(
    `Sau hơn ${rng.int(5, 12)} năm triển khai, công tác ${topic.field} đã đạt được nhiều kết quả quan trọng; ${rng.int(50, 63)}/63 tỉnh, thành phố đã ban hành chương trình, kế hoạch thực hiện. Tuy nhiên, việc thực hiện ở một số nơi còn hình thức, nguồn lực đầu tư giai đoạn 2021-2025 còn hạn chế.`,
  );
  parts.push(heading(f, 3, "II. QUAN ĐIỂM, MỤC TIÊU"));
  parts.push(
    `Đến năm 2030, ${topic.field} trở thành động lực quan trọng của phát triển kinh tế - xã hội; phấn đấu tỷ lệ đóng góp đạt trên ${rng.int(10, 40)}%.`,
  );
  parts.push(heading(f, 3, "III. NHIỆM VỤ, GIẢI PHÁP"));
  for (let i = 0; i < 4; i++)
    parts.push(`- Tập trung lãnh đạo, chỉ đạo, nâng cao nhận thức về ${topic.field}.`);
  parts.push(heading(f, 3, "IV. TỔ CHỨC THỰC HIỆN"));
  parts.push(
    `1. Các tỉnh ủy, thành ủy, ban cán sự đảng, đảng đoàn tổ chức nghiên cứu, quán triệt, xây dựng chương trình hành động thực hiện ${root.type === "CONCLUSION" ? "Kết luận" : "Nghị quyết"} này.`,
  );
  parts.push(
    `2. Đảng ủy Chính phủ lãnh đạo, chỉ đạo xây dựng Chương trình hành động của Chính phủ; định kỳ sơ kết, báo cáo ${root.issuer}.`,
  );
  parts.push(signature(f, ["T/M BỘ CHÍNH TRỊ", "TỔNG BÍ THƯ"]));
  return finish(
    c,
    `national/${root.year}/tw-${root.type === "CONCLUSION" ? "kl" : "nq"}-${root.symbol.split("-")[0]}.${format}`,
    parts,
  );
}

function writeProgramme(rng: Rng, doc: Doc, root: Doc, topic: Topic, format: Format): WrittenFile {
  const c = new Composer(doc, rng.fork("text"), format);
  const f = format;
  const parts: string[] = [];
  const subject = `Ban hành Chương trình hành động của Chính phủ thực hiện ${c.cite(root, { about: true, allowBreak: false })}`;
  c.relate(doc, "IMPLEMENTS", root);
  parts.push(
    header(c, { organ: ["CHÍNH PHỦ"], party: false, place: "Hà Nội", typeTitle: "NGHỊ QUYẾT", subject }),
  );
  parts.push(heading(f, 1, "CHÍNH PHỦ"));
  parts.push("Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;");
  parts.push(`Căn cứ ${c.cite(root, { about: true })};`);
  c.relate(doc, "BASED_ON", root);
  parts.push("Theo đề nghị của Bộ trưởng Bộ Khoa học và Công nghệ;");
  parts.push(heading(f, 1, "QUYẾT NGHỊ:"));
  parts.push(
    `${bold(f, "Điều 1.")} Ban hành kèm theo Nghị quyết này Chương trình hành động của Chính phủ thực hiện ${c.cite(root, { full: false })}.`,
  );
  parts.push(`${bold(f, "Điều 2.")} Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.`);
  parts.push(
    `${bold(f, "Điều 3.")} Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành Nghị quyết này; xây dựng kế hoạch thực hiện các nhiệm vụ về ${topic.field}.`,
  );
  parts.push(signature(f, ["TM. CHÍNH PHỦ", "THỦ TƯỚNG"]));
  return finish(c, `national/${doc.year}/cp-nq-${doc.symbol.split("/")[0]}.${format}`, parts);
}

function writeStrategy(rng: Rng, doc: Doc, topic: Topic, format: Format): WrittenFile {
  const c = new Composer(doc, rng.fork("text"), format);
  const f = format;
  const parts: string[] = [];
  parts.push(
    header(c, {
      organ: ["THỦ TƯỚNG CHÍNH PHỦ"],
      party: false,
      place: "Hà Nội",
      typeTitle: "QUYẾT ĐỊNH",
      subject: doc.title ?? "",
    }),
  );
  parts.push(heading(f, 1, "THỦ TƯỚNG CHÍNH PHỦ"));
  parts.push("Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;");
  parts.push(heading(f, 1, "QUYẾT ĐỊNH:"));
  parts.push(
    `${bold(f, "Điều 1.")} Phê duyệt Chiến lược phát triển ${topic.field} đến năm 2030 với các mục tiêu: đến năm 2030 có ${rng.int(30, 70)}% số tỉnh, thành phố có mô hình điểm; ${rng.int(10, 40)}/34 địa phương ban hành cơ chế đặc thù.`,
  );
  parts.push(`${bold(f, "Điều 2.")} Quyết định này có hiệu lực kể từ ngày ký ban hành.`);
  parts.push(signature(f, ["KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG"]));
  return finish(c, `national/${doc.year}/ttg-qd-${doc.symbol.split("/")[0]}.${format}`, parts);
}

function writeDecree(rng: Rng, doc: Doc, format: Format): WrittenFile {
  const c = new Composer(doc, rng.fork("text"), format);
  const f = format;
  const amended = doc.parent?.doc as Doc;
  const subject = `Sửa đổi, bổ sung một số điều của ${c.cite(amended, { about: true, allowBreak: false })}`;
  c.relate(doc, "AMENDS", amended);
  const parts = [
    header(c, { organ: ["CHÍNH PHỦ"], party: false, place: "Hà Nội", typeTitle: "NGHỊ ĐỊNH", subject }),
    "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
    `Chính phủ ban hành Nghị định sửa đổi, bổ sung một số điều của ${c.cite(amended, { full: false })}.`,
    `${bold(f, "Điều 1.")} Sửa đổi khoản ${rng.int(1, 5)} Điều ${rng.int(2, 20)} như sau: mức hỗ trợ tối đa ${rng.int(100, 900)}.000.000 đồng/dự án.`,
    `${bold(f, "Điều 2.")} Nghị định này có hiệu lực từ ngày ${addDays(doc.date, 45).split("-").reverse().join("/")}.`,
    signature(f, ["TM. CHÍNH PHỦ", "THỦ TƯỚNG"]),
  ];
  return finish(c, `national/${doc.year}/cp-nd-${doc.symbol.split("/")[0]}.${format}`, parts);
}

export interface NationalScale {
  partyRoots: number;
  strategies: number;
}

export function nationalYear(
  rng: Rng,
  numbers: Numbering,
  year: number,
  topics: Topic[],
  scale: NationalScale,
): NationalYear {
  const format = (): Format => (rng.chance(0.5) ? "md" : "txt");
  const roots: Root[] = [];
  const files: WrittenFile[] = [];
  for (let i = 0; i < scale.partyRoots; i++) {
    const topic = topics[i % topics.length] as Topic;
    const doc = partyRoot(rng, numbers, year, topic);
    files.push(writeRoot(rng.fork(doc.id), doc, topic, format()));
    let programme: Doc | null = null;
    if (doc.type === "RESOLUTION") {
      programme = makeDoc({
        symbol: `${pad(numbers.take(`national/NQ-CP/${year}`, [2, 30]))}/NQ-CP`,
        jurisdiction: CENTRAL,
        date: addDays(doc.date, rng.int(20, 60)),
        typeCode: "NQ",
        typeWord: "Nghị quyết",
        system: ADMIN,
        issuer: "Chính phủ",
        issuerPhrases: ["Chính phủ"],
        about: `ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết ${doc.symbol}`,
        title: `Ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số ${doc.symbol}`,
        parent: { doc, kind: "IMPLEMENTS" },
      });
      files.push(writeProgramme(rng.fork(programme.id), programme, doc, topic, format()));
    }
    roots.push({ doc, topic, programme });
  }
  const strategies: NationalYear["strategies"] = [];
  for (let i = 0; i < scale.strategies; i++) {
    const topic = topics[(scale.partyRoots + i) % topics.length] as Topic;
    const doc = makeDoc({
      symbol: `${pad(numbers.take(`national/QĐ-TTg/${year}`, [20, 200]))}/QĐ-TTg`,
      jurisdiction: CENTRAL,
      date: randomDate(rng, year, 1, 6),
      typeCode: "QĐ",
      typeWord: "Quyết định",
      system: ADMIN,
      issuer: "Thủ tướng Chính phủ",
      issuerPhrases: ["Thủ tướng Chính phủ", "Thủ tướng"],
      about: `phê duyệt Chiến lược phát triển ${topic.field} đến năm 2030`,
      title: `Phê duyệt Chiến lược phát triển ${topic.field} đến năm 2030`,
    });
    files.push(writeStrategy(rng.fork(doc.id), doc, topic, format()));
    strategies.push({ doc, topic });
  }
  const oldYear = year - rng.int(2, 5);
  const old = makeDoc({
    symbol: `${pad(rng.int(10, 150))}/${oldYear}/NĐ-CP`,
    jurisdiction: CENTRAL,
    date: randomDate(rng, oldYear, 1, 12),
    typeCode: "NĐ",
    typeWord: "Nghị định",
    system: NORMATIVE,
    issuer: "Chính phủ",
    issuerPhrases: ["Chính phủ"],
    about: "quy định cơ chế hỗ trợ phát triển khoa học và công nghệ",
    title: null,
  });
  const decree = makeDoc({
    symbol: `${pad(numbers.take(`national/NĐ-CP/${year}`, [5, 40]))}/${year}/NĐ-CP`,
    jurisdiction: CENTRAL,
    date: randomDate(rng, year, 2, 10),
    typeCode: "NĐ",
    typeWord: "Nghị định",
    system: NORMATIVE,
    issuer: "Chính phủ",
    issuerPhrases: ["Chính phủ"],
    about: `sửa đổi, bổ sung một số điều của Nghị định số ${old.symbol}`,
    title: `Sửa đổi, bổ sung một số điều của Nghị định số ${old.symbol}`,
    parent: { doc: old, kind: "AMENDS" },
  });
  files.push(writeDecree(rng.fork(decree.id), decree, format()));
  return { roots, strategies, decree, files };
}
