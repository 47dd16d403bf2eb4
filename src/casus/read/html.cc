#include "casus/read/html.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "casus/read/json_util.h"
#include "casus/read/meta_date.h"

namespace casus::read {

namespace {

struct OutputDeleter {
  void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return {};
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a && a->value ? std::string_view(a->value) : std::string_view();
}

bool is_element(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE; }
GumboTag tag_of(const GumboNode* n) { return is_element(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN; }

const GumboVector* children_of(const GumboNode* n) {
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  if (is_element(n)) return &n->v.element.children;
  return nullptr;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// Elements that never hold article text.
bool is_dropped_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_OPTION: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_IFRAME: case GUMBO_TAG_FRAME: case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_MENU:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_LABEL:
    case GUMBO_TAG_DATALIST: case GUMBO_TAG_APPLET: case GUMBO_TAG_MAP:
      return true;
    default:
      return false;
  }
}

bool is_block_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_CAPTION: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_HEADER: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_BODY: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_CENTER: case GUMBO_TAG_FIELDSET:
      return true;
    default:
      return false;
  }
}

// class/id tokens that name page furniture rather than article text.
bool is_noise_token(std::string_view t) {
  static constexpr std::array<std::string_view, 44> kExact = {
      "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "share", "shares", "sharing",
      "sharebar", "social", "socials", "related", "newsletter", "newsletters", "cookie", "cookies", "consent",
      "subscribe", "subscription", "promo", "promotion", "sidebar", "comments", "comment", "breadcrumb",
      "breadcrumbs", "menu", "nav", "navbar", "navigation", "footer", "popup", "modal", "banner", "outbrain",
      "taboola", "recommended", "trending", "paywall", "signup", "hidden", "sponsored"};
  for (std::string_view e : kExact)
    if (t == e) return true;
  static constexpr std::array<std::string_view, 5> kPrefix = {"sponsor", "advert", "newsletter", "recirc",
                                                              "mostread"};
  for (std::string_view p : kPrefix)
    if (t.substr(0, p.size()) == p) return true;
  return false;
}

bool names_noise(std::string_view value) {
  if (value.empty() || value.size() > 4096) return false;
  const std::string low = lower_ascii(value);
  size_t i = 0;
  while (i < low.size()) {
    while (i < low.size() && !std::isalnum(static_cast<unsigned char>(low[i]))) ++i;
    size_t j = i;
    while (j < low.size() && std::isalnum(static_cast<unsigned char>(low[j]))) ++j;
    if (j > i && is_noise_token(std::string_view(low).substr(i, j - i))) return true;
    i = j;
  }
  return false;
}

bool is_hidden(const GumboNode* n) {
  if (gumbo_get_attribute(&n->v.element.attributes, "hidden")) return true;
  if (lower_ascii(attr(n, "aria-hidden")) == "true") return true;
  std::string style = lower_ascii(attr(n, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  if (style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos)
    return true;
  const std::string role = lower_ascii(attr(n, "role"));
  return role == "navigation" || role == "complementary" || role == "banner" || role == "contentinfo" ||
         role == "search" || role == "dialog" || role == "menu";
}

bool is_protected(GumboTag t) {
  return t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY || t == GUMBO_TAG_MAIN || t == GUMBO_TAG_ARTICLE;
}

// Collects text into blank-line separated blocks with HTML whitespace collapsing.
class BlockWriter {
 public:
  void text(std::string_view s) {
    for (char c : s) {
      if (is_space(c)) {
        pending_space_ = true;
        continue;
      }
      if (pending_space_ && !block_.empty() && block_.back() != '\n') block_.push_back(' ');
      pending_space_ = false;
      block_.push_back(c);
    }
  }
  void line_break() {
    while (!block_.empty() && block_.back() == ' ') block_.pop_back();
    if (!block_.empty() && block_.back() != '\n') block_.push_back('\n');
    pending_space_ = false;
  }
  void cell_break() { pending_space_ = true; }
  void flush() {
    while (!block_.empty() && (block_.back() == ' ' || block_.back() == '\n')) block_.pop_back();
    if (!block_.empty()) {
      if (!out_.empty()) out_.append("\n\n");
      out_.append(block_);
    }
    block_.clear();
    pending_space_ = false;
  }
  std::string take() {
    flush();
    return std::move(out_);
  }

 private:
  std::string out_, block_;
  bool pending_space_ = false;
};

// Main text under `root`. Iterative: the explicit stack bounds memory by the tree size, not the call stack.
std::string extract_text(const GumboNode* root, bool use_hints) {
  BlockWriter w;
  struct Frame {
    const GumboNode* node;
    unsigned next;
  };
  std::vector<Frame> stack;
  stack.push_back({root, 0});
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboNode* n = f.node;
    const GumboVector* kids = children_of(n);
    if (f.next == 0 && is_element(n)) {
      const GumboTag t = tag_of(n);
      bool skip = is_dropped_tag(t);
      if (!skip && n != root && !is_protected(t)) {
        skip = is_hidden(n) || (use_hints && (names_noise(attr(n, "class")) || names_noise(attr(n, "id"))));
      }
      if (skip) {
        stack.pop_back();
        continue;
      }
      if (is_block_tag(t)) w.flush();
      if (t == GUMBO_TAG_BR) w.line_break();
      if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) w.cell_break();
    }
    if (kids && f.next < kids->length) {
      const auto* child = static_cast<const GumboNode*>(kids->data[f.next++]);
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE || child->type == GUMBO_NODE_CDATA) {
        w.text(child->v.text.text);
      } else if (is_element(child)) {
        stack.push_back({child, 0});
      }
      continue;
    }
    if (is_element(n) && is_block_tag(tag_of(n))) w.flush();
    stack.pop_back();
  }
  return w.take();
}

// All text under a node, whitespace collapsed (for <title>, <h1>).
std::string node_text(const GumboNode* root) {
  BlockWriter w;
  std::vector<const GumboNode*> stack{root};
  std::vector<const GumboNode*> order;
  // Depth-first, left to right: push children in reverse.
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      w.text(n->v.text.text);
      w.cell_break();
      continue;
    }
    if (is_element(n) && n != root && is_dropped_tag(tag_of(n))) continue;
    if (const GumboVector* kids = children_of(n)) {
      for (unsigned i = kids->length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids->data[i]));
    }
  }
  std::string s = w.take();
  for (char& c : s)
    if (c == '\n') c = ' ';
  return s;
}

bool is_http_url(std::string_view u) {
  const std::string low = lower_ascii(u.substr(0, 8));
  return low.rfind("http://", 0) == 0 || low.rfind("https://", 0) == 0;
}

// Strips a " | Site" / " - Site" / " — Site" tail from a <title>.
std::string strip_title_tail(std::string t) {
  static constexpr std::array<std::string_view, 4> kSeps = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};
  for (std::string_view sep : kSeps) {
    const size_t at = t.rfind(sep);
    if (at == std::string::npos || at == 0) continue;
    const std::string_view tail = std::string_view(t).substr(at + sep.size());
    const size_t words = static_cast<size_t>(std::count(tail.begin(), tail.end(), ' ')) + 1;
    if (words <= 4 && tail.size() <= 40) return t.substr(0, at);
  }
  return t;
}

struct MetaCollector {
  std::string lang, title_tag, og_title, og_url, canonical, site_name, ld_url, ld_headline, ld_site;
  // Published candidates by priority (lower index wins).
  std::array<std::pair<std::string, std::string>, 5> published;  // (value, tag)
  std::vector<std::string> json_ld;
  const GumboNode* first_h1 = nullptr;
  std::vector<std::pair<int, const GumboNode*>> candidates;  // (priority, node); lower priority wins ties
  size_t json_ld_bytes = 0;

  void offer_published(size_t rank, std::string_view value, std::string_view tag) {
    if (rank < published.size() && published[rank].first.empty() && !value.empty())
      published[rank] = {trim(value), std::string(tag)};
  }
};

void collect_meta_tag(const GumboNode* n, MetaCollector& m) {
  const std::string key = lower_ascii(!attr(n, "property").empty() ? attr(n, "property")
                                      : !attr(n, "name").empty()   ? attr(n, "name")
                                                                   : attr(n, "itemprop"));
  const std::string_view content = attr(n, "content");
  if (key.empty() || content.empty()) return;
  if (key == "og:title" && m.og_title.empty()) m.og_title = trim(content);
  else if (key == "og:url" && m.og_url.empty()) m.og_url = trim(content);
  else if (key == "og:site_name" && m.site_name.empty()) m.site_name = trim(content);
  else if (key == "article:published_time") m.offer_published(0, content, "article:published_time");
  else if (key == "datepublished") m.offer_published(2, content, "itemprop=datePublished");
  else if (key == "date" || key == "pubdate" || key == "publishdate" || key == "publish-date" ||
           key == "publish_date" || key == "dc.date" || key == "dc.date.issued" || key == "dcterms.date" ||
           key == "dcterms.created" || key == "dcterms.issued" || key == "citation_publication_date" ||
           key == "citation_date" || key == "sailthru.date" || key == "parsely-pub-date" ||
           key == "og:published_time" || key == "article.published" || key == "article_date_original" ||
           key == "original-publish-date" || key == "publication_date" || key == "release_date")
    m.offer_published(3, content, key);
}

bool is_article_type(const nlohmann::json& obj) {
  auto it = obj.find("@type");
  if (it == obj.end()) return false;
  auto check = [](const nlohmann::json& v) {
    if (!v.is_string()) return false;
    const std::string s = v.get<std::string>();
    return s.find("Article") != std::string::npos || s == "BlogPosting" || s == "Report" || s == "WebPage";
  };
  if (check(*it)) return true;
  if (it->is_array())
    for (const auto& v : *it)
      if (check(v)) return true;
  return false;
}

void read_json_ld(std::string_view text, MetaCollector& m) {
  if (text.size() > (1u << 20) || json_nesting_depth(text, 64) > 64) return;
  nlohmann::json root = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (root.is_discarded()) return;
  std::vector<const nlohmann::json*> stack{&root};
  size_t visited = 0;
  while (!stack.empty() && ++visited < 20000) {
    const nlohmann::json* v = stack.back();
    stack.pop_back();
    if (v->is_array()) {
      for (const auto& e : *v) stack.push_back(&e);
      continue;
    }
    if (!v->is_object()) continue;
    const bool article = is_article_type(*v);
    if (auto it = v->find("datePublished"); it != v->end() && it->is_string())
      m.offer_published(article ? 1 : 2, it->get_ref<const std::string&>(), "json-ld datePublished");
    if (article) {
      if (auto it = v->find("headline"); it != v->end() && it->is_string() && m.ld_headline.empty())
        m.ld_headline = trim(it->get_ref<const std::string&>());
      if (auto it = v->find("url"); it != v->end() && it->is_string() && m.ld_url.empty())
        m.ld_url = trim(it->get_ref<const std::string&>());
      if (auto it = v->find("publisher"); it != v->end() && it->is_object()) {
        if (auto nm = it->find("name"); nm != it->end() && nm->is_string() && m.ld_site.empty())
          m.ld_site = trim(nm->get_ref<const std::string&>());
      }
    }
    for (const auto& [key, child] : v->items()) {
      if (child.is_structured()) stack.push_back(&child);
    }
  }
}

int candidate_priority(const GumboNode* n) {
  const GumboTag t = tag_of(n);
  if (lower_ascii(attr(n, "itemprop")) == "articlebody") return 0;
  const std::string cls = lower_ascii(attr(n, "class"));
  static constexpr std::array<std::string_view, 8> kBodyClasses = {
      "article-body", "articlebody", "article__body", "story-body", "entry-content", "post-content",
      "article-content", "story-content"};
  if (!cls.empty() && cls.size() < 1024)
    for (std::string_view c : kBodyClasses)
      if (cls.find(c) != std::string::npos) return 1;
  if (t == GUMBO_TAG_ARTICLE) return 2;
  if (t == GUMBO_TAG_MAIN || lower_ascii(attr(n, "role")) == "main") return 3;
  return -1;
}

void collect(const GumboNode* root, MetaCollector& m) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (!is_element(n) && n->type != GUMBO_NODE_DOCUMENT) continue;
    const GumboTag t = tag_of(n);
    if (is_element(n)) {
      switch (t) {
        case GUMBO_TAG_HTML:
          if (m.lang.empty()) {
            std::string lang = lower_ascii(attr(n, "lang"));
            m.lang = lang.substr(0, std::min(lang.find_first_of("-_"), lang.size()));
            if (m.lang.size() > 8) m.lang.clear();
          }
          break;
        case GUMBO_TAG_TITLE:
          if (m.title_tag.empty()) m.title_tag = node_text(n);
          continue;
        case GUMBO_TAG_META:
          collect_meta_tag(n, m);
          continue;
        case GUMBO_TAG_LINK:
          if (m.canonical.empty() && lower_ascii(attr(n, "rel")) == "canonical") m.canonical = trim(attr(n, "href"));
          continue;
        case GUMBO_TAG_SCRIPT:
          if (lower_ascii(attr(n, "type")) == "application/ld+json" && m.json_ld_bytes < (4u << 20)) {
            std::string s = node_text(n);
            m.json_ld_bytes += s.size();
            m.json_ld.push_back(std::move(s));
          }
          continue;
        case GUMBO_TAG_STYLE:
          continue;
        case GUMBO_TAG_H1:
          if (!m.first_h1) m.first_h1 = n;
          break;
        case GUMBO_TAG_TIME:
          if (gumbo_get_attribute(&n->v.element.attributes, "pubdate") ||
              lower_ascii(attr(n, "itemprop")) == "datepublished")
            m.offer_published(4, attr(n, "datetime"), "time datetime");
          break;
        default:
          break;
      }
      const int prio = candidate_priority(n);
      if (prio >= 0 && m.candidates.size() < 64) m.candidates.emplace_back(prio, n);
    }
    if (const GumboVector* kids = children_of(n)) {
      for (unsigned i = kids->length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids->data[i]));
    }
  }
}

const GumboNode* find_body(const GumboNode* root) {
  const GumboVector* kids = children_of(root);
  for (unsigned i = 0; kids && i < kids->length; ++i) {
    const auto* c = static_cast<const GumboNode*>(kids->data[i]);
    if (tag_of(c) == GUMBO_TAG_HTML) {
      const GumboVector* hk = children_of(c);
      for (unsigned j = 0; hk && j < hk->length; ++j) {
        const auto* b = static_cast<const GumboNode*>(hk->data[j]);
        if (tag_of(b) == GUMBO_TAG_BODY) return b;
      }
      return c;
    }
  }
  return root;
}

bool contains_node(const GumboNode* ancestor, const GumboNode* n) {
  for (const GumboNode* p = n; p; p = p->parent)
    if (p == ancestor) return true;
  return false;
}

// gumbo spends O(depth) per tag on scope checks, so pathological nesting (tens of thousands of unclosed
// elements) is quadratic. This linear pre-scan estimates the open-element depth; past kMaxTreeDepth the page is
// read by the flat tag stripper below instead.
constexpr size_t kMaxTreeDepth = 3000;

bool tag_is(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names)
    if (name == n) return true;
  return false;
}

size_t estimate_depth(std::string_view html) {
  size_t depth = 0, max_depth = 0;
  for (size_t i = 0; i < html.size(); ++i) {
    if (html[i] != '<' || i + 1 >= html.size()) continue;
    const bool close = html[i + 1] == '/';
    size_t j = i + (close ? 2 : 1);
    const size_t name_begin = j;
    while (j < html.size() && std::isalnum(static_cast<unsigned char>(html[j]))) ++j;
    if (j == name_begin) continue;
    const std::string name = lower_ascii(html.substr(name_begin, std::min<size_t>(j - name_begin, 16)));
    // Void and self-closing-by-habit elements never deepen the tree.
    if (tag_is(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                      "track", "wbr", "p", "li", "td", "tr", "th", "option", "dt", "dd"}))
      continue;
    if (close) {
      if (depth > 0) --depth;
    } else if (++depth > max_depth) {
      max_depth = depth;
    }
  }
  return max_depth;
}

// Flat fallback: strips tags, skips script/style/comments, breaks blocks at block-level tags, decodes the common
// entities. No DOM, no metadata beyond the text: used only for pages gumbo would take too long over.
std::string strip_tags(std::string_view html) {
  BlockWriter w;
  size_t i = 0;
  while (i < html.size()) {
    if (html[i] == '<') {
      if (html.compare(i, 4, "<!--") == 0) {
        const size_t end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      const size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      size_t j = i + 1 + (i + 1 < html.size() && html[i + 1] == '/' ? 1 : 0);
      const size_t name_begin = j;
      while (j < end && std::isalnum(static_cast<unsigned char>(html[j]))) ++j;
      const std::string name = lower_ascii(html.substr(name_begin, std::min<size_t>(j - name_begin, 16)));
      if (html[i + 1] != '/' && (name == "script" || name == "style")) {
        const std::string closing = "</" + name;
        size_t k = end;
        for (;;) {
          k = html.find("</", k);
          if (k == std::string_view::npos || lower_ascii(html.substr(k, closing.size())) == closing) break;
          k += 2;
        }
        i = k == std::string_view::npos ? html.size() : k;
        continue;
      }
      if (name == "br") w.line_break();
      else if (tag_is(name, {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "tr", "section",
                             "article", "header", "footer", "table", "ul", "ol", "pre", "body"}))
        w.flush();
      i = end + 1;
      continue;
    }
    if (html[i] == '&') {
      static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
          {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"},
          {"&nbsp;", " "}, {"&mdash;", "\xE2\x80\x94"}, {"&ndash;", "\xE2\x80\x93"},
          {"&rsquo;", "\xE2\x80\x99"}, {"&lsquo;", "\xE2\x80\x98"}, {"&ldquo;", "\xE2\x80\x9C"},
          {"&rdquo;", "\xE2\x80\x9D"}, {"&hellip;", "\xE2\x80\xA6"}};
      bool matched = false;
      for (const auto& [entity, text] : kEntities) {
        if (html.compare(i, entity.size(), entity) == 0) {
          w.text(text);
          i += entity.size();
          matched = true;
          break;
        }
      }
      if (matched) continue;
    }
    size_t j = i + 1;
    while (j < html.size() && html[j] != '<' && html[j] != '&') ++j;
    w.text(html.substr(i, j - i));
    i = j;
  }
  return w.take();
}

}  // namespace

Result<HtmlContent> extract_html(std::string_view html) {
  if (estimate_depth(html) > kMaxTreeDepth) {
    HtmlContent c;
    c.text = strip_tags(html);
    if (c.text.empty()) return Status(Code::kBadHtml, "no text found in the HTML");
    return c;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // we never look at parse errors; do not let a broken page fill memory with them
  std::unique_ptr<GumboOutput, OutputDeleter> out(gumbo_parse_with_options(&options, html.data(), html.size()));
  if (!out || !out->document) return Status(Code::kBadHtml, "HTML parser returned no document");

  MetaCollector m;
  collect(out->document, m);
  for (const std::string& s : m.json_ld) read_json_ld(s, m);

  HtmlContent c;
  c.language = m.lang;
  // Body: the best content candidate (fewest priority, then longest text), else <body>.
  const GumboNode* body = find_body(out->document);
  std::stable_sort(m.candidates.begin(), m.candidates.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string best;
  const GumboNode* best_node = nullptr;
  int best_prio = 99;
  size_t tried = 0;
  for (const auto& [prio, node] : m.candidates) {
    if (++tried > 8) break;
    if (best_node && prio > best_prio && best.size() >= 200) break;  // a stronger kind of candidate already won
    std::string t = extract_text(node, true);
    if (t.size() > best.size()) {
      best = std::move(t);
      best_node = node;
      best_prio = prio;
    }
  }
  if (best.size() < 200) {
    std::string t = extract_text(body, true);
    if (t.empty()) t = extract_text(body, false);  // class hints wiped everything: the page misuses them
    if (t.size() > best.size()) {
      best = std::move(t);
      best_node = body;
    }
  }

  // Headline first: the h1 (when the body does not already contain it), else og:title / JSON-LD / <title>.
  std::string h1 = m.first_h1 ? node_text(m.first_h1) : std::string();
  std::string title_clean = strip_title_tail(trim(m.title_tag));
  c.title = !m.og_title.empty() ? m.og_title : !h1.empty() ? h1 : !m.ld_headline.empty() ? m.ld_headline : title_clean;
  const bool h1_inside = m.first_h1 && best_node && contains_node(best_node, m.first_h1) && !h1.empty();
  if (!h1_inside) {
    const std::string& headline = !h1.empty() ? h1 : c.title;
    if (!headline.empty() && best.compare(0, headline.size(), headline) != 0)
      best = best.empty() ? headline : headline + "\n\n" + best;
  }
  c.text = std::move(best);
  if (c.text.empty()) return Status(Code::kBadHtml, "no text found in the HTML");

  if (is_http_url(m.canonical)) c.url = m.canonical;
  else if (is_http_url(m.og_url)) c.url = m.og_url;
  else if (is_http_url(m.ld_url)) c.url = m.ld_url;
  c.site_name = !m.site_name.empty() ? m.site_name : m.ld_site;
  for (const auto& [value, tag] : m.published) {
    if (value.empty()) continue;
    if (auto d = parse_meta_date(value)) {
      c.published = d;
      c.published_tag = tag;
      break;
    }
  }
  return c;
}

}  // namespace casus::read
