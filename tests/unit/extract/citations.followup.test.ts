// Follow-up on the citation pass: titles (trích yếu) of cited documents, issuers resolved to the
// organisation registry (issuerKey), and two-line headers (parent agency above the issuing unit).
// Synthetic documents come from several provinces and a ministry, so nothing here leans on the seed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractCitations } from "../../../src/extract/citations/index.ts";
import { fold } from "../../../src/extract/normalise.ts";
import type { Citation } from "../../../src/extract/types.ts";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const seed = extractCitations(
  readFileSync(path.join(repoRoot, "seeds/quang-tri-skhcn-bao-cao-6-thang-2024.txt"), "utf8"),
);

function cited(r: { citations: Citation[] }, symbol: string): Citation {
  const c = r.citations.find((x) => x.symbol === symbol);
  if (!c) throw new Error(`${symbol} not cited`);
  return c;
}

const header = (lines: string[], body: string) => `${lines.join("\n")}\n\n${body}\n`;

describe("titles of cited documents", () => {
  it("reads the title after 'về' and stores it without the connector (seed)", () => {
    expect(cited(seed, "36-NQ/TW").title).toBe(
      "phát triển và ứng dụng công nghệ sinh học phục vụ phát triển bền vững đất nước trong tình hình mới",
    );
  });

  it("ranks 36-NQ/TW first for a folded title search on 'cong nghe sinh hoc'", () => {
    const hits = seed.citations.filter((c) => c.title && fold(c.title).includes("cong nghe sinh hoc"));
    expect(hits.map((c) => c.symbol)).toEqual(["36-NQ/TW"]);
  });

  it("reads a quoted title up to its closing quote, not the clause after it", () => {
    expect(cited(seed, "20-NQ/TW").title).toBe(
      "phát triển KH&CN phục vụ sự nghiệp công nghiệp hóa, hiện đại hóa trong điều kiện kinh tế thị trường định hướng xã hội chủ nghĩa và hội nhập quốc tế",
    );
  });

  it("reads a capitalised title written straight after the date", () => {
    expect(cited(seed, "97/KH-UBND").title).toBe(
      "Triển khai thực hiện Chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo đến năm 2030 trên địa bàn tỉnh Quảng Trị",
    );
  });

  it("never lets a title swallow the next citation", () => {
    // "Kết luận số 69-KL/TW … về tiếp tục thực hiện Nghị quyết số 20-NQ/TW …": only a cue is left.
    expect(cited(seed, "69-KL/TW").title).toBeNull();
    // Named documents are described by what they implement; numbered ones' titles stop before it.
    for (const c of seed.citations.filter((x) => x.symbol !== null))
      expect(c.title ?? "").not.toMatch(/\d+\s*[-/]\s*[A-ZĐ]+[-/]/u);
  });

  it("ends a title at the main clause ', Sở … báo cáo như sau'", () => {
    expect(cited(seed, "2489/UBND-TH").title).toBe(
      "xây dựng báo cáo kiểm điểm công tác chỉ đạo, điều hành của UBND tỉnh 6 tháng đầu năm 2024",
    );
  });

  it("keeps the longest title any mention gives", () => {
    const r = extractCitations(
      "Thực hiện Kế hoạch số 21/KH-UBND ngày 03/02/2024 của UBND tỉnh Bình Định về chuyển đổi số.\n" +
        "Kế hoạch số 21/KH-UBND ngày 03/02/2024 về chuyển đổi số trong cơ quan nhà nước tỉnh Bình Định năm 2024; các sở đã triển khai.\n",
    );
    expect(cited(r, "21/KH-UBND").title).toBe("chuyển đổi số trong cơ quan nhà nước tỉnh Bình Định năm 2024");
  });

  it("reads Party prose: comma before the date, '(khóa XIII) về', an alias in brackets", () => {
    const r = extractCitations(
      "Thực hiện Nghị quyết số 57-NQ/TW, ngày 22-12-2024 của Bộ Chính trị (khóa XIII) về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia (sau đây gọi tắt là Nghị quyết 57), Ban Thường vụ Tỉnh ủy Bình Định ban hành Kế hoạch thực hiện như sau:\n",
    );
    expect(cited(r, "57-NQ/TW").title).toBe(
      "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    );
  });

  it("reads 'về việc' and a decision's verb title, each to the end of its item", () => {
    const r = extractCitations(
      "Căn cứ Quyết định số 1131/QĐ-UBND ngày 15/6/2023 của UBND tỉnh Lâm Đồng về việc phê duyệt Đề án phát triển du lịch nông nghiệp giai đoạn 2023 - 2030;\n" +
        "Căn cứ Quyết định số 220/QĐ-UBND ngày 02/02/2024 phê duyệt danh mục nhiệm vụ khoa học và công nghệ cấp tỉnh năm 2024;\n",
    );
    expect(cited(r, "1131/QĐ-UBND").title).toBe(
      "phê duyệt Đề án phát triển du lịch nông nghiệp giai đoạn 2023 - 2030",
    );
    expect(cited(r, "220/QĐ-UBND").title).toBe(
      "phê duyệt danh mục nhiệm vụ khoa học và công nghệ cấp tỉnh năm 2024",
    );
  });

  it("reads quoted titles (curly or straight, with 'Về việc'), an unread issuer and 'V/v'", () => {
    const r = extractCitations(
      "Thực hiện Chỉ thị số 05-CT/TU ngày 12/3/2021 của Ban Thường vụ Tỉnh ủy Đắk Lắk về “Tăng cường sự lãnh đạo của Đảng đối với công tác bảo vệ rừng”, các cấp ủy đã quán triệt.\n" +
        'Theo Kế hoạch số 45/KH-UBND ngày 1/2/2024 của UBND tỉnh Gia Lai "Về việc triển khai công tác cải cách hành chính năm 2024" thì các sở phải báo cáo.\n' +
        "Nghị quyết số 29-NQ/TW ngày 17/11/2022 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045.\n" +
        "Thực hiện Công văn số 1234/UBND-VX ngày 5/6/2024 của UBND tỉnh Gia Lai V/v tăng cường phòng chống dịch sốt xuất huyết; Sở Y tế đề nghị các đơn vị triển khai.\n",
    );
    expect(cited(r, "05-CT/TU").title).toBe("Tăng cường sự lãnh đạo của Đảng đối với công tác bảo vệ rừng");
    expect(cited(r, "05-CT/TU").issuerKey).toBe("org:dak-lak:btvtu");
    expect(cited(r, "45/KH-UBND").title).toBe("triển khai công tác cải cách hành chính năm 2024");
    expect(cited(r, "29-NQ/TW").title).toBe(
      "tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045",
    );
    // "V/v" is not part of the place: "UBND tỉnh Gia Lai", resolved.
    expect(cited(r, "1234/UBND-VX").issuer).toBe("UBND tỉnh Gia Lai");
    expect(cited(r, "1234/UBND-VX").issuerKey).toBe("org:gia-lai:ubnd");
    expect(cited(r, "1234/UBND-VX").title).toBe("tăng cường phòng chống dịch sốt xuất huyết");
  });

  it("leaves 'trên địa bàn tỉnh X' to the clause when the cited document is national", () => {
    const r = extractCitations(
      "Triển khai Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ về bảo vệ dữ liệu cá nhân trên địa bàn tỉnh Hà Tĩnh, Sở Thông tin và Truyền thông đã tổ chức hội nghị.\n",
    );
    expect(cited(r, "13/2023/NĐ-CP").title).toBe("bảo vệ dữ liệu cá nhân");
  });

  it("gives no title when none is written, or when only a cue precedes the next citation", () => {
    const r = extractCitations(
      "Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2024 của UBND tỉnh Hà Tĩnh và Kế hoạch số 30/KH-UBND ngày 10/02/2024 của UBND tỉnh Hà Tĩnh về triển khai Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ; Công văn số 77/UBND-VX ngày 3/3/2024 vệ sinh an toàn thực phẩm.\n",
    );
    expect(cited(r, "12/KH-UBND").title).toBeNull();
    expect(cited(r, "30/KH-UBND").title).toBeNull();
    expect(cited(r, "01/NQ-CP").title).toBeNull();
    // "vệ sinh" folds like "về sinh" but is no title connector (and is lower case, no title verb).
    expect(cited(r, "77/UBND-VX").title).toBeNull();
  });
});

describe("issuers resolved to the registry", () => {
  it("resolves the seed's issuers in Quảng Trị in 2024", () => {
    expect(seed.document.issuerKey).toBe("org:quang-tri:skhcn");
    expect(cited(seed, "36-NQ/TW").issuerKey).toBe("org:national:bct");
    expect(cited(seed, "243/KH-UBND").issuerKey).toBe("org:quang-tri:ubnd");
    expect(cited(seed, "71-CTr/TU").issuerKey).toBe("org:quang-tri:btvtu");
    expect(cited(seed, "43/KH-SKHCN").issuerKey).toBe("org:quang-tri:skhcn");
    expect(cited(seed, "569/QĐ-TTg").issuerKey).toBe("org:national:ttg");
    // The canonical name stays as it was.
    expect(cited(seed, "243/KH-UBND").issuer).toBe("UBND tỉnh Quảng Trị");
  });

  it("places 'UBND tỉnh' in the citing document's province", () => {
    const r = extractCitations(
      header(
        [
          "UBND TỈNH NGHỆ AN",
          "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
          "Số: 112/KH-SKHCN",
          "",
          "Nghệ An, ngày 12 tháng 3 năm 2024",
        ],
        "Căn cứ Quyết định số 12/QĐ-UBND ngày 05/01/2024 của UBND tỉnh về việc giao chỉ tiêu kế hoạch năm 2024;",
      ),
    );
    expect(r.document.issuerKey).toBe("org:nghe-an:skhcn");
    expect(cited(r, "12/QĐ-UBND").issuerKey).toBe("org:nghe-an:ubnd");
  });

  it("picks the body as it was when the cited document was issued (2025 merger)", () => {
    const r = extractCitations(
      header(
        [
          "UBND TỈNH QUẢNG TRỊ",
          "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
          "Số: 15/BC-SKHCN",
          "",
          "Quảng Trị, ngày 20 tháng 9 năm 2025",
        ],
        "Thực hiện Kế hoạch số 50/KH-UBND ngày 10/8/2025 của UBND tỉnh về chuyển đổi số và Kế hoạch số 3690/KH-UBND ngày 14/08/2019 của UBND tỉnh về hỗ trợ khởi nghiệp, Sở báo cáo như sau:",
      ),
    );
    expect(r.document.issuerKey).toBe("org:quang-tri@2025:skhcn");
    expect(cited(r, "50/KH-UBND").issuerKey).toBe("org:quang-tri@2025:ubnd");
    expect(cited(r, "3690/KH-UBND").issuerKey).toBe("org:quang-tri:ubnd");
  });

  it("leaves issuerKey null for a body the registry does not know", () => {
    const r = extractCitations(
      header(
        ["BỘ Y TẾ", "CỤC QUẢN LÝ DƯỢC", "Số: 1234/QLD-ĐK", "", "Hà Nội, ngày 20 tháng 5 năm 2024"],
        "Thực hiện Thông tư số 08/2022/TT-BYT ngày 05/9/2022 của Bộ Y tế quy định việc đăng ký lưu hành thuốc, Cục Quản lý Dược hướng dẫn như sau:",
      ),
    );
    expect(r.document.issuerKey).toBeNull();
    expect(cited(r, "08/2022/TT-BYT").issuerKey).toBe("org:national:byt");
    expect(cited(r, "08/2022/TT-BYT").title).toBe("quy định việc đăng ký lưu hành thuốc");
  });
});

describe("two-line headers: the lower line issues, the upper line is its parent", () => {
  const cases: { name: string; text: string; issuer: string; key: string | null; jurisdiction: string }[] = [
    {
      name: "department under a provincial People's Committee",
      text: header(
        [
          "UBND TỈNH NGHỆ AN",
          "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
          "Số: 112/KH-SKHCN",
          "",
          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "Độc lập - Tự do - Hạnh phúc",
          "",
          "Nghệ An, ngày 12 tháng 3 năm 2024",
        ],
        "KẾ HOẠCH\nTriển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
      ),
      issuer: "Sở Khoa học và Công nghệ tỉnh Nghệ An",
      key: "org:nghe-an:skhcn",
      jurisdiction: "nghe-an",
    },
    {
      name: "board of a provincial Party committee",
      text: header(
        [
          "TỈNH ỦY THANH HÓA",
          "BAN TUYÊN GIÁO",
          "*",
          "Số 45-KH/BTGTU",
          "",
          "ĐẢNG CỘNG SẢN VIỆT NAM",
          "Thanh Hóa, ngày 5 tháng 4 năm 2023",
        ],
        "KẾ HOẠCH\nTuyên truyền Nghị quyết số 36-NQ/TW",
      ),
      issuer: "Ban Tuyên giáo Tỉnh ủy Thanh Hoá",
      key: "org:thanh-hoa:btgtu",
      jurisdiction: "thanh-hoa",
    },
    {
      name: "Party committee under its Party organisation",
      text: header(
        [
          "ĐẢNG BỘ TỈNH BẮC NINH",
          "TỈNH ỦY BẮC NINH",
          "Số 98-NQ/TU",
          "",
          "ĐẢNG CỘNG SẢN VIỆT NAM",
          "Bắc Ninh, ngày 15 tháng 8 năm 2023",
        ],
        "NGHỊ QUYẾT\nvề phát triển khoa học công nghệ",
      ),
      issuer: "Tỉnh ủy Bắc Ninh",
      key: "org:bac-ninh:tu",
      jurisdiction: "bac-ninh",
    },
    {
      name: "department of a ministry",
      text: header(
        ["BỘ Y TẾ", "CỤC QUẢN LÝ DƯỢC", "Số: 1234/QLD-ĐK", "", "Hà Nội, ngày 20 tháng 5 năm 2024"],
        "V/v hướng dẫn thực hiện Thông tư số 08/2022/TT-BYT",
      ),
      issuer: "Cục Quản lý dược Bộ Y tế",
      key: null,
      jurisdiction: "national",
    },
    {
      name: "Markdown table, two columns on one line",
      text: header(
        [
          "| UBND TỈNH ĐỒNG NAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
          "|---|---|",
          "| **SỞ Y TẾ** | **Độc lập - Tự do - Hạnh phúc** |",
          "| Số: 77/BC-SYT | Đồng Nai, ngày 02 tháng 7 năm 2024 |",
        ],
        "**BÁO CÁO**\n\n**Kết quả thực hiện Kế hoạch số 45/KH-UBND ngày 01/02/2024 của UBND tỉnh**",
      ),
      issuer: "Sở Y tế tỉnh Đồng Nai",
      key: "org:dong-nai:syt",
      jurisdiction: "dong-nai",
    },
    {
      name: "plain text, two columns separated by spaces, a centrally governed city",
      text: header(
        [
          "UBND THÀNH PHỐ HÀ NỘI        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "SỞ TÀI CHÍNH        Độc lập - Tự do - Hạnh phúc",
          "Số: 310/STC-NS        Hà Nội, ngày 02 tháng 7 năm 2024",
        ],
        "V/v thực hiện Công văn số 1500/UBND-KT",
      ),
      issuer: "Sở Tài chính thành phố Hà Nội",
      key: "org:ha-noi:stc",
      jurisdiction: "ha-noi",
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = extractCitations(c.text);
      expect(r.document.issuer).toBe(c.issuer);
      expect(r.document.issuerKey).toBe(c.key);
      expect(r.document.jurisdiction).toBe(c.jurisdiction);
    });
  }

  it("reads the header title under a heading even when it starts in lower case, without 'về'", () => {
    const r = extractCitations(cases[2]?.text ?? "");
    expect(r.document.title).toBe("phát triển khoa học công nghệ");
  });
});
