#include "casus/mention/mentions.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "casus/text/utf8.h"
#include "casus/util/words.h"

namespace casus::mention {

using doc::Deprel;
using doc::TokenIdx;
using doc::UPos;

namespace {

// The most tokens a title and a name take together ("Deputy Secretary-General of the United Nations for Political
// and Peacebuilding Affairs Rosemary DiCarlo" is 16).
constexpr uint32_t kLongestTitledName = 24;

bool is_nominal(UPos u) { return u == UPos::kNoun || u == UPos::kPropn || u == UPos::kPron || u == UPos::kNum; }

// Words that name a group in a definite description ("the group", "the militant movement").
bool is_group_noun(std::string_view w) {
  return one_of(w, {"group", "movement", "militia", "organization", "organisation", "faction", "party", "alliance",
                "coalition", "force", "forces", "rebels", "militants", "army", "government", "country", "kingdom",
                "republic", "state", "regime", "bloc", "agency", "outlet", "network", "administration"});
}

bool is_title_noun(std::string_view w) {
  return one_of(w, {"leader", "president", "minister", "chief", "commander", "secretary", "spokesman", "spokeswoman",
                "spokesperson", "premier", "king", "emir", "prince", "ayatollah", "chancellor", "envoy", "general",
                "head", "prime"});
}

struct SentenceView {
  TokenIdx first, last;
  std::vector<std::vector<TokenIdx>> children;
};

SentenceView view(const doc::Document& d, size_t s) {
  SentenceView v{d.sentences.first[s], d.sentences.last[s], {}};
  v.children.resize(v.last - v.first);
  for (TokenIdx t = v.first; t < v.last; ++t) {
    int32_t h = d.tokens.head[t];
    if (h >= static_cast<int32_t>(v.first) && h < static_cast<int32_t>(v.last)) v.children[h - v.first].push_back(t);
  }
  return v;
}

// Noun phrase of a head: contiguous det/amod/compound/flat/nmod:poss/nummod modifiers (recursively).
std::pair<TokenIdx, TokenIdx> noun_phrase(const doc::Document& d, const SentenceView& v, TokenIdx h) {
  TokenIdx lo = h, hi = h + 1;
  std::vector<TokenIdx> stack{h};
  while (!stack.empty()) {
    TokenIdx cur = stack.back();
    stack.pop_back();
    for (TokenIdx c : v.children[cur - v.first]) {
      Deprel r = d.tokens.deprel[c];
      bool modifier = r == Deprel::kDet || r == Deprel::kAmod || r == Deprel::kCompound || r == Deprel::kFlat ||
                      r == Deprel::kNmodPoss || r == Deprel::kNummod || r == Deprel::kFlatForeign ||
                      r == Deprel::kDetPredet || (cur != h && (r == Deprel::kCase || r == Deprel::kPunct)) ||
                      r == Deprel::kAdvmod;
      if (r == Deprel::kCase && d.tokens.upos[c] == UPos::kPart) modifier = true;  // possessive 's
      if (r == Deprel::kPunct && cur != h) modifier = true;                       // Iran - backed
      if (!modifier) continue;
      if (r == Deprel::kAdvmod && cur == h) continue;
      lo = std::min(lo, c);
      hi = std::max(hi, c + 1);
      stack.push_back(c);
    }
  }
  while (lo + 1 < hi && d.tokens.upos[lo] == UPos::kPunct) ++lo;
  while (hi - 1 > lo && d.tokens.upos[hi - 1] == UPos::kPunct) --hi;
  return {lo, hi};
}

// Drops a leading determiner for the entity text: "a Hamas official" stays (gold speakers use it), "the Houthis"
// keeps "the" only in text, so we leave text as written and resolve without it.
std::string_view span_text_of(const doc::Document& d, TokenIdx a, TokenIdx b) {
  if (a >= b) return {};
  return std::string_view(d.text).substr(d.tokens.begin[a], d.tokens.end[b - 1] - d.tokens.begin[a]);
}

std::string resolution_phrase(const doc::Document& d, TokenIdx a, TokenIdx b) {
  std::string_view full = std::string_view(d.text).substr(d.tokens.begin[a], d.tokens.end[b - 1] - d.tokens.begin[a]);
  return std::string(full);
}

// Weekday and month names are tagged PROPN but name times, not actors.
bool is_temporal_name(std::string_view w) {
  // "mid-July", "early-November": a month with a hyphenated qualifier.
  for (std::string_view prefix : {"mid-", "early-", "late-"})
    if (w.starts_with(prefix)) w.remove_prefix(prefix.size());
  return one_of(w, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
                "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec."});
}

bool is_capitalized(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

// Two to four proper-name words, none of them a word institutions, places or media are named with.
// The entity a KB entry stands for at a date (no text: the caller sets the phrase).
doc::Entity entry_entity(const kb::KnowledgeBase& kb, const kb::Entry& entry, const Date& date) {
  doc::Entity e;
  e.name = entry.name;
  e.kb_id = entry.id;
  e.country = entry.country;
  e.type = kb.type_at(entry, date);
  return e;
}

bool looks_like_person_name(const doc::Document& d, TokenIdx a, TokenIdx b) {
  size_t names = 0;
  for (TokenIdx t = a; t < b; ++t) {
    std::string lower = text::lower(d.token_text(t));
    if (d.tokens.upos[t] == UPos::kPropn) ++names;
    if (one_of(lower, {"square", "party", "army", "council", "ministry", "university", "hospital", "agency", "front",
                   "movement", "organization", "organisation", "union", "association", "news", "tv", "times",
                   "post", "street", "city", "province", "state", "republic", "force", "forces", "group", "bank",
                   "company", "court", "committee", "commission", "institute", "center", "centre", "airport",
                   "port", "gate", "hotel", "palace", "house", "road", "bridge", "river", "sea", "island",
                   "mountains", "valley", "region", "district", "brigade", "brigades", "corps", "guard"}))
      return false;
  }
  return names >= 2 && names <= 4 && b - a <= 5;
}

// Lower-case words inside names and titles: "Secretary of State", "Mohammed bin Salman", "Saudi Arabia's".
bool is_name_connector(std::string_view lower) {
  return one_of(lower, {"of", "'s", "’s", "bin", "bint", "ibn", "al", "al-", "el", "de", "da", "di", "van", "von", "la",
                    "le", "-"});
}

// Title words that may precede a name in one capitalised run ("UK Prime Minister Rishi Sunak").
bool is_title_word(std::string_view lower) {
  return is_title_noun(lower) ||
         one_of(lower, {"executive", "counsellor", "counselor", "state", "foreign", "defense", "defence", "interior",
                    "crown", "supreme", "deputy", "vice", "senior", "major", "lieutenant", "colonel", "admiral",
                    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "gen.", "sen.", "rep.", "gov.", "governor",
                    "senator", "ambassador", "mayor", "sheikh", "secretary-general", "director", "general",
                    "attorney", "speaker", "opposition", "army", "military", "rebel", "party", "un", "u.n.", "us",
                    "u.s.", "uk", "eu", "former", "acting", "interim"});
}

}  // namespace

bool is_statement_lemma(std::string_view lower) {
  return one_of(lower, {"statement", "communique", "communiqué", "declaration", "readout"});
}

bool is_pronoun_form(std::string_view w) {
  return one_of(w, {"he", "him", "his", "she", "her", "it", "its", "they", "them", "their", "himself", "herself",
                "itself", "themselves"});
}

doc::Entity make_entity(const doc::Document& d, TokenIdx first, TokenIdx last, const kb::Resolution& r) {
  doc::Entity e;
  e.text = std::string(std::string_view(d.text).substr(d.tokens.begin[first],
                                                       d.tokens.end[last - 1] - d.tokens.begin[first]));
  e.start = d.tokens.begin_cp[first];
  e.end = d.tokens.end_cp[last - 1];
  e.name = r.name;
  e.kb_id = r.kb_id;
  e.country = r.country;
  e.type = r.type;
  e.sponsor = r.sponsor;
  // "Thousands of Yemenis", "14,000 Palestinians": a plural demonym names the people, not the state.
  if (r.via == "demonym" && r.entry && r.entry->kind == kb::EntryKind::kCountry) {
    std::string_view head = d.token_text(last - 1);
    if (head.size() > 3 && (head.back() == 's' || head.back() == 'S')) e.type = "CVL";
    // "ethnic Hungarians in Romania", "ethnic Greeks in Albania": an ethnic group, not its namesake state's people;
    // the country comes from where they are (the coder's place), not from the name.
    for (TokenIdx t = first; t + 1 < last; ++t)
      if (text::lower(d.token_text(t)) == "ethnic") {
        e.name = std::string(d.token_text(last - 1));
        e.kb_id.clear();
        e.country.clear();
        e.type = "CVL";
      }
  }
  return e;
}

doc::Entity unresolved_entity(const doc::Document& d, const MentionIndex& index, TokenIdx first, TokenIdx last) {
  doc::Entity e = make_entity(d, first, last, kb::Resolution{});
  for (TokenIdx t = first; t < last; ++t) {
    int32_t c = index.cover_mention(t);
    if (c >= 0 && !d.mentions[c].entity.country.empty()) {
      e.country = d.mentions[c].entity.country;
      break;
    }
  }
  return e;
}

MentionIndex annotate(doc::Document& d, const kb::KnowledgeBase& kb, const Date& date) {
  MentionIndex index;
  index.by_head.assign(d.tokens.size(), -1);
  index.covering.assign(d.tokens.size(), -1);
  d.mentions.clear();
  const bool parsed = d.has(doc::kLayerParse);

  auto add = [&](size_t s, TokenIdx a, TokenIdx b, doc::MentionKind kind, doc::Entity e, TokenIdx head) {
    doc::Mention m;
    m.kind = kind;
    m.sentence = static_cast<uint32_t>(s);
    m.first_token = a;
    m.last_token = b;
    m.entity = std::move(e);
    auto idx = static_cast<int32_t>(d.mentions.size());
    d.mentions.push_back(std::move(m));
    index.by_head[head] = idx;
    for (TokenIdx t = a; t < b; ++t)
      if (index.covering[t] < 0 || (d.mentions[index.covering[t]].last_token - d.mentions[index.covering[t]].first_token) > (b - a))
        index.covering[t] = idx;
    return idx;
  };
  // A phrase that names what an earlier mention named ("the group", "the statement", "Navalny"): that entity with
  // this phrase's text and offsets, linked to its antecedent.
  auto add_coreferent = [&](size_t s, TokenIdx a, TokenIdx b, TokenIdx head, int32_t ante) {
    doc::Entity e = d.mentions[ante].entity;
    e.text = resolution_phrase(d, a, b);
    e.start = d.tokens.begin_cp[a];
    e.end = d.tokens.end_cp[b - 1];
    int32_t idx = add(s, a, b, doc::MentionKind::kActor, std::move(e), head);
    d.mentions[idx].antecedent = ante;
    return idx;
  };
  auto kind_of = [](const kb::Entry* e) {
    if (!e) return doc::MentionKind::kActor;
    if (e->kind == kb::EntryKind::kPlace) return doc::MentionKind::kPlace;
    if (e->kind == kb::EntryKind::kOrganization && e->type == "MED") return doc::MentionKind::kOutlet;
    return doc::MentionKind::kActor;
  };

  // Salience for coreference: resolved mentions in document order.
  std::vector<int32_t> people, groups;

  // The group a pronoun names. "It/its" needs a singular antecedent ("Israelis" cannot be "its"); the subject of
  // the pronoun's own sentence comes first, then the subject of the previous sentence, then the latest group.
  const std::string dateline = text::lower(d.meta.dateline);
  auto group_antecedent = [&](size_t s, TokenIdx pronoun, bool singular) -> int32_t {
    auto plural = [&](int32_t m) {
      const doc::Mention& mm = d.mentions[m];
      TokenIdx head = mm.last_token - 1;
      std::string_view x = d.xpos(head);
      // "the Houthis" is one group; "Russian officials" speak for one state ("it posed no threat").
      bool one_body = mm.entity.kb_id.rfind("org:", 0) == 0 ||
                      (mm.entity.kb_id.rfind("country:", 0) == 0 && (mm.entity.type == "GOV" || mm.entity.type == "MIL"));
      return !one_body && (x == "NNS" || x == "NNPS");
    };
    auto subject = [&](int32_t m) {
      const doc::Mention& mm = d.mentions[m];
      for (TokenIdx t = mm.first_token; t < mm.last_token; ++t) {
        int32_t hd = d.tokens.head[t];
        bool outside = hd < static_cast<int32_t>(mm.first_token) || hd >= static_cast<int32_t>(mm.last_token);
        Deprel r = d.tokens.deprel[t];
        if (outside && (r == Deprel::kNsubj || r == Deprel::kNsubjPass)) return true;
      }
      return false;
    };
    // Among subjects, the main clause's (fewest heads up to the root) wins over an embedded one.
    auto depth = [&](int32_t m) {
      int32_t t = static_cast<int32_t>(d.mentions[m].last_token - 1), n = 0;
      while (t >= 0 && n < 64) t = d.tokens.head[t], ++n;
      return n;
    };
    int32_t latest = -1;
    for (size_t back = 0; back <= 1; ++back) {
      int32_t best = -1;
      for (auto it = groups.rbegin(); it != groups.rend(); ++it) {
        const doc::Mention& mm = d.mentions[*it];
        if (singular && plural(*it)) continue;
        // A dateline ("Cape Town – …") names where the story was filed, not who "it" is.
        if (!dateline.empty() && mm.sentence == 0 && mm.first_token < 6 &&
            dateline.find(text::lower(mm.entity.text)) != std::string::npos)
          continue;
        if (latest < 0) latest = *it;
        if (mm.sentence + back != s) continue;
        if (back == 0 && mm.first_token > pronoun) continue;
        // Ties go to the leftmost subject: the sentence's topic comes first in news prose.
        if (subject(*it) && (best < 0 || depth(*it) <= depth(best))) best = *it;
      }
      if (best >= 0) return best;
      if (back == 0 && s == 0) break;
    }
    return latest;
  };

  // Runs that name one person with a title: "Secretary of State Mike Pompeo", "UK Prime Minister
  // Rishi Sunak", "Chief Executive Carrie Lam". News syntax often defeats the parser here (the title becomes the
  // head, or a second subject), so the run is resolved as a whole and every token of it points to the person.
  auto name_runs = [&](size_t s, TokenIdx first, TokenIdx last) {
    TokenIdx t = first;
    while (t < last) {
      // Lower-case titles belong to the run too ("opposition leader Raila Odinga", "army chief Min Aung Hlaing"):
      // a run still needs a name after its titles to be kept.
      auto starts = [&](TokenIdx x) {
        UPos u = d.tokens.upos[x];
        if (u != UPos::kPropn && u != UPos::kNoun && u != UPos::kAdj) return false;
        if (is_temporal_name(text::lower(d.token_text(x)))) return false;  // "Maria Santos Wednesday rejected"
        return is_capitalized(d.token_text(x)) || is_title_word(text::lower(d.token_text(x)));
      };
      if (!starts(t)) {
        ++t;
        continue;
      }
      TokenIdx a = t, b = t + 1;
      while (b < last) {
        std::string lower = text::lower(d.token_text(b));
        if (starts(b)) {
          ++b;
        } else if (is_name_connector(lower) && b + 1 < last && starts(b + 1)) {
          b += 2;
        } else {
          break;
        }
      }
      t = b;
      if (b - a < 3) continue;
      // The name: the longest suffix the KB resolves to a person, after title words only. Suffixes longer than
      // any title and name are not tried: a run-on line of capitals ("PROTESTERS CLASH WITH …", thousands of
      // words) would otherwise cost a KB resolution of every suffix, quadratic in the run.
      TokenIdx name_from = b;
      kb::Resolution person;
      for (TokenIdx i = b - a > kLongestTitledName ? b - kLongestTitledName : a; i + 1 < b; ++i) {
        kb::Resolution r = kb.resolve(span_text_of(d, i, b), date);
        if (r.found() && r.entry->kind == kb::EntryKind::kPerson) {
          person = r;
          name_from = i;
          break;
        }
      }
      // Unknown people: title words then at least two proper names ("Chief Executive Carrie Lam").
      if (!person.found()) {
        TokenIdx i = b;
        while (i > a && d.tokens.upos[i - 1] == UPos::kPropn && !is_title_word(text::lower(d.token_text(i - 1)))) --i;
        if (b - i < 2 || i == a) continue;
        // "UN Security Council": an institution after a title-like word is no person.
        if (!looks_like_person_name(d, i, b)) continue;
        name_from = i;
      }
      bool titles_only = true;
      for (TokenIdx i = a; i < name_from && titles_only; ++i) {
        std::string lower = text::lower(d.token_text(i));
        if (is_title_word(lower) || is_name_connector(lower)) continue;
        // A state or organisation may lead the title: "UK Prime Minister", "Hamas political bureau chief".
        kb::Resolution r = kb.resolve(span_text_of(d, i, i + 1), date);
        if (!(r.found() && (r.entry->kind == kb::EntryKind::kCountry || r.entry->kind == kb::EntryKind::kOrganization)))
          titles_only = false;
      }
      if (!titles_only) continue;
      doc::Entity e = person.found() ? make_entity(d, a, b, person) : make_entity(d, a, b, kb::Resolution{});
      if (!person.found()) e.type.clear();
      TokenIdx head = b - 1;
      int32_t idx = add(s, a, b, doc::MentionKind::kActor, std::move(e), head);
      for (TokenIdx i = a; i < b; ++i) {
        index.by_head[i] = idx;
        index.covering[i] = idx;
      }
      if (person.found()) people.push_back(idx);
    }
  };

  // Who issued a statement: "The statement condemned …", "A statement from the ministry said …". The issuer is
  // named beside the statement ("the G7 statement", "a statement by the ministry"), else it is the subject of the
  // clause an earlier statement belongs to ("The leaders issued a joint statement", "the ministry said in a
  // statement"), within the last few sentences.
  auto is_statement_noun = [&](TokenIdx t) {
    return is_statement_lemma(text::lower(d.lemma(t).empty() ? d.token_text(t) : d.lemma(t)));
  };
  auto actor_at = [&](TokenIdx t) -> int32_t {
    int32_t m = index.by_head[t] >= 0 ? index.by_head[t] : index.covering[t];
    if (m < 0 || d.mentions[m].kind != doc::MentionKind::kActor) return -1;
    const doc::Entity& e = d.mentions[m].entity;
    return e.kb_id.empty() && e.country.empty() ? -1 : m;
  };
  auto named_beside = [&](TokenIdx t) -> int32_t {
    const size_t sent = d.sentence_of(t);
    const TokenIdx first = d.sentences.first[sent], last = d.sentences.last[sent];
    for (TokenIdx c = first; c < last; ++c) {
      if (d.tokens.head[c] != static_cast<int32_t>(t)) continue;
      Deprel r = d.tokens.deprel[c];
      bool by = false;
      if (r == Deprel::kNmod)
        for (TokenIdx g = first; g < c; ++g)
          if (d.tokens.head[g] == static_cast<int32_t>(c) && d.tokens.deprel[g] == Deprel::kCase &&
              one_of(text::lower(d.token_text(g)), {"from", "by", "of"}))
            by = true;
      if (r == Deprel::kCompound || r == Deprel::kNmodPoss || r == Deprel::kAmod || by)
        if (int32_t m = actor_at(c); m >= 0) return m;
    }
    return -1;
  };
  auto statement_issuer = [&](size_t s, TokenIdx h) -> int32_t {
    for (size_t s2 = s + 1; s2-- > 0 && s2 + 4 > s;) {
      TokenIdx end = s2 == s ? h : d.sentences.last[s2];
      for (TokenIdx t = end; t-- > d.sentences.first[s2];) {
        if (!is_statement_noun(t)) continue;
        if (int32_t m = named_beside(t); m >= 0) return m;
        if (int32_t m = index.by_head[t]; m >= 0 && d.mentions[m].kind == doc::MentionKind::kActor) return m;
        int32_t x = static_cast<int32_t>(t);
        for (int guard = 0; x >= 0 && d.tokens.upos[x] != UPos::kVerb && guard < 4; ++guard) {
          Deprel r = d.tokens.deprel[x];
          if (r != Deprel::kObj && r != Deprel::kObl && r != Deprel::kNmod) break;
          x = d.tokens.head[x];
        }
        if (x < 0 || d.tokens.upos[x] != UPos::kVerb) continue;
        for (TokenIdx c = d.sentences.first[s2]; c < d.sentences.last[s2]; ++c)
          if (d.tokens.head[c] == x && d.tokens.deprel[c] == Deprel::kNsubj)
            if (int32_t m = actor_at(c); m >= 0) return m;
      }
    }
    return -1;
  };

  for (size_t s = 0; s < d.sentences.size(); ++s) {
    std::vector<kb::KbMatch> matches = kb.find_mentions(d, s);
    SentenceView v = view(d, s);
    std::vector<int32_t> match_of(v.last - v.first, -1);
    for (size_t m = 0; m < matches.size(); ++m)
      for (uint32_t t = matches[m].begin; t < matches[m].end && t < v.last; ++t)
        if (t >= v.first) match_of[t - v.first] = static_cast<int32_t>(m);

    auto resolve_match = [&](const kb::KbMatch& m) {
      kb::Resolution r = kb.resolve(span_text_of(d, m.begin, m.end), date);
      if (!r.found() && !m.candidates.empty()) {
        const kb::Entry& e = kb.entries()[m.candidates[0].entry];
        r.entry = &e;
        r.name = e.name;
        r.kb_id = e.id;
        r.country = e.country;
        r.type = kb.type_at(e, date);
      }
      return r;
    };

    // "Gunmen from Hamas", "fighters of the Houthis", "the army of Burkina Faso": a named body after an agent head
    // owns it; "residents of the Gaza Strip" are of the place's country (and still no body's members).
    auto take_owner = [&](TokenIdx h, doc::Entity& entity) {
      if (entity.kb_id.rfind("agent:", 0) != 0) return;
      for (TokenIdx c : v.children[h - v.first]) {
        if (d.tokens.deprel[c] != Deprel::kNmod) continue;
        bool from = false;
        for (TokenIdx g : v.children[c - v.first])
          if (d.tokens.deprel[g] == Deprel::kCase && one_of(text::lower(d.token_text(g)), {"from", "of"})) from = true;
        int32_t mm = match_of[c - v.first];
        if (!from || mm < 0) continue;
        kb::Resolution mr = resolve_match(matches[mm]);
        if (mr.found() && mr.entry->kind == kb::EntryKind::kPlace && !mr.country.empty() && entity.country.empty() &&
            entity.type == "CVL") {
          entity.country = mr.country;
          return;
        }
        if (!mr.found() || (mr.entry->kind != kb::EntryKind::kOrganization && mr.entry->kind != kb::EntryKind::kCountry))
          continue;
        entity.name = mr.name;
        entity.kb_id = mr.kb_id;
        if (entity.country.empty()) entity.country = mr.country;
        if (mr.entry->kind != kb::EntryKind::kCountry) entity.type = mr.type;
        return;
      }
    };

    std::vector<bool> used(matches.size(), false);
    struct StatementSubject {
      TokenIdx head, first, last;
    };
    std::vector<StatementSubject> statements;
    if (parsed) {
      for (TokenIdx h = v.first; h < v.last; ++h) {
        UPos u = d.tokens.upos[h];
        if (!is_nominal(u)) continue;
        Deprel r = d.tokens.deprel[h];
        // Inner parts of a name ("Ali" in "Ali Khamenei") are not phrase heads.
        if (r == Deprel::kFlat || r == Deprel::kCompound || r == Deprel::kFixed) continue;
        std::string lower = text::lower(d.token_text(h));
        // "Protesters swarmed into the residence … Others set fire to the prime minister's home": a bare "others"
        // opening a sentence is more of the crowd the previous sentence's subject named.
        if (lower == "others" && h == v.first && doc::deprel_universal(r) == Deprel::kNsubj && s > 0) {
          const int32_t ante = group_antecedent(s, h, false);
          if (ante >= 0 && d.mentions[ante].entity.type == "CVL" && d.mentions[ante].sentence + 1 == s) {
            add_coreferent(s, h, h + 1, h, ante);
            continue;
          }
        }
        if (u == UPos::kPron) {
          if (!is_pronoun_form(lower)) continue;
          // Coreference: he/she → last person; it/its → last group/state; they/their → last group or agent.
          int32_t ante = -1;
          std::optional<doc::Entity> body;
          if (one_of(lower, {"he", "him", "his", "she", "her", "himself", "herself"})) {
            if (!people.empty()) ante = people.back();
            // "A senior Houthi official said … what he called a blatant aggression": a person-noun subject of a
            // clause the pronoun sits in is nearer than any earlier named person.
            for (int32_t mi = static_cast<int32_t>(d.mentions.size()) - 1; mi >= 0; --mi) {
              const doc::Mention& pm = d.mentions[mi];
              if (pm.sentence != s) break;
              if (pm.kind != doc::MentionKind::kActor || pm.last_token > h || pm.last_token == 0) continue;
              const TokenIdx head = pm.last_token - 1;
              if (doc::deprel_universal(d.tokens.deprel[head]) != Deprel::kNsubj) continue;
              std::string noun = text::lower(d.lemma(head).empty() ? d.token_text(head) : d.lemma(head));
              if (!is_title_noun(noun) && !one_of(noun, {"official", "spokesman", "spokeswoman", "spokesperson",
                                                          "diplomat", "officer", "source", "aide", "adviser", "advisor",
                                                          "envoy", "negotiator", "lawmaker", "mayor", "governor"}))
                continue;
              bool dominates = false;
              for (int32_t x = static_cast<int32_t>(h), guard = 0; x >= 0 && guard < 64; x = d.tokens.head[x], ++guard)
                if (x == d.tokens.head[head]) dominates = true;
              if (dominates) ante = mi;
              break;
            }
          } else {
            // "Houthi spokesman Yahya Sarea said it had deployed drones": a spokesman's "it" is his organisation.
            for (auto it = people.rbegin(); it != people.rend() && !body; ++it) {
              const doc::Mention& pm = d.mentions[*it];
              if (pm.sentence != s || pm.first_token > h) break;
              bool subject = false;
              for (TokenIdx t = pm.first_token; t < pm.last_token; ++t)
                if (d.tokens.deprel[t] == Deprel::kNsubj) subject = true;
              if (!subject) continue;
              for (const kb::Role* role : kb.roles_at(pm.entity.kb_id, date))
                if (role->role == "spokesperson" || role->role == "group_leader" || role->role == "group_military_leader")
                  if (const kb::Entry* org = kb.find_id(role->org)) {
                    body = entry_entity(kb, *org, date);
                    ante = *it;
                    break;
                  }
            }
            // "The regime in Iran and its proxies", "Israel and its allies": a possessive on the second conjunct
            // is the first conjunct.
            if (!body && (lower == "its" || lower == "their") &&
                doc::deprel_universal(d.tokens.deprel[h]) == Deprel::kNmodPoss && d.tokens.head[h] > static_cast<int32_t>(h)) {
              const auto owned = static_cast<TokenIdx>(d.tokens.head[h]);
              const int32_t first = d.tokens.head[owned];
              if (doc::deprel_universal(d.tokens.deprel[owned]) == Deprel::kConj && first >= 0 &&
                  first < static_cast<int32_t>(h))
                for (auto it = groups.rbegin(); it != groups.rend() && ante < 0; ++it) {
                  const doc::Mention& gm = d.mentions[*it];
                  if (gm.sentence != s) break;
                  if (static_cast<int32_t>(gm.first_token) <= first && first < static_cast<int32_t>(gm.last_token))
                    ante = *it;
                }
            }
            // "The communique deplored the launch and said they would respond together": a plural pronoun in what
            // a statement says is whoever issued it.
            if (!body && ante < 0 && one_of(lower, {"they", "them", "their", "we", "us", "our"})) {
              int32_t x = static_cast<int32_t>(h);
              for (int hop = 0; hop < 5 && x >= 0 && ante < 0; ++hop) {
                const int32_t up = d.tokens.head[x];
                if (up < 0) break;
                for (TokenIdx c = v.first; c < v.last && ante < 0; ++c)
                  if (d.tokens.head[c] == up && doc::deprel_universal(d.tokens.deprel[c]) == Deprel::kNsubj &&
                      is_statement_noun(c)) {
                    ante = named_beside(c);
                    if (ante < 0) ante = statement_issuer(s, c);
                  }
                x = up;
              }
            }
            if (!body && ante < 0) ante = group_antecedent(s, h, one_of(lower, {"it", "its", "itself"}));
          }
          if (ante < 0) continue;
          doc::Entity e = body ? *body : d.mentions[ante].entity;
          e.text = std::string(d.token_text(h));
          e.start = d.tokens.begin_cp[h];
          e.end = d.tokens.end_cp[h];
          int32_t idx = add(s, h, h + 1, doc::MentionKind::kActor, std::move(e), h);
          d.mentions[idx].antecedent = ante;
          continue;
        }
        auto [a, b] = noun_phrase(d, v, h);
        // "the US actions", "Iran's move": a generic act names no actor; its modifiers keep their own mentions (the
        // KB matches below) so that the act can stand for its doer.
        if (u == UPos::kNoun && one_of(text::lower(d.lemma(h)), {"action", "actions", "move", "step", "act", "conduct",
                                                                 "behaviour", "behavior", "policy", "policies"}))
          continue;
        // "The statement condemned …": the statement stands for whoever issued it (once the sentence's other
        // phrases are known: "a statement from the ministry").
        if (is_statement_noun(h) && (r == Deprel::kNsubj || r == Deprel::kNsubjPass)) {
          statements.push_back({h, a, b});
          continue;
        }
        kb::Resolution res = kb.resolve(resolution_phrase(d, a, b), date);
        int32_t head_match = match_of[h - v.first];
        // Strip a leading determiner when the full phrase did not resolve ("the Houthis").
        if (!res.found() && b - a > 1 && d.tokens.upos[a] == UPos::kDet)
          res = kb.resolve(resolution_phrase(d, a + 1, b), date);
        if (!res.found() && head_match >= 0) {
          res = resolve_match(matches[head_match]);
          used[head_match] = true;
        }
        std::string head_lower = text::lower(d.lemma(h).empty() ? d.token_text(h) : d.lemma(h));
        bool definite = d.tokens.upos[a] == UPos::kDet && text::lower(d.token_text(a)) == "the";
        // "a Hezbollah commander", "two Hamas officials": someone unnamed of that body, not the title's holder.
        bool indefinite = one_of(text::lower(d.token_text(a)), {"a", "an", "one", "another", "some", "several", "two",
                                                              "three", "four", "many"});
        if (indefinite && res.found() && res.entry->kind == kb::EntryKind::kPerson && res.via == "title") {
          kb::Resolution body;
          for (TokenIdx t = a; t < h && !body.found(); ++t)
            if (int32_t mm = match_of[t - v.first]; mm >= 0) {
              kb::Resolution r2 = resolve_match(matches[mm]);
              if (r2.found() && r2.entry->kind != kb::EntryKind::kPerson && r2.entry->kind != kb::EntryKind::kPlace)
                body = r2;
            }
          res = body;
        }
        // A bare generic agent ("the kingdom", "the regime", "the group" resolve to agent:*) is a description of
        // something named before, when there is such a thing.
        bool bare_agent = res.found() && res.entry->kind == kb::EntryKind::kAgent && res.country.empty();
        if ((!res.found() || bare_agent) && definite && (is_group_noun(head_lower) || lower == "two")) {
          // Definite description: "the group", "the Lebanese group", "the two".
          std::string country;
          for (TokenIdx t = a; t < h; ++t)
            if (int32_t mm = match_of[t - v.first]; mm >= 0) country = resolve_match(matches[mm]).country;
          // The head noun says what kind of thing is meant: "the group" is no state, "the country" no militia.
          const bool state_noun = one_of(head_lower, {"country", "kingdom", "republic", "state", "nation", "government",
                                                  "regime", "administration"});
          // "The army", "the military", "the police" are a state's forces (the story country's, assigned by the
          // coder), not the last armed group named.
          if (one_of(head_lower, {"army", "military", "force", "forces", "navy", "police"})) {
            kb::Resolution own = kb.resolve(resolution_phrase(d, a, b), date);
            if (own.found()) {
              doc::Entity forces = make_entity(d, a, b, own);
              take_owner(h, forces);  // "the army of Burkina Faso"
              // (A group "it" can name: "The army said it had killed 15 militants".)
              groups.push_back(add(s, a, b, kind_of(own.entry), std::move(forces), h));
              continue;
            }
          }
          const bool body_noun = !state_noun && lower != "two";
          int32_t ante = -1;
          const auto& pool = lower == "two" ? people : groups;
          // "the coalition", "the movement": a body whose own name says it is one comes before the latest group
          // ("the Saudi-led coalition" … "the Red Cross" … "the coalition" is the coalition).
          auto named_so = [&](const doc::Entity& cand) {
            return text::lower(cand.name).find(head_lower) != std::string::npos ||
                   text::lower(cand.text).find(head_lower) != std::string::npos;
          };
          const bool kind_named = body_noun && head_lower != "group" &&
                                  std::any_of(pool.begin(), pool.end(), [&](int32_t m) {
                                    return d.mentions[m].entity.kb_id.rfind("agent:", 0) != 0 &&
                                           named_so(d.mentions[m].entity);
                                  });
          // "the coalition" is never an aid agency named since: a coalition or alliance, or nothing.
          const bool alliance_noun = one_of(head_lower, {"coalition", "alliance", "bloc"});
          for (auto it = pool.rbegin(); it != pool.rend(); ++it) {
            const doc::Entity& cand = d.mentions[*it].entity;
            if ((kind_named || alliance_noun) && !named_so(cand) &&
                !(alliance_noun && cand.kb_id.rfind("alliance:", 0) == 0))
              continue;
            const bool is_state = cand.kb_id.rfind("country:", 0) == 0;
            if (lower != "two" && cand.kb_id.rfind("agent:", 0) == 0) continue;  // "officials" are no group
            if (state_noun && !is_state) continue;
            // "the Kingdom": a state whose official name says so ("Kingdom of Saudi Arabia"), not the nearest one.
            if (head_lower == "kingdom" && is_state) {
              const kb::Entry* st = kb.find_id(cand.kb_id);
              if (!st || std::none_of(st->aliases.begin(), st->aliases.end(), [](const std::string& a) {
                    return a.find("Kingdom") != std::string::npos;
                  }))
                continue;
            }
            if (body_noun && is_state) continue;
            if (country.empty() || cand.country == country) {
              ante = *it;
              break;
            }
          }
          // "Hamas chief Ismail Haniyeh … the group": the organisation a recently named person leads.
          std::optional<doc::Entity> led;
          if (ante < 0 && body_noun)
            for (auto it = people.rbegin(); it != people.rend() && !led; ++it)
              for (const kb::Role* role : kb.roles_at(d.mentions[*it].entity.kb_id, date))
                if (role->org.rfind("org:", 0) == 0)
                  if (const kb::Entry* org = kb.find_id(role->org)) {
                    doc::Entity e = entry_entity(kb, *org, date);
                    if (country.empty() || e.country == country) led = std::move(e);
                    break;
                  }
          if (led) {
            doc::Entity e = std::move(*led);
            e.text = resolution_phrase(d, a, b);
            e.start = d.tokens.begin_cp[a];
            e.end = d.tokens.end_cp[b - 1];
            int32_t idx = add(s, a, b, doc::MentionKind::kActor, std::move(e), h);
            groups.push_back(idx);
            continue;
          }
          // "The Kenyan opposition party accused the government": the government of the party's country, not
          // the party (which carries the state's KB id with its own type).
          if (ante >= 0 && state_noun && !doc::is_state_organ_type(d.mentions[ante].entity.type))
            if (const kb::Entry* state = kb.find_id(d.mentions[ante].entity.kb_id)) {
              doc::Entity e = entry_entity(kb, *state, date);
              e.text = resolution_phrase(d, a, b);
              e.start = d.tokens.begin_cp[a];
              e.end = d.tokens.end_cp[b - 1];
              groups.push_back(add(s, a, b, doc::MentionKind::kActor, std::move(e), h));
              continue;
            }
          if (ante >= 0) {
            add_coreferent(s, a, b, h, ante);
            continue;
          }
        }
        if ((!res.found() || bare_agent) && definite && is_title_noun(head_lower)) {
          // "the supreme leader": the last person whose role title contains the head noun; failing that, for "the
          // leader", the last person who leads (a president, prime minister, supreme leader or group chief).
          for (int pass = 0; pass < 2 && index.by_head[h] < 0; ++pass) {
            if (pass == 1 && head_lower != "leader") break;
            for (auto it = people.rbegin(); it != people.rend(); ++it) {
              const auto& pe = d.mentions[*it].entity;
              bool title_fits = false;
              for (const kb::Role* role : kb.roles_at(pe.kb_id, date))
                if (pass == 0 ? text::lower(role->title).find(head_lower) != std::string::npos
                              : one_of(role->role, {"head_of_state", "head_of_government", "supreme_leader",
                                                    "group_leader", "party_leader", "opposition_leader"}))
                  title_fits = true;
              if (title_fits) {
                add_coreferent(s, a, b, h, *it);
                break;
              }
            }
          }
          if (index.by_head[h] >= 0) continue;
        }
        // "Navalny", "Mrs Lam" after "Alexei Navalny", "Carrie Lam": a bare surname (titles aside) is the person
        // the document already named with it, before any namesake the KB knows ("Yulia Navalnaya").
        if (u == UPos::kPropn && (!res.found() || res.entry->kind == kb::EntryKind::kPerson)) {
          TokenIdx from = a;
          while (from < b && is_title_word(text::lower(d.token_text(from)))) ++from;
          if (from + 1 == b) {
            std::string surname = text::lower(d.token_text(from));
            int32_t ante = -1;
            for (auto it = people.rbegin(); it != people.rend() && ante < 0; ++it) {
              const doc::Mention& pm = d.mentions[*it];
              if (pm.last_token - pm.first_token < 2) continue;
              if (text::lower(d.token_text(pm.last_token - 1)) == surname) ante = *it;
            }
            if (ante >= 0) {
              people.push_back(add_coreferent(s, a, b, h, ante));
              continue;
            }
          }
        }
        if (res.found()) {
          doc::Entity entity = make_entity(d, a, b, res);
          if (res.entry->kind == kb::EntryKind::kAgent && res.sponsor.empty()) {
            // "Hezbollah fighters", "the group's fighters", "Israeli troops": the modifier names who they are
            // (not when it names a backer: "Iran-backed militias", "Iran's proxies" stay militias with a sponsor).
            for (TokenIdx t = a; t < h; ++t) {
              doc::Entity o;
              int32_t owner = index.by_head[t] >= 0 ? index.by_head[t] : index.covering[t];
              if (owner >= 0 && d.mentions[owner].kind == doc::MentionKind::kActor) {
                o = d.mentions[owner].entity;
              } else if (int32_t mm = match_of[t - v.first]; mm >= 0) {
                kb::Resolution mr = resolve_match(matches[mm]);
                if (mr.found() && mr.entry->kind != kb::EntryKind::kPlace) o = make_entity(d, t, t + 1, mr);
              }
              if (o.kb_id.empty() || o.kb_id.rfind("agent:", 0) == 0) continue;
              // "The country's coup leader", "the group's chief": a title of the described state or body is its
              // holder, as if the name had been written.
              if (t + 1 < h && one_of(d.token_text(t + 1), {"'s", "’s", "'S"}) && !o.name.empty()) {
                kb::Resolution holder =
                    kb.resolve(o.name + "'s " + resolution_phrase(d, t + 2, b), date);
                if (holder.found() && holder.entry->kind == kb::EntryKind::kPerson) {
                  entity = make_entity(d, a, b, holder);
                  res = holder;
                  break;
                }
              }
              // "Sri Lankan protesters", "Yemeni children": civilians of a country are not its state; they keep
              // their own identity (and the coder names them by their people).
              if (entity.type == "CVL" && o.kb_id.rfind("country:", 0) == 0) {
                entity.country = o.country;
                break;
              }
              // "The Sierra Leone Independence Party", "the Kenya National Union": a name of its own around the
              // state's (a word of the name no KB entry covers) is a body the KB does not know, of that country;
              // it is not the state (its name stays null, as for any unresolved name).
              bool own_name = u == UPos::kPropn && o.kb_id.rfind("country:", 0) == 0;
              bool unknown_word = false;
              for (TokenIdx w = t + 1; w < h && own_name; ++w)
                if (d.tokens.upos[w] == UPos::kPropn && match_of[w - v.first] < 0 &&
                    (owner < 0 || w >= d.mentions[owner].last_token))
                  unknown_word = true;
              if (own_name && unknown_word) {
                entity.name.clear();
                entity.kb_id.clear();
                entity.country = o.country;
                break;
              }
              entity.name = o.name;
              entity.kb_id = o.kb_id;
              if (entity.country.empty()) entity.country = o.country;
              // State agents keep the agent's type (troops → MIL); a group's agents are the group.
              if (o.kb_id.rfind("country:", 0) != 0) entity.type = o.type;
            }
            take_owner(h, entity);
          }
          int32_t idx = add(s, a, b, kind_of(res.entry), std::move(entity), h);
          const kb::Entry* e = res.entry;
          if (e->kind == kb::EntryKind::kPerson) people.push_back(idx);
          else if (e->kind != kb::EntryKind::kPlace && !(e->kind == kb::EntryKind::kOrganization && e->type == "MED"))
            groups.push_back(idx);
        } else if (u == UPos::kPropn && !is_temporal_name(lower)) {
          // Unresolved proper name: kept with an empty name so curators can grow the KB (casus kb unknown).
          doc::Entity unknown = make_entity(d, a, b, kb::Resolution{});
          // "Syrian Kurds", "Afghan Hazaras": a nationality adjective before the name gives its country.
          for (TokenIdx t = a; t < h && unknown.country.empty(); ++t) {
            if (d.tokens.upos[t] != UPos::kAdj || d.tokens.head[t] != static_cast<int32_t>(h)) continue;
            kb::Resolution r = kb.resolve(d.token_text(t), date);
            if (r.found() && r.entry->kind == kb::EntryKind::kCountry) unknown.country = r.country;
          }
          int32_t idx = add(s, a, b, doc::MentionKind::kActor, std::move(unknown), h);
          // A two-to-four word name with no institution word is likely a person ("Ahmed al-Mansouri"): "he"
          // may refer to it.
          if (looks_like_person_name(d, a, b)) people.push_back(idx);
        }
      }
    }
    // KB matches not absorbed by a noun phrase (modifiers like "Hamas" in "a Hamas official").
    for (size_t m = 0; m < matches.size(); ++m) {
      const kb::KbMatch& km = matches[m];
      if (used[m] || km.begin >= km.end || km.end > v.last) continue;
      TokenIdx head = km.end - 1;
      if (index.by_head[head] >= 0 && d.mentions[index.by_head[head]].first_token <= km.begin) continue;
      kb::Resolution r = resolve_match(km);
      if (!r.found()) continue;
      TokenIdx begin = km.begin;
      // "Israeli army bulldozers": a generic agent inside a compound keeps the nationality that modifies it.
      if (parsed && r.entry->kind == kb::EntryKind::kAgent && r.country.empty() && begin > v.first &&
          d.tokens.head[begin - 1] == static_cast<int32_t>(head) &&
          (d.tokens.deprel[begin - 1] == Deprel::kAmod || d.tokens.deprel[begin - 1] == Deprel::kCompound)) {
        kb::Resolution wider = kb.resolve(span_text_of(d, begin - 1, km.end), date);
        if (wider.found() && !wider.country.empty()) {
          r = wider;
          --begin;
        }
      }
      int32_t idx = add(s, begin, km.end, kind_of(r.entry), make_entity(d, begin, km.end, r), head);
      if (!parsed) {
        if (r.entry->kind == kb::EntryKind::kPerson) people.push_back(idx);
        else if (r.entry->kind != kb::EntryKind::kPlace) groups.push_back(idx);
      }
    }
    if (parsed) name_runs(s, v.first, v.last);
    for (const auto& st : statements) {
      int32_t ante = named_beside(st.head);
      if (ante < 0 && text::lower(d.token_text(st.first)) == "the") ante = statement_issuer(s, st.head);
      if (ante >= 0) add_coreferent(s, st.first, st.last, st.head, ante);
    }
  }
  d.layers |= doc::kLayerMentions;
  return index;
}

}  // namespace casus::mention
