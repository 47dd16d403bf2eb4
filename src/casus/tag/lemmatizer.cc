#include "casus/tag/lemmatizer.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "casus/tag/features.h"
#include "casus/util/bytes.h"
#include "casus/util/file.h"
#include "casus/util/hash.h"

namespace casus::tag {

namespace {

constexpr size_t kMaxSuffix = 6;
constexpr size_t kMaxWord = 64;

struct Detach {
  std::string_view from, to;
};
// WordNet's morphy detachment rules (morph.c), in its order.
constexpr Detach kNounRules[] = {{"s", ""},    {"ses", "s"},   {"xes", "x"},   {"zes", "z"},
                                 {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
constexpr Detach kVerbRules[] = {{"s", ""},  {"ies", "y"}, {"es", "e"},  {"es", ""},
                                 {"ed", "e"}, {"ed", ""},   {"ing", "e"}, {"ing", ""}};
constexpr Detach kAdjRules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

template <size_t N>
constexpr std::pair<const Detach*, size_t> rules_of(const Detach (&r)[N]) {
  return {r, N};
}
std::pair<const Detach*, size_t> detach_rules(uint8_t pos) {
  switch (pos) {
    case kWnNoun: return rules_of(kNounRules);
    case kWnVerb: return rules_of(kVerbRules);
    case kWnAdj: return rules_of(kAdjRules);
    default: return {nullptr, 0};
  }
}

// WordNet POS of an inflected Penn tag (the ones morphology should undo); 0 for base forms and others.
uint8_t inflected_pos(std::string_view xpos) {
  if (xpos == "NNS") return kWnNoun;
  if (xpos == "VBD" || xpos == "VBN" || xpos == "VBG" || xpos == "VBZ") return kWnVerb;
  if (xpos == "JJR" || xpos == "JJS") return kWnAdj;
  if (xpos == "RBR" || xpos == "RBS") return kWnAdv;
  return 0;
}

uint64_t suffix_key(uint64_t xpos_hash, std::string_view lower, size_t k) {
  return mix64(xpos_hash, mix64(k, fnv1a64(lower.substr(lower.size() - k))));
}
inline uint64_t nonzero(uint64_t k) { return k ? k : 1; }

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = ascii_lower(c);
  return out;
}

}  // namespace

std::vector<LemmaRule> derive_rules(std::string_view form, std::string_view lemma) {
  std::vector<LemmaRule> best;
  size_t best_cost = SIZE_MAX;
  for (uint8_t casing : {kCaseLower, kCaseKeep, kCaseCapital}) {
    std::string base = casing == kCaseKeep ? std::string(form) : to_lower(form);
    if (casing == kCaseCapital && !base.empty() && base[0] >= 'a' && base[0] <= 'z')
      base[0] = static_cast<char>(base[0] - 'a' + 'A');
    size_t prefix = 0;
    while (prefix < base.size() && prefix < lemma.size() && base[prefix] == lemma[prefix]) ++prefix;
    size_t strip = base.size() - prefix;
    if (strip > 255) continue;
    size_t cost = strip + (lemma.size() - prefix);
    LemmaRule rule{casing, static_cast<uint8_t>(strip), std::string(lemma.substr(prefix))};
    if (cost < best_cost) {
      best_cost = cost;
      best = {rule};
    } else if (cost == best_cost && std::find(best.begin(), best.end(), rule) == best.end()) {
      best.push_back(rule);
    }
  }
  if (best.empty()) best = {LemmaRule{kCaseKeep, 0, ""}};  // pathological length: keep the form
  return best;
}

LemmaRule derive_rule(std::string_view form, std::string_view lemma) { return derive_rules(form, lemma)[0]; }

bool apply_rule(const LemmaRule& rule, std::string_view form, std::string& out) {
  if (rule.strip > form.size()) return false;
  // Rules are byte edits learned from mostly ASCII words: one must not cut a multibyte character ("’s" with the
  // rule of "'s" left "\xe2\x80be", invalid UTF-8 in the output). The caller tries the next rule.
  const size_t cut = form.size() - rule.strip;
  if (cut < form.size() && (static_cast<unsigned char>(form[cut]) & 0xC0) == 0x80) return false;
  out.assign(form.data(), form.size() - rule.strip);
  if (rule.casing != kCaseKeep)
    for (auto& c : out) c = ascii_lower(c);
  if (rule.casing == kCaseCapital && !out.empty() && out[0] >= 'a' && out[0] <= 'z')
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  out += rule.append;
  return true;
}

// ---------------------------------------------------------------- training

struct Lemmatizer::Counts {
  struct Type {
    std::string lower, xpos;
    std::unordered_map<uint32_t, uint32_t> rules;  // rule id → count
  };
  std::unordered_map<uint64_t, Type> types;  // dictionary key → counts
  std::map<std::tuple<uint8_t, uint8_t, std::string>, uint32_t> rule_ids;
};

uint32_t Lemmatizer::rule_id(const LemmaRule& rule) {
  auto [it, inserted] = counts_->rule_ids.try_emplace({rule.casing, rule.strip, rule.append},
                                                      static_cast<uint32_t>(rules_.size()));
  if (inserted) rules_.push_back(rule);
  return it->second;
}

Status Lemmatizer::load_wordnet(const std::string& dir) {
  static constexpr std::pair<std::string_view, uint8_t> kPos[] = {
      {"noun", kWnNoun}, {"verb", kWnVerb}, {"adj", kWnAdj}, {"adv", kWnAdv}};
  std::map<std::string, uint8_t> words;
  for (auto [name, bit] : kPos) {
    std::string path = dir + "/index." + std::string(name);
    auto data = read_file(path);
    if (!data) return data.status().with_context("WordNet lemma index");
    std::string_view text = *data;
    size_t pos = 0;
    while (pos < text.size()) {
      size_t eol = text.find('\n', pos);
      if (eol == std::string_view::npos) eol = text.size();
      std::string_view line = text.substr(pos, eol - pos);
      pos = eol + 1;
      if (line.empty() || line[0] == ' ') continue;  // licence header lines start with spaces
      std::string_view lemma = line.substr(0, line.find(' '));
      if (lemma.find('_') != std::string_view::npos || lemma.size() > kMaxWord) continue;
      words[std::string(lemma)] |= bit;
    }
    path = dir + "/" + std::string(name) + ".exc";
    auto exc = read_file(path);
    if (!exc) return exc.status().with_context("WordNet exception list");
    text = *exc;
    pos = 0;
    while (pos < text.size()) {
      size_t eol = text.find('\n', pos);
      if (eol == std::string_view::npos) eol = text.size();
      std::string_view line = text.substr(pos, eol - pos);
      pos = eol + 1;
      size_t sp = line.find(' ');
      if (sp == std::string_view::npos) continue;
      std::string_view form = line.substr(0, sp);
      std::string_view rest = line.substr(sp + 1);
      std::string_view lemma = rest.substr(0, rest.find(' '));
      if (form.find('_') != std::string_view::npos || lemma.find('_') != std::string_view::npos) continue;
      if (lemma.empty()) continue;
      uint64_t key = nonzero(mix64(bit, fnv1a64(form)));
      if (exc_index_.find(key)) continue;  // first entry wins
      exceptions_.push_back({bit, std::string(form), std::string(lemma)});
      exc_index_.put(key, static_cast<uint32_t>(exceptions_.size() - 1));
    }
  }
  wn_words_.assign(words.begin(), words.end());
  wn_index_.reserve(wn_words_.size());
  for (const auto& [w, mask] : wn_words_) wn_index_.put(nonzero(fnv1a64(w)), mask);
  return Status::ok();
}

void Lemmatizer::add_example(std::string_view form, std::string_view xpos, std::string_view lemma) {
  if (!counts_) counts_ = std::make_shared<Counts>();
  std::string lower = to_lower(form);
  uint64_t key = nonzero(mix64(fnv1a64(lower), fnv1a64(xpos)));
  auto& type = counts_->types[key];
  if (type.lower.empty()) {
    type.lower = lower;
    type.xpos = std::string(xpos);
  }
  // Every cheapest rule gets the vote: "I"→"I" supports keep and capitalise, "i"→"I" only capitalise, so the
  // dictionary learns the rule that fits both spellings.
  for (const auto& rule : derive_rules(form, lemma)) ++type.rules[rule_id(rule)];
}

void Lemmatizer::finish_training() {
  if (!counts_) counts_ = std::make_shared<Counts>();
  // Most votes; ties prefer lower-casing, then keeping the form (what unseen words of the class need).
  auto casing_rank = [this](uint32_t id) { return rules_[id].casing == kCaseLower ? 0 : rules_[id].casing == kCaseKeep ? 1 : 2; };
  auto majority = [&](const std::unordered_map<uint32_t, uint32_t>& m) {
    uint32_t best = 0, best_n = 0;
    for (auto [id, n] : m) {
      bool better = n > best_n ||
                    (n == best_n && (casing_rank(id) < casing_rank(best) ||
                                     (casing_rank(id) == casing_rank(best) && id < best)));
      if (better) best = id, best_n = n;
    }
    return best;
  };
  // Suffix statistics count each (word, tag) type once, so frequent words do not drown the rules that
  // unseen (rare) words follow.
  std::unordered_map<uint64_t, std::unordered_map<uint32_t, uint32_t>> suffix_counts;
  std::unordered_map<uint64_t, std::pair<uint64_t, uint32_t>> suffix_parent;  // key → (parent key, length)
  dict_.reserve(counts_->types.size());
  for (const auto& [key, type] : counts_->types) {
    uint32_t rule = majority(type.rules);
    dict_.put(key, rule);
    uint32_t top = type.rules.at(rule);
    uint64_t xh = fnv1a64(type.xpos);
    size_t max_k = std::min(kMaxSuffix, type.lower.size());
    uint64_t parent = 0;
    for (size_t k = 0; k <= max_k; ++k) {
      uint64_t sk = nonzero(suffix_key(xh, type.lower, k));
      // A type votes for every rule tied at its top count, so casing-neutral words ("work" → "work" fits lower
      // and keep) do not decide casing for capitalised unseen words.
      for (auto [id, n] : type.rules)
        if (n == top) ++suffix_counts[sk][id];
      suffix_parent[sk] = {parent, static_cast<uint32_t>(k)};
      parent = sk;
    }
  }
  std::unordered_map<uint64_t, uint32_t> chosen;
  for (const auto& [sk, m] : suffix_counts) {
    uint32_t total = 0;
    for (auto [id, n] : m) total += n;
    if (total < 2 && suffix_parent[sk].second > 0) continue;  // one word is no rule
    chosen[sk] = majority(m);
  }
  // Drop entries that say what their shorter suffix says: lookup takes the longest present suffix.
  for (const auto& [sk, rule] : chosen) {
    uint64_t parent = suffix_parent[sk].first;
    auto it = parent ? chosen.find(parent) : chosen.end();
    if (it != chosen.end() && it->second == rule) continue;
    suffix_.put(sk, rule);
  }
  counts_.reset();
}

// ---------------------------------------------------------------- runtime

uint8_t Lemmatizer::wn_mask(std::string_view word) const {
  const uint8_t* m = wn_index_.find(nonzero(fnv1a64(word)));
  return m ? *m : 0;
}

bool Lemmatizer::wordnet_lemma(std::string_view lower, uint8_t pos, std::string& out) const {
  if (const uint32_t* e = exc_index_.find(nonzero(mix64(pos, fnv1a64(lower))))) {
    out = exceptions_[*e].lemma;
    return true;
  }
  auto [rules, n] = detach_rules(pos);
  char buf[kMaxWord + 8];
  for (size_t i = 0; i < n; ++i) {
    const Detach& r = rules[i];
    if (lower.size() <= r.from.size() || !lower.ends_with(r.from)) continue;
    size_t stem = lower.size() - r.from.size();
    if (stem + r.to.size() > kMaxWord) continue;
    std::copy(lower.begin(), lower.begin() + static_cast<std::ptrdiff_t>(stem), buf);
    std::copy(r.to.begin(), r.to.end(), buf + stem);
    std::string_view cand(buf, stem + r.to.size());
    if (wn_mask(cand) & pos) {
      out.assign(cand);
      return true;
    }
  }
  return false;
}

uint8_t Lemmatizer::wordnet_mask(std::string_view lower) const {
  if (lower.size() > kMaxWord) return 0;
  uint8_t mask = wn_mask(lower);
  std::string scratch;
  for (uint8_t pos : {kWnNoun, kWnVerb, kWnAdj}) {
    if (mask & pos) continue;
    if (wordnet_lemma(lower, pos, scratch)) mask |= pos;
  }
  return mask;
}

void Lemmatizer::lemmatize(std::string_view form, uint64_t lower_hash, doc::UPos upos, std::string_view xpos,
                           std::string& out) const {
  uint64_t xh = fnv1a64(xpos);
  if (const uint32_t* r = dict_.find(nonzero(mix64(lower_hash, xh)))) {
    if (apply_rule(rules_[*r], form, out)) return;
  }
  char lower_buf[kMaxWord];
  std::string lower_owned;
  std::string_view lower;
  if (form.size() <= kMaxWord) {
    for (size_t i = 0; i < form.size(); ++i) lower_buf[i] = ascii_lower(form[i]);
    lower = std::string_view(lower_buf, form.size());
  } else {
    lower_owned = to_lower(form);
    lower = lower_owned;
  }
  bool proper = upos == doc::UPos::kPropn || upos == doc::UPos::kPunct || upos == doc::UPos::kNum ||
                upos == doc::UPos::kSym || upos == doc::UPos::kX;
  if (!proper) {
    // An irregular past form tagged as a base form ("Israeli forces shot two men": shot/VBP) is still the past of
    // its verb: WordNet's exception list knows "shot" only as a form of "shoot", never as a verb of its own.
    if ((xpos == "VBP" || xpos == "VB") && !(wn_mask(lower) & kWnVerb) && wordnet_lemma(lower, kWnVerb, out) &&
        out != lower)
      return;
    if (uint8_t pos = inflected_pos(xpos); pos) {
      if (wordnet_lemma(lower, pos, out)) return;
      // No exception or detachment rule explains the form, yet WordNet lists it as a verb itself: a base form the
      // tagger read as inflected ("Air raid sirens" → raid/VBD), not an irregular past the learned suffixes
      // would invent ("raid" → "ray" by analogy with paid → pay; real irregulars are in the exception lists).
      if (pos == kWnVerb && (wn_mask(lower) & kWnVerb)) {
        out.assign(lower);
        return;
      }
    }
  }
  size_t max_k = std::min(kMaxSuffix, lower.size());
  for (size_t k = max_k + 1; k-- > 0;) {
    if (const uint32_t* r = suffix_.find(nonzero(suffix_key(xh, lower, k)))) {
      if (apply_rule(rules_[*r], form, out)) return;
    }
  }
  if (proper)
    out.assign(form);
  else
    out.assign(lower);
}

// ---------------------------------------------------------------- section format

std::string Lemmatizer::serialize() const {
  ByteWriter w;
  w.u32(static_cast<uint32_t>(rules_.size()));
  for (const auto& r : rules_) {
    w.u8(r.casing);
    w.u8(r.strip);
    w.str(r.append);
  }
  auto put_map = [&](const FlatMap<uint64_t, uint32_t>& m) {
    std::vector<std::pair<uint64_t, uint32_t>> rows;
    m.for_each([&](uint64_t k, uint32_t v) { rows.emplace_back(k, v); });
    std::sort(rows.begin(), rows.end());  // deterministic bytes
    w.u32(static_cast<uint32_t>(rows.size()));
    for (auto [k, v] : rows) {
      w.u64(k);
      w.u32(v);
    }
  };
  put_map(dict_);
  put_map(suffix_);
  w.u32(static_cast<uint32_t>(wn_words_.size()));
  for (const auto& [word, mask] : wn_words_) {
    w.str(word);
    w.u8(mask);
  }
  w.u32(static_cast<uint32_t>(exceptions_.size()));
  for (const auto& e : exceptions_) {
    w.u8(e.pos);
    w.str(e.form);
    w.str(e.lemma);
  }
  return w.take();
}

Result<Lemmatizer> Lemmatizer::deserialize(std::string_view bytes) {
  ByteReader r(bytes);
  Lemmatizer lem;
  auto corrupt = [](const std::string& what) {
    return Status(Code::kModelCorrupt, "section lemma.model: " + what);
  };
  uint32_t n_rules = r.u32();
  if (n_rules > bytes.size()) return corrupt("rule count exceeds the section");
  lem.rules_.reserve(n_rules);
  for (uint32_t i = 0; i < n_rules && !r.failed(); ++i) {
    LemmaRule rule;
    rule.casing = r.u8();
    if (rule.casing > kCaseCapital) return corrupt("bad casing in rule " + std::to_string(i));
    rule.strip = r.u8();
    rule.append = std::string(r.str());
    lem.rules_.push_back(std::move(rule));
  }
  auto get_map = [&](FlatMap<uint64_t, uint32_t>& m) -> bool {
    uint32_t n = r.u32();
    if (n > r.remaining() / 12) return false;
    m.reserve(n);
    for (uint32_t i = 0; i < n; ++i) {
      uint64_t k = r.u64();
      uint32_t v = r.u32();
      if (k == 0 || v >= lem.rules_.size()) return false;
      m.put(k, v);
    }
    return !r.failed();
  };
  if (!get_map(lem.dict_)) return corrupt("bad lemma dictionary");
  if (!get_map(lem.suffix_)) return corrupt("bad suffix rules");
  uint32_t n_words = r.u32();
  if (n_words > r.remaining() / 5) return corrupt("WordNet word count exceeds the section");
  // Only the hashes are kept at run time: the words are needed again only to write a model, which
  // happens right after training.
  lem.wn_index_.reserve(n_words);
  for (uint32_t i = 0; i < n_words && !r.failed(); ++i) {
    std::string_view word = r.str();
    uint8_t mask = r.u8();
    lem.wn_index_.put(nonzero(fnv1a64(word)), mask);
  }
  uint32_t n_exc = r.u32();
  if (n_exc > r.remaining() / 9) return corrupt("exception count exceeds the section");
  for (uint32_t i = 0; i < n_exc && !r.failed(); ++i) {
    Exception e;
    e.pos = r.u8();
    e.form = std::string(r.str());
    e.lemma = std::string(r.str());
    lem.exc_index_.put(nonzero(mix64(e.pos, fnv1a64(e.form))), static_cast<uint32_t>(lem.exceptions_.size()));
    lem.exceptions_.push_back(std::move(e));
  }
  if (r.failed()) return corrupt("truncated");
  if (!r.at_end()) return corrupt("trailing bytes");
  return lem;
}

}  // namespace casus::tag
