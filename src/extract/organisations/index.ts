// Organisations: the registry (seeds/registry/) and resolution of written names in context.
export {
  matchKey,
  PROVINCE_MERGE_DATE,
  type ProvinceUnit,
  provinceUnits,
  type RegistryOrganisation,
  registryOrganisations,
  slugify,
} from "./registry.ts";
export {
  canonicalCode,
  mentionPatterns,
  ownerScope,
  type ResolutionContext,
  type ResolvedOrganisation,
  registryOrganisation,
  resolveOrganisation,
  resolveRegistered,
  successorAt,
  unitAt,
} from "./resolve.ts";
