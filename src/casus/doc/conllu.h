// CoNLL-U in and out (https://universaldependencies.org/format.html).
//
// Reading rebuilds a document text from the word forms and SpaceAfter=No, so every token has exact offsets:
// sentences are joined by a space, paragraphs (`# newpar`) by a blank line. Multiword tokens ("don't" →
// do + n't) contribute their surface once; their words get the sub-spans when they concatenate to it.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "casus/doc/document.h"
#include "casus/util/status.h"

namespace casus::doc {

struct ConlluReadOptions {
  bool split_documents = false;   // one Document per `# newdoc` (else all sentences in one Document)
  bool keep_annotations = true;   // fill lemma/upos/xpos/feats/head/deprel from the columns
};

// Errors name the line number (kBadConllu).
Result<std::vector<Document>> read_conllu(std::string_view data, const ConlluReadOptions& options = {},
                                          const std::shared_ptr<const FrozenStrings>& frozen = nullptr);

// Appends the document's sentences as CoNLL-U. Columns the document lacks are "_". Adds `# sent_id` and
// `# text`, `# newdoc id` (when the document has an id) and `# newpar` at paragraph starts.
void write_conllu(const Document& doc, std::string& out);

}  // namespace casus::doc
