// The whole schema, one file per domain. drizzle-kit reads this file to generate migrations.
export * from "./catalogue";
export * from "./identity";
export * from "./mail";
export * from "./system";
export * from "./notifications";
