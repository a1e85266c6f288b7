import { findChromium, HOW_TO_INSTALL } from "./browser";

// Used by scripts/test-e2e.sh before it starts anything: prints the browser that will be used
// and exits 0, or exits 3 when there is none (with --explain: also how to install one).
try {
  const found = findChromium();
  if (found) {
    console.log(`${found.source}: ${found.executablePath}`);
    process.exit(0);
  }
  if (process.argv.includes("--explain")) console.error(HOW_TO_INSTALL);
  process.exit(3);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
