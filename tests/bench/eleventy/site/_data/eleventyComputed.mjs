// Hugo's URLs for Hugo's section pages: content/_index.md is "/", content/SECTION/_index.md is
// "/SECTION/" (Eleventy would otherwise write them to /_index/ and /SECTION/_index/).
export default {
  permalink(data) {
    const stem = data.page.filePathStem;
    if (stem === "/_index") return "/";
    if (stem.endsWith("/_index")) return `${stem.slice(0, -"_index".length)}`;
    return `${stem}/`;
  },
};
