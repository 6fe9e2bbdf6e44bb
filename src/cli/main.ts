// Command dispatcher for `npx chidao <command>`. Each command lives in its own module and is loaded
// only when asked for, so `chidao extract` never pays for the Neo4j driver or the HTTP server.

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  serve: {
    summary: "start Neo4j (or connect), ingest seeds/, serve GraphQL and the explorer",
    load: async () => (await import("./serve.ts")).serve,
  },
  extract: {
    summary: "extract <file…> [--format json|text]: read documents without a database",
    load: async () => (await import("./extract.ts")).extractCommand,
  },
  ingest: {
    summary: "ingest <file|dir…>: read documents into Neo4j",
    load: async () => (await import("./ingest.ts")).ingestCommand,
  },
  trace: {
    summary: "trace <ref> [--up|--down] [--depth N] [--format tree|mermaid|csv|json]",
    load: async () => (await import("./trace.ts")).traceCommand,
  },
  check: {
    summary: "check [path]: print audit findings; non-zero exit on errors",
    load: async () => (await import("./check.ts")).checkCommand,
  },
  generate: {
    summary: "generate --provinces N --years N --seed N --out DIR [--small]",
    load: async () => (await import("./generate.ts")).generateCommand,
  },
  bench: {
    summary: "bench [all|extract|ingest|api|web]: run benchmarks",
    load: async () => (await import("./bench.ts")).benchCommand,
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`);
  return `Usage: chidao <command> [options]\n\nCommands:\n${lines.join("\n")}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`chidao: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  return (await command.load())(rest);
}
