#include "casus/tag/selftest.h"

#include "casus/util/bytes.h"

namespace casus::tag {

namespace {

// Composed for casus (not from any corpus): news sentences that touch most code paths — proper nouns,
// numbers, inflections with WordNet exceptions, pronoun cases, auxiliaries and punctuation.
constexpr std::string_view kSentences[] = {
    "Protesters gathered outside the embassy in Tehran on Friday , police said .",
    "The two governments signed a ceasefire agreement after talks in Geneva .",
    "Rebels seized 3 towns and killed 12 soldiers , according to the army .",
    "She said they were not consulted before the sanctions went into effect .",
    "Mice were found in the ministry 's better offices , officials told Reuters .",
    "Will the president meet them in May or will he cancel the visit ?",
};

doc::Document make_document(std::string_view sentence) {
  doc::Document d;
  d.text = std::string(sentence);
  size_t pos = 0;
  uint32_t first = 0;
  while (pos < d.text.size()) {
    size_t end = d.text.find(' ', pos);
    if (end == std::string::npos) end = d.text.size();
    auto b = static_cast<uint32_t>(pos), e = static_cast<uint32_t>(end);
    d.tokens.add(b, e, b, e, d.strings.intern(std::string_view(d.text).substr(pos, end - pos)),
                 end < d.text.size());
    pos = end + 1;
  }
  d.sentences.add(first, static_cast<uint32_t>(d.tokens.size()), 0);
  d.layers = doc::kLayerTokens | doc::kLayerSentences;
  return d;
}

}  // namespace

std::string make_selftest(const Tagger& tagger) {
  ByteWriter w;
  w.u32(kSelfTestSectionVersion);
  w.u32(static_cast<uint32_t>(std::size(kSentences)));
  for (std::string_view s : kSentences) {
    doc::Document d = make_document(s);
    tagger.annotate(d);
    w.str(s);
    w.u32(static_cast<uint32_t>(d.tokens.size()));
    for (size_t t = 0; t < d.tokens.size(); ++t) {
      w.u8(static_cast<uint8_t>(d.tokens.upos[t]));
      w.str(d.xpos(t));
      w.str(d.feats(t));
      w.str(d.lemma(t));
    }
  }
  return w.take();
}

Status check_selftest(const Tagger& tagger, std::string_view section) {
  ByteReader r(section);
  auto corrupt = [](const std::string& what) {
    return Status(Code::kModelCorrupt, "section tagger.selftest: " + what);
  };
  uint32_t version = r.u32();
  if (r.failed()) return corrupt("truncated");
  if (version != kSelfTestSectionVersion)
    return Status(Code::kModelVersion, "section tagger.selftest has version " + std::to_string(version) +
                                           ", this build reads version " + std::to_string(kSelfTestSectionVersion));
  uint32_t n = r.u32();
  if (r.failed() || n > section.size()) return corrupt("bad sentence count");
  for (uint32_t s = 0; s < n; ++s) {
    std::string sentence(r.str());
    uint32_t n_tokens = r.u32();
    if (r.failed()) return corrupt("truncated");
    doc::Document d = make_document(sentence);
    if (d.tokens.size() != n_tokens) return corrupt("token count of sentence " + std::to_string(s + 1));
    tagger.annotate(d);
    for (uint32_t t = 0; t < n_tokens; ++t) {
      auto upos = static_cast<doc::UPos>(r.u8());
      std::string_view xpos = r.str(), feats = r.str(), lemma = r.str();
      if (r.failed()) return corrupt("truncated");
      if (upos != d.tokens.upos[t] || xpos != d.xpos(t) || feats != d.feats(t) || lemma != d.lemma(t)) {
        return Status(Code::kModelSelfTest,
                      "tagger self-test sentence " + std::to_string(s + 1) + " token " + std::to_string(t + 1) +
                          " '" + std::string(d.form(t)) + "': model expects " + std::string(doc::upos_name(upos)) +
                          "/" + std::string(xpos) + " " + std::string(feats) + " lemma '" + std::string(lemma) +
                          "', this build gives " + std::string(doc::upos_name(d.tokens.upos[t])) + "/" +
                          std::string(d.xpos(t)) + " " + std::string(d.feats(t)) + " lemma '" +
                          std::string(d.lemma(t)) + "' (model and build disagree: retrain with `casus train`)");
      }
    }
  }
  if (!r.at_end()) return corrupt("trailing bytes");
  return Status::ok();
}

}  // namespace casus::tag
