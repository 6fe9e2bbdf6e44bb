// `chidao generate --provinces 34 --years 3 --seed 42 --out DIR [--small]`: writes a synthetic national
// corpus and its ground truth (src/generate/). --small is the test preset (a few hundred documents).
import { writeCorpus } from "../generate/write.ts";

const USAGE = "usage: chidao generate --out DIR [--provinces N] [--years N] [--seed N] [--small]\n";

function intFlag(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const raw = args[i + 1];
  if (raw === undefined || !/^-?\d+$/.test(raw))
    throw new Error(`${name} needs an integer, got '${raw ?? ""}'`);
  return Number(raw);
}

export async function generateCommand(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(USAGE);
    return 0;
  }
  const known = new Set(["--out", "--provinces", "--years", "--seed", "--small"]);
  const unknown = args.filter((a, i) => a.startsWith("--") && !known.has(a) && i >= 0);
  const outIndex = args.indexOf("--out");
  const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
  if (unknown.length > 0 || !out) {
    process.stderr.write(
      unknown.length > 0 ? `chidao generate: unknown option ${unknown[0]}\n${USAGE}` : USAGE,
    );
    return 2;
  }
  const small = args.includes("--small");
  try {
    const options = {
      provinces: intFlag(args, "--provinces", small ? 5 : 34),
      years: intFlag(args, "--years", small ? 1 : 3),
      seed: intFlag(args, "--seed", 42),
      small,
    };
    const progress = process.stderr.isTTY
      ? (n: number) => process.stderr.write(`\r${n} documents…`)
      : undefined;
    const m = writeCorpus(options, out, progress);
    if (progress) process.stderr.write("\r");
    process.stdout.write(
      `${m.documents} documents, ${m.tasks} tasks (+${m.statusObservations} status observations), ${m.citations} citations, ${m.relations} relations, ${(m.bytes / 1e6).toFixed(1)} MB in ${m.seconds} s → ${out}\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`chidao generate: ${(error as Error).message}\n`);
    return 2;
  }
}
