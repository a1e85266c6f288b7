const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID: record ids in URLs and forms are checked with this before any query (else "not found"). */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
