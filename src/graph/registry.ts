// Loads the organisation registry into the graph once per registry version: resolved names in
// every file point at these nodes, so tiers, hierarchy and succession are shared facts, not facts of
// the file that happened to mention an organisation first.
import { createHash } from "node:crypto";
import { registryOrganisations } from "../extract/organisations/index.ts";
import type { GraphConnection } from "./connection.ts";
import { cypher } from "./queries/cypher.ts";
import { folded } from "./rows.ts";

/** The registry's organisations as ingest-registry writes them (the offline first load starts from them too). */
export function registryRows() {
  return registryOrganisations().map((o) => ({
    key: o.key,
    parent: o.parent,
    successor: o.successor,
    props: {
      name: o.name,
      label: o.name,
      nameFolded: folded(o.name),
      // No list rather than an empty one, as rows.ts stores lists: the offline importer cannot write
      // an empty list, and readers take a missing list for an empty one.
      aliases: o.aliases.length ? o.aliases : null,
      aliasesFolded: o.aliases.map(folded).join(" | "),
      code: o.code,
      tier: o.tier,
      jurisdiction: o.jurisdiction,
      unit: o.unit,
      role: o.role,
      validFrom: o.validFrom,
      validTo: o.validTo,
      factSource: o.source,
      certainty: o.certainty,
    },
  }));
}

/** What the Registry node records of the rows loaded, so that an unchanged registry is not written again. */
export function registryChecksum(organisations: ReturnType<typeof registryRows>): string {
  return createHash("sha256").update(JSON.stringify(organisations)).digest("hex");
}

/** Writes the registry when the graph holds a different version; returns how many were written. */
export async function ensureRegistry(graph: GraphConnection): Promise<number> {
  const organisations = registryRows();
  const checksum = registryChecksum(organisations);
  const loaded = await graph.read(async (tx) => {
    const result = await tx.run(cypher("ingest-registry-state"));
    return result.records[0]?.get("checksum") as string | null;
  });
  if (loaded === checksum) return 0;
  await graph.write((tx) => tx.run(cypher("ingest-registry"), { organisations, checksum }));
  return organisations.length;
}
