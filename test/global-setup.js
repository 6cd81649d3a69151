// Once per `jest` run: name the run, and remove what runs that are no longer alive left
// behind (databases `onestop_test_<run>_*`, streams `T_<RUN>_*`), so every run starts
// clean, a concurrent run on the same machine is left alone, and development data is
// never touched.
const { createConnection } = require("mysql2/promise");
const { connect } = require("@nats-io/transport-node");
const { jetstreamManager } = require("@nats-io/jetstream");

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** A leftover of a finished run: its run id names a dead process, or it predates run ids. */
function stale(name, pattern) {
  const match = pattern.exec(name);
  if (!match) return true;
  const pid = parseInt(match[1], 36);
  return pid !== process.pid && !alive(pid);
}

module.exports = async function globalSetup() {
  if (process.env.ONESTOP_TEST_RUN) return;
  process.env.ONESTOP_TEST_RUN = `r${process.pid.toString(36)}`;

  const db = await createConnection({
    host: process.env.DB_HOST ?? "127.0.0.1",
    port: Number(process.env.DB_PORT ?? 3306),
    user: process.env.DB_USER ?? "root",
    password: process.env.DB_PASSWORD ?? "",
  });
  const [rows] = await db.query("SHOW DATABASES LIKE 'onestop\\_test\\_%'");
  for (const row of rows) {
    const name = Object.values(row)[0];
    if (stale(name, /^onestop_test_r([0-9a-z]+)_/)) await db.query(`DROP DATABASE IF EXISTS \`${name}\``);
  }
  await db.end();

  const nats = await connect({ servers: process.env.NATS_URL ?? "nats://127.0.0.1:4222" });
  const manager = await jetstreamManager(nats);
  const names = [];
  for await (const name of manager.streams.names()) names.push(name);
  for (const name of names.filter((n) => n.startsWith("T_"))) {
    if (stale(name, /^T_R([0-9A-Z]+)_/i)) await manager.streams.delete(name).catch(() => undefined);
  }
  await nats.close();
};
