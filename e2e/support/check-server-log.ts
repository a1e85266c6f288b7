// Fails when the portal's log from an e2e run contains a BSN (R30: never in a log line).
//   tsx e2e/support/check-server-log.ts <server.log> [...more logs]
import { existsSync, readFileSync } from "node:fs";
import { findBsns, maskForReport } from "./bsn-guard";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: tsx e2e/support/check-server-log.ts <server.log>...");
  process.exit(2);
}
let problems = 0;
for (const file of files) {
  if (!existsSync(file)) {
    console.error(`The server log ${file} is missing: the e2e run did not write it.`);
    problems++;
    continue;
  }
  const lines = readFileSync(file, "utf8").split("\n");
  lines.forEach((line, index) => {
    const bsns = findBsns(line);
    if (bsns.length > 0) {
      problems++;
      console.error(`${file}:${index + 1}: a BSN (${bsns.map(maskForReport).join(", ")}) appears in the server log.`);
    }
  });
  if (problems === 0) console.log(`${file}: ${lines.length} lines, no BSN.`);
}
process.exit(problems > 0 ? 1 : 0);
