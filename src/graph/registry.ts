// Loads the organisation registry into the graph once per registry version: resolved names in
// every file point at these nodes, so tiers, hierarchy and succession are shared facts, not facts of
// the file that happened to mention an organisation first.
import { createHash } from "node:crypto";
import { registryOrganisations } from "../extract/organisations/index.ts";
import type { GraphConnection } from "./connection.ts";
import { cypher } from "./queries/cypher.ts";
import { folded } from "./rows.ts";

/** Writes the registry when the graph holds a different version; returns how many were written. */
export async function ensureRegistry(graph: GraphConnection): Promise<number> {
  const organisations = registryOrganisations().map((o) => ({
    key: o.key,
    parent: o.parent,
    successor: o.successor,
    props: {
      name: o.name,
      label: o.name,
      nameFolded: folded(o.name),
      aliases: o.aliases,
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
  const checksum = createHash("sha256").update(JSON.stringify(organisations)).digest("hex");
  const loaded = await graph.read(async (tx) => {
    const result = await tx.run(cypher("ingest-registry-state"));
    return result.records[0]?.get("checksum") as string | null;
  });
  if (loaded === checksum) return 0;
  await graph.write((tx) => tx.run(cypher("ingest-registry"), { organisations, checksum }));
  return organisations.length;
}
