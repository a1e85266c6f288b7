import { isAssuranceLevel, levelLabel } from "../auth/levels";
import type { Register } from "./register";

/**
 * The public register as JSON (GET /api/kanalen). Field names are stable: add fields, never
 * rename or remove them. Pure module.
 */
export const REGISTER_JSON_VERSION = 1;

/** The register of a date as the API gives it. */
export function registerJson(register: Register, municipality: string) {
  return {
    version: REGISTER_JSON_VERSION,
    municipality,
    date: register.date,
    productCount: register.products.length,
    designationCount: register.designationCount,
    products: register.products.map((p) => ({
      slug: p.slug,
      name: p.name,
      uplName: p.uplName,
      url: `/producten/${p.slug}`,
      messageTypes: p.messageTypes.map((t) => ({
        type: t.type,
        official: t.official,
        channels: t.channels.map((c) => ({
          kind: c.kind,
          name: c.name,
          address: c.address,
          details: c.details,
          validFrom: c.validFrom,
          validTo: c.validTo,
          conditions: {
            loginLevel: c.conditions.loginLevel,
            loginLevelLabel: c.conditions.loginLevel && isAssuranceLevel(c.conditions.loginLevel) ? levelLabel(c.conditions.loginLevel) : null,
            maxFileSizeMb: c.conditions.maxFileSizeMb,
            allowedFileTypes: c.conditions.allowedFileTypes,
          },
          decision: c.decision,
        })),
      })),
    })),
  };
}
