// Once per `jest` run: remove what earlier test runs left (databases `onestop_test_*`,
// streams of the `t_*` namespaces), so every run starts clean and development data is
// never touched.
const { createConnection } = require("mysql2/promise");
const { connect } = require("@nats-io/transport-node");
const { jetstreamManager } = require("@nats-io/jetstream");

let done = false;

module.exports = async function globalSetup() {
  if (done) return;
  done = true;
  const db = await createConnection({
    host: process.env.DB_HOST ?? "127.0.0.1",
    port: Number(process.env.DB_PORT ?? 3306),
    user: process.env.DB_USER ?? "root",
    password: process.env.DB_PASSWORD ?? "",
  });
  const [rows] = await db.query("SHOW DATABASES LIKE 'onestop\\_test\\_%'");
  for (const row of rows) await db.query(`DROP DATABASE \`${Object.values(row)[0]}\``);
  await db.end();

  const nats = await connect({ servers: process.env.NATS_URL ?? "nats://127.0.0.1:4222" });
  const manager = await jetstreamManager(nats);
  const names = [];
  for await (const name of manager.streams.names()) names.push(name);
  for (const name of names.filter((n) => n.startsWith("T_"))) await manager.streams.delete(name);
  await nats.close();
};
