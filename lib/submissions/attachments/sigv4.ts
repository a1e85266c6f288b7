import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * AWS Signature Version 4 (the header form), as S3-compatible object stores (AWS S3, MinIO, Ceph,
 * Garage) expect it. Pure: no clock, no network; the caller passes the time and the request.
 * See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html.
 */

export const ALGORITHM = "AWS4-HMAC-SHA256";
/** SHA-256 of no bytes: the payload hash of a GET or DELETE. */
export const EMPTY_PAYLOAD_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** "s3" for object storage. */
  service: string;
}

export interface SignableRequest {
  method: string;
  /** The path as sent, already URI-encoded (S3 does not encode it a second time). */
  path: string;
  /** The query string as sent, without "?"; "" when there is none. */
  query: string;
  /** Header names in any case; every one of them is signed. Must include host and x-amz-date. */
  headers: Record<string, string>;
  /** Hex SHA-256 of the body, or "UNSIGNED-PAYLOAD". */
  payloadHash: string;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ is %XX (upper-case hex). */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** An object key as a URL path: every segment encoded, the slashes kept. */
export function encodeKeyPath(key: string): string {
  return key.split("/").map(uriEncode).join("/");
}

/** "20150830T123600Z" */
export function amzDate(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function canonicalQuery(query: string): string {
  if (query === "") return "";
  const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, "%20"));
  return query
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair) => {
      const at = pair.indexOf("=");
      const name = at === -1 ? pair : pair.slice(0, at);
      const value = at === -1 ? "" : pair.slice(at + 1);
      return [uriEncode(decode(name)), uriEncode(decode(value))] as const;
    })
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}

/** The canonical request and the signed header list (step 1 of the algorithm). */
export function canonicalRequest(request: SignableRequest): { canonical: string; signedHeaders: string } {
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(request.headers)) {
    const lower = name.toLowerCase();
    const clean = value.trim().replace(/\s+/g, " ");
    headers.set(lower, headers.has(lower) ? `${headers.get(lower)},${clean}` : clean);
  }
  const names = [...headers.keys()].sort();
  const signedHeaders = names.join(";");
  const canonical = [
    request.method.toUpperCase(),
    request.path === "" ? "/" : request.path,
    canonicalQuery(request.query),
    names.map((name) => `${name}:${headers.get(name)}\n`).join(""),
    signedHeaders,
    request.payloadHash,
  ].join("\n");
  return { canonical, signedHeaders };
}

/** "20150830/us-east-1/service/aws4_request" */
export function credentialScope(date: string, credentials: Pick<SigningCredentials, "region" | "service">): string {
  return `${date.slice(0, 8)}/${credentials.region}/${credentials.service}/aws4_request`;
}

/** Step 2: what the signing key signs. */
export function stringToSign(date: string, scope: string, canonical: string): string {
  return [ALGORITHM, date, scope, sha256Hex(canonical)].join("\n");
}

/** Step 3: the key derived from the secret, the day, the region and the service. */
export function signingKey(secretAccessKey: string, day: string, region: string, service: string): Buffer {
  const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();
  return hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, day), region), service), "aws4_request");
}

/** The signature (hex) of a request whose x-amz-date header is `date`. */
export function signature(request: SignableRequest, credentials: SigningCredentials, date: string): { signature: string; signedHeaders: string } {
  const { canonical, signedHeaders } = canonicalRequest(request);
  const scope = credentialScope(date, credentials);
  const key = signingKey(credentials.secretAccessKey, date.slice(0, 8), credentials.region, credentials.service);
  return { signature: createHmac("sha256", key).update(stringToSign(date, scope, canonical)).digest("hex"), signedHeaders };
}

/** The Authorization header value of a request whose x-amz-date header is `date`. */
export function authorizationHeader(request: SignableRequest, credentials: SigningCredentials, date: string): string {
  const signed = signature(request, credentials, date);
  return `${ALGORITHM} Credential=${credentials.accessKeyId}/${credentialScope(date, credentials)}, SignedHeaders=${signed.signedHeaders}, Signature=${signed.signature}`;
}

/**
 * Signs a request to `url`: returns the headers to send (the given ones plus x-amz-date,
 * x-amz-content-sha256 and Authorization). Host is signed but left to fetch to send.
 */
export function signedHeaders(
  input: { method: string; url: URL; headers?: Record<string, string>; payloadHash: string },
  credentials: SigningCredentials,
  now: Date,
): Record<string, string> {
  const date = amzDate(now);
  const headers: Record<string, string> = { ...input.headers, "x-amz-date": date, "x-amz-content-sha256": input.payloadHash };
  const authorization = authorizationHeader(
    { method: input.method, path: input.url.pathname, query: input.url.search.replace(/^\?/, ""), headers: { ...headers, host: input.url.host }, payloadHash: input.payloadHash },
    credentials,
    date,
  );
  return { ...headers, authorization };
}

export type VerifyResult = { ok: true; accessKeyId: string } | { ok: false; reason: string };

/**
 * The server side: checks a received request's Authorization header against the secret of its
 * access key. `headers` are the received headers (lower-case names, as node:http gives them).
 */
export function verifyRequest(
  request: { method: string; path: string; query: string; headers: Record<string, string | string[] | undefined> },
  secretOf: (accessKeyId: string) => string | undefined,
  expected: { region: string; service: string },
): VerifyResult {
  const header = request.headers.authorization;
  if (typeof header !== "string") return { ok: false, reason: "no Authorization header" };
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(header);
  if (!match) return { ok: false, reason: "malformed Authorization header" };
  const [, accessKeyId, day, region, service, signedList, given] = match as unknown as [string, string, string, string, string, string, string];
  if (region !== expected.region || service !== expected.service) return { ok: false, reason: "wrong credential scope" };
  const secretAccessKey = secretOf(accessKeyId);
  if (!secretAccessKey) return { ok: false, reason: "unknown access key" };
  const date = request.headers["x-amz-date"];
  const payloadHash = request.headers["x-amz-content-sha256"];
  if (typeof date !== "string" || !date.startsWith(day)) return { ok: false, reason: "x-amz-date missing or not the credential's day" };
  if (typeof payloadHash !== "string") return { ok: false, reason: "x-amz-content-sha256 missing" };
  const names = signedList.split(";");
  if (!names.includes("host") || !names.includes("x-amz-date")) return { ok: false, reason: "host and x-amz-date must be signed" };
  const headers: Record<string, string> = {};
  for (const name of names) {
    const value = request.headers[name];
    if (value === undefined) return { ok: false, reason: `signed header ${name} is missing` };
    headers[name] = Array.isArray(value) ? value.join(",") : value;
  }
  const computed = signature({ method: request.method, path: request.path, query: request.query, headers, payloadHash }, { accessKeyId, secretAccessKey, region, service }, date);
  const same = computed.signedHeaders === signedList && timingSafeEqual(Buffer.from(computed.signature, "hex"), Buffer.from(given, "hex"));
  return same ? { ok: true, accessKeyId } : { ok: false, reason: "signature does not match" };
}
