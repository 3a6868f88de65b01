#pragma once

#include "site/site.h"

namespace wegwijzer {

// A subject index, A to Z ("Onderwerpen A–Z"): a page whose front matter says `topics: true`
// gets `topics` in its context, [{letter, id, entries: [{term, pages: [{title, url}], single}]}]
// (`single`: {url} when the term names one page, else false), made
// from the titles and `keywords` of the Markdown pages of its language (pages made from data
// have their own A–Z lists). It is also where the search form leads without JavaScript.
void add_topics(Site* site);

// The topics page of a language, or -1.
int topics_page(const Site& site, int language);

}  // namespace wegwijzer
