#include "site/site_files.h"

#include <algorithm>

#include "site/render.h"
#include "site/url_resolver.h"
#include "template/mustache.h"

namespace wegwijzer {
namespace {

void escape_xml(std::string& out, std::string_view text) {
  mustache::append_escaped(out, text);
}

// Every language version of a page that has more than one, as Google reads them from a sitemap.
void append_alternates(const Site& site, const ContextBuilder& contexts, const Page& page,
                       std::string* xml) {
  if (!site.multilingual()) return;
  auto versions = site.translations.find(page.translation_key);
  if (versions == site.translations.end() || versions->second.size() < 2) return;
  std::vector<int> in_order = versions->second;  // by language, the site's own first
  std::sort(in_order.begin(), in_order.end(),
            [&](int a, int b) { return site.pages[a].language < site.pages[b].language; });
  for (int i : in_order) {
    const Page& v = site.pages[i];
    *xml += "<xhtml:link rel=\"alternate\" hreflang=\"";
    escape_xml(*xml, site.languages[v.language].code);
    *xml += "\" href=\"";
    escape_xml(*xml, contexts.permalink(v.url));
    *xml += "\"/>";
  }
}

}  // namespace

std::vector<std::string> site_file_urls(const Site& site, const Theme& theme) {
  std::vector<std::string> urls = {"/robots.txt", "/404.html"};
  if (!site.config.base_url.empty()) urls.push_back("/sitemap.xml");
  for (const auto& [path, bytes] : theme.asset_files) urls.push_back("/" + path);
  for (const auto& [path, bytes] : site.generated) urls.push_back("/" + path);
  std::sort(urls.begin(), urls.end());
  return urls;
}

std::string sitemap_xml(const Site& site, const ContextBuilder& contexts) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"";
  xml += site.multilingual() ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n" : ">\n";
  // page_by_url holds every page that has a URL, once, in the order of its URL.
  for (const auto& [url, index] : site.page_by_url) {
    const Page& p = site.pages[index];
    if (p.failed || p.layout.empty() || p.front_matter.params.value("sitemap", true) == false) {
      continue;
    }
    xml += "  <url><loc>";
    escape_xml(xml, contexts.permalink(p.url));
    xml += "</loc>";
    if (!p.front_matter.date.empty()) {
      xml.append("<lastmod>").append(p.front_matter.date, 0, 10).append("</lastmod>");
    }
    append_alternates(site, contexts, p, &xml);
    xml += "</url>\n";
  }
  xml += "</urlset>\n";
  return xml;
}

size_t write_site_files(const FileSystem& fs, const Site& site, const Theme& theme,
                        const ContextBuilder& contexts, const std::string& inject, Output* output,
                        Diagnostics* diags) {
  size_t count = 0;
  auto put = [&](const std::string& path, std::string_view data) {
    std::string error;
    if (!output->write(path, data, &error)) {
      diags->error(path, 0, 0, error);
    } else {
      ++count;
    }
  };
  // A sitemap and canonical links need the site's real address; a local build has none and says
  // so, rather than pointing them at a host that is not the site.
  if (site.config.base_url.empty()) {
    diags->note("", 0, 0,
                "no base_url: sitemap.xml and canonical links are left out (set base_url in "
                "wegwijzer.yaml or pass --base-url for a site to publish)");
    put("robots.txt", "User-agent: *\nAllow: /\n");
  } else {
    put("sitemap.xml", sitemap_xml(site, contexts));
    put("robots.txt",
        "User-agent: *\nAllow: /\nSitemap: " + contexts.permalink("/sitemap.xml") + "\n");
  }

  // The 404 page is served for any URL, so it takes the home page's place in the tree.
  if (theme.templates.contains("404") && site.home >= 0) {
    nlohmann::json frame = {{"page",
                             {{"title", site.strings.text("not_found_title")},
                              {"kind", "404"},
                              {"url", "/404.html"},
                              {"permalink", contexts.permalink("/404.html")},
                              {"params", nlohmann::json::object()}}}};
    const nlohmann::json group = contexts.make_group_frame(site.home);
    const nlohmann::json* frames[] = {&contexts.site_frame(), &group, &frame};
    std::string html = render_template(theme, "404", frames, diags);
    inject_before_body_end(&html, inject);
    put("404.html", html);
  } else {
    diags->error("templates/404.html", 0, 0, "template is missing");
  }

  for (const auto& [alias, target] : site.aliases) {
    nlohmann::json frame = {{"target", target}, {"target_permalink", contexts.permalink(target)}};
    std::string html;
    if (theme.templates.contains("alias")) {
      const nlohmann::json* frames[] = {&contexts.site_frame(), &frame};
      html = render_template(theme, "alias", frames, diags);
    } else {
      std::string url, permalink, language;
      mustache::append_escaped(url, target);
      mustache::append_escaped(permalink, contexts.permalink(target));
      mustache::append_escaped(language, site.config.language);
      html = "<!DOCTYPE html>\n<html lang=\"" + language +
             "\"><head><meta charset=\"utf-8\"><title>" + url +
             "</title><link rel=\"canonical\" href=\"" + permalink +
             "\"><meta name=\"robots\" content=\"noindex\"><meta http-equiv=\"refresh\" "
             "content=\"0; url=" +
             url + "\"></head><body><a href=\"" + url + "\">" + url + "</a></body></html>\n";
    }
    put(output_path_for_url(alias), html);
  }

  for (const auto& [path, bytes] : theme.asset_files) put(path, bytes);
  for (const auto& [path, bytes] : site.generated) put(path, bytes);

  auto copy = [&](const std::string& source, const std::string& dest) {
    std::string bytes, error;
    if (!fs.read_file(source, &bytes, &error)) {
      diags->error(source, 0, 0, error);
      return;
    }
    put(dest, bytes);
  };
  for (const auto& [dest, source] : site.static_files) copy(source, dest);
  for (const Page& page : site.pages) {
    if (page.failed) continue;
    std::string dir = page.output_path.substr(0, page.output_path.rfind('/') + 1);
    for (const std::string& res : page.resources)
      copy(res, dir + res.substr(page.content_dir.size() + 1));
  }
  return count;
}

}  // namespace wegwijzer
