/**
 * Assurance levels (betrouwbaarheidsniveaus), R28. DigiD Basis and Midden map to eIDAS low,
 * Substantieel to substantial, Hoog to high; eHerkenning EH2 and EH2+ to low, EH3 to
 * substantial, EH4 to high. Within one eIDAS level the native levels keep their order (Midden
 * is more than Basis), so a product recorded at DigiD Midden is not opened with Basis.
 * Pure functions, no I/O.
 */

export const digidLevels = ["basis", "midden", "substantieel", "hoog"] as const;
export const eherkenningLevels = ["eh2", "eh2+", "eh3", "eh4"] as const;
export type DigidLevel = (typeof digidLevels)[number];
export type EherkenningLevel = (typeof eherkenningLevels)[number];
export type AssuranceLevel = DigidLevel | EherkenningLevel;
export type EidasLevel = "low" | "substantial" | "high";

const table: Record<AssuranceLevel, { eidas: EidasLevel; rank: number; label: string }> = {
  basis: { eidas: "low", rank: 10, label: "DigiD Basis" },
  midden: { eidas: "low", rank: 20, label: "DigiD Midden" },
  substantieel: { eidas: "substantial", rank: 30, label: "DigiD Substantieel" },
  hoog: { eidas: "high", rank: 40, label: "DigiD Hoog" },
  eh2: { eidas: "low", rank: 10, label: "eHerkenning EH2" },
  "eh2+": { eidas: "low", rank: 20, label: "eHerkenning EH2+" },
  eh3: { eidas: "substantial", rank: 30, label: "eHerkenning EH3" },
  eh4: { eidas: "high", rank: 40, label: "eHerkenning EH4" },
};

export function isAssuranceLevel(value: unknown): value is AssuranceLevel {
  return typeof value === "string" && value in table;
}

/** The eIDAS level of a DigiD or eHerkenning level. */
export function eidasLevel(level: AssuranceLevel): EidasLevel {
  return table[level].eidas;
}

/** How the level is named to people, e.g. "DigiD Midden". */
export function levelLabel(level: AssuranceLevel): string {
  return table[level].label;
}

/** True when a login at `reached` is enough for something that requires `required`. */
export function meetsLevel(reached: AssuranceLevel, required: AssuranceLevel): boolean {
  return table[reached].rank >= table[required].rank;
}

/**
 * Reads a level from what a broker sends: a DigiD/eHerkenning name ("Midden", "EH3"), or a
 * SAML/eIDAS authentication context class URI as brokers commonly put in `acr`.
 */
export function parseAssuranceLevel(raw: unknown, kind: "digid" | "eherkenning"): AssuranceLevel | null {
  if (typeof raw !== "string") return null;
  const value = raw.trim().toLowerCase();
  if (kind === "digid") {
    if (/(^|[:/])(basis|basic)$/.test(value) || value.endsWith("passwordprotectedtransport") || value === "10") return "basis";
    if (/(^|[:/])midden$/.test(value) || value.endsWith("mobiletwofactorcontract") || value === "20") return "midden";
    if (/(^|[:/])(substantieel|substantial)$/.test(value) || value.endsWith("smartcard") || value === "25" || value === "30") return "substantieel";
    if (/(^|[:/])(hoog|high)$/.test(value) || value.endsWith("smartcardpki") || value === "40") return "hoog";
    return null;
  }
  const eh = value.match(/(?:^|[:/.])(?:eh|loa)(2\+|2plus|2|3|4)$/);
  if (eh) return eh[1] === "2" ? "eh2" : eh[1] === "3" ? "eh3" : eh[1] === "4" ? "eh4" : "eh2+";
  return null;
}
