import { describe, expect, it } from "vitest";
import { extractObligations } from "../../../src/extract/obligations/index.ts";
import {
  canonicalCode,
  provinceUnits,
  registryOrganisation,
  registryOrganisations,
  resolveOrganisation,
  slugify,
  successorAt,
} from "../../../src/extract/organisations/index.ts";
import type { CitationExtraction } from "../../../src/extract/types.ts";

function cites(jurisdiction: string, date: string, issuer: string | null = null): CitationExtraction {
  return {
    document: {
      key: `untitled|${jurisdiction}|report:test|${date.slice(0, 4)}`,
      symbol: null,
      type: "REPORT",
      system: "UNKNOWN",
      issuer,
      issuerKey: null,
      date,
      title: null,
      jurisdiction,
    },
    citations: [],
    relations: [],
    warnings: [],
  };
}

describe("organisation registry", () => {
  it("has the 63 provincial units before 1 July 2025 and the 34 after", () => {
    const units = provinceUnits();
    const before = units.filter((u) => u.validFrom === null);
    const after = units.filter((u) => u.validTo === null);
    expect(before).toHaveLength(63);
    expect(after).toHaveLength(34);
    // Every pre-2025 unit is either still in force or succeeded by a post-2025 unit.
    for (const u of before) {
      if (u.validTo === null) continue;
      expect(units.some((x) => x.key === u.successor)).toBe(true);
    }
  });

  it("generates every province body from the template, each with a source", () => {
    const all = registryOrganisations();
    const keys = new Set(all.map((o) => o.key));
    expect(keys.size).toBe(all.length);
    for (const u of provinceUnits()) {
      expect(keys.has(`org:${u.key}:ubnd`)).toBe(true);
      expect(keys.has(`org:${u.key}:hdnd`)).toBe(true);
      expect(keys.has(`org:${u.key}:tu`)).toBe(true);
    }
    for (const o of all) {
      expect(o.source.length).toBeGreaterThan(5);
      if (o.parent !== null) expect(keys.has(o.parent)).toBe(true);
      if (o.successor !== null) expect(keys.has(o.successor)).toBe(true);
    }
  });

  it("keys provinces by the folded, hyphenated name the citations pass uses", () => {
    expect(slugify("Quảng Trị")).toBe("quang-tri");
    expect(slugify("Bà Rịa - Vũng Tàu")).toBe("ba-ria-vung-tau");
    expect(slugify("Đắk Lắk")).toBe("dak-lak");
  });

  it("records the 2025 ministry mergers as successions", () => {
    expect(registryOrganisation("org:national:btttt")?.successor).toBe("org:national:bkhcn");
    expect(registryOrganisation("org:national:bnnptnt")?.successor).toBe("org:national:bnnmt");
    expect(registryOrganisation("org:national:btnmt")?.successor).toBe("org:national:bnnmt");
    expect(registryOrganisation("org:national:bkhdt")?.successor).toBe("org:national:btc");
    expect(registryOrganisation("org:national:bgtvt")?.successor).toBe("org:national:bxd");
    expect(successorAt("org:national:btttt", "2025-06-01")?.name).toBe("Bộ Khoa học và Công nghệ");
  });
});

describe("resolution in context", () => {
  it("reads the same 'UBND tỉnh' as different bodies in different provinces", () => {
    const a = resolveOrganisation("UBND tỉnh", { jurisdiction: "quang-tri", date: "2024-06" });
    const b = resolveOrganisation("UBND tỉnh", { jurisdiction: "ha-noi", date: "2024-06" });
    const c = resolveOrganisation("Ủy ban nhân dân tỉnh", { jurisdiction: "lao-cai", date: "2023-01-10" });
    expect(a.key).toBe("org:quang-tri:ubnd");
    expect(b.key).toBe("org:ha-noi:ubnd");
    expect(c.key).toBe("org:lao-cai:ubnd");
    expect(new Set([a.key, b.key, c.key]).size).toBe(3);
  });

  it("does so inside whole documents: the lead 'UBND tỉnh' of a task table", () => {
    const table =
      "STT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tThời hạn\n1\tXây dựng kế hoạch chuyển đổi số\tUBND tỉnh\t6/2024\n";
    const x = extractObligations(table, cites("nghe-an", "2024-03-01"));
    const y = extractObligations(table, cites("ca-mau", "2024-03-01"));
    expect(x.tasks[0]?.leadKeys).toEqual(["org:nghe-an:ubnd"]);
    expect(y.tasks[0]?.leadKeys).toEqual(["org:ca-mau:ubnd"]);
  });

  it("resolves a 2024 document of a province merged in 2025 to the old province, whose successor is known", () => {
    const old = resolveOrganisation("Sở Khoa học và Công nghệ", {
      jurisdiction: "quang-binh",
      date: "2024-11-20",
    });
    expect(old.key).toBe("org:quang-binh:skhcn");
    const successor = old.record?.successor;
    expect(successor).toBe("org:quang-tri@2025:skhcn");
    expect(registryOrganisation(successor as string)?.validFrom).toBe("2025-07-01");
    const ubnd = resolveOrganisation("UBND tỉnh", { jurisdiction: "ha-giang", date: "2024-05" });
    expect(ubnd.key).toBe("org:ha-giang:ubnd");
    expect(ubnd.record?.successor).toBe("org:tuyen-quang@2025:ubnd");
  });

  it("picks the merged province for documents dated after 1 July 2025", () => {
    expect(resolveOrganisation("UBND tỉnh", { jurisdiction: "quang-tri", date: "2025-08-15" }).key).toBe(
      "org:quang-tri@2025:ubnd",
    );
    // Unchanged units keep their one identity.
    expect(resolveOrganisation("UBND thành phố", { jurisdiction: "ha-noi", date: "2025-08-15" }).key).toBe(
      "org:ha-noi:ubnd",
    );
  });

  it("follows departments merged in March 2025 to their successor", () => {
    const stttt = resolveOrganisation("Sở Thông tin và Truyền thông", {
      jurisdiction: "hung-yen",
      date: "2024-10",
    });
    expect(stttt.key).toBe("org:hung-yen:stttt");
    expect(stttt.record?.successor).toBe("org:hung-yen:skhcn");
    expect(successorAt(stttt.key, "2025-09-01")?.key).toBe("org:hung-yen@2025:skhcn");
  });

  it("reads a place written in the name over the document's own", () => {
    expect(
      resolveOrganisation("Sở Y tế tỉnh Đồng Nai", { jurisdiction: "quang-tri", date: "2024-01" }).key,
    ).toBe("org:dong-nai:syt");
    expect(resolveOrganisation("Tỉnh ủy Quảng Ninh", { jurisdiction: null, date: "2024-01" }).key).toBe(
      "org:quang-ninh:tu",
    );
  });

  it("resolves central bodies, abbreviations and Party bodies", () => {
    const ctx = { jurisdiction: "national", date: "2025-01-09" };
    expect(resolveOrganisation("Bộ Chính trị", ctx).key).toBe("org:national:bct");
    expect(resolveOrganisation("Thủ tướng Chính phủ", ctx).key).toBe("org:national:ttg");
    expect(resolveOrganisation("Bộ KH&CN", ctx).key).toBe("org:national:bkhcn");
    expect(resolveOrganisation("Bộ Khoa học, Công nghệ", ctx).key).toBe("org:national:bkhcn");
    expect(resolveOrganisation("Bộ Văn hoá, Thể thao và Du lịch", ctx).key).toBe("org:national:bvhttdl");
    expect(resolveOrganisation("Ngân hàng nhà nước Việt Nam", ctx).key).toBe("org:national:nhnn");
    expect(resolveOrganisation("UBTVQH", ctx).key).toBe("org:national:ubtvqh");
    expect(resolveOrganisation("BTV Tỉnh ủy", { jurisdiction: "tay-ninh", date: "2023" }).key).toBe(
      "org:tay-ninh:btvtu",
    );
    expect(resolveOrganisation("BCH đảng UBND tỉnh", { jurisdiction: "tay-ninh", date: "2024" }).key).toBe(
      "org:tay-ninh:bcsd-ubnd",
    );
  });

  it("reads misspelt issuer codes of five letters or more as the registry code, not shorter ones", () => {
    expect(canonicalCode("SKHCN")).toBe("SKHCN");
    expect(canonicalCode("SKHCHN")).toBe("SKHCN");
    expect(canonicalCode("STTT")).toBeNull();
    expect(canonicalCode("XYZAB")).toBeNull();
  });

  it("reads a code several bodies share by the document's place, and none alone", () => {
    expect(resolveOrganisation("BCSĐ", { jurisdiction: "an-giang", date: "2024-02" }).key).toBe(
      "org:an-giang:bcsd-ubnd",
    );
    expect(resolveOrganisation("BCSD", { jurisdiction: "an-giang", date: "2024-02" }).key).toBe(
      "org:an-giang:bcsd-ubnd",
    );
    expect(resolveOrganisation("TW", { jurisdiction: "national", date: "2024-02" }).registered).toBe(false);
  });

  it("makes an unknown body an organisation of its own in the document's jurisdiction", () => {
    const coop = resolveOrganisation("Hợp tác xã Thành Công", { jurisdiction: "binh-dinh", date: "2024" });
    expect(coop.registered).toBe(false);
    expect(coop.jurisdiction).toBe("binh-dinh");
    expect(coop.key).toBe("org:binh-dinh:x-hop-tac-xa-thanh-cong");
    expect(coop.tier).toBe("UNIT");
  });
});
