#include "casus/code/place.h"

#include <algorithm>
#include <string>

#include "casus/code/participants.h"
#include "casus/text/utf8.h"
#include "casus/util/words.h"

namespace casus::code {

using doc::Deprel;
using doc::TokenIdx;

namespace {

// Does a preposition of place mark `t` ("in Gaza", "near the border")?
bool locative_case(const SentenceTree& tree, TokenIdx t) {
  return tree.has_case(t, {"in", "at", "near", "inside", "outside", "across", "throughout", "into", "around", "off",
                           "over"});
}

// A common noun for a kind of place, which a name can follow ("the city of Jazan", "the capital, Dhaka").
bool is_place_noun(std::string_view lemma) {
  return one_of(lemma, {"city", "town", "village", "province", "region", "district", "governorate", "port", "capital",
                        "state", "county", "oblast", "area", "enclave", "island", "camp", "outskirts", "suburbs"});
}

// The city a metonym mention names: its text without a possessive ("Kabul's airport": the mention is "Kabul's").
std::string metonym_city_name(std::string_view text) {
  for (std::string_view pos : {"'s", "\u2019s"})
    if (text.size() > pos.size() && text.ends_with(pos)) text.remove_suffix(pos.size());
  return std::string(text);
}

}  // namespace

bool is_city_metonym(const kb::Entry* entry, std::string_view text) {
  if (!entry || entry->kind != kb::EntryKind::kCountry) return false;
  const std::string city = metonym_city_name(text);
  return std::find(entry->metonyms.begin(), entry->metonyms.end(), city) != entry->metonyms.end();
}

std::optional<doc::Place> find_sentence_place(const doc::Document& d, const SentenceTree& tree,
                                              const mention::MentionIndex& index, const kb::KnowledgeBase& kb,
                                              const lexicon::Lexicon& lexicon, TokenIdx trigger,
                                              const std::vector<bool>* trigger_heads) {
  // Is `u` our event's content, reached from our trigger through complements only ("ready to contribute troops
  // to a force in Liberia": the contribution is what France is ready for, its place is the readiness's)?
  auto content_of_ours = [&](TokenIdx u) {
    for (int guard = 0; guard < 16; ++guard) {
      const Deprel r = tree.urel(u);
      if (r != Deprel::kXcomp && r != Deprel::kCcomp && r != Deprel::kConj && r != Deprel::kAdvcl) return false;
      const int32_t h = tree.head(u);
      if (h < 0) return false;
      u = static_cast<TokenIdx>(h);
      if (u == trigger) return true;
    }
    return false;
  };
  // Does the way up from `t` meet another event's head word before ours (and not as our content)?
  auto under_other_event = [&](TokenIdx t) {
    if (!trigger_heads) return false;
    int32_t u = tree.head(t);
    for (int guard = 0; u >= 0 && guard < 64; ++guard, u = tree.head(static_cast<TokenIdx>(u))) {
      const auto ut = static_cast<TokenIdx>(u);
      if (ut == trigger) return false;
      if ((*trigger_heads)[ut - tree.first()]) return !content_of_ours(ut);
    }
    return false;
  };
  std::optional<doc::Place> best;
  int best_score = -1;
  for (TokenIdx t = tree.first(); t < tree.last(); ++t) {
    int32_t m = index.head_mention(t);
    if (m < 0) continue;
    const doc::Mention& mm = d.mentions[m];
    const kb::Entry* entry = mm.entity.kb_id.empty() ? nullptr : kb.find_id(mm.entity.kb_id);
    // A country named as a place ("in Iran"), not its people or forces ("at Indian troops").
    bool place_like = mm.kind == doc::MentionKind::kPlace ||
                      (entry && entry->kind == kb::EntryKind::kCountry && (mm.entity.type.empty() || mm.entity.type == "GOV"));
    if (!place_like) continue;
    const bool city_metonym = is_city_metonym(entry, mm.entity.text);
    // A place by name, not a state standing for its territory.
    const bool named_place = mm.kind == doc::MentionKind::kPlace || city_metonym;
    bool locative = locative_case(tree, t);
    // A name the parser split ("in Tel Aviv" as Tel ← in, Aviv apposition): the case may hang on any of its words.
    for (TokenIdx w = mm.first_token; w < mm.last_token && !locative; ++w) locative = locative_case(tree, w);
    // "at a Moscow airport", "at Kabul's airport", "outside Colombo's presidential palace": a place modifying the
    // noun a locative preposition marks.
    // (It then stands where the facility stands in the sentence.)
    TokenIdx anchor = t;
    if (!locative && named_place &&
        (tree.urel(t) == Deprel::kCompound || tree.rel(t) == Deprel::kNmodPoss) && tree.head(t) >= 0) {
      const auto facility = static_cast<TokenIdx>(tree.head(t));
      locative = d.tokens.upos[facility] == doc::UPos::kNoun && locative_case(tree, facility);
      if (locative) anchor = facility;
    }
    // "in the capital, Dhaka", "near the border town, Rafah": the name in apposition to a place noun (the parser
    // may hang it elsewhere; the comma right after the place noun says so).
    if (!locative && tree.urel(t) == Deprel::kAppos && tree.head(t) >= 0)
      locative = locative_case(tree, static_cast<TokenIdx>(tree.head(t)));
    if (!locative && mm.first_token >= tree.first() + 2 && d.token_text(mm.first_token - 1) == ",") {
      const TokenIdx noun = mm.first_token - 2;
      locative = is_place_noun(tree.lemma(noun)) && locative_case(tree, noun);
    }
    // "at the Saudi city of Jazan", "in the northern province of Saada": the name after a place noun.
    if (!locative && tree.has_case(t, {"of"})) {
      int32_t h = tree.head(t);
      locative = h >= 0 &&
                 is_place_noun(tree.lemma(static_cast<TokenIdx>(h))) &&
                 (locative_case(tree, static_cast<TokenIdx>(h)) ||
                  // "struck the port of Odesa": the attacked place is where it happened.
                  (tree.head(static_cast<TokenIdx>(h)) == static_cast<int32_t>(trigger) &&
                   tree.urel(static_cast<TokenIdx>(h)) == Deprel::kObj));
    }
    // "Kabul blast kills 12", "the Mogadishu bombing", "Kabul airport attack": a place (not a country: "Israel
    // strikes" are Israel's) compounded with the act, or with an act noun that is its subject or object, is where
    // it happened ("Kremlin critic detained" is not placed in the Kremlin).
    if (!locative && named_place && tree.urel(t) == Deprel::kCompound) {
      int32_t h = tree.head(t);
      for (int guard = 0; h >= 0 && guard < 4 && tree.urel(static_cast<TokenIdx>(h)) == Deprel::kCompound; ++guard)
        h = tree.head(static_cast<TokenIdx>(h));
      if (h >= 0) {
        const auto ht = static_cast<TokenIdx>(h);
        const Deprel hr = tree.urel(ht);
        locative = ht == trigger || (tree.head(ht) == static_cast<int32_t>(trigger) &&
                                     (hr == Deprel::kNsubj || hr == Deprel::kObj) && names_act(lexicon, tree.lemma(ht)));
      }
    }
    if (!locative) continue;
    // Attached to the trigger itself ("rallied in Tel Aviv") beats deeper in its clause ("… the hostages held in
    // Gaza"), which beats elsewhere in the sentence.
    // A place under another event's trigger is that event's ("attacks on Israel in retaliation for the attack on a
    // consulate in Syria"); it is taken only when the sentence names no other (a place the sentence states still
    // beats the dateline: "a naval operation to protect ships in the Red Sea after attacks by the Houthis").
    const bool others = under_other_event(t);
    int score = tree.dominates(trigger, t) ? 2 : 1;
    for (TokenIdx w = mm.first_token; w < mm.last_token; ++w)
      if (tree.head(w) == static_cast<int32_t>(trigger) && tree.urel(w) == Deprel::kObl) score = 4;
    if (tree.head(anchor) == static_cast<int32_t>(trigger) && tree.urel(anchor) == Deprel::kObl) score = 4;
    // A capital named for its state ("in Tel Aviv", "in Washington" resolve to the state by metonymy) is as
    // precise a place as any city.
    if (named_place) score += 1;
    if (others) score = 0;
    if (score <= best_score) continue;
    doc::Place p;
    p.text = mm.entity.text;
    p.name = mm.entity.name;
    p.country = mm.entity.country;
    if (city_metonym) {
      p.name = metonym_city_name(mm.entity.text);  // the city itself ("Colombo"), not its state; no coordinates of the state's
    } else if (entry) {
      p.admin1 = entry->admin1;
      p.lat = entry->lat;
      p.lon = entry->lon;
    }
    best = p;
    best_score = score;
  }
  return best;
}

PlaceFinder::PlaceFinder(const doc::Document& d, const kb::KnowledgeBase& kb, const lexicon::Lexicon& lexicon,
                         Date resolve_date)
    : doc_(d), kb_(kb), lexicon_(lexicon) {
  dateline_paragraph_ = d.sentences.size() ? d.sentences.paragraph[0] : 0;
  if (d.meta.dateline.empty()) return;
  kb::Resolution r = kb.resolve(d.meta.dateline, resolve_date);
  doc::Place p;
  p.text = d.meta.dateline;
  if (r.found()) {
    p.name = r.name;
    p.country = r.country;
    // "NAIROBI – …": a capital that resolves to its state by metonymy is the city.
    if (is_city_metonym(r.entry, d.meta.dateline)) {
      p.name = d.meta.dateline;
    } else {
      p.admin1 = r.entry->admin1;
      p.lat = r.entry->lat;
      p.lon = r.entry->lon;
    }
  }
  dateline_place_ = p;
  const std::string needle = text::lower(d.meta.dateline);
  for (size_t s = 0; s < d.sentences.size() && s < 8; ++s) {
    std::string head = text::lower(d.sentence_text(s).substr(0, 60));
    if (head.find(needle) != std::string::npos) {
      dateline_paragraph_ = d.sentences.paragraph[s];
      break;
    }
  }
}

std::optional<doc::Place> PlaceFinder::find(const SentenceTree& tree, const mention::MentionIndex& index,
                                            size_t sentence, TokenIdx trigger, const std::vector<bool>* trigger_heads,
                                            const doc::Event* event) const {
  if (auto p = find_sentence_place(doc_, tree, index, kb_, lexicon_, trigger, trigger_heads)) return p;
  // The dateline places what the paragraph it opens reports, not the whole article.
  if (!dateline_place_ || doc_.sentences.paragraph[sentence] != dateline_paragraph_) return std::nullopt;
  if (event && !dateline_place_->country.empty()) {
    bool any_country = false, home = false;
    for (const auto* side : {&event->actor, &event->recipient})
      for (const doc::Entity& e : *side) {
        if (e.country.empty()) continue;
        any_country = true;
        home |= e.country == dateline_place_->country;
      }
    if (any_country && !home) return std::nullopt;
  }
  return dateline_place_;
}

}  // namespace casus::code
