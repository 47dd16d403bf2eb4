// Self-test sentences: at the end of training the new model tags a few fixed sentences and stores its own
// output in the "tagger.selftest" section; every load re-tags them and fails with kModelSelfTest when the
// result differs (a build whose hashing, features or lemma rules drifted from the one that trained the model).
#pragma once

#include <string>
#include <string_view>

#include "casus/tag/tagger.h"

namespace casus::tag {

inline constexpr uint32_t kSelfTestSectionVersion = 1;

// Tags the built-in sentences and serializes the expected output.
std::string make_selftest(const Tagger& tagger);
// Re-tags and compares; the message names the sentence, token and both values.
Status check_selftest(const Tagger& tagger, std::string_view section);

}  // namespace casus::tag
