// Measures the graph pictures of built pages as Chromium draws them: every
// name's box (getBBox, in the picture's own units), and whether two
// overlap or one leaves the picture. Usage: node graph.js PAGE_URL... ;
// prints {pages: [{url, names, drawn, overlaps: [[a, b]], outside: [a]}]}.
// With SHOTS=dir, also saves a screenshot of each picture there, as
// graph-$SHOT_NAME-<n>.png.
"use strict";
const { launch, run } = require("./chromium.js");

run(async () => {
  const browser = await launch();
  const pages = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (const [i, url] of process.argv.slice(2).entries()) {
      await page.goto(url);
      const measured = await page.evaluate(() => {
        const svg = document.querySelector("svg.graph");
        if (!svg) return null;
        const box = svg.viewBox.baseVal;
        const names = [...svg.querySelectorAll("text")].map((t) => {
          const b = t.getBBox();
          return { text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height };
        });
        const overlaps = [];
        for (let a = 0; a < names.length; a++) {
          for (let b = a + 1; b < names.length; b++) {
            const p = names[a], q = names[b];
            if (p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h) {
              overlaps.push([p.text, q.text]);
            }
          }
        }
        const outside = names
          .filter((n) => n.x < box.x || n.y < box.y || n.x + n.w > box.x + box.width || n.y + n.h > box.y + box.height)
          .map((n) => n.text);
        return {
          names: names.length,
          nodes: svg.querySelectorAll("circle").length,
          width: box.width,
          height: box.height,
          shown: svg.getBoundingClientRect().width,
          overlaps,
          outside,
        };
      });
      if (process.env.SHOTS && measured) {
        const name = process.env.SHOT_NAME || "page";
        await page.locator("svg.graph").screenshot({ path: `${process.env.SHOTS}/graph-${name}-${i}.png` });
      }
      pages.push({ url, ...measured });
    }
  } finally {
    await browser.close();
  }
  return { pages };
});
