#include "casus/read/json_record.h"

#include <cctype>

#include <nlohmann/json.hpp>

#include "casus/read/html.h"
#include "casus/read/json_util.h"
#include "casus/read/meta_date.h"
#include "casus/text/utf8.h"
#include "casus/util/hash.h"

namespace casus::read {

namespace {

constexpr size_t kMaxNesting = 64;

// Optional string field: absent or null → "", a number is accepted for ids; anything else is an error.
Status string_field(const nlohmann::json& obj, const char* name, std::string& out, bool allow_number = false) {
  auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return Status::ok();
  if (it->is_string()) {
    out = it->get<std::string>();
    return Status::ok();
  }
  if (allow_number && it->is_number_integer()) {
    out = it->dump();
    return Status::ok();
  }
  return Status(Code::kBadJson, std::string("field \"") + name + "\" must be a string, not " + it->type_name());
}

// Metadata strings are short single lines: decode them under the same policy and fold newlines to spaces.
// Whether `text` already opens with `headline` (leading white space and letter case ignored), as when a feed puts
// the headline into the body too.
bool opens_with(std::string_view text, std::string_view headline) {
  size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) ++i;
  if (text.size() - i < headline.size()) return false;
  for (size_t k = 0; k < headline.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(text[i + k])) != std::tolower(static_cast<unsigned char>(headline[k])))
      return false;
  return true;
}

std::string clean_field(const std::string& s, const ReadOptions& options) {
  if (s.empty()) return s;
  auto decoded = decode(s, options);
  if (!decoded) return {};
  std::string out = std::move(decoded.value());
  for (char& c : out)
    if (c == '\n' || c == '\t') c = ' ';
  while (!out.empty() && out.back() == ' ') out.pop_back();
  size_t lead = 0;
  while (lead < out.size() && out[lead] == ' ') ++lead;
  return out.substr(lead);
}

}  // namespace

Status parse_json_record(std::string_view json, const ReadOptions& options, doc::Document& doc,
                         DecodeStats* stats) {
  if (json.size() > options.max_document_bytes)
    return Status(Code::kTooLarge, std::to_string(json.size()) + " bytes, over the limit of " +
                                       std::to_string(options.max_document_bytes));
  // nlohmann rejects invalid UTF-8 inside strings; apply our replacement policy to the raw line first so one
  // bad byte costs a U+FFFD, not the whole record.
  std::string repaired;
  if (text::find_invalid_utf8(json) != std::string_view::npos) {
    ReadOptions lenient = options;
    auto fixed = decode(json, lenient);
    if (!fixed) return fixed.status();
    repaired = std::move(fixed.value());
    json = repaired;
  }
  if (const size_t depth = json_nesting_depth(json, kMaxNesting); depth > kMaxNesting)
    return Status(Code::kBadJson, "nesting deeper than " + std::to_string(kMaxNesting) + " levels");
  nlohmann::json obj = nlohmann::json::parse(json.begin(), json.end(), nullptr, /*allow_exceptions=*/false);
  if (obj.is_discarded()) {
    // Re-parse with exceptions only to get the parser's message (position and what was expected).
    try {
      const nlohmann::json probe = nlohmann::json::parse(json.begin(), json.end());
      (void)probe;
    } catch (const nlohmann::json::exception& e) {
      std::string what = e.what();
      if (const size_t at = what.find("parse error"); at != std::string::npos) what = what.substr(at);
      return Status(Code::kBadJson, "malformed JSON: " + what);
    }
    return Status(Code::kBadJson, "malformed JSON");
  }
  if (!obj.is_object()) return Status(Code::kBadJson, std::string("expected a JSON object, got ") + obj.type_name());

  std::string text, html, id, title, published, date, url, source, outlet, language;
  CASUS_RETURN_IF_ERROR(string_field(obj, "text", text));
  CASUS_RETURN_IF_ERROR(string_field(obj, "html", html));
  CASUS_RETURN_IF_ERROR(string_field(obj, "id", id, /*allow_number=*/true));
  CASUS_RETURN_IF_ERROR(string_field(obj, "title", title));
  CASUS_RETURN_IF_ERROR(string_field(obj, "published", published));
  CASUS_RETURN_IF_ERROR(string_field(obj, "date", date));
  CASUS_RETURN_IF_ERROR(string_field(obj, "url", url));
  CASUS_RETURN_IF_ERROR(string_field(obj, "source", source));
  CASUS_RETURN_IF_ERROR(string_field(obj, "outlet", outlet));
  CASUS_RETURN_IF_ERROR(string_field(obj, "language", language));
  if (!obj.contains("text") && !obj.contains("html"))
    return Status(Code::kMissingField, "no \"text\" field (every record needs the document text)");

  doc::Metadata& meta = doc.meta;
  const bool from_html = !obj.contains("text") || (text.empty() && !html.empty());
  if (from_html) {
    meta.content_hash = fnv1a64(html);
    auto decoded = decode(html, options, stats);
    if (!decoded) return decoded.status();
    auto content = extract_html(decoded.value());
    if (!content) return content.status();
    doc.text = std::move(content->text);
    meta.title = content->title;
    meta.url = content->url;
    meta.source = content->site_name;
    if (content->published) {
      meta.published = content->published;
      meta.published_source = "meta";
    }
    if (!content->language.empty()) meta.language = content->language;
  } else {
    meta.content_hash = fnv1a64(text);
    auto decoded = decode(text, options, stats);
    if (!decoded) return decoded.status();
    doc.text = std::move(decoded.value());
  }

  if (!id.empty()) meta.id = clean_field(id, options);
  if (!title.empty()) {
    meta.title = clean_field(title, options);
    // An HTML page's headline is already its first block.
    if (options.title_opens_text && !from_html && !meta.title.empty() && !opens_with(doc.text, meta.title))
      doc.text = meta.title + "\n\n" + doc.text;
  }
  if (!url.empty()) meta.url = clean_field(url, options);
  if (!source.empty()) meta.source = clean_field(source, options);
  else if (!outlet.empty()) meta.source = clean_field(outlet, options);
  if (!language.empty()) meta.language = clean_field(language, options);
  const std::string& when = !published.empty() ? published : date;
  if (!when.empty()) {
    auto d = parse_meta_date(when);
    if (!d) return Status(Code::kBadDate, "field \"" + std::string(!published.empty() ? "published" : "date") +
                                              "\": expected a date like 2023-11-16, got \"" +
                                              clean_field(when.substr(0, 40), options) + "\"");
    meta.published = d;
    meta.published_source = "input";
  }
  return Status::ok();
}

}  // namespace casus::read
