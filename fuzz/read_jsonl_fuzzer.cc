// JSON Lines reader: any bytes → split into lines → one JSON record each. Checks that every line either becomes a
// document with valid UTF-8 text and metadata or fails with a JSON/field/date/decoding code, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "casus/read/json_record.h"
#include "casus/text/utf8.h"
#include "casus/util/status.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  casus::read::ReadOptions options;
  options.max_document_bytes = 1 << 20;
  size_t pos = 0;
  while (pos <= raw.size()) {
    size_t nl = raw.find('\n', pos);
    if (nl == std::string_view::npos) nl = raw.size();
    const std::string_view line = raw.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty()) continue;
    casus::doc::Document doc;
    const casus::Status st = casus::read::parse_json_record(line, options, doc);
    if (!st) {
      const casus::Code c = st.code();
      CASUS_ASSERT(c == casus::Code::kBadJson || c == casus::Code::kMissingField || c == casus::Code::kBadDate ||
                       c == casus::Code::kEmptyInput || c == casus::Code::kInvalidUtf8 ||
                       c == casus::Code::kBinaryInput || c == casus::Code::kTooLarge || c == casus::Code::kBadHtml,
                   "JSON records fail only with input codes");
      continue;
    }
    CASUS_ASSERT(!doc.text.empty(), "a record's text is never empty");
    for (std::string_view s : {std::string_view(doc.text), std::string_view(doc.meta.id),
                               std::string_view(doc.meta.title), std::string_view(doc.meta.url),
                               std::string_view(doc.meta.source)})
      CASUS_ASSERT(casus::text::find_invalid_utf8(s) == std::string_view::npos, "record strings are UTF-8");
    if (doc.meta.published) CASUS_ASSERT(doc.meta.published->valid(), "published date is a real date");
  }
  return 0;
}
