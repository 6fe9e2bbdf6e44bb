// How a benchmark's server child process lives: it announces its URL on stdout ("LISTENING <url>",
// which the parent waits for), and it never outlives the parent — it stops on SIGTERM/SIGINT and when
// its stdin closes, which is what happens when the benchmark exits or crashes without killing it.

/** Prints the URL for the parent, then shuts down with `close` when the parent goes. */
export function announceAndServe(url: string, close: () => Promise<void>): void {
  process.stdout.write(`LISTENING ${url}\n`);
  const stop = async () => {
    await close();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.stdin.on("end", stop);
  process.stdin.resume();
}

/** Runs the child's main; a start-up failure goes to stderr (the parent shows it) and exits 1. */
export function runChild(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${name}: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
