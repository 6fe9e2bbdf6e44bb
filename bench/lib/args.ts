// Flag parsing for benchmark parts: `--name value` pairs and bare `--flag` switches, nothing more.

export function flag(args: readonly string[], name: string): boolean {
  return args.includes(`--${name}`);
}

export function stringOption(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

export function intOption(
  args: readonly string[],
  name: string,
  fallback: number,
  min = 0,
  max = 1e9,
): number {
  const raw = stringOption(args, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`--${name} must be an integer from ${min} to ${max}, got '${raw}'`);
  return value;
}
