// The HTTP client of notebook 14-scaling-out's cluster experiment: one GET on 127.0.0.1, on a new
// connection each time (agent: false), as many different clients would open. Resolves to the
// status, the JSON body's fields (pid, user) and the first Set-Cookie header, or "".
import http from "node:http";

export const get = (port, path, cookie = "") =>
  new Promise((resolve, reject) => {
    http.get({ host: "127.0.0.1", port, path, agent: false, headers: { cookie } }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk)).on("end", () => resolve({
        status: res.statusCode, ...JSON.parse(body), cookie: res.headers["set-cookie"]?.[0] ?? "",
      }));
    }).on("error", reject);
  });
