// Direct quotations with their speakers: “We woke up to war,” said a Hezbollah commander. Quotes may span
// sentences; the speaker comes from the reporting clause next to the closing (or opening) mark, else from a
// colon-introduced first/second-person statement's announcing sentence ("That message is: You gave us …").
#pragma once

#include <vector>

#include "casus/doc/document.h"
#include "casus/lexicon/lexicon.h"
#include "casus/mention/mentions.h"

namespace casus::code {

std::vector<doc::Quote> find_quotes(const doc::Document& doc, const mention::MentionIndex& mentions,
                                    const lexicon::CueLists& cues);

}  // namespace casus::code
