import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { connect as connectTcp, createServer } from "node:net";
import { join } from "node:path";
import { databaseName, subgraphIdentityKeyFile, type EnvironmentOptions, type KeyFiles } from "@onestop/testkit";

const root = join(__dirname, "..", "..", "..", "..");

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not come up within ${timeoutMs} ms`);
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * A NATS server with JetStream of this test's own, on its own port and store directory, so a
 * restart in the test touches nobody else's server. Its JetStream data outlives a restart.
 */
export class PrivateNats {
  private child: ChildProcess | null = null;

  constructor(
    readonly port: number,
    private readonly storeDir: string,
  ) {}

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn("/usr/sbin/nats-server", ["-a", "127.0.0.1", "-p", String(this.port), "-js", "-sd", this.storeDir], { stdio: "ignore" });
    await waitUntil(
      () =>
        new Promise<boolean>((resolve) => {
          const socket = connectTcp(this.port, "127.0.0.1");
          socket.once("connect", () => (socket.end(), resolve(true)));
          socket.once("error", () => resolve(false));
        }),
      10_000,
      "nats-server",
    );
  }

  /** Stops the server as a restart would (its process only), and waits for it to be gone. */
  async stop(): Promise<void> {
    if (!this.child) return;
    const child = this.child;
    this.child = null;
    child.kill("SIGTERM");
    await exited(child);
  }
}

/** parallel-approval as its own process, from its build (`node scripts/build.js`), on this test's databases and bus. */
export class SagaProcess {
  private child: ChildProcess | null = null;
  private output = "";

  private constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  static async create(environment: EnvironmentOptions, keys: KeyFiles): Promise<SagaProcess> {
    const main = join(root, "services/parallel-approval/dist/main.js");
    if (!existsSync(main)) throw new Error(`${main} is missing: run node scripts/build.js first`);
    const port = await freePort();
    return new SagaProcess(port, {
      ...(process.env as Record<string, string>),
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      PORT: String(port),
      // Any free admin port: PORT + 1000, the default, may be held by another process.
      METRICS_PORT: "0",
      DB_NAME: databaseName(environment.databasePrefix, "parallel-approval"),
      NATS_URL: environment.natsUrl ?? "nats://127.0.0.1:4222",
      NATS_NAMESPACE: environment.namespace,
      IDENTITY_KEY_FILE: subgraphIdentityKeyFile(keys, "parallel-approval"),
      LOG_LEVEL: "warn",
      OUTBOX_POLL_MS: "200",
      TIMER_POLL_MS: "1000",
      APOLLO_TELEMETRY_DISABLED: "1",
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/graphql`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [join(root, "services/parallel-approval/dist/main.js")], { env: this.env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout!.on("data", (chunk) => (this.output = (this.output + chunk).slice(-20_000)));
    child.stderr!.on("data", (chunk) => (this.output = (this.output + chunk).slice(-20_000)));
    this.child = child;
    await waitUntil(
      async () => {
        if (child.exitCode !== null) throw new Error(`parallel-approval exited: ${this.output}`);
        return (await fetch(`http://127.0.0.1:${this.port}/ready`)).ok;
      },
      30_000,
      "parallel-approval",
    ).catch((error) => {
      throw new Error(`${String(error)}\n${this.output}`);
    });
  }

  /** kill -9: no shutdown, whatever it was doing. */
  async kill(): Promise<void> {
    if (!this.child) return;
    const child = this.child;
    this.child = null;
    child.kill("SIGKILL");
    await exited(child);
  }

  async stop(): Promise<void> {
    if (!this.child) return;
    const child = this.child;
    this.child = null;
    child.kill("SIGTERM");
    await exited(child);
  }

  /** What it wrote lately, for a failing test's message. */
  log(): string {
    return this.output;
  }
}
