// `chidao bench <part>`: each benchmark part is a module in bench/ exporting `run(args)`, so a part
// can be run alone (`npm run bench:extract`) or all together (`npm run bench`).
const parts = ["extract", "ingest", "bulk", "api", "web"] as const;
type Part = (typeof parts)[number];

async function runPart(part: Part, args: string[]): Promise<number> {
  const mod = (await import(`../../bench/${part}.ts`)) as { run: (args: string[]) => Promise<number> };
  return mod.run(args);
}

export async function benchCommand(argv: string[]): Promise<number> {
  const [which = "all", ...rest] = argv;
  if (which === "all") {
    for (const part of parts) {
      const code = await runPart(part, rest);
      if (code !== 0) return code;
    }
    return 0;
  }
  if (!(parts as readonly string[]).includes(which)) {
    process.stderr.write(
      `chidao bench: unknown part '${which}' (expected one of: all, ${parts.join(", ")})\n`,
    );
    return 2;
  }
  return runPart(which as Part, rest);
}
