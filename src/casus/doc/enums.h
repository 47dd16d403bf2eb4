// Closed label sets with fixed numeric values. The numbers are stored in model files and the store:
// append new values at the end, never renumber.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace casus::doc {

// Universal POS tags (UD v2). kNone = not yet tagged.
enum class UPos : uint8_t {
  kNone = 0, kAdj, kAdp, kAdv, kAux, kCconj, kDet, kIntj, kNoun, kNum, kPart, kPron, kPropn, kPunct,
  kSconj, kSym, kVerb, kX,
};
inline constexpr int kNumUPos = 18;
std::string_view upos_name(UPos upos);                 // "NOUN"; "_" for kNone
std::optional<UPos> upos_from_name(std::string_view);  // nullopt for unknown strings

// UD dependency relations with the subtypes UD English EWT uses. kNone = not yet parsed.
enum class Deprel : uint8_t {
  kNone = 0, kAcl, kAclRelcl, kAdvcl, kAdvclRelcl, kAdvmod, kAmod, kAppos, kAux, kAuxPass, kCase, kCc,
  kCcPreconj, kCcomp, kClf, kCompound, kCompoundPrt, kConj, kCop, kCsubj, kCsubjOuter, kCsubjPass, kDep, kDet,
  kDetPredet, kDiscourse, kDislocated, kExpl, kFixed, kFlat, kGoeswith, kIobj, kList, kMark, kNmod, kNmodDesc,
  kNmodPoss, kNmodUnmarked, kNsubj, kNsubjOuter, kNsubjPass, kNummod, kObj, kObl, kOblAgent, kOblUnmarked,
  kOrphan, kParataxis, kPunct, kReparandum, kRoot, kVocative, kXcomp, kNmodTmod, kNmodNpmod, kOblTmod,
  kOblNpmod, kFlatForeign, kCount_,
};
inline constexpr int kNumDeprel = static_cast<int>(Deprel::kCount_);
std::string_view deprel_name(Deprel rel);                   // "nsubj:pass"; "_" for kNone
std::optional<Deprel> deprel_from_name(std::string_view);   // exact label; nullopt if unknown
// The universal part: kNsubjPass → kNsubj, kAclRelcl → kAcl.
Deprel deprel_universal(Deprel rel);

// PLOVER event categories (ontology v1.x), in codebook order.
enum class Plover : uint8_t {
  kNone = 0, kAgree, kConsult, kSupport, kConcede, kCooperate, kAid, kRetreat, kRequest, kAccuse, kReject,
  kThreaten, kProtest, kSanction, kMobilize, kCoerce, kAssault,
};
inline constexpr int kNumPlover = 17;
std::string_view plover_name(Plover p);                 // "ASSAULT"
std::optional<Plover> plover_from_name(std::string_view);  // accepts upper or lower case

// PLOVER auxiliary modes of an event.
enum class Aux : uint8_t { kNone = 0, kNegation, kHypothetical, kFuture, kHistorical };
std::string_view aux_name(Aux a);  // "" for kNone
std::optional<Aux> aux_from_name(std::string_view);

}  // namespace casus::doc
