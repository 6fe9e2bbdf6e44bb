import { describe, expect, it } from "vitest";
import { issuerAt } from "../../../src/extract/citations/issuers.ts";
import { fold } from "../../../src/extract/normalise.ts";

const read = (plain: string) => {
  const m = issuerAt(fold(plain), plain, 0);
  return m && { name: m.name, place: m.place };
};

describe("issuerAt", () => {
  // One phrase per rule that reads its own groups, from the first rules to the last: each must be
  // read by its rule, whatever groups the rules before it have.
  it.each([
    ["Ban Thường vụ Thành ủy Thừa Thiên Huế", "Ban Thường vụ Thành ủy", "Thừa Thiên Huế"],
    ["Thường trực Tỉnh ủy", "Thường trực Tỉnh ủy", null],
    ["Ban Chấp hành Đảng bộ thành phố", "Thành ủy", null],
    ["BCH đảng UBND huyện", "Ban cán sự đảng UBND huyện", null],
    ["Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", null],
    ["Thành ủy Đà Nẵng", "Thành ủy", "Đà Nẵng"],
    ["Đảng ủy Khối cơ quan, về", "Đảng ủy Khối cơ quan", null],
    ["Thanh tra thành phố", "Thanh tra thành phố", null],
    ["Văn phòng HĐND tỉnh", "Văn phòng UBND tỉnh", null],
    ["Chủ tịch UBND xã", "Chủ tịch UBND xã", null],
    ["Ủy ban nhân dân tỉnh Quảng Trị", "UBND tỉnh", "Quảng Trị"],
    ["HĐND thị xã", "HĐND thị xã", null],
  ])("%s", (plain, name, place) => {
    expect(read(plain)).toEqual({ name, place });
  });

  it("reads nothing where no rule or body starts", () => {
    expect(read("Phát triển khoa học")).toBeNull();
  });
});
