// The whole corpus as a stream of files: central documents of each year first, then every province's
// year. Generation is lazy (a generator function) so that 50,000 documents are written with the memory
// of one province-year, and every part draws from its own forked PRNG stream so the output is a pure
// function of (seed, options).
import { type NationalScale, nationalYear, type WrittenFile } from "./national.ts";
import { Rng } from "./prng.ts";
import { type ProvinceScale, provinceYear } from "./province.ts";
import { PROVINCES, TOPICS, type Topic } from "./vocabulary.ts";
import { Numbering } from "./world.ts";

export interface GenerateOptions {
  provinces: number;
  years: number;
  seed: number;
  small: boolean;
  /** Last year of the corpus; years run backwards from it. */
  lastYear?: number;
}

export type Scale = NationalScale & ProvinceScale;

/**
 * Sizes per year and province. The default is tuned so that 34 provinces × 3 years give ≈ 50,000
 * documents and ≈ 500,000 tasks (see docs/benchmarks.md); `--small` gives a few hundred documents for
 * tests.
 */
export function scaleFor(small: boolean): Scale {
  return small
    ? {
        partyRoots: 2,
        strategies: 1,
        departmentsPerPlan: 4,
        programmeTasks: [3, 5],
        provincialTasks: [8, 12],
        departmentTasks: [5, 8],
        workProgrammeTasks: [8, 12],
      }
    : {
        partyRoots: 7,
        strategies: 2,
        departmentsPerPlan: 18,
        programmeTasks: [8, 15],
        provincialTasks: [30, 45],
        departmentTasks: [24, 36],
        workProgrammeTasks: [50, 80],
      };
}

export function corpusYears(options: GenerateOptions): number[] {
  const last = options.lastYear ?? 2025;
  return Array.from({ length: options.years }, (_, i) => last - options.years + 1 + i);
}

export function validateOptions(options: GenerateOptions): void {
  if (!Number.isInteger(options.provinces) || options.provinces < 1 || options.provinces > PROVINCES.length)
    throw new Error(`--provinces must be an integer from 1 to ${PROVINCES.length}, got ${options.provinces}`);
  if (!Number.isInteger(options.years) || options.years < 1 || options.years > 10)
    throw new Error(`--years must be an integer from 1 to 10, got ${options.years}`);
  if (!Number.isInteger(options.seed)) throw new Error(`--seed must be an integer, got ${options.seed}`);
}

export function* generateCorpus(options: GenerateOptions): Generator<WrittenFile> {
  validateOptions(options);
  const root = new Rng(`chidao-corpus:${options.seed}`);
  const scale = scaleFor(options.small);
  const provinces = root.fork("provinces").sample(PROVINCES, options.provinces);
  const topicOrder = root.fork("topics").sample(TOPICS, TOPICS.length);
  const nationalNumbers = new Numbering(root.fork("national-numbers"));
  const provinceNumbers = new Map(
    provinces.map((p) => [p.slug, new Numbering(root.fork(`numbers/${p.slug}`))]),
  );
  for (const [i, year] of corpusYears(options).entries()) {
    const perYear = scale.partyRoots + scale.strategies;
    const topics = Array.from(
      { length: perYear },
      (_, k) => topicOrder[(i * perYear + k) % topicOrder.length] as Topic,
    );
    const national = nationalYear(root.fork(`national/${year}`), nationalNumbers, year, topics, scale);
    yield* national.files;
    for (const province of provinces) {
      const numbers = provinceNumbers.get(province.slug) as Numbering;
      yield* provinceYear(root.fork(`${province.slug}/${year}`), numbers, province, year, national, scale);
    }
  }
}
