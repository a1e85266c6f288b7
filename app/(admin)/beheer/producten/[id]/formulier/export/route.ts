import { currentActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { definitionToText } from "@/lib/catalogue/forms/definition";
import { getFormVersion } from "@/lib/catalogue/forms/queries";
import { isUuid } from "@/lib/http/ids";

/** GET …/formulier/export?versie=<id>: one version of a product's form as a JSON file (catalogue:manage). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const versionId = new URL(request.url).searchParams.get("versie");
  const actor = await currentActor();
  if (!can(actor, "catalogue:manage") || !isUuid(id) || !isUuid(versionId)) return new Response("Niet gevonden", { status: 404 });
  const version = await getFormVersion(actor, id, versionId);
  return new Response(definitionToText(version.definition), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="formulier-${version.slug}-versie-${version.version}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
