// Options shared by every reader. Defaults are the documented policy (docs/INPUT.md).
#pragma once

#include <cstddef>
#include <cstdint>

namespace casus::read {

enum class Format : uint8_t {
  kAuto = 0,  // by extension; unknown extensions are sniffed (explicit files) or skipped (directory walks)
  kText,      // one plain-text document per file
  kHtml,      // one HTML page per file; main text extracted
  kJsonl,     // one JSON object per line
  kJson,      // one JSON object or an array of them per file
};

const char* format_name(Format f);

struct ReadOptions {
  // Raw bytes of one document (a file, or one JSON Lines line). Larger documents are skipped with kTooLarge.
  size_t max_document_bytes = size_t(8) << 20;
  // Invalid UTF-8 (in otherwise UTF-8 text) is replaced by U+FFFD up to this share of the input bytes; above it
  // the document is rejected with kInvalidUtf8. Text with no valid multi-byte sequence at all is decoded as
  // Windows-1252 instead (see docs/INPUT.md).
  double max_invalid_fraction = 0.01;
  // Forces one format for every input (kAuto: by extension / sniffing).
  Format format = Format::kAuto;
  // What "-" (standard input) holds.
  Format stdin_format = Format::kJsonl;
  // A JSON record's "title" opens its text as the headline paragraph (unless the text already starts with it), as
  // an HTML page's headline does: the headline usually states the report's main event, and a title kept only as
  // metadata would never be coded. Offsets then count from the headline (they refer to the cleaned text).
  bool title_opens_text = true;
};

}  // namespace casus::read
