#include "casus/code/coder.h"

#include <algorithm>
#include <set>

#include "casus/code/attribution.h"
#include "casus/code/casualties.h"
#include "casus/code/place.h"
#include "casus/code/quotes.h"
#include "casus/code/time_expr.h"
#include "casus/code/tree.h"
#include "casus/mention/mentions.h"
#include "casus/text/utf8.h"
#include "casus/util/hash.h"

namespace casus::code {

using doc::Deprel;
using doc::TokenIdx;

namespace {

[[maybe_unused]] bool in(std::string_view w, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

struct SentenceContext {
  std::vector<TimeExpression> times;
};

// The entity an argument head names: its mention (resolved or coreferent), else the noun phrase unresolved.
// Returns nullopt for heads that cannot be actors (verbs, adjectives, numbers).
std::optional<doc::Entity> argument_entity(const doc::Document& d, const SentenceTree& tree,
                                           const mention::MentionIndex& index, TokenIdx h) {
  int32_t m = index.head_mention(h);
  if (m < 0) {
    int32_t c = index.cover_mention(h);
    if (c >= 0 && d.mentions[c].kind != doc::MentionKind::kPlace) m = c;
  }
  if (m >= 0) return d.mentions[m].entity;
  doc::UPos u = d.tokens.upos[h];
  if (u != doc::UPos::kNoun && u != doc::UPos::kPropn && u != doc::UPos::kPron) return std::nullopt;
  if (u == doc::UPos::kPron && !mention::is_pronoun_form(tree.lower(h))) return std::nullopt;
  auto [a, b] = tree.np_span(h);
  return mention::unresolved_entity(d, index, a, b);
}

std::string entity_key(const doc::Entity& e) {
  return e.kb_id.empty() ? text::lower(e.text) : e.kb_id;
}

// The time expression for a trigger: one under the trigger's clause first, else the nearest in the sentence.
const TimeExpression* pick_time(const std::vector<TimeExpression>& times, const SentenceTree& tree,
                                TokenIdx trigger) {
  const TimeExpression* best = nullptr;
  int64_t best_dist = INT64_MAX;
  for (const auto& te : times) {
    bool under = false;
    for (TokenIdx t = te.first; t < te.last; ++t)
      if (tree.dominates(trigger, t)) under = true;
    int64_t dist = std::abs(static_cast<int64_t>(te.first) - static_cast<int64_t>(trigger)) - (under ? 1000 : 0);
    if (dist < best_dist) {
      best = &te;
      best_dist = dist;
    }
  }
  return best;
}

}  // namespace

void Coder::code(doc::Document& d) const {
  d.events.clear();
  d.quotes.clear();
  const Date resolve_date = d.meta.published.value_or(options_.fallback_date);
  mention::MentionIndex index = mention::annotate(d, kb_, resolve_date);
  if (!d.has(doc::kLayerParse)) return;  // without a parse only mentions are available

  const PlaceFinder places(d, kb_, resolve_date);

  const TimeExpression* carried_time = nullptr;  // most recent time cue in the paragraph
  std::vector<std::vector<TimeExpression>> times_by_sentence(d.sentences.size());
  for (size_t s = 0; s < d.sentences.size(); ++s) {
    if (s > 0 && d.sentences.paragraph[s] != d.sentences.paragraph[s - 1]) carried_time = nullptr;
    SentenceTree tree(d, s);
    auto matches = lexicon_.match(d, s);
    if (matches.empty()) {
      times_by_sentence[s] = find_time_expressions(d, s, d.meta.published);
      if (!times_by_sentence[s].empty()) carried_time = &times_by_sentence[s].back();
      continue;
    }
    AttributionFinder attribution{d, tree, index, lexicon_.cues(), s};
    Casualties casualties = find_casualties(d, s);
    bool casualties_used = false;
    bool future_sentence = false;
    for (const auto& m : matches)
      if (m.aux_hint == doc::Aux::kFuture) future_sentence = true;
    times_by_sentence[s] = find_time_expressions(d, s, d.meta.published, {future_sentence});
    const auto& times = times_by_sentence[s];

    // Tokens of time expressions are never participants ("on Tuesday" is not a recipient).
    std::vector<bool> is_time(tree.last() - tree.first(), false);
    for (const auto& te : times)
      for (TokenIdx t = te.first; t < te.last; ++t) is_time[t - tree.first()] = true;
    auto participant = [&](TokenIdx h) { return !is_time[h - tree.first()]; };

    for (const auto& m : matches) {
      doc::Event e;
      e.category = m.category;
      e.mode = std::string(m.mode);
      e.sentence = static_cast<uint32_t>(s);
      e.rule = m.rule ? m.rule->id : "";
      if (m.rule) e.context = m.rule->context;
      std::vector<doc::Entity> actors, recipients;
      std::set<std::string> seen;
      auto collect = [&](const std::vector<TokenIdx>& heads, std::vector<doc::Entity>& into) {
        for (TokenIdx h : heads) {
          if (!participant(h)) continue;
          auto ent = argument_entity(d, tree, index, h);
          if (ent && seen.insert(entity_key(*ent)).second) into.push_back(std::move(*ent));
        }
      };
      collect(m.actor, actors);
      collect(m.recipient, recipients);
      if (m.reciprocal) {
        // Meetings and clashes: every party is an actor.
        for (auto& r : recipients) actors.push_back(std::move(r));
        recipients.clear();
      }
      // An event with no identifiable actor keeps going only for ASSAULT (unknown perpetrators are coded with an
      // empty actor list) or when a recipient is known.
      if (actors.empty() && recipients.empty() && e.category != doc::Plover::kAssault) continue;
      e.actor = std::move(actors);
      e.recipient = std::move(recipients);

      // Trigger text: the contiguous span of the trigger tokens.
      TokenIdx tlo = m.trigger, thi = m.trigger + 1;
      for (TokenIdx t : m.trigger_tokens) {
        tlo = std::min(tlo, t);
        thi = std::max(thi, t + 1);
      }
      if (thi - tlo > 6) tlo = m.trigger, thi = m.trigger + 1;
      e.trigger_text = std::string(span_text(d, tlo, thi));
      e.trigger_start = d.tokens.begin_cp[tlo];
      e.trigger_end = d.tokens.end_cp[thi - 1];

      // Aux mode and the future category shift of the codebook (future CONSULT → AGREE, …). A negation the rule
      // itself consumed ("will not intervene" → REJECT) is the event, not its negation.
      e.aux = m.aux_hint;
      if (e.aux == doc::Aux::kNegation) {
        bool outside = false;
        for (const auto& cue : m.cues)
          if (cue.kind == lexicon::CueKind::kNegation &&
              std::find(m.trigger_tokens.begin(), m.trigger_tokens.end(), cue.token) == m.trigger_tokens.end())
            outside = true;
        if (!outside) e.aux = doc::Aux::kNone;
      }
      const auto& info = lexicon_.category(e.category);
      if (e.aux == doc::Aux::kFuture && info.future_category != doc::Plover::kNone) {
        e.category = info.future_category;
        if (!lexicon_.is_mode(e.category, e.mode)) e.mode.clear();
      }

      // Date: a cue in the sentence, else the last cue of the paragraph so far.
      const TimeExpression* te = pick_time(times, tree, m.trigger);
      if (!te) te = carried_time;
      if (te) {
        e.date = te->iso();
        e.date_text = te->text;
        if (d.meta.published && e.aux == doc::Aux::kNone &&
            te->when.end.last_day() < d.meta.published->first_day() - options_.historical_days &&
            te->kind != TimeKind::kSince && te->kind != TimeKind::kDuration)
          e.aux = doc::Aux::kHistorical;
      }

      e.location = places.find(tree, index, s, m.trigger);

      // A speech-act event ("X condemned Y") is attributed only when another reporting verb relays it: the walk
      // from the trigger never counts the trigger itself.
      e.attribution = attribution.find(m.trigger);

      if (!casualties_used && (e.category == doc::Plover::kAssault || e.category == doc::Plover::kCoerce) &&
          e.aux != doc::Aux::kNegation) {
        if (casualties.killed) e.fatalities = casualties.killed;
        if (casualties.injured) e.injuries = casualties.injured;
        casualties_used = casualties.killed || casualties.injured;
      }

      e.score = lexicon_.score(e.category, e.mode);
      double conf = m.confidence > 0 ? m.confidence : 0.5;
      bool resolved = std::any_of(e.actor.begin(), e.actor.end(), [](const auto& a) { return !a.kb_id.empty(); });
      if (!resolved) conf *= 0.8;
      if (e.actor.empty()) conf *= 0.7;
      e.confidence = std::clamp(conf, 0.0, 1.0);
      e.id = hex64(fnv1a64(options_.version_tag + "|" + d.meta.id + "|" + std::to_string(s) + "|" +
                           std::to_string(e.trigger_start) + "|" + std::string(doc::plover_name(e.category)) + "|" +
                           e.mode + "|" + e.rule + "|" + std::to_string(d.events.size())));
      d.events.push_back(std::move(e));
    }
    if (!times.empty()) carried_time = &times.back();
  }

  // One event per real-world action per document: a restatement (same category, aux and parties, compatible
  // date) becomes an extra evidence sentence of the first mention. Docs: docs/event-format.md, "Merging".
  std::vector<doc::Event> merged;
  auto parties = [](const doc::Event& e) {
    std::vector<std::string> a, r;
    for (const auto& x : e.actor) a.push_back(entity_key(x));
    for (const auto& x : e.recipient) r.push_back(entity_key(x));
    std::sort(a.begin(), a.end());
    std::sort(r.begin(), r.end());
    return std::make_pair(a, r);
  };
  for (auto& e : d.events) {
    bool absorbed = false;
    if (!e.actor.empty()) {
      for (auto& k : merged) {
        if (k.category != e.category || k.aux != e.aux || k.mode != e.mode || parties(k) != parties(e)) continue;
        if (!k.date.empty() && !e.date.empty() && k.date != e.date) continue;
        if (k.sentence == e.sentence) continue;  // two triggers in one sentence are two actions
        k.evidence_sentences.push_back(e.sentence);
        if (k.date.empty()) k.date = e.date, k.date_text = e.date_text;
        if (!k.location) k.location = e.location;
        if (!k.attribution) k.attribution = e.attribution;
        if (!k.fatalities) k.fatalities = e.fatalities;
        absorbed = true;
        break;
      }
    }
    if (!absorbed) merged.push_back(std::move(e));
  }
  d.events = std::move(merged);
  d.quotes = find_quotes(d, index, lexicon_.cues());
  d.layers |= doc::kLayerEvents;
}

}  // namespace casus::code
