import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { createSmtpPool, type SmtpPool } from "@/lib/mail/smtp-pool";
import { classifyMailError } from "@/lib/mail/transport";

/**
 * The SMTP pool of the mail transport (lib/mail/smtp-pool.ts) against a real SMTP server on
 * 127.0.0.1: connections are reused and limited, a refused message leaves the connection usable,
 * a failed message is never sent again by the pool, AUTH works, and a connection the server
 * closes is replaced.
 */

interface Sink {
  server: SMTPServer;
  port: number;
  received: { to: string[]; raw: string; connection: string }[];
  connections: Set<string>;
  maxOpen: number;
  open: () => number;
}

async function startSink(extra: Partial<SMTPServerOptions> = {}): Promise<Sink> {
  let open = 0;
  const sink: Sink = { server: null as unknown as SMTPServer, port: 0, received: [], connections: new Set(), maxOpen: 0, open: () => open };
  sink.server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    closeTimeout: 100,
    onConnect(session, callback) {
      sink.connections.add(session.id);
      sink.maxOpen = Math.max(sink.maxOpen, ++open);
      callback();
    },
    onClose() {
      open--;
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("unknown@")) return callback(Object.assign(new Error("5.1.1 No such user here"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        sink.received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8"), connection: session.id });
        // A little latency, so sends overlap.
        setTimeout(() => callback(), 5);
      });
    },
    ...extra,
  });
  await new Promise<void>((resolve) => sink.server.listen(0, "127.0.0.1", resolve));
  sink.port = (sink.server.server.address() as AddressInfo).port;
  return sink;
}

const message = (i: number) => Buffer.from(`From: a@example.org\r\nTo: b${i}@example.org\r\nSubject: test ${i}\r\nMessage-ID: <m${i}@example.org>\r\n\r\nRegel een.\r\n.begint met een punt\r\n`);

describe("SMTP pool against a real SMTP server", () => {
  let pool: SmtpPool | undefined;
  let sink: Sink | undefined;
  afterEach(async () => {
    pool?.close();
    pool = undefined;
    const server = sink?.server;
    sink = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("sends each message once over at most maxConnections connections, reusing them, and keeps the message as it is", async () => {
    sink = await startSink();
    pool = createSmtpPool(`smtp://127.0.0.1:${sink.port}?maxConnections=3`);
    const infos = await Promise.all(Array.from({ length: 30 }, (_, i) => pool!.send({ from: "a@example.org", to: [`b${i}@example.org`], message: message(i) })));
    expect(infos.every((info) => /^250/.test(info.response))).toBe(true);
    expect(sink.received).toHaveLength(30);
    expect(new Set(sink.received.map((r) => r.to[0])).size).toBe(30);
    expect(sink.maxOpen).toBeLessThanOrEqual(3);
    expect(sink.connections.size).toBe(3);
    // A line starting with a dot arrives intact (dot-stuffing on the wire).
    expect(sink.received[0]!.raw).toContain("\r\n.begint met een punt\r\n");
    // Closing the pool closes its connections.
    pool.close();
    const deadline = Date.now() + 2000;
    while (sink.open() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(sink.open()).toBe(0);
  });

  it("opens a new connection after maxMessages", async () => {
    sink = await startSink();
    pool = createSmtpPool(`smtp://127.0.0.1:${sink.port}?maxConnections=1&maxMessages=4`);
    for (let i = 0; i < 10; i++) await pool.send({ from: "a@example.org", to: [`b${i}@example.org`], message: message(i) });
    expect(sink.received).toHaveLength(10);
    expect(sink.connections.size).toBe(3);
  });

  it("fails a refused message back to the caller and uses the same connection for the next", async () => {
    sink = await startSink();
    pool = createSmtpPool(`smtp://127.0.0.1:${sink.port}?maxConnections=1`);
    const refused = await pool.send({ from: "a@example.org", to: ["unknown@example.org"], message: message(1) }).then(
      () => null,
      (e: unknown) => e as { responseCode?: number; code?: string },
    );
    expect(refused?.responseCode).toBe(550);
    expect(refused?.code).toBe("EENVELOPE");
    await pool.send({ from: "a@example.org", to: ["b2@example.org"], message: message(2) });
    expect(sink.received.map((r) => r.to[0])).toEqual(["b2@example.org"]);
    expect(sink.connections.size).toBe(1);
  });

  it("logs in when the URL carries credentials", async () => {
    const logins: string[] = [];
    sink = await startSink({
      authOptional: false,
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        logins.push(`${auth.username}:${auth.password}`);
        if (auth.username === "portal" && auth.password === "geheim") return callback(null, { user: "portal" });
        callback(new Error("Invalid username or password"));
      },
    });
    pool = createSmtpPool(`smtp://portal:geheim@127.0.0.1:${sink.port}`);
    await pool.send({ from: "a@example.org", to: ["b1@example.org"], message: message(1) });
    expect(logins).toEqual(["portal:geheim"]);
    expect(sink.received).toHaveLength(1);
    pool.close();
    pool = createSmtpPool(`smtp://portal:fout@127.0.0.1:${sink.port}`);
    const error = await pool.send({ from: "a@example.org", to: ["b2@example.org"], message: message(2) }).then(
      () => null,
      (e: unknown) => e as { code?: string },
    );
    expect(error?.code).toBe("EAUTH");
    expect(sink.received).toHaveLength(1);
  });

  it("replaces a connection the server closed while it was idle, and fails sends while the server is down", async () => {
    sink = await startSink({ socketTimeout: 200 });
    pool = createSmtpPool(`smtp://127.0.0.1:${sink.port}?maxConnections=1`);
    await pool.send({ from: "a@example.org", to: ["b1@example.org"], message: message(1) });
    // The server closes the idle connection after 200 ms.
    await new Promise((r) => setTimeout(r, 600));
    await pool.send({ from: "a@example.org", to: ["b2@example.org"], message: message(2) });
    expect(sink.received.map((r) => r.to[0])).toEqual(["b1@example.org", "b2@example.org"]);
    expect(sink.connections.size).toBe(2);

    const port = sink.port;
    const server = sink.server;
    sink = undefined;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const down = await pool.send({ from: "a@example.org", to: ["b3@example.org"], message: message(3) }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    // A temporary failure: the server's 421 on the open connection, or a refused new one.
    expect(down).not.toBeNull();
    expect(classifyMailError(down)).toBe("temporary");
    // Back up on the same port: the pool connects again.
    sink = await startSink();
    await new Promise<void>((resolve, reject) => {
      sink!.server.server.close();
      sink!.server.listen(port, "127.0.0.1", () => resolve());
      sink!.server.server.once("error", reject);
    });
    sink.port = port;
    await pool.send({ from: "a@example.org", to: ["b4@example.org"], message: message(4) });
    expect(sink.received.map((r) => r.to[0])).toEqual(["b4@example.org"]);
  });
});
