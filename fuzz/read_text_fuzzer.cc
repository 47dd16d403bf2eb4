// Plain text reader + cleaner: any bytes → decode (UTF-8 policy) → clean. Checks that decoding always yields
// valid UTF-8 without CR/NUL/controls, and that the cleaner keeps it valid, trimmed and paragraph-shaped.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "casus/clean/clean.h"
#include "casus/clean/date_text.h"
#include "casus/read/decode.h"
#include "casus/text/utf8.h"
#include "casus/util/status.h"

namespace {

void check_decoded(std::string_view s) {
  CASUS_ASSERT(casus::text::find_invalid_utf8(s) == std::string_view::npos, "decoder output must be UTF-8");
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    CASUS_ASSERT(b >= 0x20 || c == '\n' || c == '\t', "decoder output must hold no controls");
    CASUS_ASSERT(b != 0x7F, "decoder output must hold no DEL");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  casus::read::ReadOptions options;
  options.max_document_bytes = 1 << 20;
  auto decoded = casus::read::decode(raw, options);
  if (!decoded) return 0;
  check_decoded(decoded.value());

  casus::doc::Document doc;
  doc.text = std::move(decoded.value());
  // Use the first line as a URL too, so the URL date reader sees hostile input.
  doc.meta.url = doc.text.substr(0, doc.text.find('\n'));
  casus::clean::CleanReport report;
  const casus::Status st = casus::clean::clean(doc, {}, &report);
  if (!st) {
    CASUS_ASSERT(st.code() == casus::Code::kEmptyInput, "the cleaner fails only on empty results");
    return 0;
  }
  const std::string& t = doc.text;
  CASUS_ASSERT(!t.empty(), "cleaned text is not empty");
  CASUS_ASSERT(casus::text::find_invalid_utf8(t) == std::string_view::npos, "cleaned text must be UTF-8");
  CASUS_ASSERT(t.front() != ' ' && t.back() != ' ' && t.front() != '\n' && t.back() != '\n', "cleaned text is trimmed");
  CASUS_ASSERT(t.find("\n\n\n") == std::string::npos, "at most one blank line between paragraphs");
  CASUS_ASSERT(t.find("  ") == std::string::npos, "spaces are folded");
  if (doc.meta.published) CASUS_ASSERT(doc.meta.published->valid(), "published date is a real date");
  CASUS_ASSERT(casus::text::find_invalid_utf8(doc.meta.dateline) == std::string_view::npos, "dateline is UTF-8");
  for (const auto& m : casus::clean::find_dates(t.substr(0, 4096)))
    CASUS_ASSERT(m.date.valid() && m.begin < m.end && m.end <= t.size(), "date matches are real and in range");
  return 0;
}
