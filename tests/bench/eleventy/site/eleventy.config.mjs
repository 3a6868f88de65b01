// Eleventy 3 configuration for the build benchmark (tests/bench/run.sh): the same corpus and the
// same page structure as the Hugo theme in shared/bench/hugo-theme and wegwijzer's templates in
// tests/bench/templates. bench.py copies this folder to SITE/eleventy/ and runs
//   eleventy --config SITE/eleventy/eleventy.config.mjs --input SITE/content --output OUT
// so the Markdown is read from the one content/ folder all three tools build.
//
// Hugo-style content: content/_index.md is the home page, content/SECTION/_index.md a section's
// page, content/SECTION/PAGE.md a page. Eleventy treats _index.md as a page like any other;
// _data/eleventyComputed.mjs gives it the section's URL, so all URLs are Hugo's.

// The home page and the section pages (the _index.md files) list their children.
function isList(page) {
  return page.filePathStem.endsWith("/_index");
}

// The section of an item, from its URL: "/" for the home page, "/onderwerp-001/" for a section
// and the pages in it.
function sectionUrl(url) {
  const parts = url.split("/").filter(Boolean);
  return parts.length ? `/${parts[0]}/` : "/";
}

function byWeight(a, b) {
  return (a.data.weight ?? 0) - (b.data.weight ?? 0) || a.url.localeCompare(b.url);
}

export default function (eleventyConfig) {
  eleventyConfig.setTemplateFormats(["md"]);
  eleventyConfig.addGlobalData("layout", "page.njk");
  eleventyConfig.addGlobalData("site", { title: "GGZ Wegwijzer", language: "nl" });

  // Heading ids as Hugo's goldmark and wegwijzer write them (lower case, spaces to hyphens,
  // punctuation dropped, "-1", "-2" for repeats), so the pages carry the same markup.
  eleventyConfig.amendLibrary("md", (md) => {
    md.core.ruler.push("heading_ids", (state) => {
      const seen = new Map();
      const tokens = state.tokens;
      for (let i = 0; i < tokens.length; i++) {
        if (tokens[i].type !== "heading_open") continue;
        const text = tokens[i + 1].children
          .filter((t) => t.type === "text" || t.type === "code_inline")
          .map((t) => t.content)
          .join("");
        let id = text.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
        const n = seen.get(id) ?? 0;
        seen.set(id, n + 1);
        if (n) id += `-${n}`;
        tokens[i].attrSet("id", id);
      }
    });
  });

  // One pass over all items: the menu (sections by weight), every list page's children by
  // weight, and the title of every URL for the breadcrumbs. Built once, read by every page.
  const site = { sections: [], children: new Map(), titles: new Map() };
  eleventyConfig.addCollection("site", (api) => {
    site.sections = [];
    site.children = new Map();
    site.titles = new Map();
    for (const item of api.getAll()) {
      site.titles.set(item.url, item.data.title);
      if (item.url === "/") continue;
      const parent = isList(item.page) ? "/" : sectionUrl(item.url);
      if (!site.children.has(parent)) site.children.set(parent, []);
      site.children.get(parent).push(item);
      if (parent === "/") site.sections.push(item);
    }
    site.sections.sort(byWeight);
    for (const list of site.children.values()) list.sort(byWeight);
    return site;
  });
  eleventyConfig.addFilter("children", (url) => site.children.get(url) ?? []);
  eleventyConfig.addFilter("ancestors", (url) => {
    if (url === "/") return [];
    const out = [{ url: "/", title: site.titles.get("/") }];
    const section = sectionUrl(url);
    if (section !== url) out.push({ url: section, title: site.titles.get(section) });
    return out;
  });
  eleventyConfig.addFilter("isList", (page) => isList(page));

  return {
    dir: { includes: "../eleventy/_includes", data: "../eleventy/_data" },
    // Hugo builds the Markdown as Markdown only: Eleventy must not run it through Liquid first.
    markdownTemplateEngine: false,
  };
}
