#include "casus/tag/model.h"

#include <algorithm>
#include <cstring>
#include <sstream>

#include "casus/tag/common_words.h"
#include "casus/tag/headline.h"
#include "casus/tag/selftest.h"
#include "casus/text/utf8.h"
#include "casus/util/hash.h"

namespace casus::tag {

namespace {

inline uint64_t nonzero(uint64_t k) { return k ? k : 1; }

std::vector<uint8_t> open_classes(const std::vector<TagClass>& classes) {
  std::vector<uint8_t> open;
  for (const auto& c : classes) {
    using doc::UPos;
    const bool closed = c.upos == UPos::kAdp || c.upos == UPos::kAux || c.upos == UPos::kCconj ||
                        c.upos == UPos::kDet || c.upos == UPos::kPart || c.upos == UPos::kPron ||
                        c.upos == UPos::kSconj;
    open.push_back(closed ? 0 : 1);
  }
  return open;
}

void put_varint(ByteWriter& w, uint32_t v) {
  while (v >= 0x80) {
    w.u8(static_cast<uint8_t>(v | 0x80));
    v >>= 7;
  }
  w.u8(static_cast<uint8_t>(v));
}
uint32_t get_varint(ByteReader& r) {
  uint32_t v = 0;
  for (int shift = 0; shift < 35; shift += 7) {
    uint8_t b = r.u8();
    v |= static_cast<uint32_t>(b & 0x7F) << shift;
    if (!(b & 0x80) || r.failed()) return v;
  }
  return v;
}

constexpr char kTaggerSection[] = "tagger.model";
constexpr char kLemmaSection[] = "lemma.model";
constexpr char kSelfTestSection[] = "tagger.selftest";

}  // namespace

// ---------------------------------------------------------------- weights

void WeightTable::build(std::vector<Row> rows) {
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.key < b.key; });
  sorted_keys_.clear();
  counts_.clear();
  entries_.clear();
  for (auto& row : rows) {
    if (row.entries.empty()) continue;
    CASUS_ASSERT(row.entries.size() < 256, "at most 255 classes");
    std::sort(row.entries.begin(), row.entries.end());
    sorted_keys_.push_back(row.key);
    counts_.push_back(static_cast<uint8_t>(row.entries.size()));
    for (auto [c, w] : row.entries) entries_.push_back({c, w});
  }
  index();
}

void WeightTable::index() {
  n_features_ = sorted_keys_.size();
  size_t cap = 16;
  int bits = 4;
  while (cap < 2 * n_features_ + 1) cap <<= 1, ++bits;
  slots_.assign(cap, Slot{0, 0});
  mask_ = static_cast<uint32_t>(cap - 1);
  shift_ = 32 - bits;
  size_t offset = 0;
  for (size_t f = 0; f < n_features_; ++f) {
    uint32_t key = sorted_keys_[f];
    size_t i = (key * 0x9E3779B1u) >> shift_;
    while (slots_[i].key != 0) i = (i + 1) & mask_;
    slots_[i] = Slot{key, static_cast<uint32_t>(offset << 8) | counts_[f]};
    offset += counts_[f];
  }
}

void WeightTable::serialize(ByteWriter& w) const {
  w.f32(scale);
  w.u32(static_cast<uint32_t>(sorted_keys_.size()));
  w.u32(static_cast<uint32_t>(entries_.size()));
  // Columns compress better than rows: key deltas, counts, classes, then weights.
  uint32_t prev = 0;
  for (uint32_t k : sorted_keys_) {
    put_varint(w, k - prev);
    prev = k;
  }
  for (uint8_t c : counts_) w.u8(c);
  for (const auto& e : entries_) w.u8(e.cls);
  for (const auto& e : entries_) w.u16(static_cast<uint16_t>(e.weight));
}

bool WeightTable::deserialize(ByteReader& r, size_t n_classes) {
  scale = r.f32();
  if (!(scale > 0.0f)) return false;
  uint32_t n = r.u32();
  uint32_t n_entries = r.u32();
  if (r.failed() || n > r.remaining() || n_entries > r.remaining() / 3 || n_entries >= (1u << 24)) return false;
  sorted_keys_.resize(n);
  counts_.resize(n);
  entries_.resize(n_entries);
  uint32_t prev = 0;
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t delta = get_varint(r);
    if ((i > 0 && delta == 0) || (i == 0 && delta == 0)) return false;  // keys are distinct and non-zero
    prev += delta;
    sorted_keys_[i] = prev;
  }
  std::string_view counts = r.raw(n);
  size_t total = 0;
  for (uint32_t i = 0; i < n && !r.failed(); ++i) {
    counts_[i] = static_cast<uint8_t>(counts[i]);
    total += counts_[i];
  }
  if (r.failed() || total != n_entries) return false;
  std::string_view cls = r.raw(n_entries);
  if (r.failed()) return false;
  for (uint32_t i = 0; i < n_entries; ++i) {
    entries_[i].cls = static_cast<uint8_t>(cls[i]);
    if (entries_[i].cls >= n_classes) return false;
  }
  for (uint32_t i = 0; i < n_entries; ++i) entries_[i].weight = static_cast<int16_t>(r.u16());
  if (r.failed()) return false;
  index();
  return true;
}

// ---------------------------------------------------------------- decoding

void decode_pass(const WeightTable& weights, size_t n_classes, const TokenInfo* infos, const uint8_t* sole,
                 size_t n, const uint8_t* right, uint8_t* out, const uint8_t* open_to_unknown) {
  uint32_t feats[kMaxFeatures];
  int32_t scores[256];
  Context ctx;
  for (size_t i = 0; i < n; ++i) {
    if (sole[i] != 0xFF) {
      out[i] = sole[i];
      continue;
    }
    ctx.tok = infos + i + 2;
    ctx.t1 = i > 0 ? out[i - 1] : kNoTag;
    ctx.t2 = i > 1 ? out[i - 2] : kNoTag;
    ctx.first = i == 0;
    if (right) {
      ctx.pass2 = true;
      ctx.n1 = i + 1 < n ? right[i + 1] : kEndTag;
      ctx.n2 = i + 2 < n ? right[i + 2] : kEndTag;
    }
    int k = extract_features(ctx, feats);
    std::memset(scores, 0, sizeof(int32_t) * n_classes);
    weights.score(feats, k, scores);
    const bool unknown = open_to_unknown && ctx.tok->open_class_only;
    size_t best = n_classes;
    for (size_t c = 0; c < n_classes; ++c) {
      if (unknown && !open_to_unknown[c]) continue;
      if (best == n_classes || scores[c] > scores[best]) best = c;
    }
    out[i] = static_cast<uint8_t>(best == n_classes ? 0 : best);
  }
}

void TaggerImpl::lookup(std::string_view form, TokenInfo& info, uint8_t& sole) const {
  if (const uint32_t* c = word_classes.find(nonzero(info.class_key))) {
    info.coarse = static_cast<uint16_t>(*c >> 16);
    info.fine = static_cast<uint16_t>(*c & 0xFFFF);
  } else {
    info.coarse = info.fine = 0;
  }
  if (const LexEntry* e = lexicon.find(nonzero(info.lower))) {
    info.amb = e->amb;
    info.wordnet = e->wordnet;
    sole = e->sole;
    return;
  }
  info.amb = 0;
  sole = 0xFF;
  char buf[64];
  if (form.size() > sizeof(buf)) {
    info.wordnet = 0;
    info.open_class_only = true;
    return;
  }
  for (size_t i = 0; i < form.size(); ++i) buf[i] = ascii_lower(form[i]);
  info.wordnet = lemmatizer.wordnet_mask(std::string_view(buf, form.size()));
  // An unseen word WordNet knows, or a long, hyphenated or digit-bearing one, is content: closed classes are lists
  // training saw whole. Short unknown words stay unrestricted — in web text they are mostly misspelt function words
  // ("thier", "arond").
  info.open_class_only = info.wordnet != 0 || form.size() >= 8 || (info.flags & (kFlagDigit | kFlagHyphen));
}

void TaggerImpl::decode(const TokenInfo* infos, const uint8_t* sole, size_t n, uint8_t* out,
                        uint8_t* scratch_tags) const {
  if (passes.size() == 1) {
    decode_pass(passes[0], classes.size(), infos, sole, n, nullptr, out, open_to_unknown.data());
    repair(infos, out, n);
    return;
  }
  decode_pass(passes[0], classes.size(), infos, sole, n, nullptr, scratch_tags, open_to_unknown.data());
  decode_pass(passes[1], classes.size(), infos, sole, n, scratch_tags, out, open_to_unknown.data());
  repair(infos, out, n);
}

void TaggerImpl::index_classes() {
  open_to_unknown = open_classes(classes);
  word_to = fnv1a64(std::string_view("to"));
  word_on = fnv1a64(std::string_view("on"));
  word_for = fnv1a64(std::string_view("for"));
  word_today = fnv1a64(std::string_view("today"));
  word_yesterday = fnv1a64(std::string_view("yesterday"));
  const std::array<std::string_view, 5> casualties = {"wounded", "injured", "killed", "hurt", "arrested"};
  for (size_t i = 0; i < casualties.size(); ++i) casualty_verbs[i] = fnv1a64(casualties[i]);
  const std::array<std::string_view, 4> hedges = {"suspected", "alleged", "presumed", "purported"};
  for (size_t i = 0; i < hedges.size(); ++i) hedging_participles[i] = fnv1a64(hedges[i]);
  const std::array<std::string_view, 5> subordinators = {"while", "whereas", "although", "though", "because"};
  for (size_t i = 0; i < subordinators.size(); ++i) clause_subordinators[i] = fnv1a64(subordinators[i]);
  word_march = fnv1a64(std::string_view("march"));
  suffix_s = fnv1a64(std::string_view("s"));
  intent_nouns.clear();
  for (std::string_view w : {"threat", "threats", "plan", "plans", "decision", "bid", "attempt", "attempts", "effort",
                             "efforts", "pledge", "pledges", "promise", "promises", "call", "calls", "order", "orders",
                             "demand", "demands", "refusal", "offer", "vow", "readiness", "willingness", "move"})
    intent_nouns.push_back(fnv1a64(w));
  for (size_t c = 0; c < classes.size(); ++c) {
    const auto id = static_cast<uint8_t>(c);
    if (classes[c].upos == doc::UPos::kNoun && classes[c].xpos == "NN") noun_singular = id;
    if (classes[c].upos == doc::UPos::kVerb && classes[c].xpos == "VB") verb_base = id;
    if (classes[c].upos == doc::UPos::kPart && classes[c].xpos == "TO") infinitive_to = id;
    if (classes[c].upos == doc::UPos::kVerb && classes[c].xpos == "VBZ") verb_3sg = id;
    if (classes[c].upos == doc::UPos::kVerb && classes[c].xpos == "VBP") verb_present = id;
    if (classes[c].upos == doc::UPos::kVerb && classes[c].xpos == "VBD") verb_past = id;
    if (classes[c].upos == doc::UPos::kAdj && classes[c].xpos == "JJ") adjective = id;
    if (classes[c].upos == doc::UPos::kPunct && classes[c].xpos == "''") closing_quote = id;
  }
}

void TaggerImpl::index_clusters() {
  word_classes = {};
  word_classes.reserve(clusters.size());
  clusters.for_each([&](uint64_t key, uint16_t coarse, uint16_t fine) {
    word_classes.put(nonzero(key), static_cast<uint32_t>(coarse) << 16 | fine);
  });
}

void TaggerImpl::repair(const TokenInfo* infos, uint8_t* tags, size_t n) const {
  if (noun_singular == kNoClass) return;
  auto xpos_is = [&](uint8_t cls, std::initializer_list<std::string_view> any) {
    return std::find(any.begin(), any.end(), std::string_view(classes[cls].xpos)) != any.end();
  };
  const TokenInfo* tok = infos + 2;  // infos carries two boundary entries before the sentence
  auto seen_as = [&](size_t i, doc::UPos u) { return (tok[i].amb & (1u << static_cast<unsigned>(u))) != 0; };
  auto can_be_verb = [&](size_t i) {  // seen as a verb in training, or a verb to WordNet
    return seen_as(i, doc::UPos::kVerb) || (tok[i].wordnet & kWnVerb);
  };
  auto never_noun = [&](size_t i) {  // neither seen as a noun in training nor a noun to WordNet
    return !seen_as(i, doc::UPos::kNoun) && !(tok[i].wordnet & kWnNoun);
  };
  // A tag that can open the object or complement of a headline's verb.
  auto opens_nominal = [&](size_t i) { return xpos_is(tags[i], {"DT", "PRP$", "NN", "NNS", "NNP", "NNPS", "JJ", "CD"}); };
  // "Myanmar's military seized control": an adjective between a possessive and a finite verb is the possessed
  // noun (the military, the wounded). EWT's gold never has possessive + ADJ + verb (0 in 254k train
  // tokens), while the greedy tagger, seeing "military" mostly as ADJ, writes it and the parse loses its subject.
  for (size_t i = 1; i + 1 < n; ++i)
    if (classes[tags[i]].upos == doc::UPos::kAdj && xpos_is(tags[i - 1], {"POS"}) &&
        xpos_is(tags[i + 1], {"VBD", "VBN", "VBZ", "VBP", "MD"}))
      tags[i] = noun_singular;
  auto is_nominal = [&](uint8_t cls) {
    const doc::UPos u = classes[cls].upos;
    return u == doc::UPos::kNoun || u == doc::UPos::kPropn || u == doc::UPos::kPron;
  };
  auto finite_or_aux = [&](uint8_t cls) {
    return classes[cls].upos == doc::UPos::kAux || xpos_is(cls, {"VBZ", "VBD", "VBP", "MD"});
  };
  // "A senior EU official today welcomed …": a word the tagger wrote as an adjective but that can be a noun, closing
  // a determiner's phrase right before a verb (or before a bare temporal noun and a verb), is the phrase's head
  // noun — an attributive adjective needs a noun after it, and a predicative one a copula before it.
  for (size_t i = 1; i + 1 < n; ++i) {
    if (classes[tags[i]].upos != doc::UPos::kAdj) continue;
    if (!seen_as(i, doc::UPos::kNoun) || !(tok[i].wordnet & kWnNoun)) continue;
    if (!xpos_is(tags[i], {"JJ"})) continue;
    if (!xpos_is(tags[i - 1], {"DT", "JJ", "NNP", "NN", "PRP$", "POS"})) continue;
    size_t v = i + 1;
    const bool temporal = tok[v].lower == word_today || tok[v].lower == word_yesterday || xpos_is(tags[v], {"RB"});
    if (temporal && v + 1 < n) ++v;  // "official today welcomed", "official also said"
    // A participle right after the adjective is its complement ("new born", "best known"); after a temporal word
    // it is the verb the participle repair below turns finite.
    if (!xpos_is(tags[v], v == i + 1 ? std::initializer_list<std::string_view>{"VBD", "VBZ", "MD"}
                                     : std::initializer_list<std::string_view>{"VBD", "VBZ", "MD", "VBN"}))
      continue;
    tags[i] = noun_singular;
  }
  // "Kenyan riot police used tear gas to scatter …", "About 300 farmers marched on Sunday in Lyon, the
  // broadcaster said": in a body sentence (it ends in a period) with no finite verb or auxiliary before it, a participle
  // right after a nominal (or a nominal and a bare temporal noun) is the clause's finite verb unless a finite verb
  // follows in its own stretch — then it is a reduced relative ("the men arrested on Monday were freed"). EWT's
  // conversational text makes the tagger write VBN after nouns, and the parse then has no clause at all.
  if (verb_past != kNoClass && n >= 4 && xpos_is(tags[n - 1], {"."})) {
    for (size_t i = 0; i + 1 < n; ++i) {
      if (finite_or_aux(tags[i])) break;
      if (i == 0 || !xpos_is(tags[i], {"VBN"})) continue;
      const bool after_subject = is_nominal(tags[i - 1]) ||
                                 (i >= 2 && xpos_is(tags[i - 1], {"NN"}) && is_nominal(tags[i - 2]));
      if (!after_subject || xpos_is(tags[i - 1], {"WP", "WDT"})) break;
      // The subject is the sentence's opening noun phrase (or list of them): only its words stand before it.
      bool opens_sentence = true;
      for (size_t k = 0; k < i && opens_sentence; ++k)
        opens_sentence = xpos_is(tags[k], {"DT", "PRP$", "JJ", "JJS", "NN", "NNS", "NNP", "NNPS", "PRP", "CD", "POS",
                                           "HYPH", "IN", "RB", "CC", ","});
      if (!opens_sentence) break;
      bool reduced_relative = false;
      for (size_t j = i + 1; j < n; ++j) {
        if (xpos_is(tags[j], {",", ":", ".", "-LRB-", "HYPH"}) || xpos_is(tags[j], {"WDT", "WP"}) ||
            classes[tags[j]].upos == doc::UPos::kSconj)
          break;
        // "used tear/VBP gas": a present-tense verb right after the participle, before a noun, is a noun modifier —
        // two verbs in a row have no subject between them.
        if (j == i + 1 && j + 1 < n && xpos_is(tags[j], {"VBP", "VB"}) && xpos_is(tags[j + 1], {"NN", "NNS"})) {
          tags[j] = noun_singular;
          continue;
        }
        // "A senior official today welcomed the accord and said …": a finite verb after "and" is coordinated with
        // the participle's clause, not the main verb a reduced relative would need.
        if (finite_or_aux(tags[j]) && xpos_is(tags[j - 1], {"CC"})) break;
        if (finite_or_aux(tags[j])) {
          reduced_relative = true;
          break;
        }
      }
      if (!reduced_relative) tags[i] = verb_past;
      break;
    }
  }
  // "killed two youths and wounded five others": after "and", a casualty word before a number is the second verb
  // of a clause whose first verb is finite (EWT reads "wounded five" as an adjective before a noun phrase).
  if (verb_past != kNoClass) {
    bool finite_before = false;
    for (size_t i = 0; i + 1 < n; ++i) {
      if (xpos_is(tags[i], {"VBD"})) finite_before = true;
      if (i == 0 || !finite_before || !xpos_is(tags[i - 1], {"CC"}) || !xpos_is(tags[i + 1], {"CD"})) continue;
      if (std::find(casualty_verbs.begin(), casualty_verbs.end(), tok[i].lower) == casualty_verbs.end()) continue;
      if (xpos_is(tags[i], {"JJ", "VBN"})) tags[i] = verb_past;
    }
  }
  // "remove 'selected' Russian banks": a participle in scare quotes right before a noun or adjective modifies it.
  if (adjective != kNoClass)
    for (size_t i = 1; i + 2 < n; ++i) {
      if (!xpos_is(tags[i], {"VBN", "VBD"}) || !xpos_is(tags[i - 1], {"``"}) || !xpos_is(tags[i + 1], {"''", "``"}))
        continue;
      const doc::UPos next = classes[tags[i + 2]].upos;
      if (next != doc::UPos::kNoun && next != doc::UPos::kAdj && next != doc::UPos::kPropn) continue;
      tags[i] = adjective;
      if (closing_quote != kNoClass) tags[i + 1] = closing_quote;  // ’ after the word closes the quote
    }
  // "Moscow views the naval patrols as provocation": a body sentence with no finite verb or auxiliary at all, whose
  // plural noun that can be a verb stands between a nominal and a determiner, possessive or name, has that word as
  // its verb (present tense, third person).
  // A headline (a line without final punctuation, not a verbless fragment of prose or chat) reads the same way
  // ("Baghdad car bomb kills 20").
  const bool headline_line = n > 0 && !xpos_is(tags[n - 1], {".", "''"});
  if (verb_3sg != kNoClass && ((n >= 5 && xpos_is(tags[n - 1], {"."})) || (n >= 4 && headline_line))) {
    bool verbless = true;
    for (size_t i = 0; i < n && verbless; ++i) verbless = !finite_or_aux(tags[i]) && !xpos_is(tags[i], {"VBN"});
    for (size_t i = 1; verbless && i + 1 < n; ++i) {
      if (!xpos_is(tags[i], {"NNS"}) || !can_be_verb(i) || !is_nominal(tags[i - 1])) continue;
      // ("The minister plans to visit …": an infinitive after it too.)
      const bool infinitive = i + 2 < n && xpos_is(tags[i + 1], {"TO"}) && xpos_is(tags[i + 2], {"VB"});
      if (!xpos_is(tags[i + 1], {"DT", "PRP$", "NNP", "NNPS", "CD"}) && !infinitive) continue;
      tags[i] = verb_3sg;
      break;
    }
  }
  // "a peaceful march", "the march": the month is written with a capital; a lower-case "march" is the noun (or the
  // verb, which the tagger does not confuse with the month).
  for (size_t i = 0; i < n; ++i)
    if (tok[i].lower == word_march && !(tok[i].flags & kFlagUpperInitial) && xpos_is(tags[i], {"NNP"}))
      tags[i] = noun_singular;
  // Headlines drop articles and verbs look like plurals: "Kim Jong-un signs document …", "Iran threatens Gulf
  // shipping". In a sentence with no finite verb or auxiliary that opens with a proper name, the first plural noun
  // that can be a verb, right after the name and before a nominal, is its verb.
  if (verb_3sg != kNoClass && n >= 3) {
    bool verbless = true;
    for (size_t i = 0; i < n && verbless; ++i) verbless = !finite_or_aux(tags[i]);
    size_t i = 0;
    while (i < n && xpos_is(tags[i], {"NNP", "NNPS", "HYPH"})) ++i;
    // ("Kenya thanks Uganda …": a word the treebank saw as a singular noun counts when it ends in -s.)
    const bool plural_shape = i < n && (xpos_is(tags[i], {"NNS"}) || (xpos_is(tags[i], {"NN"}) && tok[i].suffix[0] == suffix_s));
    if (verbless && i >= 1 && i + 1 < n && xpos_is(tags[i - 1], {"NNP", "NNPS"}) && plural_shape &&
        can_be_verb(i) && opens_nominal(i + 1))
      tags[i] = verb_3sg;
    // The same after a one-word common subject with its adjectives ("Angry mob throws rocks at police"), in a line
    // without final punctuation.
    size_t j = 0;
    while (j < n && xpos_is(tags[j], {"JJ"})) ++j;
    if (verbless && headline_line && n >= 4 && j + 2 < n && xpos_is(tags[j], {"NN", "NNS"}) &&
        xpos_is(tags[j + 1], {"NNS"}) && can_be_verb(j + 1) && opens_nominal(j + 2)) {
      tags[j + 1] = verb_3sg;
    } else if (verbless && headline_line && n >= 4 && j >= 1 && j + 1 < n && noun_singular != kNoClass &&
               xpos_is(tags[j], {"NNS"}) && can_be_verb(j) && seen_as(j - 1, doc::UPos::kNoun) &&
               xpos_is(tags[j + 1], {"RP", "DT", "PRP$", "NN", "NNS", "NNP", "NNPS", "CD"})) {
      // "Military Ramps up Production": the subject noun was read as an adjective ("military"), so the verb in
      // -s came right after the adjectives.
      tags[j - 1] = noun_singular;
      tags[j] = verb_3sg;
    } else if (verbless && headline_line && n >= 4 && verb_present != kNoClass && i >= 1 && i + 2 < n &&
               xpos_is(tags[i - 1], {"NNP", "NNPS"}) && xpos_is(tags[i], {"NNS"}) && xpos_is(tags[i + 1], {"JJ", "NN", "IN"}) &&
               seen_as(i + 1, doc::UPos::kVerb) && opens_nominal(i + 2)) {
      // "Kenya Citizens Express Support for …": after a name and a plural noun, a word the treebank saw as a verb
      // and now tagged as an adjective or noun, before a nominal, is the plural subject's verb.
      tags[i + 1] = verb_present;
    } else if (verbless && headline_line && n >= 4) {
      // "Emergency humanitarian aid arrives in …": after a compound subject, a word in -s that is never a noun
      // (not in the treebank, not in WordNet) is the verb whatever follows it.
      size_t k = 0;
      while (k < n && k < 5 && xpos_is(tags[k], {"JJ", "NN", "NNS"}) &&
             !(xpos_is(tags[k], {"NNS"}) && k > 0 && can_be_verb(k) && never_noun(k)))
        ++k;
      if (k >= 1 && k + 1 < n && k < 5 && xpos_is(tags[k], {"NNS"}) && xpos_is(tags[k - 1], {"NN", "NNS"}) &&
          tok[k].suffix[0] == suffix_s)
        tags[k] = verb_3sg;
    }
  }
  // "…, while Russia views the US actions as aggression": the same reading inside a clause opened by "while",
  // "whereas", "although", "though" or "because" and a name, when the clause (to the next comma) has no finite verb.
  if (verb_3sg != kNoClass)
    for (size_t i = 2; i + 1 < n; ++i) {
      if (std::find(clause_subordinators.begin(), clause_subordinators.end(), tok[i - 2].lower) ==
          clause_subordinators.end())
        continue;
      if (!xpos_is(tags[i - 1], {"NNP", "NNPS"}) || !xpos_is(tags[i], {"NNS"}) || !can_be_verb(i)) continue;
      if (!xpos_is(tags[i + 1], {"DT", "PRP$", "NNP", "NNPS", "CD"})) continue;
      bool clause_verbless = true;
      for (size_t j = i + 1; j < n && clause_verbless && !xpos_is(tags[j], {",", ":", "."}); ++j)
        clause_verbless = !finite_or_aux(tags[j]);
      if (clause_verbless) tags[i] = verb_3sg;
    }
  // "Police arrested suspected militants": "suspected" (alleged, presumed, purported) right before a noun or
  // adjective and after anything but an auxiliary or a noun is an adjective; EWT has few such hedges, so the
  // tagger writes a participle there, and "arrested" before it becomes a reduced relative with no object
  // ("police arrested" as a noun phrase, no event). A participle right before such a hedge, after a noun, is then
  // the finite verb. ("The man suspected militants were behind it" keeps its verb: the noun precedes.)
  if (verb_past != kNoClass && adjective != kNoClass) {
    for (size_t i = 1; i + 1 < n; ++i) {
      if (classes[tags[i]].upos != doc::UPos::kVerb) continue;
      if (std::find(hedging_participles.begin(), hedging_participles.end(), tok[i].lower) == hedging_participles.end())
        continue;
      const doc::UPos next = classes[tags[i + 1]].upos;
      if (next != doc::UPos::kNoun && next != doc::UPos::kPropn && next != doc::UPos::kAdj && next != doc::UPos::kNum)
        continue;
      const doc::UPos before = classes[tags[i - 1]].upos;
      if (before == doc::UPos::kNoun || before == doc::UPos::kPropn || before == doc::UPos::kPron ||
          before == doc::UPos::kAux)
        continue;
      tags[i] = adjective;
      if (i >= 2 && xpos_is(tags[i - 1], {"VBN"})) {
        const doc::UPos subject = classes[tags[i - 2]].upos;
        if (subject == doc::UPos::kNoun || subject == doc::UPos::kPropn || subject == doc::UPos::kPron)
          tags[i - 1] = verb_past;
      }
    }
  }
  // "agreed to ease a visa requirement", "is going to ease the burden": after a verb, "to" + a word that can be a
  // verb + a determiner or possessive is an infinitive with its object. News verbs that are rare in EWT ("ease",
  // "curb") come out as "to/IN ease/NN" there, and the parse then loses the clause. (A noun after "to" is followed
  // by its own modifiers, hardly ever by a determiner: "went to war the day after" is the rare exception.)
  if (verb_base == kNoClass || infinitive_to == kNoClass) return;
  for (size_t i = 2; i + 1 < n; ++i) {
    if (tags[i] != noun_singular || tok[i - 1].lower != word_to) continue;
    // After a noun of intent the same holds, and an object pronoun also shows the verb: "the Kremlin's threats to
    // jail him", "a plan to expel them".
    const bool after_intent = std::find(intent_nouns.begin(), intent_nouns.end(), tok[i - 2].lower) != intent_nouns.end();
    if (classes[tags[i - 2]].upos != doc::UPos::kVerb && !after_intent) continue;
    // ("agreed to end fighting": a gerund object too; a noun after "to" is hardly ever followed by a gerund.)
    if (!can_be_verb(i) || !(xpos_is(tags[i + 1], {"DT", "PRP$", "VBG"}) || (after_intent && xpos_is(tags[i + 1], {"PRP"}))))
      continue;
    tags[i - 1] = infinitive_to;
    tags[i] = verb_base;
  }
  // "The envoy says the bloc calls on its members to …", "The council urges the government to …": a plural noun that
  // can be a verb, right after a nominal and before "on"/"for" or a determiner, followed by "to" + verb with no
  // finite verb before the next comma, is that stretch's verb (EWT has little news and reads "calls", "urges" as
  // nouns). "Phone calls on the island were cut" has its verb; "US forces on the border" asks nobody to do anything.
  if (verb_3sg == kNoClass) return;
  auto finite = [&](uint8_t cls) { return xpos_is(cls, {"VBZ", "VBD", "VBP", "MD"}); };
  for (size_t i = 1; i + 1 < n; ++i) {
    if (!xpos_is(tags[i], {"NNS"})) continue;
    const doc::UPos before = classes[tags[i - 1]].upos;
    if (before != doc::UPos::kNoun && before != doc::UPos::kPropn && before != doc::UPos::kPron) continue;
    if (!can_be_verb(i)) continue;
    const bool opens_complement = xpos_is(tags[i + 1], {"DT", "PRP$"}) ||
                                  tok[i + 1].lower == word_on || tok[i + 1].lower == word_for;
    if (!opens_complement) continue;
    // Its own stretch (to the next comma or period) has no finite verb and asks someone "to" do something.
    bool verbless = true, asks = false;
    for (size_t j = i + 1; j < n && verbless; ++j) {
      if (xpos_is(tags[j], {",", ":", "."})) break;
      if (finite(tags[j])) verbless = false;
      if (tags[j] != infinitive_to) continue;
      size_t k = j + 1;
      while (k < n && xpos_is(tags[k], {"``", "''"})) ++k;  // to "condemn …"
      if (k < n && xpos_is(tags[k], {"VB"})) asks = true;
    }
    if (asks && verbless) tags[i] = verb_3sg;
  }
}

// ---------------------------------------------------------------- section format

std::string TaggerImpl::serialize() const {
  ByteWriter w;
  w.u32(kTaggerSectionVersion);
  w.u64(fnv1a64(kFeatureSpec));
  w.str(description);
  w.u32(static_cast<uint32_t>(classes.size()));
  for (const auto& c : classes) {
    w.u8(static_cast<uint8_t>(c.upos));
    w.str(c.xpos);
  }
  w.u32(static_cast<uint32_t>(passes.size()));
  for (const auto& p : passes) p.serialize(w);
  std::vector<std::pair<uint64_t, LexEntry>> lex;
  lexicon.for_each([&](uint64_t k, const LexEntry& e) { lex.emplace_back(k, e); });
  std::sort(lex.begin(), lex.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  w.u32(static_cast<uint32_t>(lex.size()));
  for (const auto& [k, e] : lex) {
    w.u64(k);
    w.u32(e.amb);
    w.u8(e.wordnet);
    w.u8(e.sole);
  }
  morph.serialize(w);
  w.str(clusters.serialize());  // version 2
  return w.take();
}

Result<std::shared_ptr<TaggerImpl>> TaggerImpl::deserialize(std::string_view bytes, std::string_view lemma_bytes) {
  auto corrupt = [](const std::string& what) {
    return Status(Code::kModelCorrupt, std::string("section ") + kTaggerSection + ": " + what);
  };
  ByteReader r(bytes);
  uint32_t version = r.u32();
  if (r.failed()) return corrupt("truncated header");
  if (version != kTaggerSectionVersion)
    return Status(Code::kModelVersion, std::string("section ") + kTaggerSection + " has version " +
                                           std::to_string(version) + ", this build reads version " +
                                           std::to_string(kTaggerSectionVersion) + " only: retrain with `casus train`");
  uint64_t feature_hash = r.u64();
  if (feature_hash != fnv1a64(kFeatureSpec))
    return Status(Code::kModelVersion, std::string("section ") + kTaggerSection + " was trained with feature set " +
                                           hex64(feature_hash) + ", this build extracts feature set " +
                                           hex64(fnv1a64(kFeatureSpec)) + ": retrain with `casus train`");
  auto impl = std::make_shared<TaggerImpl>();
  impl->description = std::string(r.str());
  uint32_t n_classes = r.u32();
  if (r.failed() || n_classes == 0 || n_classes > 250) return corrupt("bad class count");
  for (uint32_t i = 0; i < n_classes; ++i) {
    TagClass c;
    uint8_t u = r.u8();
    if (u >= doc::kNumUPos) return corrupt("bad UPOS value " + std::to_string(u));
    c.upos = static_cast<doc::UPos>(u);
    c.xpos = std::string(r.str());
    impl->classes.push_back(std::move(c));
  }
  impl->index_classes();
  uint32_t n_passes = r.u32();
  if (r.failed() || n_passes < 1 || n_passes > 2) return corrupt("bad pass count");
  impl->passes.resize(n_passes);
  for (auto& p : impl->passes)
    if (!p.deserialize(r, n_classes)) return corrupt("bad weight table");
  uint32_t n_lex = r.u32();
  if (r.failed() || n_lex > r.remaining() / 14) return corrupt("bad lexicon size");
  impl->lexicon.reserve(n_lex);
  for (uint32_t i = 0; i < n_lex; ++i) {
    uint64_t k = r.u64();
    LexEntry e;
    e.amb = r.u32();
    e.wordnet = r.u8();
    e.sole = r.u8();
    if (k == 0 || (e.sole != 0xFF && e.sole >= n_classes)) return corrupt("bad lexicon entry");
    impl->lexicon.put(k, e);
  }
  if (!impl->morph.deserialize(r, n_classes)) return corrupt("bad feature-bundle model");
  std::string_view cluster_bytes = r.str();
  if (r.failed()) return corrupt("truncated");
  auto clusters = text::WordClusters::deserialize(cluster_bytes, std::string("section ") + kTaggerSection);
  if (!clusters) return clusters.status();
  impl->clusters = std::move(clusters.value());
  impl->index_clusters();
  if (!r.at_end()) return corrupt("trailing bytes");

  ByteReader lr(lemma_bytes);
  uint32_t lemma_version = lr.u32();
  if (lr.failed()) return Status(Code::kModelCorrupt, std::string("section ") + kLemmaSection + ": truncated");
  if (lemma_version != kLemmaSectionVersion)
    return Status(Code::kModelVersion, std::string("section ") + kLemmaSection + " has version " +
                                           std::to_string(lemma_version) + ", this build reads version " +
                                           std::to_string(kLemmaSectionVersion) + " only: retrain with `casus train`");
  auto lem = Lemmatizer::deserialize(lemma_bytes.substr(4));
  if (!lem) return lem.status();
  impl->lemmatizer = std::move(lem.value());
  return impl;
}

// ---------------------------------------------------------------- public API

Result<Tagger> Tagger::load(const ContainerReader& model) {
  for (const char* name : {kTaggerSection, kLemmaSection})
    if (!model.has(name))
      return Status(Code::kModelCorrupt, std::string("model has no section ") + name +
                                             " (not a tagger model, or trained without the tagger)");
  auto tagger_bytes = model.section(kTaggerSection);
  if (!tagger_bytes) return tagger_bytes.status();
  auto lemma_bytes = model.section(kLemmaSection);
  if (!lemma_bytes) return lemma_bytes.status();
  auto impl = TaggerImpl::deserialize(*tagger_bytes, *lemma_bytes);
  if (!impl) return impl.status();
  Tagger t;
  t.impl_ = std::move(impl.value());
  if (!model.has(kSelfTestSection))
    return Status(Code::kModelCorrupt, std::string("model has no section ") + kSelfTestSection);
  auto selftest = model.section(kSelfTestSection);
  if (!selftest) return selftest.status();
  CASUS_RETURN_IF_ERROR(check_selftest(t, *selftest));
  return t;
}

void Tagger::annotate(doc::Document& doc) const {
  CASUS_ASSERT(impl_ != nullptr, "annotate() on a Tagger that was not loaded");
  const TaggerImpl& m = *impl_;
  auto& tok = doc.tokens;
  const size_t n_tokens = tok.size();
  tok.upos.resize(n_tokens, doc::UPos::kNone);
  tok.xpos.resize(n_tokens, doc::kNoStr);
  tok.feats.resize(n_tokens, doc::kNoStr);
  tok.lemma.resize(n_tokens, doc::kNoStr);
  // Interned ids of the model's strings, filled lazily: each distinct string is interned once per document.
  std::vector<doc::StrId> xpos_ids(m.classes.size(), doc::kNoStr), bundle_ids(m.morph.bundles.size(), doc::kNoStr);
  std::vector<uint8_t> xpos_done(m.classes.size(), 0), bundle_done(m.morph.bundles.size(), 0);
  std::vector<TokenInfo> infos;
  std::vector<uint8_t> sole, tags, scratch;
  std::string lemma, folded, lowered;
  std::vector<std::string_view> forms;

  auto tag_range = [&](size_t first, size_t last) {
    size_t n = last - first;
    if (n == 0) return;
    infos.assign(n + 4, TokenInfo{});
    infos[0] = infos[1] = boundary_before();
    infos[n + 2] = infos[n + 3] = boundary_after();
    sole.resize(n);
    tags.resize(n);
    scratch.resize(n);
    forms.resize(n);
    for (size_t i = 0; i < n; ++i) forms[i] = doc.strings.get(tok.form[first + i]);
    const bool all_caps = is_all_caps(forms);
    const bool title_case = !all_caps && is_title_case(forms);
    for (size_t i = 0; i < n; ++i) {
      std::string_view form = forms[i];
      // News writes ’s and “quotes”; the treebank the model learned from writes 's and "quotes".
      if (text::fold_typography(form, folded)) form = folded;
      compute_token_info(form, infos[i + 2]);
      // In a headline's capitals, a word the treebank saw as something else than a name is read in lower case, and
      // so is a word it never saw that the dictionary knows as a common word only ("Concessions", "Ratify"); words
      // seen only as names ("Jordan") and other unseen words keep a capital ("HOUTHIS" reads as "Houthis").
      // Short all-caps words stay as written: they are as often acronyms ("US", "UN") as words.
      const bool recase = (title_case && is_capitalized_word(form)) || (all_caps && form.size() > 3 && is_all_caps_word(form));
      if (recase) {
        const LexEntry* e = m.lexicon.find(nonzero(infos[i + 2].lower));
        bool common = e && e->amb != (1u << static_cast<uint32_t>(doc::UPos::kPropn));
        if (!e) {
          lowered.assign(form);
          for (char& c : lowered) c = ascii_lower(c);
          common = is_common_word(lowered);
        }
        if (common || all_caps) {
          lowered.assign(form);
          for (size_t k = common ? 0 : 1; k < lowered.size(); ++k) lowered[k] = ascii_lower(lowered[k]);
          form = lowered;
          compute_token_info(form, infos[i + 2]);
        }
      }
      m.lookup(form, infos[i + 2], sole[i]);
    }
    m.decode(infos.data(), sole.data(), n, tags.data(), scratch.data());
    for (size_t i = 0; i < n; ++i) {
      size_t t = first + i;
      uint8_t cls = tags[i];
      const TagClass& c = m.classes[cls];
      tok.upos[t] = c.upos;
      if (!xpos_done[cls]) {
        xpos_ids[cls] = doc.strings.intern(c.xpos);
        xpos_done[cls] = 1;
      }
      tok.xpos[t] = xpos_ids[cls];
      uint16_t b = m.morph.choose(infos.data(), tags.data(), m.classes, n, i);
      if (!bundle_done[b]) {
        bundle_ids[b] = doc.strings.intern(m.morph.bundles[b]);
        bundle_done[b] = 1;
      }
      tok.feats[t] = bundle_ids[b];
      std::string_view form = doc.strings.get(tok.form[t]);
      m.lemmatizer.lemmatize(form, infos[i + 2].lower, c.upos, c.xpos, lemma);
      tok.lemma[t] = lemma == form ? tok.form[t] : doc.strings.intern(lemma);
    }
  };

  if (doc.sentences.size() == 0) {
    tag_range(0, n_tokens);
  } else {
    for (size_t s = 0; s < doc.sentences.size(); ++s) tag_range(doc.sentences.first[s], doc.sentences.last[s]);
  }
  doc.layers |= doc::kLayerTags | doc::kLayerLemmas;
}

std::string Tagger::lemmatize(std::string_view form, doc::UPos upos, std::string_view xpos) const {
  CASUS_ASSERT(impl_ != nullptr, "lemmatize() on a Tagger that was not loaded");
  std::string lower(form);
  for (auto& c : lower) c = ascii_lower(c);
  std::string out;
  impl_->lemmatizer.lemmatize(form, fnv1a64(lower), upos, xpos, out);
  return out;
}

Accuracy Tagger::evaluate(const std::vector<doc::Document>& gold) const {
  Accuracy acc;
  for (const auto& g : gold) {
    doc::Document pred = g;
    annotate(pred);
    for (size_t t = 0; t < g.tokens.size(); ++t) {
      ++acc.tokens;
      bool u = pred.tokens.upos[t] == g.tokens.upos[t];
      bool x = pred.xpos(t) == g.xpos(t);
      bool f = pred.feats(t) == g.feats(t);
      acc.upos += u;
      acc.xpos += x;
      acc.feats += f;
      acc.all_tags += u && x && f;
      acc.lemma += pred.lemma(t) == g.lemma(t);
    }
  }
  return acc;
}

std::string Tagger::describe() const {
  if (!impl_) return "tagger: not loaded";
  const TaggerImpl& m = *impl_;
  std::ostringstream out;
  out << "tagger: " << m.description << "\n  classes " << m.classes.size() << ", passes " << m.passes.size();
  for (size_t p = 0; p < m.passes.size(); ++p)
    out << ", pass " << p + 1 << " features " << m.passes[p].features() << " weights " << m.passes[p].entries();
  out << "\n  lexicon " << m.lexicon.size() << " words, feature bundles " << m.morph.bundles.size() << " ("
      << m.morph.word_cands.size() << " word-specific candidate lists, " << m.morph.weights.size()
      << " weights)\n  lemmatizer: dictionary " << m.lemmatizer.dictionary_size()
      << ", WordNet lemmas " << m.lemmatizer.wordnet_size() << "\n  word classes " << m.clusters.size()
      << " words\n  feature set " << hex64(fnv1a64(kFeatureSpec));
  return out.str();
}

}  // namespace casus::tag
