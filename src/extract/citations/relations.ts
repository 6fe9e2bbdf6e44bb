// Typed relations between documents, with the right subject (issue 3 §5). The subject of a cue is
// the document whose description it continues ("Kế hoạch số 141-KH/TU … thực hiện Kết luận số 69"
// = 141 → 69), or the document itself when the cue opens a clause of its own ("Căn cứ …",
// "Thực hiện Công văn số …, Sở … báo cáo"), or a document issued later in the same sentence
// ("Thực hiện Quyết định số 569 …, UBND tỉnh ban hành … Kế hoạch số 97" = 97 → 569). A report that
// merely lists documents gets no IMPLEMENTS: it only CITES them.
import type { DocumentType } from "../types.ts";
import { endsWithAny } from "../words.ts";
import {
  ATTACHED_TO_SELF,
  clauseCue,
  cueBetween,
  expiryCue,
  isListJoin,
  openingCue,
  reportCue,
  titleCue,
} from "./cues.ts";
import type { Anchor, PendingRelation } from "./model.ts";
import type { TextView } from "./view.ts";

export interface SelfInfo {
  type: DocumentType;
  titleStart: number;
  titleEnd: number;
  /** Clauses before this offset are the preamble, where "Thực hiện X" states the document's purpose. */
  preambleEnd: number;
}

const REPORTING: ReadonlySet<DocumentType> = new Set([
  "REPORT",
  "OFFICIAL_LETTER",
  "SUBMISSION",
  "MINUTES",
  "NOTICE",
]);
const REQUESTS: ReadonlySet<DocumentType> = new Set(["OFFICIAL_LETTER", "TELEGRAM", "NOTICE"]);
// What a report's opening answers rather than reports on: letters, and the guidance that prescribes
// the report ("Thực hiện Hướng dẫn số … về sơ kết …"). A directive, plan or resolution the opening
// names ("Thực hiện Chỉ thị số …, UBND tỉnh báo cáo …") is what the report reports on.
const ANSWERED: ReadonlySet<DocumentType> = new Set([...REQUESTS, "GUIDANCE"]);
// The cue itself says the document asked or wrote first: "Thực hiện yêu cầu … tại", "Phúc đáp".
const ASKED = /(?:yeu cau|de nghi|chi dao|phuc dap|tra loi)/;

const DIRECTING = /(?:^|\s)(?:don doc|chi dao|trien khai|tang cuong|day manh|khan truong)\s/;

function isBreak(f: string, i: number): boolean {
  const c = f[i];
  if (c === "\n" || c === ";") return true;
  if ((c === "." || c === ":") && (f[i + 1] === " " || f[i + 1] === "\n") && !/\d/.test(f[i - 1] ?? ""))
    return true;
  return false;
}

function clauseStart(f: string, pos: number): number {
  const stop = Math.max(0, pos - 400);
  for (let i = pos - 1; i >= stop; i--) if (isBreak(f, i)) return i + 1;
  return stop;
}

// A PDF's hard wrap can put a symbol at the start of a line ("… Văn bản số\n3321/UBND-NC"): that
// line break continues the sentence (a list item starts "1." or "a)", never "3321/").
const WRAPPED_SYMBOL = /^\n\s*\d{1,5}[a-z]?\s?[/-]\s?[a-z]/;

function sentenceEnd(f: string, pos: number): number {
  const stop = Math.min(f.length, pos + 800);
  for (let i = pos; i < stop; i++) {
    const c = f[i];
    if (c === "\n" && WRAPPED_SYMBOL.test(f.slice(i, i + 16))) continue;
    if (c === "\n" || (c === "." && (f[i + 1] === " " || f[i + 1] === "\n" || i + 1 === f.length))) return i;
  }
  return stop;
}

export function findRelations(v: TextView, anchors: Anchor[], self: SelfInfo): PendingRelation[] {
  const f = v.folded;
  const out: PendingRelation[] = [];
  const incoming = new Map<Anchor, PendingRelation[]>();
  const add = (r: PendingRelation) => {
    out.push(r);
    if (r.to === "SELF") return;
    const list = incoming.get(r.to) ?? [];
    list.push(r);
    incoming.set(r.to, list);
  };
  const reporting = REPORTING.has(self.type);

  for (let k = 0; k < anchors.length; k++) {
    const m = anchors[k] as Anchor;
    const p = k > 0 ? (anchors[k - 1] as Anchor) : null;
    let done = false;

    // 1. The previous document's description continues with a cue: P → M; or a list "P và M".
    if (p !== null && p.tailEnd <= m.start) {
      const gap = f.slice(p.tailEnd, m.start);
      const cue = cueBetween(gap);
      if (cue) {
        add({
          from: p,
          to: m,
          kind: cue.kind,
          cueStart: p.tailEnd + cue.start,
          cueEnd: p.tailEnd + cue.end,
          confidence: 0.9,
        });
        done = true;
      } else if (isListJoin(gap)) {
        for (const r of incoming.get(p) ?? []) {
          // "Thực hiện Chỉ thị số … và Văn bản số …": each item is answered or reported on by its kind.
          const answer = r.kind === "RESPONDS_TO" || r.kind === "REPORTS_ON";
          const asked = ANSWERED.has(m.type) || ASKED.test(f.slice(r.cueStart, r.cueEnd));
          const kind = !answer ? r.kind : asked ? "RESPONDS_TO" : "REPORTS_ON";
          add({ ...r, to: m, kind, confidence: Math.min(r.confidence, 0.75) });
        }
        done = (incoming.get(p) ?? []).length > 0;
      }
    }

    // The document's own articles end another one: "Thông tư số … hết hiệu lực kể từ ngày …".
    if (!reporting) {
      const at = Math.max(m.tailEnd, m.titleSpan?.[1] ?? 0);
      const ec = expiryCue(f.slice(at, at + 100));
      if (ec)
        add({
          from: "SELF",
          to: m,
          kind: "REPEALS",
          cueStart: at + ec.start,
          cueEnd: at + ec.end,
          confidence: 0.9,
        });
    }

    // 2. The named document is the attachment of the document itself ("Ban hành kèm theo Nghị quyết này …").
    if (m.symbol === null && ATTACHED_TO_SELF.test(f.slice(Math.max(0, m.start - 60), m.start))) {
      const cueStart = f.lastIndexOf("kem theo", m.start);
      add({ from: m, to: "SELF", kind: "ISSUED_WITH", cueStart, cueEnd: m.start, confidence: 0.9 });
    }
    if (done) continue;

    const cs = clauseStart(f, m.start);
    const inClause = p === null || p.tailEnd <= cs;

    // 3. A cue that opens the clause. In a report's opening sentence ("Thực hiện …; theo …, Sở …
    // báo cáo như sau:") the documents named are what the report answers.
    if (inClause && reporting && m.start < self.preambleEnd) {
      const oc = openingCue(f.slice(cs, m.start), f.slice(m.tailEnd, sentenceEnd(f, m.tailEnd) + 1));
      if (oc) {
        const asked = ANSWERED.has(m.type) || ASKED.test(f.slice(cs + oc.start, cs + oc.end));
        add({
          from: "SELF",
          to: m,
          kind: asked ? "RESPONDS_TO" : "REPORTS_ON",
          cueStart: cs + oc.start,
          cueEnd: cs + oc.end,
          confidence: 0.85,
        });
        continue;
      }
    }
    if (inClause) {
      const cc = clauseCue(f.slice(cs, m.start));
      if (cc) {
        const cueStart = cs + cc.start;
        const cueEnd = cs + cc.end;
        if (cc.kind === "RESPONDS_TO") {
          const replies = /^(?:(?:v\s?\/\s?v|ve viec)\s+)?(?:phuc dap|tra loi)/.test(
            f.slice(cueStart, cueEnd),
          );
          const kind = REQUESTS.has(m.type) || reporting || replies ? "RESPONDS_TO" : "IMPLEMENTS";
          add({ from: "SELF", to: m, kind, cueStart, cueEnd, confidence: 0.85 });
          continue;
        }
        if (cc.kind !== "IMPLEMENTS" && cc.kind !== "CONTINUES") {
          add({ from: "SELF", to: m, kind: cc.kind, cueStart, cueEnd, confidence: 0.95 });
          continue;
        }
        const end = sentenceEnd(f, m.tailEnd);
        let issued: Anchor | null = null;
        for (let j = k + 1; j < anchors.length; j++) {
          const x = anchors[j] as Anchor;
          if (x.start >= end) break;
          // The document M itself issued ("Quyết định … ban hành Chiến lược …") is not the one issued in response.
          if (x.symbol === null && j === k + 1) continue;
          const before = f.slice((anchors[j - 1] as Anchor).tailEnd, x.start);
          if (/\bban hanh\b/.test(before)) {
            issued = x;
            break;
          }
        }
        if (issued !== null) {
          add({ from: issued, to: m, kind: cc.kind, cueStart, cueEnd, confidence: 0.8 });
          continue;
        }
        if (reporting) {
          if (REQUESTS.has(m.type))
            add({ from: "SELF", to: m, kind: "RESPONDS_TO", cueStart, cueEnd, confidence: 0.8 });
          continue;
        }
        if (m.start < self.preambleEnd) {
          add({ from: "SELF", to: m, kind: cc.kind, cueStart, cueEnd, confidence: 0.7 });
          continue;
        }
      }
    }

    // 4. In the document's own title, a cue before a document makes the document itself the subject.
    if (
      m.start >= self.titleStart &&
      m.start < self.titleEnd &&
      (p === null || p.tailEnd <= self.titleStart)
    ) {
      const gap = f.slice(self.titleStart, m.start);
      if (m.symbol === null && endsWithAny(gap, ["ban hanh", "phe duyet"])) {
        add({
          from: m,
          to: "SELF",
          kind: "ISSUED_WITH",
          cueStart: self.titleStart + Math.max(gap.lastIndexOf("ban hanh"), gap.lastIndexOf("phe duyet")),
          cueEnd: m.start,
          confidence: 0.85,
        });
        continue;
      }
      const cue = titleCue(gap);
      if (cue) {
        let kind = cue.kind;
        // A letter that urges or directs ("V/v đôn đốc thực hiện Kế hoạch …") implements; one that
        // answers ("V/v thực hiện Kế hoạch …" from a department) reports on it.
        const directs = self.type !== "REPORT" && DIRECTING.test(gap);
        if (reporting && !directs && (kind === "IMPLEMENTS" || kind === "CONTINUES")) kind = "REPORTS_ON";
        add({
          from: "SELF",
          to: m,
          kind,
          cueStart: self.titleStart + cue.start,
          cueEnd: self.titleStart + cue.end,
          confidence: 0.9,
        });
        continue;
      }
    }

    // 5. "… báo cáo kết quả (triển khai) thực hiện M" in a report.
    if (reporting) {
      const from = Math.max(cs, p !== null && p.tailEnd > cs ? p.tailEnd : cs);
      const rc = reportCue(f.slice(from, m.start));
      if (rc)
        add({
          from: "SELF",
          to: m,
          kind: "REPORTS_ON",
          cueStart: from + rc.start,
          cueEnd: from + rc.end,
          confidence: 0.75,
        });
    }
  }
  return out;
}

/**
 * A report either answers a document or reports on it, not both: when the cues found both for the
 * same document, it answers what asked for it (a letter, a guidance, or a cue that says it asked or
 * wrote first: "Phúc đáp", "Thực hiện yêu cầu … tại") and reports on anything else (a directive,
 * plan or resolution named both in its title and in its opening sentence).
 */
export function oneAnswer(pending: PendingRelation[], folded: string): PendingRelation[] {
  const onSelf = (kind: string) =>
    new Set(pending.filter((r) => r.from === "SELF" && r.kind === kind).map((r) => r.to));
  const reportsOn = onSelf("REPORTS_ON");
  const both = [...onSelf("RESPONDS_TO")].filter((t) => reportsOn.has(t));
  if (both.length === 0) return pending;
  const drop = new Map<Anchor | "SELF", string>();
  for (const t of both) {
    if (t === "SELF") continue;
    const asked =
      ANSWERED.has(t.type) ||
      pending.some(
        (r) =>
          r.from === "SELF" &&
          r.to === t &&
          r.kind === "RESPONDS_TO" &&
          ASKED.test(folded.slice(r.cueStart, r.cueEnd)),
      );
    drop.set(t, asked ? "REPORTS_ON" : "RESPONDS_TO");
  }
  return pending.filter((r) => r.from !== "SELF" || drop.get(r.to) !== r.kind);
}
