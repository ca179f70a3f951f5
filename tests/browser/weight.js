// What the search page loads for its first query, in headless Chromium:
// opens search/index.html?q=QUERY under BASE (file:///…/public/ or
// http://…/), waits for the results, and prints every address the page
// asked for. bench/search_weight.py --browser adds up their bytes.
"use strict";
const { launch, run } = require("./chromium");

const [base, query] = process.argv.slice(2);

async function main() {
  const browser = await launch();
  const report = { errors: [], requested: [] };
  try {
    const page = await browser.newPage();
    page.on("pageerror", (e) => report.errors.push(String(e)));
    page.on("request", (r) => report.requested.push(r.url()));
    await page.goto(base + "search/index.html?q=" + encodeURIComponent(query));
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0 ||
      document.getElementById("search-status").textContent === document.getElementById("search").dataset.noResults);
    report.results = await page.$$eval("#search-results li > a", (as) => as.map((a) => a.getAttribute("href")));
    report.status = await page.textContent("#search-status");
  } finally {
    await browser.close();
  }
  return report;
}

run(main);
