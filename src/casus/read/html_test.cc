#include "casus/read/html.h"

#include <gtest/gtest.h>

#include <string>

namespace casus::read {
namespace {

constexpr const char* kPage = R"(<!DOCTYPE html>
<html lang="en-US"><head>
<title>Houthis claim attack on tanker | Example News</title>
<meta property="og:title" content="Houthis claim attack on tanker in Gulf of Aden">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-02-06T10:30:00Z">
<link rel="canonical" href="https://news.example/2024/02/06/houthi-tanker/">
<script>var x = "<p>not text</p>";</script>
<style>p { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="cookie-consent">We use cookies.</div>
<article>
<h1>Houthis claim attack on tanker in Gulf of Aden</h1>
<div class="social-share">Share on Facebook</div>
<p>ADEN, Yemen &mdash; Yemen's Houthi rebels said on Tuesday they had fired missiles at a tanker in the Gulf of Aden.</p>
<!-- a comment that must not appear -->
<p>The ship's operator said the crew was safe.<br>No fire broke out.</p>
<aside>Related: earlier attacks</aside>
<div class="ad-container">Advertisement</div>
<p hidden>hidden text</p>
<div style="display: none">invisible</div>
</article>
<footer>Copyright Example News</footer>
</body></html>)";

TEST(Html, ExtractsHeadlineAndBodyWithoutFurniture) {
  auto r = extract_html(kPage);
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  const HtmlContent& c = r.value();
  EXPECT_EQ(c.text,
            "Houthis claim attack on tanker in Gulf of Aden\n\n"
            "ADEN, Yemen \xE2\x80\x94 Yemen's Houthi rebels said on Tuesday they had fired missiles at a tanker in the "
            "Gulf of Aden.\n\n"
            "The ship's operator said the crew was safe.\nNo fire broke out.");
  EXPECT_EQ(c.title, "Houthis claim attack on tanker in Gulf of Aden");
  EXPECT_EQ(c.url, "https://news.example/2024/02/06/houthi-tanker/");
  ASSERT_TRUE(c.published.has_value());
  EXPECT_EQ(c.published->iso(), "2024-02-06");
  EXPECT_EQ(c.published_tag, "article:published_time");
  EXPECT_EQ(c.site_name, "Example News");
  EXPECT_EQ(c.language, "en");
}

TEST(Html, JsonLdDateAndTitleTagFallback) {
  const std::string page = R"(<html><head><title>Sudan talks resume in Jeddah - Horn Desk</title>
<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},
{"@type":"NewsArticle","datePublished":"2023-10-26T08:00:00+03:00","publisher":{"name":"Horn Desk"}}]}</script>
</head><body><p>Talks between the army and the RSF resumed in Jeddah on Thursday.</p></body></html>)";
  auto r = extract_html(page);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->title, "Sudan talks resume in Jeddah");
  ASSERT_TRUE(r->published);
  EXPECT_EQ(r->published->iso(), "2023-10-26");
  EXPECT_EQ(r->site_name, "Horn Desk");
  // No h1 in the page: the title leads the text.
  EXPECT_EQ(r->text, "Sudan talks resume in Jeddah\n\nTalks between the army and the RSF resumed in Jeddah on Thursday.");
}

TEST(Html, MetaNameDateVariants) {
  for (const char* tag : {R"(<meta name="date" content="2024-01-12">)", R"(<meta name="pubdate" content="20240112">)",
                          R"(<meta name="DC.date.issued" content="2024/01/12">)",
                          R"(<meta itemprop="datePublished" content="Fri, 12 Jan 2024 06:00:00 GMT">)"}) {
    auto r = extract_html(std::string("<html><head>") + tag + "</head><body><p>Body text.</p></body></html>");
    ASSERT_TRUE(r.is_ok());
    ASSERT_TRUE(r->published.has_value()) << tag;
    EXPECT_EQ(r->published->iso(), "2024-01-12") << tag;
  }
}

TEST(Html, ClassHintsOnBodyDoNotEraseEverything) {
  auto r = extract_html(R"(<html><body class="has-share-bar"><div class="share-everything"><p>Only text here.</p></div></body></html>)");
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->text, "Only text here.");
}

TEST(Html, EmptyPageIsBadHtml) {
  auto r = extract_html("<html><head><script>x()</script></head><body><nav>Menu</nav></body></html>");
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), Code::kBadHtml);
}

TEST(Html, HostileInputDoesNotCrash) {
  // Deep nesting: below the limit gumbo parses it (and the walk is iterative); far beyond it the flat tag
  // stripper takes over, because gumbo's scope checks make such pages quadratic.
  for (int depth : {1400, 400000}) {
    std::string deep = "<script>var a = '<div>';</script>";
    for (int i = 0; i < depth; ++i) deep += "<div><b>";
    deep += "deep &amp; text";
    auto r = extract_html(deep);
    ASSERT_TRUE(r.is_ok());
    EXPECT_EQ(r->text, "deep & text");
  }
  // Implied elements nest too: gumbo frees its tree recursively, so such pages must take the flat path.
  std::string tables;
  for (int i = 0; i < 100000; ++i) tables += "<table><tr><td>x";
  EXPECT_TRUE(extract_html(tables).is_ok());
  std::string attr = "<p class=\"" + std::string(1 << 20, 'a') + "\">x</p><p title='<<<>>>'>y</p></p></div><b<i>z&#xFFFFFFFF;&";
  EXPECT_TRUE(extract_html(attr).is_ok());
  std::string broken = R"(<script type="application/ld+json">)" + std::string(5000, '[') + "</script><p>ok</p>";
  auto b = extract_html(broken);
  ASSERT_TRUE(b.is_ok());
  EXPECT_EQ(b->text, "ok");
}

}  // namespace
}  // namespace casus::read
