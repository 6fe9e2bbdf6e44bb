// The chain model shared by the explorer, its bench and `chidao trace`: tree from paths, days between
// dated ancestors, tier bands, cycles, and the CSV auditors receive.
import { describe, expect, it } from "vitest";
import {
  bandOf,
  buildChain,
  type ChainNodeData,
  type ChainRelation,
  chainToCsv,
  daysBetween,
} from "../../../src/web/client/chain-model.ts";

const doc = (id: string, tier: string, date: string | null, path: string[], symbol = id): ChainNodeData => ({
  id,
  kind: "DOCUMENT",
  label: `Label ${id}`,
  tier,
  date,
  symbol,
  path,
});
const rel = (
  from: string,
  to: string,
  kind = "IMPLEMENTS",
  quote = `${from} thực hiện ${to}`,
): ChainRelation => ({
  from,
  to,
  kind,
  evidence: [{ quote, source: "a.txt", start: 1, end: 2 }],
});

describe("daysBetween", () => {
  it("counts whole days between full dates and refuses partial ones", () => {
    expect(daysBetween("2023-01-30", "2023-08-24")).toBe(206);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2023-08", "2023-12-18")).toBeNull();
    expect(daysBetween(null, "2023-12-18")).toBeNull();
  });
});

describe("buildChain", () => {
  const root = doc("r", "CENTRAL_PARTY", "2023-01-30", ["r"]);
  const a = doc("a", "PROVINCIAL_PARTY", "2023-08-24", ["r", "a"]);
  const b = doc("b", "PROVINCIAL_STATE", "2023-12-18", ["r", "a", "b"]);
  const task: ChainNodeData = {
    id: "t",
    kind: "TASK",
    label: "Task",
    tier: "DEPARTMENT",
    path: ["r", "a", "b", "t"],
  };
  const result = doc("d", "DEPARTMENT", "2024-02-22", ["r", "a", "b", "t", "d"]);

  it("hangs each node under the previous node of its path, with days from the nearest dated ancestor", () => {
    const chain = buildChain(
      root,
      [a, b, task, result],
      [rel("a", "r"), rel("b", "a"), rel("t", "b"), rel("t", "d", "RESULTED_IN")],
    );
    expect(chain.order.map((n) => n.data.id)).toEqual(["r", "a", "b", "t", "d"]);
    const [, na, nb, nt, nd] = chain.order;
    expect(na?.daysAfterParent).toBe(206);
    expect(nb?.daysAfterParent).toBe(116);
    expect(nt?.daysAfterParent).toBeNull(); // a task has no date of issue
    expect(nd?.daysAfterParent).toBe(66); // from 2023-12-18, the nearest dated ancestor
    expect(nd?.relation?.kind).toBe("RESULTED_IN");
    expect(chain.order.map((n) => n.band)).toEqual([0, 1, 1, 3, 2]);
    expect(chain.order.map((n) => n.level)).toEqual([1, 2, 3, 4, 5]);
  });

  it("accepts paths given leaf first, and falls back to relations when a node has no path", () => {
    const reversed = { ...b, path: ["b", "a", "r"] };
    const noPath = { ...task, path: undefined };
    const chain = buildChain(root, [a, reversed, noPath], [rel("a", "r"), rel("b", "a"), rel("t", "b")]);
    const byId = new Map(chain.order.map((n) => [n.data.id, n]));
    expect(byId.get("r")?.children.map((c) => c.data.id)).toEqual(["a"]);
    expect(byId.get("a")?.children.map((c) => c.data.id)).toEqual(["b"]);
    expect(byId.get("b")?.children.map((c) => c.data.id)).toEqual(["t"]);
  });

  it("does not loop on a cycle in the relations", () => {
    const x = { ...a, path: undefined };
    const y = doc("y", "PROVINCIAL_STATE", null, []);
    const chain = buildChain(
      root,
      [x, { ...y, path: undefined }],
      [rel("a", "r"), rel("y", "a"), rel("a", "y")],
    );
    expect(chain.order.map((n) => n.data.id)).toEqual(["r", "a", "y"]);
  });
});

describe("bandOf", () => {
  it("puts tasks and actions in the last band and unknown tiers with their parent", () => {
    expect(bandOf({ id: "x", kind: "ACTION", label: "", tier: "CENTRAL_STATE" }, 0)).toBe(3);
    expect(bandOf({ id: "x", kind: "DOCUMENT", label: "", tier: "UNIT" }, 0)).toBe(2);
    expect(bandOf({ id: "x", kind: "DOCUMENT", label: "", tier: null }, 1)).toBe(1);
  });
});

describe("chainToCsv", () => {
  it("writes one edge per line in the stored direction, quoting what needs quoting", () => {
    const root = doc("r", "CENTRAL_PARTY", null, ["r"], "36-NQ/TW");
    const a = doc("a", "PROVINCIAL_PARTY", null, ["r", "a"], "71-CTr/TU");
    const t: ChainNodeData = { id: "t", kind: "TASK", label: "Nhiệm vụ, có dấu phẩy", path: ["r", "a", "t"] };
    const csv = chainToCsv(
      buildChain(root, [a, t], [rel("a", "r", "IMPLEMENTS", 'thực hiện "36"'), rel("t", "a")]),
    );
    expect(csv.split("\r\n")).toEqual([
      "from,to,kind,evidence,source",
      '71-CTr/TU,36-NQ/TW,IMPLEMENTS,"thực hiện ""36""",a.txt',
      '"Nhiệm vụ, có dấu phẩy",71-CTr/TU,IMPLEMENTS,t thực hiện a,a.txt',
      "",
    ]);
  });
});
