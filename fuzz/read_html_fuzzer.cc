// HTML reader: any bytes → decode → gumbo main-text extraction → clean. Checks that hostile markup never
// crashes, that the text is valid UTF-8, and that metadata dates are real dates.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "casus/clean/clean.h"
#include "casus/read/decode.h"
#include "casus/read/html.h"
#include "casus/text/utf8.h"
#include "casus/util/status.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  casus::read::ReadOptions options;
  options.max_document_bytes = 1 << 20;
  auto decoded = casus::read::decode(raw, options);
  if (!decoded) return 0;
  auto content = casus::read::extract_html(decoded.value());
  if (!content) {
    CASUS_ASSERT(content.status().code() == casus::Code::kBadHtml, "HTML extraction fails only with kBadHtml");
    return 0;
  }
  const casus::read::HtmlContent& c = content.value();
  CASUS_ASSERT(!c.text.empty(), "successful extraction has text");
  for (std::string_view s : {std::string_view(c.text), std::string_view(c.title), std::string_view(c.url),
                             std::string_view(c.site_name), std::string_view(c.language)})
    CASUS_ASSERT(casus::text::find_invalid_utf8(s) == std::string_view::npos, "extracted strings are UTF-8");
  if (c.published) CASUS_ASSERT(c.published->valid(), "published date is a real date");
  casus::doc::Document doc;
  doc.text = c.text;
  doc.meta.url = c.url;
  (void)casus::clean::clean(doc);
  return 0;
}
