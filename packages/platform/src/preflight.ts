import { createConnection as tcpConnect } from "node:net";

/** Whether something listens at host:port: a quick, dependency-free check before connecting. */
export function canReach(host: string, port: number, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

export const howToStart = {
  mariadb:
    "MariaDB is not reachable. On a development machine, start it with:\n  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld; start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd",
  nats: "NATS is not reachable. On a development machine, start it (with JetStream) with:\n  start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log",
};

export function natsHostPort(url: string): { host: string; port: number } {
  const parsed = new URL(url.replace(/^nats:/, "http:"));
  return { host: parsed.hostname, port: Number(parsed.port || 4222) };
}
