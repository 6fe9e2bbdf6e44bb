// Bounded memoisation for the pure string functions extraction calls again and again: names, codes
// and symbol segments repeat across a document's rows and a corpus's documents. Bounded because the
// input is untrusted (a file of a million distinct names must not grow memory without end); emptying
// the whole map when it is full is crude, but costs nothing per call.

/** `fn`, remembering up to `max` answers. */
export function memoise<T>(fn: (key: string) => T, max = 50_000): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = fn(key);
      if (known.size >= max) known.clear();
      known.set(key, value);
    }
    return value;
  };
}
