#include "casus/doc/enums.h"

#include <array>
#include <cctype>
#include <string>

namespace casus::doc {

namespace {
constexpr std::array<std::string_view, kNumUPos> kUPosNames = {
    "_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
    "SCONJ", "SYM", "VERB", "X"};
constexpr std::array<std::string_view, kNumDeprel> kDeprelNames = {
    "_", "acl", "acl:relcl", "advcl", "advcl:relcl", "advmod", "amod", "appos", "aux", "aux:pass", "case", "cc",
    "cc:preconj", "ccomp", "clf", "compound", "compound:prt", "conj", "cop", "csubj", "csubj:outer", "csubj:pass",
    "dep", "det", "det:predet", "discourse", "dislocated", "expl", "fixed", "flat", "goeswith", "iobj", "list",
    "mark", "nmod", "nmod:desc", "nmod:poss", "nmod:unmarked", "nsubj", "nsubj:outer", "nsubj:pass", "nummod",
    "obj", "obl", "obl:agent", "obl:unmarked", "orphan", "parataxis", "punct", "reparandum", "root", "vocative",
    "xcomp", "nmod:tmod", "nmod:npmod", "obl:tmod", "obl:npmod", "flat:foreign"};
constexpr std::array<std::string_view, kNumPlover> kPloverNames = {
    "", "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"};
constexpr std::array<std::string_view, 5> kAuxNames = {"", "negation", "hypothetical", "future", "historical"};

template <size_t N>
std::optional<size_t> index_of(const std::array<std::string_view, N>& names, std::string_view s, size_t from) {
  for (size_t i = from; i < N; ++i)
    if (names[i] == s) return i;
  return std::nullopt;
}
}  // namespace

std::string_view upos_name(UPos u) {
  auto i = static_cast<size_t>(u);
  return i < kUPosNames.size() ? kUPosNames[i] : "_";
}
std::optional<UPos> upos_from_name(std::string_view s) {
  auto i = index_of(kUPosNames, s, 1);
  if (!i) return std::nullopt;
  return static_cast<UPos>(*i);
}

std::string_view deprel_name(Deprel d) {
  auto i = static_cast<size_t>(d);
  return i < kDeprelNames.size() ? kDeprelNames[i] : "_";
}
std::optional<Deprel> deprel_from_name(std::string_view s) {
  auto i = index_of(kDeprelNames, s, 1);
  if (!i) return std::nullopt;
  return static_cast<Deprel>(*i);
}
Deprel deprel_universal(Deprel d) {
  std::string_view name = deprel_name(d);
  auto colon = name.find(':');
  if (colon == std::string_view::npos) return d;
  return deprel_from_name(name.substr(0, colon)).value_or(Deprel::kDep);
}

std::string_view plover_name(Plover p) {
  auto i = static_cast<size_t>(p);
  return i < kPloverNames.size() ? kPloverNames[i] : "";
}
std::optional<Plover> plover_from_name(std::string_view s) {
  std::string upper(s);
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto i = index_of(kPloverNames, upper, 1);
  if (!i) return std::nullopt;
  return static_cast<Plover>(*i);
}

std::string_view aux_name(Aux a) {
  auto i = static_cast<size_t>(a);
  return i < kAuxNames.size() ? kAuxNames[i] : "";
}
std::optional<Aux> aux_from_name(std::string_view s) {
  auto i = index_of(kAuxNames, s, 0);
  if (!i) return std::nullopt;
  return static_cast<Aux>(*i);
}

}  // namespace casus::doc
