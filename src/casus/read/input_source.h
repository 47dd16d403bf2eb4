// Streaming input for `casus code`: files, directories (recursive), and "-" (standard input), one document at a
// time with bounded memory. A JSON Lines file yields one item per line and is read line by line; a directory is
// walked depth first in byte-wise sorted order (stable across machines); only one file is open at a time.
//
//   auto src = casus::read::InputSource::open({"samples", "-"}, {});
//   if (!src) { print(src.status()); return 2; }            // usage problem (e.g. "-" twice)
//   casus::read::Item item;
//   while (src->next(item)) {
//     if (item.kind == Item::Kind::kError) { report(item.name, item.status); continue; }  // then exit 1
//     if (item.kind == Item::Kind::kSkipped) { note(item.name, item.status); continue; }  // not an error
//     casus::clean::clean(item.document);  ...
//   }
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "casus/doc/document.h"
#include "casus/read/decode.h"
#include "casus/read/options.h"
#include "casus/util/status.h"

namespace casus::read {

struct Item {
  enum class Kind : uint8_t {
    kDocument,  // `document` holds the decoded main text and metadata
    kError,     // the input could not be read: report "casus: <name>: <status>" and count it (exit code 1)
    kSkipped,   // not a document (unknown extension in a directory walk): worth a note, not an error
  };
  Kind kind = Kind::kDocument;
  std::string name;   // for messages: "dir/a.txt", "news.jsonl:17", "stdin:3"
  Status status;      // kError / kSkipped: why
  doc::Document document;
  DecodeStats stats;  // what decoding changed (invalid bytes replaced, controls removed, ...)
};

class InputSource {
 public:
  // `args`: files, directories, or "-" for standard input. Fails (kUsage) only for an empty list or "-" given
  // twice; missing or unreadable paths become error items, so one bad argument does not stop a batch.
  static Result<InputSource> open(std::vector<std::string> args, ReadOptions options = {});

  InputSource(InputSource&&) noexcept;
  InputSource& operator=(InputSource&&) noexcept;
  ~InputSource();

  // Fills `item` with the next document, error or skip notice (previous contents are replaced). False at the end.
  bool next(Item& item);

  // Counts so far.
  size_t documents() const;
  size_t errors() const;

 private:
  struct Impl;
  explicit InputSource(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Reads one in-memory input of a known format as a single document (text or HTML; for JSON use
// parse_json_record). `name` becomes meta.id and meta.path. Used by the file reader, tests and fuzzers.
Status read_buffer(std::string_view raw, Format format, const std::string& name, const ReadOptions& options,
                   doc::Document& doc, DecodeStats* stats = nullptr);

// Format from a file name (".txt" → kText, ".html" → kHtml, ...); kAuto when the extension is unknown.
Format format_from_path(std::string_view path);
// Format from the first bytes of a file whose extension says nothing: HTML tags → kHtml, "{" → kJsonl,
// otherwise kText.
Format sniff_format(std::string_view head);

}  // namespace casus::read
