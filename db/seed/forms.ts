import type { Db } from "../index";
import { seedForms } from "../../lib/catalogue/forms/service";
import aanvullingAanvraag from "./forms/aanvulling-aanvraag.json";
import bezwaarMaken from "./forms/bezwaar-maken.json";
import bijzondereBijstand from "./forms/bijzondere-bijstand.json";
import evenementenvergunning from "./forms/evenementenvergunning.json";
import ingebrekestelling from "./forms/ingebrekestelling.json";
import klachtIndienen from "./forms/klacht-indienen.json";
import kwijtscheldingBelastingen from "./forms/kwijtschelding-belastingen.json";
import meldingOpenbareRuimte from "./forms/melding-openbare-ruimte.json";
import omgevingsvergunningKap from "./forms/omgevingsvergunning-kap.json";
import parkeervergunningBewoners from "./forms/parkeervergunning-bewoners.json";
import verhuizingDoorgeven from "./forms/verhuizing-doorgeven.json";
import wooVerzoek from "./forms/woo-verzoek.json";
import zienswijzeOntwerpbesluit from "./forms/zienswijze-ontwerpbesluit.json";

/** The demo forms, by product slug (db/seed/forms/<slug>.json, format in docs/forms.md). */
export const demoForms: Record<string, unknown> = {
  "aanvulling-aanvraag": aanvullingAanvraag,
  "bezwaar-maken": bezwaarMaken,
  "bijzondere-bijstand": bijzondereBijstand,
  "evenementenvergunning": evenementenvergunning,
  "ingebrekestelling": ingebrekestelling,
  "klacht-indienen": klachtIndienen,
  "kwijtschelding-belastingen": kwijtscheldingBelastingen,
  "melding-openbare-ruimte": meldingOpenbareRuimte,
  "omgevingsvergunning-kap": omgevingsvergunningKap,
  "parkeervergunning-bewoners": parkeervergunningBewoners,
  "verhuizing-doorgeven": verhuizingDoorgeven,
  "woo-verzoek": wooVerzoek,
  "zienswijze-ontwerpbesluit": zienswijzeOntwerpbesluit,
};

/** Seeds version 1 (published) of each demo form whose product exists and has no form yet; missing products are skipped. */
export async function seedDemoForms(db: Db): Promise<number> {
  return db.transaction((tx) => seedForms(tx, demoForms));
}
