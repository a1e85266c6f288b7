// Stands in for the "server-only" package in tests: outside Next there is no client bundle to guard.
export {};
