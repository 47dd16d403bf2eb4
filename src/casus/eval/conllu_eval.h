// CoNLL 2018 shared task evaluation of a system CoNLL-U file against gold, by character-span alignment.
//
// Both files must spell the same text once whitespace is removed. Tokens (surface tokens: a multiword token
// counts once), sentences and words are matched by their character spans; words inside multiword tokens are
// aligned by a longest common subsequence of their lower-cased forms, as the official conll18_ud_eval.py does.
// Tag, lemma and dependency metrics are counted over aligned words and reported as F1 against the gold and
// system word counts. LAS compares only the universal part of the relation ("nmod" for "nmod:poss").
#pragma once

#include <string>
#include <string_view>

#include "casus/util/status.h"

namespace casus::eval {

struct Score {
  size_t gold = 0;     // items in the gold file
  size_t system = 0;   // items in the system file
  size_t correct = 0;  // matched (and, for tag metrics, right)
  size_t aligned = 0;  // aligned words (for AlignedAcc), else = correct
  double precision() const { return system ? static_cast<double>(correct) / system : 0.0; }
  double recall() const { return gold ? static_cast<double>(correct) / gold : 0.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  double aligned_accuracy() const { return aligned ? static_cast<double>(correct) / aligned : 0.0; }
};

struct ConlluScores {
  Score tokens, sentences, words, upos, xpos, ufeats, alltags, lemmas, uas, las;
};

// Errors: malformed CoNLL-U (kBadConllu, naming which file and line) or texts that differ (kBadConllu, naming
// the first differing character).
Result<ConlluScores> evaluate_conllu(std::string_view gold, std::string_view system);

// A readable table in the layout of conll18_ud_eval.py --verbose (percentages).
std::string format_table(const ConlluScores& scores);
// One JSON object: {"Tokens": {"precision":…, "recall":…, "f1":…, "aligned_accuracy":…}, …}.
std::string format_json(const ConlluScores& scores);

}  // namespace casus::eval
