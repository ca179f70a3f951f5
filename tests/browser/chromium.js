// What every browser script shares: Debian's Chromium, started headless as
// this machine's closed network needs, and one way to end.
"use strict";
const { chromium } = require("playwright-core");

/** Starts headless Chromium (CHROMIUM overrides its path). */
function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

/** Runs `main`, prints the report it returns as one JSON line, and exits
    with status 1 (the error on stderr) if it fails. */
function run(main) {
  main().then(
    (report) => console.log(JSON.stringify(report)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

module.exports = { launch, run };
