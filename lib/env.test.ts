import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigurationError, contrastRatio, parseEnv } from "./env";

// A production configuration that may start; each test below breaks one thing in it.
const production = {
  DATABASE_URL: "postgres://portal:secret@db.internal:5432/portal",
  PUBLIC_URL: "https://mijn.voorbeeldstad.nl",
  AUTH_SECRET: "x".repeat(48),
  PARTY_DATA_KEY: Buffer.alloc(32, 7).toString("base64"),
  SMTP_URL: "smtp://mail.internal:25",
} satisfies Record<string, string>;

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).problems;
  }
  return [];
}

describe("environment (lib/env)", () => {
  it("defaults to demo mode on the embedded database without DATABASE_URL", () => {
    const env = parseEnv({});
    expect(env.mode).toBe("demo");
    expect(env.database).toEqual({ kind: "pglite", dataDir: path.resolve(".data", "pglite") });
    expect(env.demoFeatures).toBe(true);
    expect(env.smtpUrl).toBeUndefined();
    expect(env.runWorker).toBe(true);
  });

  it("treats empty values as not set, as .env files write them", () => {
    expect(parseEnv({ DATABASE_URL: "", SMTP_URL: "" }).mode).toBe("demo");
  });

  it("defaults to production mode with DATABASE_URL, and then demands its settings", () => {
    const problems = problemsOf({ DATABASE_URL: production.DATABASE_URL });
    expect(problems.some((p) => p.startsWith("AUTH_SECRET"))).toBe(true);
    expect(problems.some((p) => p.startsWith("DEMO_FEATURES"))).toBe(false);
    const env = parseEnv(production);
    expect(env.mode).toBe("production");
    expect(env.database).toEqual({ kind: "postgres", url: production.DATABASE_URL });
    expect(env.demoFeatures).toBe(false);
  });

  it("accepts a complete production configuration", () => {
    expect(problemsOf(production)).toEqual([]);
    const env = parseEnv({ ...production, PUBLIC_URL: "https://mijn.voorbeeldstad.nl/" });
    expect(env.publicUrl).toBe("https://mijn.voorbeeldstad.nl");
    expect(env.mailFrom).toBe("Gemeente Voorbeeldstad <noreply@voorbeeldstad.example>");
  });

  it.each([
    ["AUTH_SECRET missing", { AUTH_SECRET: undefined }, /^AUTH_SECRET is required in production/],
    ["PARTY_DATA_KEY missing", { PARTY_DATA_KEY: undefined }, /^PARTY_DATA_KEY is required in production/],
    ["SMTP_URL missing", { SMTP_URL: undefined }, /^SMTP_URL is required in production/],
    ["PUBLIC_URL on http", { PUBLIC_URL: "http://mijn.voorbeeldstad.nl" }, /^PUBLIC_URL must start with https:\/\//],
    ["PUBLIC_URL left at its default", { PUBLIC_URL: undefined }, /^PUBLIC_URL must start with https:\/\//],
    ["the embedded database", { DATABASE_URL: undefined, PORTAL_MODE: "production" }, /^DATABASE_URL is required in production/],
    ["demo features on", { DEMO_FEATURES: "true" }, /^DEMO_FEATURES is on/],
  ])("refuses production with %s, naming exactly that problem", (_case, change, expected) => {
    const problems = problemsOf({ ...production, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it("allows demo features in production only with ALLOW_DEMO_FEATURES_IN_PRODUCTION", () => {
    const env = parseEnv({ ...production, DEMO_FEATURES: "true", ALLOW_DEMO_FEATURES_IN_PRODUCTION: "true" });
    expect(env.demoFeatures).toBe(true);
    expect(env.allowDemoInProduction).toBe(true);
  });

  it("configures S3-compatible attachment storage, and names what is missing", () => {
    const s3 = { ATTACHMENT_STORE: "s3", S3_ENDPOINT: "http://minio.internal:9000/", S3_BUCKET: "portal-attachments", S3_ACCESS_KEY_ID: "portal", S3_SECRET_ACCESS_KEY: "s3cr3t-value" };
    const env = parseEnv({ ...production, ...s3 });
    expect(env.attachmentStore).toBe("s3");
    expect(env.s3).toEqual({ endpoint: "http://minio.internal:9000", region: "us-east-1", bucket: "portal-attachments", accessKeyId: "portal", secretAccessKey: "s3cr3t-value", keyPrefix: "" });
    expect(parseEnv({ ...production, ...s3, S3_REGION: "eu-central-1", S3_KEY_PREFIX: "mijnomgeving/" }).s3).toMatchObject({ region: "eu-central-1", keyPrefix: "mijnomgeving/" });
    expect(parseEnv(production).s3).toBeUndefined();
    const problems = problemsOf({ ...production, ...s3, S3_SECRET_ACCESS_KEY: undefined });
    expect(problems).toEqual(["ATTACHMENT_STORE=s3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (S3_REGION defaults to us-east-1)."]);
    expect(problemsOf({ ...production, ...s3, S3_BUCKET: "Not_A_Bucket" })[0]).toMatch(/^S3_BUCKET: must be a bucket name/);
    // A refused configuration lists problems, never the secret itself.
    expect(problemsOf({ ...production, ...s3, S3_ENDPOINT: "not a url" }).join("\n")).not.toContain("s3cr3t-value");
  });

  it("lists every problem at once", () => {
    const problems = problemsOf({ DATABASE_URL: production.DATABASE_URL });
    expect(problems).toHaveLength(4);
    expect(() => parseEnv({ DATABASE_URL: production.DATABASE_URL })).toThrow(/cannot start with this configuration:\n- AUTH_SECRET/);
  });

  it.each([
    ["AUTH_SECRET too short", { AUTH_SECRET: "short" }, /^AUTH_SECRET: must be at least 32 characters/],
    ["PARTY_DATA_KEY not 32 bytes", { PARTY_DATA_KEY: "c2hvcnQ=" }, /^PARTY_DATA_KEY: must be 32 random bytes/],
    ["PORTAL_MODE unknown", { PORTAL_MODE: "staging" }, /^PORTAL_MODE:/],
    ["colour not a colour", { MUNICIPALITY_COLOUR_PRIMARY: "blue" }, /^MUNICIPALITY_COLOUR_PRIMARY: must be a colour like #1a5f8a/],
    ["DEMO_FEATURES not a yes or no", { DEMO_FEATURES: "maybe" }, /^DEMO_FEATURES:/],
  ])("refuses a malformed value: %s", (_case, change, expected) => {
    const problems = problemsOf({ ...production, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it.each([
    ["MUNICIPALITY_COLOUR_PRIMARY", "#FFCC00", "#ffcc00 has a contrast of 1.51:1"],
    ["MUNICIPALITY_COLOUR_ACCENT", "#777777", "#777777 has a contrast of 4.48:1"],
  ])("refuses a low-contrast %s with its ratio, in every mode", (name, colour, expected) => {
    for (const source of [{}, production]) {
      const problems = problemsOf({ ...source, [name]: colour });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(`${name}: ${expected} with white text`);
      expect(problems[0]).toContain("at least 4.5:1");
    }
  });

  it("accepts a brand colour just above 4.5:1", () => {
    expect(parseEnv({ MUNICIPALITY_COLOUR_PRIMARY: "#767676" }).municipality.colourPrimary).toBe("#767676");
  });
});

describe("contrastRatio (WCAG 2.1)", () => {
  it.each([
    ["#000000", "#ffffff", 21],
    ["#ffffff", "#000000", 21],
    ["#ffffff", "#ffffff", 1],
    ["#1a5f8a", "#1a5f8a", 1],
    ["#767676", "#ffffff", 4.54],
    ["#777777", "#ffffff", 4.48],
    ["#0000ff", "#ffffff", 8.59],
    ["#ff0000", "#ffffff", 4.0],
  ])("%s on %s is %s:1", (a, b, expected) => {
    expect(contrastRatio(a, b)).toBeCloseTo(expected, 2);
  });
});

describe("INBOX_REMINDER_DAYS (R21)", () => {
  it("defaults to 7 and 1 days, largest first", () => {
    expect(parseEnv({}).inbox.reminderDays).toEqual([7, 1]);
    expect(parseEnv({ INBOX_REMINDER_DAYS: " 1, 14 ,3" }).inbox.reminderDays).toEqual([14, 3, 1]);
  });

  it("refuses anything but different whole numbers of days from 1 to 60", () => {
    for (const bad of ["0", "7,7", "abc", "7;1", "61", "1.5", "7,,1"]) {
      expect(problemsOf({ INBOX_REMINDER_DAYS: bad }).some((p) => p.startsWith("INBOX_REMINDER_DAYS")), bad).toBe(true);
    }
  });
});
