import { isLocale, LOCALE_COOKIE } from "@/lib/i18n";

/** Only a path on this site may be the way back: no open redirect. */
function safeReturnPath(value: FormDataEntryValue | null): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}

/** POST /api/taal: stores the chosen language in a cookie and goes back to the page the visitor came from. */
export async function POST(request: Request) {
  const form = await request.formData();
  const chosen = form.get("taal");
  const back = safeReturnPath(form.get("terug"));
  const headers = new Headers({ Location: back });
  if (isLocale(chosen)) {
    const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
    headers.append("Set-Cookie", `${LOCALE_COOKIE}=${chosen}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly${secure}`);
  }
  return new Response(null, { status: 303, headers });
}
