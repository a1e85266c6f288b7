import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { isValidBsn, normaliseBsn } from "./bsn";

/**
 * BSN at rest (R30): encrypted with AES-256-GCM under a key derived from PARTY_DATA_KEY, plus a
 * keyed hash (HMAC-SHA256 under a second derived key) so a party can be found by BSN without
 * decrypting every row. The plain BSN exists only in memory, only as long as needed.
 */

function deriveKey(masterKeyBase64: string, purpose: "bsn-encryption" | "bsn-lookup"): Buffer {
  const master = Buffer.from(masterKeyBase64, "base64");
  if (master.length !== 32) throw new Error("PARTY_DATA_KEY must be 32 bytes in base64.");
  return Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), `mijnomgeving:${purpose}:v1`, 32));
}

function validBsnOrThrow(bsn: string): string {
  const normal = normaliseBsn(bsn);
  if (!normal || !isValidBsn(normal)) throw new Error("Not a valid BSN.");
  return normal;
}

/** The lookup hash of a BSN: equal BSNs give equal hashes; without the key it reveals nothing. */
export function bsnLookupHash(bsn: string, masterKeyBase64: string): string {
  return createHmac("sha256", deriveKey(masterKeyBase64, "bsn-lookup")).update(validBsnOrThrow(bsn)).digest("base64url");
}

/** Encrypts a BSN as "v1.<iv>.<tag>.<ciphertext>" (base64url parts). */
export function encryptBsn(bsn: string, masterKeyBase64: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey(masterKeyBase64, "bsn-encryption"), iv);
  const ciphertext = Buffer.concat([cipher.update(validBsnOrThrow(bsn), "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** Decrypts what encryptBsn produced; throws when it was tampered with or the key is wrong. */
export function decryptBsn(sealed: string, masterKeyBase64: string): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !ciphertext) throw new Error("Unknown BSN encryption format.");
  const decipher = createDecipheriv("aes-256-gcm", deriveKey(masterKeyBase64, "bsn-encryption"), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

/** A BSN as staff see it by default: only the last three digits, e.g. "••••••782". */
export function maskBsn(bsn: string): string {
  const normal = normaliseBsn(bsn) ?? bsn;
  return "•".repeat(Math.max(0, normal.length - 3)) + normal.slice(-3);
}
