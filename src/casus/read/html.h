// HTML → main text and metadata, with gumbo (an HTML5-conformant parser that never fails on broken markup).
//
// Main text: the article body (the <article>, <main>, itemprop="articleBody" or content-class element holding
// the most paragraph text, else <body>) with script/style/nav/footer/aside/header menus/forms/iframes/figure
// captions/comments and elements whose class or id names a widget (share, social, related, newsletter, cookie,
// subscribe, promo, ad, sidebar, comments, breadcrumb, ...) or that are hidden removed. The headline (h1, else
// og:title, else <title>) comes first; blocks are separated by blank lines. The tree walk is iterative, so deep
// nesting cannot overflow the stack.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "casus/util/date.h"
#include "casus/util/status.h"

namespace casus::read {

struct HtmlContent {
  std::string text;         // headline + body blocks, "\n\n" between blocks
  std::string title;        // og:title, else h1, else <title> without a " | Site" tail
  std::string url;          // <link rel=canonical>, else og:url (absolute http(s) URLs only)
  std::optional<Date> published;
  std::string published_tag;  // which tag gave `published` ("article:published_time", "json-ld", ...)
  std::string site_name;      // og:site_name or JSON-LD publisher name
  std::string language;       // <html lang>, primary subtag lower-cased ("en"), "" when absent
};

// `html` must be UTF-8 (run read::decode first). Fails with kBadHtml when no text at all can be found.
Result<HtmlContent> extract_html(std::string_view html);

}  // namespace casus::read
