import type { OAuthConfig } from "next-auth/providers/oauth";
import type { OidcClientSettings } from "../env";

/**
 * A next-auth provider for an OpenID Connect issuer found by discovery, with PKCE and state.
 * Used for the DigiD and eHerkenning brokers and for the municipality's own staff provider.
 * Issuers differ in where they put claims (BSN, KvK, roles, groups): the ID token wins and
 * userinfo adds what the ID token lacks.
 */
export function oidcProvider(id: string, name: string, settings: OidcClientSettings): OAuthConfig<Record<string, unknown>> {
  return {
    id,
    name,
    type: "oauth",
    wellKnown: `${settings.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: settings.scope } },
    checks: ["pkce", "state"],
    idToken: true,
    httpOptions: { timeout: 8000 },
    userinfo: {
      async request({ tokens, client }) {
        // next-auth passes openid-client's TokenSet; its declared type is the plain parameters.
        const tokenSet = tokens as unknown as Parameters<typeof client.userinfo>[0] & { claims(): Record<string, unknown> };
        const claims = tokenSet.claims();
        if (!client.issuer.metadata.userinfo_endpoint || !tokens.access_token) return claims;
        try {
          return { ...(await client.userinfo(tokenSet)), ...claims };
        } catch {
          return claims;
        }
      },
    },
    profile(profile) {
      return { id: typeof profile.sub === "string" ? profile.sub : "unknown", email: typeof profile.email === "string" ? profile.email : null };
    },
  };
}
