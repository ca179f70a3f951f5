// Runs axe-core (node_modules/axe-core) on pages of a built site in headless
// Chromium, light and dark, at 390 px and 1280 px wide. Run by
// tests/quality.rs with the site's base address (file:///…/public/ or
// http://127.0.0.1:PORT/), then the paths of the pages, relative to it (a
// path may carry a query: `search/index.html?q=traité` waits for the
// results to be shown). Prints one JSON line:
//   { runs: [{ path, scheme, width, dark, passes, violations: [{ id, impact,
//     help, count, nodes: [{ target, html }] (the first 3) }] }],
//     errors: ["scheme width path: message"], failed: [url], remapped: [url] }
// From file://, an address from the root of the disk (404.html's
// `/style.css`) is read from the site's folder, as a web server serving the
// site at its root would: `remapped` lists them.
"use strict";
const path = require("path");
const { launch, run } = require("./chromium");

const [base, ...pages] = process.argv.slice(2);
const AXE = path.join(__dirname, "node_modules/axe-core/axe.min.js");
const WAIT = { timeout: 15000 };
const SCHEMES = ["light", "dark"];
const WIDTHS = [390, 1280];

/** Checks every page in one colour scheme and width. */
async function check(browser, scheme, width, report) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
  if (base.startsWith("file://")) {
    const root = decodeURIComponent(new URL(base).pathname);
    const outside = (url) => url.protocol === "file:" && !url.href.startsWith(base);
    await context.route(outside, (route) => {
      const url = route.request().url();
      const file = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, "");
      report.remapped.push(url);
      return route.fulfill({ path: path.join(root, file) });
    });
  }
  const runs = [];
  try {
    for (const address of pages) {
      const where = `${scheme} ${width}px ${address}`;
      const page = await context.newPage();
      page.on("pageerror", (e) => report.errors.push(`${where}: ${e}`));
      // Once axe runs, its own reads of the stylesheets fail from file://
      // (no CORS there): only what the page itself asks for counts.
      let axeRuns = false;
      page.on("requestfailed", (r) => {
        if (!axeRuns) report.failed.push(`${where}: ${r.url()} ${r.failure().errorText}`);
      });
      const url = new URL(address, base);
      const response = await page.goto(url.href, { waitUntil: "load" });
      if (response && !response.ok() && !url.href.startsWith("file://")) {
        report.errors.push(`${where}: HTTP ${response.status()}`);
      }
      if (url.searchParams.get("q")) {
        await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0, null, WAIT);
      }
      axeRuns = true;
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(async () => {
        const r = await window.axe.run(document);
        return {
          dark: window.matchMedia("(prefers-color-scheme: dark)").matches,
          passes: r.passes.length,
          violations: r.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            count: v.nodes.length,
            nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target.join(" "), html: n.html })),
          })),
        };
      });
      runs.push({ path: address, scheme, width, ...result });
      await page.close();
    }
  } finally {
    await context.close();
  }
  return runs;
}

async function main() {
  const browser = await launch();
  const report = { runs: [], errors: [], failed: [], remapped: [] };
  try {
    const jobs = [];
    for (const scheme of SCHEMES) for (const width of WIDTHS) jobs.push(check(browser, scheme, width, report));
    for (const runs of await Promise.all(jobs)) report.runs.push(...runs);
  } finally {
    await browser.close();
  }
  return report;
}

run(main);
