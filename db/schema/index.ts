// The whole schema, one file per domain. drizzle-kit reads this file to generate migrations.
export * from "./attachments";
export * from "./catalogue";
export * from "./forms";
export * from "./channels";
export * from "./identity";
export * from "./mail";
export * from "./system";
export * from "./deadlines";
export * from "./notifications";
export * from "./submissions";
export * from "./inbox";
export * from "./inbox-terms";
