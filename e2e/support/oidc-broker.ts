import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import Provider from "oidc-provider";

/**
 * A real OpenID Connect provider (oidc-provider) standing in for a DigiD broker in the e2e
 * tests. Its login page is our own small, accessible form (the fixtures run axe on every page,
 * the provider's too): a BSN field (left empty, the broker answers without a bsn claim), a level
 * and "Annuleren" (the broker answers access_denied). It also stands in for the municipality's
 * identity provider for staff: an account "medewerker:<name>" gets an e-mail address, a name
 * and the role claim "KCC".
 */

export const BROKER_PORT = 3490;
export const BROKER_ISSUER = `http://127.0.0.1:${BROKER_PORT}`;
export const BROKER_CLIENT = { id: "mijnomgeving-e2e", secret: "e2e-broker-secret-not-for-production" };

/** The acr values the broker offers, as brokers send them (SAML authentication context classes). */
export const BROKER_LEVELS = {
  basis: "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport",
  midden: "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
  substantieel: "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard",
  onbekend: "urn:example:unknown-level",
} as const;

const NO_BSN = "geen-bsn";
/** Account ids with this prefix are staff of the municipality, not residents. */
export const STAFF_PREFIX = "medewerker:";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPage(uid: string): string {
  const options = Object.entries(BROKER_LEVELS)
    .map(([name, value]) => `<option value="${escapeHtml(value)}"${name === "midden" ? " selected" : ""}>${escapeHtml(name)}</option>`)
    .join("");
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Test-broker: inloggen</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>Test-broker (DigiD)</h1>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<p><label for="bsn">BSN</label><br><input id="bsn" name="bsn" autocomplete="off"></p>
<p><label for="acr">Niveau</label><br><select id="acr" name="acr">${options}</select></p>
<p><button type="submit" name="action" value="login">Inloggen bij broker</button>
<button type="submit" name="action" value="cancel">Annuleren bij broker</button></p>
</form></main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/** Starts the broker for a portal at `portalUrl` (its callback is registered); stop() ends it. */
export async function startBroker(portalUrl: string): Promise<{ stop: () => Promise<void> }> {
  const provider = new Provider(BROKER_ISSUER, {
    clients: [
      {
        client_id: BROKER_CLIENT.id,
        client_secret: BROKER_CLIENT.secret,
        redirect_uris: [`${portalUrl}/api/auth/callback/digid`, `${portalUrl}/api/auth/callback/staff-oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    // next-auth 4 reads the claims from the ID token.
    conformIdTokenClaims: false,
    // acr under the openid scope: brokers always send the level, asked for or not.
    claims: { auth_time: null, sid: null, iss: null, openid: ["sub", "bsn", "acr", "roles"], email: ["email"], profile: ["name"] },
    acrValues: Object.values(BROKER_LEVELS),
    cookies: { keys: ["e2e-broker-cookie-key-0123456789"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () =>
        id.startsWith(STAFF_PREFIX)
          ? { sub: id, email: `${id.slice(STAFF_PREFIX.length)}@voorbeeldstad.example`, name: `Medewerker ${id.slice(STAFF_PREFIX.length)}`, roles: ["KCC"] }
          : id === NO_BSN
            ? { sub: id }
            : { sub: id, bsn: id },
    }),
  });
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, step: string | undefined) {
    if (req.method === "GET" && !step) {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(loginPage(uid));
      return;
    }
    const details = await provider.interactionDetails(req, res);
    const form = await readForm(req);
    if (form.get("action") === "cancel") {
      await provider.interactionFinished(req, res, { error: "access_denied", error_description: "De gebruiker heeft het inloggen afgebroken." }, { mergeWithLastSubmission: false });
      return;
    }
    const accountId = form.get("bsn")?.trim() || NO_BSN;
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope ?? "openid"));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId, acr: form.get("acr") ?? BROKER_LEVELS.midden }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  const server: Server = createServer((req, res) => {
    const match = new URL(req.url ?? "/", BROKER_ISSUER).pathname.match(/^\/interaction\/([^/]+)(?:\/(login))?$/);
    if (!match) {
      callback(req, res);
      return;
    }
    interaction(req, res, match[1]!, match[2]).catch((error: Error) => {
      res.writeHead(500, { "Content-Type": "text/plain" }).end(`broker error: ${error.message}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(BROKER_PORT, "127.0.0.1", () => resolve());
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
