"use strict";
// The benchmarks' HTTP client: node:http over kept-alive connections. The client shares the
// two cores with the system it measures, and fetch() costs it several times more CPU per call.

const http = require("node:http");

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** POSTs `payload` as JSON and resolves with the parsed JSON answer, whatever its status. */
function postJson(url, payload, headers = {}) {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers } },
      (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          try {
            resolve(JSON.parse(text));
          } catch {
            reject(new Error(`HTTP ${response.statusCode} from ${url}, not JSON: ${text.slice(0, 200)}`));
          }
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

module.exports = { postJson };
