// Keeps infra/ in step with the code: a container that starts with an environment its
// schema rejects exits at once, and nothing but a real deployment would show it. So every
// service's environment in infra/docker-compose.yml is read the way Compose reads it and
// handed to that service's own env schema, and the pieces that must agree with one
// another (URLs, databases, accounts, secrets, images) are checked against each other.
import { existsSync, readFileSync } from "node:fs";
import { join, posix, resolve, sep } from "node:path";
import { parse } from "yaml";
import { casesEnvSchema } from "@onestop/cases";
import { catalogEnvSchema } from "@onestop/catalog";
import { exporterEnvSchema } from "@onestop/exporter";
import { feesEnvSchema } from "@onestop/fees";
import { gatewayEnvSchema, subgraphs } from "@onestop/gateway";
import { hallEnvSchema } from "@onestop/hall";
import { parallelApprovalEnvSchema } from "@onestop/parallel-approval";
import { staffingEnvSchema } from "@onestop/staffing";
import { resultsEnvSchema } from "@onestop/results";
import { supervisionEnvSchema } from "@onestop/supervision";
import { notificationsEnvSchema } from "@onestop/notifications";

const root = join(__dirname, "..", "..");
const infra = join(root, "infra");
const composeFile = join(infra, "docker-compose.yml");
const dockerfile = join(infra, "Dockerfile");

interface EnvSchema {
  shape: Record<string, { safeParse(value: unknown): { success: boolean } }>;
  safeParse(
    value: unknown,
  ):
    | { success: true; data: Record<string, unknown> }
    | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

const schemas = {
  catalog: catalogEnvSchema,
  cases: casesEnvSchema,
  fees: feesEnvSchema,
  staffing: staffingEnvSchema,
  "parallel-approval": parallelApprovalEnvSchema,
  supervision: supervisionEnvSchema,
  results: resultsEnvSchema,
  notifications: notificationsEnvSchema,
  hall: hallEnvSchema,
  exporter: exporterEnvSchema,
  gateway: gatewayEnvSchema,
} satisfies Record<string, EnvSchema>;
type ServiceName = keyof typeof schemas;
const serviceNames = Object.keys(schemas) as ServiceName[];
const subgraphNames = subgraphs.map((s) => s.name);
const expectedPort: Record<ServiceName, number> = {
  ...(Object.fromEntries(subgraphs.map((s) => [s.name, s.port])) as Record<(typeof subgraphNames)[number], number>),
  exporter: 4107,
  gateway: 4000,
};

/** Variables a service's process reads that are no setting of ours, so no schema lists them. */
const runtimeVariables = new Set(["APOLLO_TELEMETRY_DISABLED", "NODE_OPTIONS"]);

// ---------------------------------------------------------------------------------------
// Reading the file as Compose does, on a host that sets none of the variables.

/**
 * Resolves Compose's interpolation in one string. A variable the file gives no default
 * for would depend on the host that runs `docker compose`; that is reported, because
 * then nothing here can say what the service will get.
 */
function interpolate(text: string): { value: string; problems: string[] } {
  const problems: string[] = [];
  let value = "";
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char !== "$") {
      value += char;
      i += 1;
      continue;
    }
    const next = text[i + 1];
    if (next === "$") {
      value += "$";
      i += 2;
      continue;
    }
    if (next === "{") {
      let depth = 1;
      let end = i + 2;
      for (; end < text.length && depth > 0; end += 1) {
        if (text[end] === "{") depth += 1;
        if (text[end] === "}") depth -= 1;
      }
      if (depth > 0) {
        problems.push(`unclosed "\${" in ${JSON.stringify(text)}`);
        return { value, problems };
      }
      const body = text.slice(i + 2, end - 1);
      const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/.exec(body);
      if (!match) {
        problems.push(`cannot read "\${${body}}"`);
      } else {
        const [, name, operator, operand] = match;
        if (operator === ":-" || operator === "-") {
          const inner = interpolate(operand);
          value += inner.value;
          problems.push(...inner.problems);
        } else if (operator === ":+" || operator === "+") {
          // The alternative applies only when the variable is set, and here none is.
        } else {
          problems.push(`"\${${body}}" has no default: write \${${name}:-<default>} so the value does not depend on the host`);
        }
      }
      i = end;
      continue;
    }
    const bare = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
    if (bare) {
      problems.push(`"$${bare[0]}" has no default: write \${${bare[0]}:-<default>} so the value does not depend on the host`);
      i += 1 + bare[0].length;
      continue;
    }
    value += "$";
    i += 1;
  }
  return { value, problems };
}

/** Interpolates every string value of the parsed file (Compose leaves keys alone). */
function interpolateAll(node: unknown, path: string, problems: string[]): unknown {
  if (typeof node === "string") {
    const result = interpolate(node);
    problems.push(...result.problems.map((problem) => `${path}: ${problem}`));
    return result.value;
  }
  if (Array.isArray(node)) return node.map((item, index) => interpolateAll(item, `${path}[${index}]`, problems));
  if (node !== null && typeof node === "object") {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, interpolateAll(value, path ? `${path}.${key}` : key, problems)]),
    );
  }
  return node;
}

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; args?: Record<string, unknown> | string[] };
  command?: string | string[];
  environment?: Record<string, unknown> | string[];
  env_file?: unknown;
  secrets?: Array<string | { source: string; target?: string }>;
  volumes?: Array<string | { type?: string; source?: string; target?: string; read_only?: boolean }>;
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  deploy?: { replicas?: number };
  ports?: unknown[];
  container_name?: string;
  profiles?: string[];
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  secrets?: Record<string, { file?: string; environment?: string }>;
}

const interpolationProblems: string[] = [];
// merge: Compose honours YAML merge keys (<<), which the file uses for shared settings.
const compose = interpolateAll(parse(readFileSync(composeFile, "utf8"), { merge: true }), "", interpolationProblems) as ComposeFile;

/** The service's environment as its process will see it, and what stands in the way. */
function environmentOf(name: string): { env: Record<string, string>; problems: string[] } {
  const service = compose.services[name];
  const problems = interpolationProblems.filter((p) => p.startsWith(`services.${name}.`));
  if (service.env_file !== undefined) problems.push("uses env_file, which this test does not read: put the variables in environment");
  const env: Record<string, string> = {};
  const entries: Array<[string, unknown]> = Array.isArray(service.environment)
    ? service.environment.map((item) => {
        const at = item.indexOf("=");
        return at < 0 ? [item, null] : [item.slice(0, at), item.slice(at + 1)];
      })
    : Object.entries(service.environment ?? {});
  for (const [key, value] of entries) {
    if (value === null || value === undefined) {
      problems.push(`${key} has no value, so Compose would copy it from the host's environment`);
    } else {
      env[key] = String(value);
    }
  }
  return { env, problems };
}

function requiredKeys(schema: EnvSchema): string[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([key]) => key);
}

function parsedEnvironment(name: ServiceName): Record<string, unknown> {
  const result = (schemas[name] as EnvSchema).safeParse(environmentOf(name).env);
  if (!result.success) throw new Error(`${name}: its compose environment does not parse (see the schema test above)`);
  return result.data;
}

function dependencies(service: ComposeService): Record<string, string | undefined> {
  if (Array.isArray(service.depends_on)) return Object.fromEntries(service.depends_on.map((d) => [d, undefined]));
  return Object.fromEntries(Object.entries(service.depends_on ?? {}).map(([d, spec]) => [d, spec.condition]));
}

function secretNames(service: ComposeService): string[] {
  return (service.secrets ?? []).map((s) => (typeof s === "string" ? s : s.source));
}

function serviceWithImage(prefix: string): [string, ComposeService] | undefined {
  return Object.entries(compose.services).find(([, service]) => service.image?.startsWith(prefix));
}

// ---------------------------------------------------------------------------------------

describe("infra/docker-compose.yml", () => {
  test("every ${...} has a default, so the file means the same on every host", () => {
    expect(interpolationProblems).toEqual([]);
  });

  test("describes the gateway and every subgraph of the supergraph", () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining([...serviceNames, ...subgraphNames]));
  });

  describe.each(serviceNames)("%s", (name) => {
    const schema: EnvSchema = schemas[name];
    const service = compose.services[name] ?? {};

    test("its environment satisfies its env schema", () => {
      const { env, problems } = environmentOf(name);
      const result = schema.safeParse(env);
      if (!result.success) {
        problems.push(...result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`));
      }
      expect(problems).toEqual([]);
    });

    test("sets every variable its schema requires (has no default for)", () => {
      const { env } = environmentOf(name);
      expect(requiredKeys(schema).filter((key) => !(key in env))).toEqual([]);
    });

    test("sets no variable its schema does not read (a misspelt one would silently fall back to the default)", () => {
      const { env } = environmentOf(name);
      expect(Object.keys(env).filter((key) => !(key in schema.shape) && !runtimeVariables.has(key))).toEqual([]);
    });

    test("runs in production mode, on every interface, on its port, with Apollo telemetry off", () => {
      const { env } = environmentOf(name);
      expect({
        NODE_ENV: env.NODE_ENV,
        HOST: env.HOST,
        PORT: env.PORT,
        APOLLO_TELEMETRY_DISABLED: env.APOLLO_TELEMETRY_DISABLED,
      }).toEqual({ NODE_ENV: "production", HOST: "0.0.0.0", PORT: String(expectedPort[name]), APOLLO_TELEMETRY_DISABLED: "1" });
    });

    test("is built from infra/Dockerfile with SERVICE naming its own folder", () => {
      const build = typeof service.build === "string" ? { context: service.build } : service.build;
      expect(build).toBeDefined();
      const context = resolve(infra, build?.context ?? ".");
      expect(context).toBe(root);
      expect(resolve(context, build?.dockerfile ?? "Dockerfile")).toBe(dockerfile);
      const args = Array.isArray(build?.args)
        ? Object.fromEntries(build.args.map((arg) => arg.split("=", 2)))
        : (build?.args ?? {});
      expect(args.SERVICE).toBe(name);
      expect(existsSync(join(root, "services", name, "src", "main.ts"))).toBe(true);
    });

    test("is healthy only when /ready answers", () => {
      const check = service.healthcheck;
      expect(check?.disable).not.toBe(true);
      const command = Array.isArray(check?.test) ? check.test.join(" ") : (check?.test ?? "");
      expect(command).toMatch(/\/ready\b/);
      // The container's own port: either written out or read from the PORT it is given.
      expect(command.includes(`:${expectedPort[name]}/`) || command.includes("process.env.PORT")).toBe(true);
    });
  });

  test("each subgraph starts after MySQL and NATS are healthy; the gateway after every subgraph", () => {
    const [mysql] = serviceWithImage("mysql:") ?? ["(no mysql service)"];
    const [nats] = serviceWithImage("nats:") ?? ["(no nats service)"];
    for (const name of subgraphNames) {
      expect({ name, depends_on: dependencies(compose.services[name]) }).toEqual({
        name,
        depends_on: expect.objectContaining({ [mysql]: "service_healthy", [nats]: "service_healthy" }),
      });
    }
    expect(dependencies(compose.services.gateway)).toEqual(
      expect.objectContaining(Object.fromEntries(subgraphNames.map((name) => [name, "service_healthy"]))),
    );
  });

  test("the exporter and its broker start only with the supervision-export profile, the exporter against that broker", () => {
    const [kafka] = serviceWithImage("apache/kafka:") ?? ["(no kafka service)"];
    expect((compose.services[kafka] as { profiles?: string[] }).profiles).toContain("supervision-export");
    expect((compose.services.exporter as { profiles?: string[] }).profiles).toContain("supervision-export");
    expect(parsedEnvironment("exporter").KAFKA_BROKERS).toEqual([`${kafka}:9092`]);
    expect(dependencies(compose.services.exporter)).toEqual(expect.objectContaining({ [kafka]: "service_healthy" }));
  });

  test("the gateway reaches every subgraph of the supergraph by its compose service name and port", () => {
    const gateway = parsedEnvironment("gateway");
    for (const name of subgraphNames) {
      const variable = `${name.toUpperCase().replaceAll("-", "_")}_URL`;
      const url = new URL(String(gateway[variable]));
      expect({ variable, host: url.hostname, port: url.port, path: url.pathname }).toEqual({
        variable,
        host: name,
        port: String(parsedEnvironment(name).PORT),
        path: "/graphql",
      });
    }
  });

  test("every subgraph reaches MySQL and NATS by their compose service names", () => {
    const [mysql] = serviceWithImage("mysql:") ?? ["(no mysql service)"];
    const [nats] = serviceWithImage("nats:") ?? ["(no nats service)"];
    for (const name of subgraphNames) {
      const env = parsedEnvironment(name);
      expect({ name, DB_HOST: env.DB_HOST, NATS_HOST: new URL(String(env.NATS_URL)).hostname }).toEqual({
        name,
        DB_HOST: mysql,
        NATS_HOST: nats,
      });
    }
  });

  test("every subgraph has a database and a MySQL account of its own", () => {
    const databases = subgraphNames.map((name) => parsedEnvironment(name).DB_NAME);
    const users = subgraphNames.map((name) => parsedEnvironment(name).DB_USER);
    expect(new Set(databases).size).toBe(subgraphNames.length);
    expect(new Set(users).size).toBe(subgraphNames.length);
    expect(users).not.toContain("root");
  });

  test("MySQL's first start creates each subgraph's account, for its database, with the password the subgraph is given", () => {
    const script = readFileSync(join(infra, "mysql", "init", "10-service-accounts.sh"), "utf8");
    const rule = /=~\s*(\^\S+\$)\s*\]\]/.exec(script)?.[1];
    expect(rule).toBeDefined();
    const accounts = [...script.matchAll(/^create_account\s+(\S+)\s+(\S+)\s+"\$([A-Z0-9_]+)"\s*$/gm)].map(
      ([, user, database, variable]) => ({ user, database, variable }),
    );
    const [mysqlName] = serviceWithImage("mysql:") ?? ["(no mysql service)"];
    const mysql = environmentOf(mysqlName).env;
    expect(compose.services[mysqlName].volumes ?? []).toContainEqual(expect.stringMatching(/^\.\/mysql\/init:\/docker-entrypoint-initdb\.d(:ro)?$/));
    for (const name of subgraphNames) {
      const env = parsedEnvironment(name);
      const account = accounts.find((a) => a.user === env.DB_USER);
      expect({ name, database: account?.database, password: account && mysql[account.variable] }).toEqual({
        name,
        database: env.DB_NAME,
        password: env.DB_PASSWORD,
      });
      expect(String(env.DB_PASSWORD)).toMatch(new RegExp(rule ?? "^$"));
    }
  });

  test("every *_FILE a service is given is a compose secret it mounts, made from a file in infra/secrets", () => {
    const problems: string[] = [];
    for (const name of serviceNames) {
      const { env } = environmentOf(name);
      for (const [key, value] of Object.entries(env).filter(([key]) => key.endsWith("_FILE"))) {
        const secret = /^\/run\/secrets\/([^/]+)$/.exec(value)?.[1];
        const file = secret ? compose.secrets?.[secret]?.file : undefined;
        if (!secret) problems.push(`${name}: ${key}=${value} is not under /run/secrets/`);
        else if (!secretNames(compose.services[name]).includes(secret)) problems.push(`${name}: ${key} needs secret "${secret}", not mounted`);
        else if (!file || !resolve(infra, file).startsWith(join(infra, "secrets") + sep)) {
          problems.push(`secret "${secret}" is not made from a file in infra/secrets`);
        }
      }
    }
    expect(problems).toEqual([]);
    // The keys themselves never enter git; how to make them does.
    const ignore = readFileSync(join(infra, "secrets", ".gitignore"), "utf8").split("\n").map((line) => line.trim());
    expect(ignore).toEqual(expect.arrayContaining(["*", "!README.md", "!.gitignore"]));
    expect(existsSync(join(infra, "secrets", "README.md"))).toBe(true);
  });

  test("subgraphs scale out: some run several instances, and none pins a container name or a host port", () => {
    const replicas = subgraphNames.map((name) => compose.services[name].deploy?.replicas ?? 1);
    expect(Math.max(...replicas)).toBeGreaterThan(1);
    for (const name of subgraphNames) {
      expect({ name, container_name: compose.services[name].container_name, ports: compose.services[name].ports }).toEqual({
        name,
        container_name: undefined,
        ports: undefined,
      });
    }
  });

  test("every service that is built is built from infra/Dockerfile", () => {
    const built = Object.entries(compose.services).filter(([, service]) => service.build !== undefined);
    for (const [name, service] of built) {
      const build = typeof service.build === "string" ? { context: service.build, dockerfile: undefined } : service.build;
      expect({ name, dockerfile: resolve(infra, build?.context ?? ".", build?.dockerfile ?? "Dockerfile") }).toEqual({ name, dockerfile });
    }
  });

  test("runs MySQL 8.4, NATS 2.12 and Kafka in KRaft mode", () => {
    expect(serviceWithImage("mysql:")?.[1].image).toMatch(/^mysql:8\.4(\.\d+)?(-|$)/);
    expect(serviceWithImage("nats:")?.[1].image).toMatch(/^nats:2\.12(\.\d+)?(-|$)/);
    const kafka = Object.entries(compose.services).find(([, s]) => /(^|\/)kafka:/.test(s.image ?? ""));
    expect(kafka).toBeDefined();
    const env = environmentOf(kafka?.[0] ?? "").env;
    expect(env.KAFKA_PROCESS_ROLES ?? env.KAFKA_CFG_PROCESS_ROLES).toMatch(/controller/);
    expect(Object.keys(env).filter((key) => /ZOOKEEPER/.test(key))).toEqual([]);
  });

  test("NATS runs the mounted config, which fsyncs JetStream on every write", () => {
    const [, nats] = serviceWithImage("nats:") ?? [];
    const command = Array.isArray(nats?.command) ? nats.command : (nats?.command ?? "").split(/\s+/);
    const configPath = command[command.findIndex((arg) => arg === "--config" || arg === "-c") + 1];
    expect(configPath).toBeDefined();
    const mount = (nats?.volumes ?? [])
      .map((v) => (typeof v === "string" ? v.split(":") : [v.source, v.target]))
      .find(([, target]) => target === configPath);
    expect(mount).toBeDefined();
    const source = resolve(infra, mount?.[0] ?? "");
    expect(source).toBe(join(infra, "nats", "nats-server.conf"));
    const config = readFileSync(source, "utf8").replace(/#.*$/gm, "");
    const jetstream = /jetstream\s*[:=]?\s*\{([^}]*)\}/.exec(config)?.[1] ?? "";
    expect(jetstream).toMatch(/^\s*sync_interval\s*[:=]\s*"?always"?\s*$/m);
  });
});

describe("infra/Dockerfile", () => {
  const text = existsSync(dockerfile) ? readFileSync(dockerfile, "utf8") : "";
  const pnpmVersion = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { packageManager: string }).packageManager;

  test("exists", () => {
    expect(existsSync(dockerfile)).toBe(true);
  });

  test("installs with the workspace's pnpm and lockfile, builds, and runs the chosen service", () => {
    expect(text).toContain(`npm i -g ${pnpmVersion}`);
    expect(text).toMatch(/pnpm install [^\n]*--frozen-lockfile/);
    expect(text).toContain("node scripts/build.js");
    expect(text).toMatch(/^ARG SERVICE\b/m);
    expect(text).toMatch(/node --enable-source-maps \\?"?services\/\$\{?\w+\}?\/dist\/main\.js/);
  });

  test("the runtime image carries the portal's build where the gateway's PORTAL_DIR points", () => {
    // The build stage must fail rather than ship a gateway without the portal (it would serve 404s at /).
    expect(text).toMatch(/node scripts\/build\.js && test -f apps\/portal\/dist\/index\.html/);
    const runtime = text.slice(text.search(/^FROM .* AS runtime$/m));
    const workdir = /^WORKDIR (\S+)$/m.exec(runtime)?.[1] ?? "";
    const copied = [...runtime.matchAll(/^COPY --from=build \/app\/apps\/portal\/dist (\S+)$/gm)].map((m) => posix.resolve(workdir, m[1]));
    expect(copied).toEqual([parsedEnvironment("gateway").PORTAL_DIR]);
  });
});

describe("the interpolation this test applies", () => {
  test("takes defaults, unescapes $$, and reports what has no default", () => {
    expect(interpolate("a${X:-b}c${Y-d}$$e${Z:+f}")).toEqual({ value: "abcd$e", problems: [] });
    expect(interpolate("${X:-${Y:-nested}}")).toEqual({ value: "nested", problems: [] });
    expect(interpolate("${X}").problems).toEqual([expect.stringContaining("has no default")]);
    expect(interpolate("$X").problems).toEqual([expect.stringContaining("has no default")]);
    expect(interpolate("${X:?must be set}").problems).toEqual([expect.stringContaining("has no default")]);
  });
});
