// The explorer in a real browser (Debian's Chromium through playwright-core) against the real server
// with the seed report ingested into the run's Neo4j: the policy officer's journey from a search to
// the evidence of one action, in Vietnamese then English, on a desktop and a phone, by mouse and by
// keyboard. Screenshots are kept in test-artifacts/web/ for a person to look at.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../src/graph/config.ts";
import type { GraphConnection } from "../../src/graph/connection.ts";
import { ingestPaths } from "../../src/graph/ingest.ts";
import { type Browser, CHROMIUM_PATH, chromiumAvailable, launchChromium } from "../../src/web/chromium.ts";
import { handleExplorer } from "../../src/web/handler.ts";
import { clearGraph, openTestGraph } from "../helpers/graph.ts";
import { type RunningApi, startApi } from "./api-support.ts";

const artifacts = join(repoRoot, "test-artifacts", "web");
const SEED_FILE = "quang-tri-skhcn-bao-cao-6-thang-2024.txt";

let graph: GraphConnection;
let api: RunningApi;
let browser: Browser;

/** Console errors and uncaught exceptions of a page; the journey must end with none. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/** The tree item whose own row (not its children) contains `text`. */
function item(page: Page, text: string | RegExp) {
  return page.locator("[role=treeitem]", { has: page.locator(":scope > .row", { hasText: text }) }).first();
}

async function expand(page: Page, text: string | RegExp): Promise<void> {
  const li = item(page, text);
  await li.waitFor();
  if ((await li.getAttribute("aria-expanded")) === "false") await li.locator(":scope > .row .twisty").click();
  await expect.poll(() => li.getAttribute("aria-expanded")).toBe("true");
}

beforeAll(async () => {
  if (!chromiumAvailable())
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  mkdirSync(artifacts, { recursive: true });
  graph = await openTestGraph();
  await clearGraph(graph);
  const outcomes = await ingestPaths(graph, [join(repoRoot, "seeds")]);
  const failed = outcomes.filter((o) => o.status === "failed");
  if (failed.length) throw new Error(`seed ingest failed: ${JSON.stringify(failed)}`);
  api = await startApi(graph, { routes: [handleExplorer] });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await graph?.close();
});

describe("explorer journey (1280×800)", () => {
  it("searches, opens 36-NQ/TW, walks down to task 74's actions, opens the Azotobacter evidence, switches to English", async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${api.url}/`);
    await expect.poll(() => page.title()).toBe("Chidao");

    // Suggestions as you type, diacritics optional.
    await page.locator("#q").fill("nghi quyet 36");
    const suggestion = page.locator("#suggestions [role=option]", { hasText: "36-NQ/TW" }).first();
    await suggestion.waitFor();
    await expect.poll(() => page.locator("#q").getAttribute("aria-expanded")).toBe("true");
    await shot(page, "01-suggestions");
    await suggestion.click();

    // The document page: identity, issuer, date, where it was read.
    await page.locator("h1", { hasText: "36-NQ/TW" }).waitFor();
    expect(page.url()).toMatch(/#\/node\//);
    const facts = (await page.locator("dl.facts").textContent()) ?? "";
    expect(facts).toContain("Bộ Chính trị");
    expect(facts).toContain("2023-01-30");
    expect((await page.locator(".read-in").textContent()) ?? "").toContain(SEED_FILE);

    // Down the chain: 36-NQ/TW → 71-CTr/TU → 243/KH-UBND → task 74 → its actions.
    await page.locator("[role=tree]").waitFor();
    await expand(page, "36-NQ/TW");
    await expand(page, "71-CTr/TU");
    await expand(page, "243/KH-UBND");
    await expand(page, /74/);
    const task = item(page, /74/);
    expect(await task.getAttribute("data-kind")).toBe("TASK");
    const actions = task.locator(":scope > [role=group] > [role=treeitem][data-kind=ACTION]");
    await expect.poll(() => actions.count()).toBe(6);
    await shot(page, "02-chain-task-74-actions");

    // The Azotobacter action's evidence: source file and quoted sentence.
    const azotobacter = actions.filter({ hasText: "Azotobacter" });
    expect(await azotobacter.count()).toBe(1);
    await azotobacter.locator(":scope > .row button.ev").click();
    const dialog = page.locator("dialog.evidence[open]");
    await dialog.waitFor();
    expect((await dialog.locator(".evidence-source").first().textContent()) ?? "").toBe(SEED_FILE);
    expect((await dialog.locator("blockquote").first().textContent()) ?? "").toContain("Azotobacter");
    await shot(page, "03-azotobacter-evidence");
    await dialog.locator("button.close").click();
    await expect.poll(() => dialog.count()).toBe(0);

    // English.
    await page.locator("button.lang").click();
    await page.locator("h2", { hasText: "Implementation chain" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect((await page.locator("dl.facts").textContent()) ?? "").toContain("Issuer");
    await shot(page, "04-english");
    await page.locator("button.lang").click(); // back to Vietnamese for the next tests (remembered)

    expect(problems).toEqual([]);
    await page.close();
  });

  it("gives every view its own URL: a reloaded drawing URL draws the chain in tier bands", async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    await page.goto(`${api.url}/#/ref/${encodeURIComponent("36-NQ/TW")}?view=drawing`);
    await page.locator("svg.drawing a.node").first().waitFor();
    const bands = await page.locator("svg.drawing > text").allTextContents();
    expect(bands).toEqual(["Trung ương", "Tỉnh", "Sở, ngành", "Nhiệm vụ, hoạt động"]);
    const labels = await page.locator("svg.drawing .edge-label").allTextContents();
    expect(labels.some((l) => /\+\d+ ngày/.test(l))).toBe(true);
    await shot(page, "05-drawing");
    await page.reload();
    await page.locator("svg.drawing a.node").first().waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it("exports the chain on screen as CSV and SVG", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${api.url}/#/ref/${encodeURIComponent("36-NQ/TW")}`);
    await page.locator("[role=tree]").waitFor();
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("button.export-csv").click(),
    ]);
    const csvText = readFileSync((await csv.path()) as string, "utf8");
    expect(csvText.split("\r\n")[0]).toBe("from,to,kind,evidence,source");
    expect(csvText).toMatch(/^71-CTr\/TU,36-NQ\/TW,IMPLEMENTS,/m);
    expect(csvText).toContain(SEED_FILE);
    const [svg] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("button.export-svg").click(),
    ]);
    const svgText = readFileSync((await svg.path()) as string, "utf8");
    expect(svgText).toContain("<svg");
    expect(svgText).toContain("243/KH-UBND");
    await page.close();
  });

  it("lists audit findings with their evidence", async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    await page.goto(`${api.url}/#/findings`);
    await page.locator(".finding-list").first().waitFor();
    const totals = page.locator(".finding[data-kind=TOTALS_MISMATCH]");
    expect(await totals.count()).toBeGreaterThan(0);
    expect(await page.locator(".finding[data-kind=ISSUER_SPELLING_VARIANTS]").count()).toBeGreaterThan(0);
    expect(await page.locator(".finding[data-kind=NOT_INGESTED]").count()).toBeGreaterThan(0);
    await totals.first().locator("button.ev").click();
    await page.locator("dialog.evidence[open] blockquote").first().waitFor();
    await shot(page, "06-findings");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows an organisation's accountability", async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    await page.goto(`${api.url}/#/ref/${encodeURIComponent("36-NQ/TW")}`);
    await expand(page, "36-NQ/TW");
    await expand(page, "71-CTr/TU");
    await expand(page, "243/KH-UBND");
    await item(page, /74/).locator(":scope > .row a.name").click();
    const lead = page.locator("dl.facts a", { hasText: "Khoa học và Công nghệ" }).first();
    await lead.click();
    await page.locator("table.counts").waitFor();
    expect((await page.locator("h1").textContent()) ?? "").toContain("Khoa học và Công nghệ");
    await shot(page, "07-organisation");
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("keyboard and small screens", () => {
  it("operates the tree from the keyboard (ARIA tree pattern)", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${api.url}/#/ref/${encodeURIComponent("36-NQ/TW")}`);
    const root = page.locator("[role=tree] > [role=treeitem]");
    await root.waitFor();
    // One tab stop: the tree is reached with Tab, and its current item is the only focusable one.
    expect(await page.locator("[role=treeitem][tabindex='0']").count()).toBe(1);
    await root.focus();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute("aria-level") ?? null);
    const focusedId = () => page.evaluate(() => document.activeElement?.getAttribute("data-id") ?? null);

    await page.keyboard.press("ArrowLeft"); // collapse the root
    expect(await root.getAttribute("aria-expanded")).toBe("false");
    await page.keyboard.press("ArrowRight"); // expand
    expect(await root.getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("ArrowRight"); // to the first child
    expect(await focused()).toBe("2");
    const child = await focusedId();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    expect(await focusedId()).toBe(child);
    await page.keyboard.press("ArrowLeft"); // a child's Left goes to its parent once it is collapsed
    await page.keyboard.press("ArrowLeft");
    expect(await focused()).toBe("1");
    await page.keyboard.press("End");
    expect(await focused()).not.toBe("1");
    await page.keyboard.press("Home");
    expect(await focused()).toBe("1");
    expect(await page.locator("[role=treeitem][tabindex='0']").count()).toBe(1);
    await page.keyboard.press("ArrowDown");
    const before = page.url();
    await page.keyboard.press("Enter"); // opens the item's page
    await expect.poll(() => page.url()).not.toBe(before);
    await page.locator("h1").waitFor();
    await page.close();
  });

  it("fits a 390-px phone without sideways scrolling", async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${api.url}/#/ref/${encodeURIComponent("36-NQ/TW")}`);
    await page.locator("[role=tree]").waitFor();
    await expand(page, "71-CTr/TU");
    await expand(page, "243/KH-UBND");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    expect(await page.locator("#q").isVisible()).toBe(true);
    await shot(page, "08-phone");
    await page.goto(`${api.url}/#/findings`);
    await page.locator(".finding-list").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, "09-phone-findings");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("meets WCAG AA contrast for the text on every page", async () => {
    const page = await browser.context.newPage();
    const failures: string[] = [];
    for (const hash of ["#/", `#/ref/${encodeURIComponent("36-NQ/TW")}`, "#/findings"]) {
      await page.goto(`${api.url}/${hash}`);
      await page.waitForFunction(
        () => !document.querySelector("[role=status]:not([hidden])")?.textContent?.includes("…"),
      );
      await page.waitForTimeout(300);
      failures.push(...(await page.evaluate(contrastFailures)));
    }
    expect(failures).toEqual([]);
    await page.close();
  });
});

/**
 * Runs in the page: every element with its own visible text, its colour against the first opaque
 * background behind it; AA is 4.5:1, or 3:1 for large text (≥ 24 px, or ≥ 18.66 px bold).
 */
function contrastFailures(): string[] {
  const rgb = (c: string): [number, number, number, number] => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    const p = (m?.[1] ?? "0,0,0,0").split(",").map((x) => Number.parseFloat(x));
    return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 1];
  };
  const lum = ([r, g, b]: number[]): number => {
    const ch = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * ch(r ?? 0) + 0.7152 * ch(g ?? 0) + 0.0722 * ch(b ?? 0);
  };
  const background = (el: Element | null): number[] => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c[3] > 0.5) return c;
    }
    return [255, 255, 255, 1];
  };
  const out: string[] = [];
  for (const el of Array.from(document.querySelectorAll("body *"))) {
    if (el.closest("svg")) continue; // SVG fills are checked where they are chosen (drawing.ts palette)
    const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent?.trim());
    if (!own || !(el as HTMLElement).offsetParent) continue;
    const style = getComputedStyle(el);
    const fg = rgb(style.color);
    const bg = background(el);
    const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a) as [number, number];
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = Number.parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5))
      out.push(`${el.tagName}.${el.className} "${el.textContent?.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
  }
  return out;
}
