#include "cli/new_site.h"

#include <filesystem>
#include <fstream>
#include <system_error>

#include "cli/cli.h"
#include "data/provenance.h"

namespace wegwijzer {
namespace {

const char* const kNewUsage =
    "usage: wegwijzer new DIR\n"
    "\n"
    "Starts a new site in DIR: settings (wegwijzer.yaml), a home page, a section with one page,\n"
    "a small data set with its schema, and a section with a page for each of its records.\n"
    "DIR must not exist yet, or be empty.\n"
    "Then: wegwijzer serve --source DIR\n";

// The texts of the new site; "@TODAY@" becomes the day it is made.
const char* const kConfig = R"(# Settings for this site. Lines that start with # are comments.

# The name of the site. It is at the top of every page.
title: My new site
# One sentence about the site. It is under the name, and search engines show it.
description: A new site made with wegwijzer. Change this sentence to say what it is about.
# The language of the site: en (English) or nl (Dutch).
language: en
# After this many months, `wegwijzer check` warns about pages and facts nobody looked at again.
stale_after_months: 12
# The web address the site will have; a path is fine (https://example.github.io/mysite/).
# You can also give it with --base-url when you build.
# base_url: https://www.example.org/
)";

const char* const kHome = R"(---
title: Welcome
description: The home page of your new site.
lastmod: @TODAY@
---
This is the home page of your new site. Its text is in the file `content/_index.md`. Change it to
say what your site is about.

## What is in this site

- A section with one page: [a guide to this site](guide/_index.md).
- A small data set with places: `content/data/places.json`. Its schema is in
  `content/data/schemas/places.schema.json`. The schema says what each field means.
- A page for each place, made from that data: [the places](places/_index.md).

## What you can do

- See the site while you work on it: `wegwijzer serve`. The browser shows each change at once.
- Check the site: `wegwijzer check`. It tells you what to fix.
- Build the site: `wegwijzer build`. The site is then in the folder `public/`.
)";

const char* const kGuide = R"(---
title: Guide
description: How this site works.
lastmod: @TODAY@
---
This is a section. A section is a folder in `content/` with a file `_index.md`. This file is its
first page. The other pages in the folder are listed below.
)";

const char* const kFirstPage = R"(---
title: Your first page
description: A page that uses a fact from the data.
lastmod: @TODAY@
---
This page uses a fact from the data. The City Library is open {{< feit id="city-library" >}}.

## How it works

The words "Monday to Saturday" are not in this page. They come from the file
`content/data/places.json`. In the page, the fact looks like this:

```
{{< feit id="city-library" >}}
```

Each fact has a source and a date. So you can always see where it comes from. If the fact
changes, you change it in one place only. Then every page that uses it is right again.

## When a fact is shown

A fact is only shown on the site when it is well sourced (`"zekerheid": "hoog"`), or when an
editor checked it (`"gecontroleerd"`). Otherwise the build stops and tells you where.
)";

const char* const kPlacesSection = R"(---
title: Places
description: Every place in the data, each with a page of its own.
lastmod: @TODAY@
layout: places
data_pages:
  data: places
  list: /places
  url: "{id}"
  title: "{name}"
  description: "When {title} is open."
  layout: place
  order: name
  az: true
---
Nobody wrote the pages of this section. The part `data_pages` at the top of this file makes a page
for each place in `content/data/places.json`, with the template `templates/place.html`. Add a
place there, and it gets a page here.
)";

// The section's list from A to Z, and the page of one place.
const char* const kPlacesTemplate = R"({{<base}}{{$main}}
<h1>{{page.title}}</h1>
<div class="ww-prose">
{{{page.content}}}
</div>
{{#az}}
<h2 id="{{id}}">{{letter}}</h2>
<ul>{{#pages}}<li><a href="{{url}}">{{title}}</a></li>{{/pages}}</ul>
{{/az}}
{{> partials/page-meta}}
{{/main}}{{/base}}
)";

const char* const kPlaceTemplate = R"({{<base}}{{$main}}
{{#record}}
<h1>{{title}}</h1>
<p class="ww-lead">Open: {{waarde}}.</p>
<p>{{#herkomst}}{{> partials/herkomst}}{{/herkomst}}</p>
{{/record}}
{{> partials/page-meta}}
{{/main}}{{/base}}
)";

const char* const kPlaces = R"({
  "$schema": "./schemas/places.schema.json",
  "bron": {
    "source": "https://www.example.org/",
    "source_titel": "Example data made by wegwijzer new",
    "source_datum": null,
    "licentie": null,
    "vermelding": null,
    "opgenomen": "@TODAY@",
    "toelichting": "Example places. Replace them with your own data."
  },
  "places": [
    {
      "id": "city-library",
      "name": "City Library",
      "waarde": "Monday to Saturday",
      "source": "https://www.example.org/library",
      "source_titel": "Example: the library's own website",
      "source_datum": null,
      "opgenomen": "@TODAY@",
      "zekerheid": "hoog",
      "gecontroleerd": null
    },
    {
      "id": "town-hall",
      "name": "Town Hall",
      "waarde": "Monday to Friday",
      "source": "https://www.example.org/town-hall",
      "source_titel": "Example: the town's own website",
      "source_datum": null,
      "opgenomen": "@TODAY@",
      "zekerheid": "hoog",
      "gecontroleerd": null
    }
  ]
}
)";

const char* const kPlacesSchema = R"({
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "Places",
  "description": "Places, each with the days it is open. A page uses a place's days with {{< feit id=\"...\" >}}.",
  "type": "object",
  "properties": {
    "$schema": {
      "type": "string",
      "enum": ["./schemas/places.schema.json"],
      "description": "Points to this schema, so your editor checks the file while you type."
    },
    "bron": {
      "$ref": "#/definitions/bron",
      "description": "Where the data in this file comes from."
    },
    "places": {
      "type": "array",
      "items": { "$ref": "#/definitions/place" },
      "minItems": 1,
      "description": "The places. Each id is used only once, in all data files."
    }
  },
  "required": ["$schema", "bron", "places"],
  "additionalProperties": false,
  "definitions": {
    "date": {
      "type": "string",
      "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
      "description": "A date as YYYY-MM-DD."
    },
    "source_date": {
      "type": ["string", "null"],
      "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
      "description": "The source's own date: YYYY, YYYY-MM or YYYY-MM-DD. null if you do not know it."
    },
    "gecontroleerd": {
      "description": "Only when an editor checked the fact at the place's own current source. Otherwise null. Never fill this in without a real check.",
      "oneOf": [
        { "type": "null" },
        {
          "type": "object",
          "properties": {
            "datum": { "$ref": "#/definitions/date", "description": "The day of the check." },
            "door": { "type": "string", "minLength": 1, "description": "The role of who checked, for example 'editor'. Not a name." }
          },
          "required": ["datum", "door"],
          "additionalProperties": false
        }
      ]
    },
    "bron": {
      "type": "object",
      "properties": {
        "source": { "type": "string", "minLength": 1, "description": "The source in words, or a web address." },
        "source_titel": { "type": "string", "minLength": 1, "description": "The title of the source." },
        "source_datum": { "$ref": "#/definitions/source_date", "description": "The source's own date." },
        "licentie": { "type": ["string", "null"], "description": "The licence of the data as it really is; null if it is not known." },
        "vermelding": { "type": ["string", "null"], "description": "The credit the site must show, for example 'Source: CBS'; null if there is none." },
        "opgenomen": { "$ref": "#/definitions/date", "description": "The day this file last changed." },
        "toelichting": { "type": "string", "minLength": 1, "description": "A note for editors: what is in the file and what to know before you change it." }
      },
      "required": ["source", "source_titel", "source_datum", "licentie", "opgenomen", "toelichting"],
      "additionalProperties": false
    },
    "place": {
      "type": "object",
      "properties": {
        "id": { "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "x-unique": true, "description": "A fixed id (small letters, digits and dashes), used once. Pages use it: do not change it." },
        "name": { "type": "string", "minLength": 1, "description": "The name of the place." },
        "waarde": { "type": "string", "minLength": 1, "description": "The days the place is open, as a page shows them, for example 'Monday to Friday'." },
        "source": { "type": "string", "minLength": 1, "description": "Where the fact comes from: a web address or a document." },
        "source_titel": { "type": "string", "minLength": 1, "description": "The title of the source." },
        "source_datum": { "$ref": "#/definitions/source_date", "description": "The source's own date." },
        "opgenomen": { "$ref": "#/definitions/date", "description": "The day the fact was added to this file." },
        "zekerheid": { "type": "string", "enum": ["hoog", "middel", "laag"], "description": "How sure the fact is. 'hoog' only when it comes from the place's own website or document, or when two independent sources agree. The site shows a fact only with 'hoog', or when 'gecontroleerd' is filled in." },
        "gecontroleerd": { "$ref": "#/definitions/gecontroleerd", "description": "Who checked the fact at its source, and when; null if nobody did yet." }
      },
      "required": ["id", "name", "waarde", "source", "source_titel", "source_datum", "opgenomen", "zekerheid", "gecontroleerd"],
      "additionalProperties": false
    }
  }
}
)";

std::string dated(std::string text, const std::string& today) {
  const std::string mark = "@TODAY@";
  for (size_t at = text.find(mark); at != std::string::npos; at = text.find(mark, at)) {
    text.replace(at, mark.size(), today);
    at += today.size();
  }
  return text;
}

// An existing folder with anything in it, or something that is not a folder, is refused.
bool usable(const std::filesystem::path& dir, std::string* why) {
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) return true;
  if (!std::filesystem::is_directory(dir, ec)) {
    *why = "it exists and is not a folder";
    return false;
  }
  if (!std::filesystem::is_empty(dir, ec) || ec) {
    *why = "the folder is not empty; choose a new or an empty folder";
    return false;
  }
  return true;
}

bool write_file(const std::filesystem::path& path, const std::string& text, std::string* error) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  std::ofstream file(path, std::ios::binary);
  file << text;
  file.close();
  if (ec || !file) {
    *error = "cannot write " + path.string() + (ec ? ": " + ec.message() : "");
    return false;
  }
  return true;
}

}  // namespace

std::map<std::string, std::string> new_site_files(const std::string& today) {
  return {
      {"wegwijzer.yaml", kConfig},
      {"content/_index.md", dated(kHome, today)},
      {"content/guide/_index.md", dated(kGuide, today)},
      {"content/guide/first-page.md", dated(kFirstPage, today)},
      {"content/places/_index.md", dated(kPlacesSection, today)},
      {"templates/places.html", kPlacesTemplate},
      {"templates/place.html", kPlaceTemplate},
      {"content/data/places.json", dated(kPlaces, today)},
      {"content/data/schemas/places.schema.json", kPlacesSchema},
  };
}

int run_new(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
    out << kNewUsage;
    return kExitOk;
  }
  if (args.size() != 1 || args[0].empty() || args[0][0] == '-') {
    err << "wegwijzer new: give one folder for the new site\n" << kNewUsage;
    return kExitUsage;
  }
  const std::filesystem::path dir(args[0]);
  std::string why;
  if (!usable(dir, &why)) {
    err << "wegwijzer new: will not write into " << dir.string() << ": " << why << "\n";
    return kExitUsage;
  }
  for (const auto& [path, text] : new_site_files(today_iso())) {
    std::string error;
    if (!write_file(dir / path, text, &error)) {
      err << "wegwijzer new: " << error << "\n";
      return kExitInputErrors;
    }
  }
  out << "A new site is in " << dir.string() << ". See it while you work on it:\n"
      << "  wegwijzer serve --source " << dir.string() << "\n"
      << "Check it with `wegwijzer check --source " << dir.string() << "`, and build it with\n"
      << "`wegwijzer build --source " << dir.string() << " --base-url https://...`.\n";
  return kExitOk;
}

}  // namespace wegwijzer
