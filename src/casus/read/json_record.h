// One JSON input record → document text and metadata (docs/INPUT.md "JSON Lines"; the field list is the one
// in docs/event-format.md "Input"): text (required; "html" is accepted instead and run through the HTML
// extractor), id, title, published (or date), url, source. Parsed with nlohmann::json, never throwing.
#pragma once

#include <string_view>

#include "casus/doc/document.h"
#include "casus/read/decode.h"
#include "casus/read/options.h"
#include "casus/util/status.h"

namespace casus::read {

// Parses one JSON object (a JSON Lines line, without its newline) into doc.text / doc.meta. Sets
// meta.published_source = "input" when the record carries a date. content_hash is the hash of the raw "text"
// (or "html") value, so the same article from a .txt file and from JSON Lines is recognised as the same.
// Errors: kBadJson (syntax, not an object, wrong field type, nesting deeper than 64), kMissingField (no text),
// kBadDate (unreadable published/date), and the decoding errors of read::decode for the text itself.
Status parse_json_record(std::string_view json, const ReadOptions& options, doc::Document& doc,
                         DecodeStats* stats = nullptr);

}  // namespace casus::read
