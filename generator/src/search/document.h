#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wegwijzer::search {

// What the pipeline knows about a page that its HTML does not say (or not plainly).
struct PageInfo {
  std::string url;                    // from the site root, "/crisis/"
  std::string title;                  // the page's title, shown as the result's link
  std::string section;                // the title of its section, shown under the link
  std::string language;               // "nl"
  std::vector<std::string> keywords;  // front matter `keywords`: words the page is found by
};

// A page as the index sees it: the readable text of its <main>, headings apart from the rest.
struct Document {
  PageInfo info;
  std::string heading1;               // the first <h1>, the page's own heading
  std::vector<std::string> headings;  // every <h1>..<h3> in order, the first <h1> included
  std::string body;                   // all other text, blocks separated by '\n'
  std::string text;                   // headings and body in reading order, for snippets
  bool has_main = false;              // false: the page has no <main> and nothing to index
};

// Takes the text inside `<main ...>…</main>` of a built page: tags stripped, the entities the
// generator writes decoded (&amp; &lt; &gt; &quot; &#39; &nbsp; and numeric ones), whitespace
// collapsed. <script>, <style>, <nav> (menus and tables of contents repeat other pages' titles),
// <template>, <noscript> and <svg> are left out.
Document extract_document(std::string_view page_html, PageInfo info);

}  // namespace wegwijzer::search
