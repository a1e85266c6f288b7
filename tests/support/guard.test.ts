import { describe, expect, it } from "vitest";
import { assertLocalDatabaseUrl, databaseNameOf, isLocalDatabaseUrl, withDatabaseName } from "./guard";

describe("the guard on TEST_DATABASE_URL", () => {
  it.each([
    "postgres://postgres@127.0.0.1:55433/portal_test",
    "postgresql://user:pw@localhost/portal_test",
    "postgres://LOCALHOST/portal_test",
    "postgres://postgres@[::1]:5432/portal_test",
    "postgres:///portal_test",
    "postgres://postgres@%2Fvar%2Frun%2Fpostgresql/portal_test",
    "postgres:///portal_test?host=/var/run/postgresql&user=postgres",
  ])("accepts the local %s", (url) => {
    expect(isLocalDatabaseUrl(url)).toBe(true);
    expect(assertLocalDatabaseUrl(url)).toBe(url);
  });

  it.each([
    "postgres://postgres@db.example.org/portal",
    "postgres://postgres@10.0.0.5/portal",
    "postgres://postgres@127.0.0.2.example.org/portal",
    "postgres://postgres@localhost.example.org/portal",
    "postgres://postgres@localhost/portal?host=db.example.org",
    "postgres://postgres@localhost/portal?host=/tmp,db.example.org",
    "mysql://root@127.0.0.1/portal",
    "not a url",
  ])("refuses %s with a clear message", (url) => {
    expect(isLocalDatabaseUrl(url)).toBe(false);
    expect(() => assertLocalDatabaseUrl(url)).toThrow(/TEST_DATABASE_URL must point at a PostgreSQL server on this machine/);
  });

  it("does not print the password of a refused URL", () => {
    expect(() => assertLocalDatabaseUrl("postgres://admin:hunter2@db.example.org/portal")).toThrow(/admin:\*\*\*@db\.example\.org/);
    expect(() => assertLocalDatabaseUrl("postgres://admin:hunter2@db.example.org/portal")).not.toThrow(/hunter2/);
  });

  it("derives other databases on the same server", () => {
    expect(withDatabaseName("postgres://postgres@127.0.0.1:55433/portal_test?sslmode=disable", "portal_test_template")).toBe(
      "postgres://postgres@127.0.0.1:55433/portal_test_template?sslmode=disable",
    );
    expect(databaseNameOf("postgres://postgres@127.0.0.1:55433/portal_test")).toBe("portal_test");
    expect(databaseNameOf("postgres://me@127.0.0.1:55433")).toBe("me");
  });
});
