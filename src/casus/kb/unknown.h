// `casus kb unknown`: the most frequent unresolved proper-name mentions in a casus store, with example sentences,
// so curators can grow the KB from real corpora.
//
// Expected store layout (SQLite; the store stage owns it, see docs/KB.md): table
//   mentions(doc_id TEXT, sentence INTEGER, text TEXT, kb_id TEXT, entity_type TEXT, ...)
// where kb_id is NULL or '' when unresolved, and optionally
//   sentences(doc_id TEXT, sentence INTEGER, text TEXT, ...)
// for examples. A missing `mentions` table is an error with a clear message.
#pragma once

#include <string>
#include <vector>

#include "casus/kb/knowledge_base.h"
#include "casus/util/status.h"

namespace casus::kb {

struct UnknownName {
  std::string text;
  int64_t count = 0;
  std::vector<std::string> examples;  // up to `examples` sentences
};

// Names are proper-name-like (start with an upper-case letter or digit-free capitalised word). When kb is given,
// names the KB now resolves (curated since the store was written) are skipped.
Result<std::vector<UnknownName>> unknown_names(const std::string& db_path, size_t limit, size_t examples,
                                               const KnowledgeBase* kb);

}  // namespace casus::kb
