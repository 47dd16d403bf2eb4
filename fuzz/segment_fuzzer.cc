// libFuzzer target for the segmenter: any bytes → segment(); checks the invariants every later stage relies on.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "casus/segment/segmenter.h"
#include "casus/text/utf8.h"

namespace {

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "segment_fuzzer: invariant violated: %s\n", what);
    std::abort();
  }
}

bool is_continuation(uint8_t b) { return (b & 0xC0) == 0x80; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const casus::segment::Segmenter kSegmenter;
  casus::doc::Document doc;
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  casus::Status s = kSegmenter.segment(doc);
  check(s.is_ok(), "segment() failed");
  const auto& t = doc.tokens;
  // Code point offsets count lead bytes (the Document's rule). On invalid UTF-8 a token made only of stray
  // continuation bytes spans zero code points; readers repair such input before segmentation (docs/INPUT.md).
  const bool valid = casus::text::find_invalid_utf8(doc.text) == std::string::npos;
  uint32_t prev_end = 0, prev_end_cp = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    check(t.begin[i] < t.end[i], "empty token");
    check(t.end[i] <= doc.text.size(), "token beyond the text");
    check(t.begin[i] >= prev_end, "tokens overlap or go backwards");
    check(t.begin_cp[i] >= prev_end_cp && t.begin_cp[i] <= t.end_cp[i], "code point offsets not monotone");
    check(!valid || t.begin_cp[i] < t.end_cp[i], "token of zero code points in valid UTF-8");
    // Code point offsets agree with the bytes between consecutive tokens.
    uint32_t cps = 0;
    for (uint32_t b = prev_end; b < t.begin[i]; ++b) cps += !is_continuation(static_cast<uint8_t>(doc.text[b]));
    check(t.begin_cp[i] == prev_end_cp + cps, "begin_cp inconsistent with bytes");
    cps = 0;
    for (uint32_t b = t.begin[i]; b < t.end[i]; ++b) cps += !is_continuation(static_cast<uint8_t>(doc.text[b]));
    check(t.end_cp[i] == t.begin_cp[i] + cps, "end_cp inconsistent with bytes");
    check(doc.form(i) == doc.token_text(i), "form is not the exact substring");
    // Only whitespace (ASCII here; Unicode spaces are multi-byte) may lie between tokens.
    for (uint32_t b = prev_end; b < t.begin[i]; ++b) {
      auto c = static_cast<uint8_t>(doc.text[b]);
      check(c >= 0x80 || c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F), "text lost between tokens");
    }
    prev_end = t.end[i];
    prev_end_cp = t.end_cp[i];
  }
  const auto& se = doc.sentences;
  if (t.size() > 0) {
    check(se.size() > 0 && se.first[0] == 0 && se.last[se.size() - 1] == t.size(), "sentences do not cover tokens");
    for (size_t i = 0; i < se.size(); ++i) {
      check(se.first[i] < se.last[i], "empty sentence");
      if (i > 0) {
        check(se.first[i] == se.last[i - 1], "sentences do not tile");
        check(se.paragraph[i] >= se.paragraph[i - 1], "paragraph index goes backwards");
      }
    }
  } else {
    check(se.size() == 0, "sentences without tokens");
  }
  return 0;
}
