"use strict";
// The benchmarks' HTTP client: node:http over kept-alive connections. The client shares the
// two cores with the system it measures, and fetch() costs it several times more CPU per call.

const http = require("node:http");

const agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });

/** POSTs a JSON `body` (already a string) and resolves with the status, the headers and the body text. */
function post(url, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers } },
      (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** POSTs `payload` as JSON and resolves with the parsed JSON answer, whatever its status. */
async function postJson(url, payload, headers = {}) {
  const answer = await post(url, JSON.stringify(payload), headers);
  try {
    return JSON.parse(answer.body);
  } catch {
    throw new Error(`HTTP ${answer.status} from ${url}, not JSON: ${answer.body.slice(0, 200)}`);
  }
}

module.exports = { post, postJson };
