// Raw bytes → clean UTF-8 text, with one explicit policy for every reader (docs/INPUT.md "Encoding policy"):
//   * a UTF-8 byte order mark is stripped; UTF-16/32 byte order marks are rejected (kInvalidUtf8);
//   * CRLF and lone CR become LF; form feed, vertical tab, U+2028 and U+0085 become LF; U+2029 becomes a blank line;
//   * NUL, the other C0 controls except TAB and LF, DEL and C1 controls are removed (counted);
//     U+FEFF inside the text (zero-width no-break space) is removed;
//   * invalid UTF-8 sequences become U+FFFD, one per offending byte (counted); when more than
//     ReadOptions::max_invalid_fraction of the bytes are invalid the document is rejected (kInvalidUtf8, naming
//     the first bad byte); input that has invalid bytes and not one valid multi-byte sequence is taken to be
//     Windows-1252 (the usual legacy encoding of news pages) and transcoded;
//   * binary input (known file magic, >1% NUL bytes or >10% control bytes) is rejected (kBinaryInput);
//   * input over ReadOptions::max_document_bytes is rejected (kTooLarge); text that is empty or only whitespace
//     after decoding is rejected (kEmptyInput).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "casus/read/options.h"
#include "casus/util/status.h"

namespace casus::read {

struct DecodeStats {
  uint32_t invalid_bytes = 0;      // bytes replaced by U+FFFD
  uint32_t removed_controls = 0;   // NUL / control characters removed
  bool had_bom = false;
  bool windows_1252 = false;       // transcoded from Windows-1252
};

// Decodes `raw` under the policy above. `stats` (optional) receives what was changed.
Result<std::string> decode(std::string_view raw, const ReadOptions& options = {}, DecodeStats* stats = nullptr);

// Cheap check used before decoding: names the binary format ("gzip", "PDF", "NUL-heavy data") or returns "".
std::string_view sniff_binary(std::string_view raw);

}  // namespace casus::read
