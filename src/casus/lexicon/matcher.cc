// Trigger matching: lemma index lookup, then template evaluation over the dependency tree of one sentence.
#include <algorithm>

#include "casus/lexicon/lexicon.h"
#include "casus/lexicon/lexicon_impl.h"
#include "casus/text/utf8.h"
#include "casus/util/date.h"

namespace casus::lexicon {

namespace {

using doc::Deprel;
using doc::TokenIdx;
using doc::UPos;
using TokVec = std::vector<TokenIdx>;

const std::vector<std::string> kOnCases = {"on", "upon"};
const std::vector<std::string> kByCases = {"by"};
const std::vector<std::string> kToCases = {"to"};

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool in_list(std::string_view lemma, const std::vector<std::string>& words) {
  for (const auto& w : words)
    if (iequal(lemma, w)) return true;
  return false;
}

bool is_nominal(UPos u) { return u == UPos::kNoun || u == UPos::kPropn || u == UPos::kPron || u == UPos::kNum; }

// One sentence's tree in a form the template walker can use: children lists (CSR) over document indices.
class Tree {
 public:
  Tree(const doc::Document& doc, size_t sentence)
      : doc_(doc), first_(doc.sentences.first[sentence]), last_(doc.sentences.last[sentence]) {
    size_t n = last_ - first_;
    start_.assign(n + 1, 0);
    for (TokenIdx t = first_; t < last_; ++t) {
      int32_t h = doc.tokens.head[t];
      if (h >= static_cast<int32_t>(first_) && h < static_cast<int32_t>(last_)) ++start_[h - first_ + 1];
    }
    for (size_t i = 0; i < n; ++i) start_[i + 1] += start_[i];
    kids_.resize(start_[n]);
    std::vector<uint32_t> fill(start_.begin(), start_.end() - 1);
    for (TokenIdx t = first_; t < last_; ++t) {
      int32_t h = doc.tokens.head[t];
      if (h >= static_cast<int32_t>(first_) && h < static_cast<int32_t>(last_)) kids_[fill[h - first_]++] = t;
    }
  }
  const doc::Document& doc() const { return doc_; }
  // Does t have a subordinating marker or case word of its own ("to", "after", "by")?
  bool has_marker(TokenIdx t) const {
    auto [b, e] = kids(t);
    for (auto q = b; q != e; ++q)
      if (rel(*q) == Deprel::kMark || rel(*q) == Deprel::kCase) return true;
    return false;
  }
  Deprel rel(TokenIdx t) const { return doc_.tokens.deprel[t]; }
  UPos upos(TokenIdx t) const { return doc_.tokens.upos[t]; }
  std::string_view lemma(TokenIdx t) const {
    std::string_view l = doc_.lemma(t);
    return l.empty() ? doc_.form(t) : l;
  }
  // Word lists in templates match the lemma or, when the lemmatizer missed an unknown word ("teargas" →
  // "tearga"), the form itself.
  bool word_in(TokenIdx t, const std::vector<std::string>& words, int depth = 0) const {
    if (in_list(lemma(t), words) || in_list(doc_.form(t), words)) return true;
    // EWT lemmatizes some plurals as plurale tantum ("supplies", "troops", "goods" keep their -s): a list naming
    // the singular ("supply") still means them.
    if (std::string one = plural_kept_as_lemma(t); !one.empty() && in_list(one, words)) return true;
    std::string joined = hyphenated(t);
    if (!joined.empty() && in_list(joined, words)) return true;
    // A quantity or part stands for what it measures: "25,000 tons of food aid", "part of a military aid
    // program", "a package of sanctions", "four days of talks".
    if (depth == 0 && is_partitive(lemma(t))) {
      auto [b, e] = kids(t);
      for (auto p = b; p != e; ++p)
        if (rel(*p) == Deprel::kNmod && has_case(*p, {"of"}) && word_in(*p, words, 1)) return true;
    }
    return false;
  }
  // The regular singular of a plural noun the lemmatizer left plural ("supplies" → "supply"), else "".
  std::string plural_kept_as_lemma(TokenIdx t) const {
    std::string_view l = lemma(t);
    if (doc_.xpos(t) != "NNS" || l.size() < 4 || l.back() != 's' || !iequal(l, doc_.form(t))) return "";
    std::string buf;
    std::string one(ascii_lower(l, buf));
    if (one.ends_with("ies")) return one.substr(0, one.size() - 3) + "y";
    if (one.ends_with("ss")) return "";
    return one.substr(0, one.size() - 1);
  }
  static bool is_partitive(std::string_view l) {
    for (std::string_view w : {"part", "ton", "tons", "tonne", "tonnes", "package", "batch", "shipment",
                               "consignment", "round", "set", "series", "wave", "number", "amount", "portion",
                               "share", "kind", "type", "form", "dozen", "hundred", "thousand", "million",
                               "day", "days", "hour", "hours", "week", "weeks", "month", "months",
                               // "shot down some of the drones", "most of the rockets"
                               "some", "most", "all", "many", "several", "one", "two", "three", "dozens", "hundreds",
                               "scores", "majority", "rest", "bulk", "each", "none", "both"})
      if (iequal(l, w)) return true;
    return false;
  }
  // "cease-fire", "tear-gas": the segmenter splits hyphenated words (EWT convention); the lexicon writes them
  // whole. The token and the two before it when they are "X", "-" with no spaces between.
  std::string hyphenated(TokenIdx t) const {
    if (t < first_ + 2) return {};
    TokenIdx dash = t - 1, left = t - 2;
    if (doc_.form(dash) != "-" || doc_.tokens.end[left] != doc_.tokens.begin[dash] ||
        doc_.tokens.end[dash] != doc_.tokens.begin[t])
      return {};
    std::string out(doc_.form(left));
    out += '-';
    out += lemma(t);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  // Head inside the sentence, or -1.
  int64_t head(TokenIdx t) const {
    int32_t h = doc_.tokens.head[t];
    return (h >= static_cast<int32_t>(first_) && h < static_cast<int32_t>(last_)) ? h : -1;
  }
  std::pair<const TokenIdx*, const TokenIdx*> kids(TokenIdx t) const {
    size_t i = t - first_;
    return {kids_.data() + start_[i], kids_.data() + start_[i + 1]};
  }
  bool has_child(TokenIdx t, Deprel r) const {
    auto [b, e] = kids(t);
    for (auto p = b; p != e; ++p)
      if (rel(*p) == r) return true;
    return false;
  }
  bool has_case(TokenIdx t, const std::vector<std::string>& cases) const {
    auto [b, e] = kids(t);
    for (auto p = b; p != e; ++p)
      if ((rel(*p) == Deprel::kCase || rel(*p) == Deprel::kMark) && in_list(lemma(*p), cases)) return true;
    return false;
  }

 private:
  const doc::Document& doc_;
  TokenIdx first_, last_;
  std::vector<uint32_t> start_;
  TokVec kids_;
};

bool step_rel_matches(const Step& s, Deprel d) { return s.any_rel || s.rel == d; }

bool step_filters(const Tree& tree, const Step& s, TokenIdx t) {
  if (!s.cases.empty() && !tree.has_case(t, s.cases)) return false;
  if (!s.lemmas.empty() && !tree.word_in(t, s.lemmas)) return false;
  return true;
}

void eval_step(const Tree& tree, const Step& s, const TokVec& from, TokVec& to) {
  to.clear();
  for (TokenIdx t : from) {
    if (s.up) {
      if (!step_rel_matches(s, tree.rel(t))) continue;
      int64_t h = tree.head(t);
      if (h >= 0 && step_filters(tree, s, static_cast<TokenIdx>(h))) to.push_back(static_cast<TokenIdx>(h));
      continue;
    }
    auto [b, e] = tree.kids(t);
    for (auto p = b; p != e; ++p)
      if (step_rel_matches(s, tree.rel(*p)) && step_filters(tree, s, *p)) to.push_back(*p);
  }
}

TokVec eval_path(const Tree& tree, const Path& path, TokenIdx start) {
  TokVec cur{start}, next;
  for (const Step& s : path.steps) {
    eval_step(tree, s, cur, next);
    std::swap(cur, next);
    if (cur.empty()) break;
  }
  return cur;
}

bool is_passive(const Tree& tree, TokenIdx t) {
  if (tree.upos(t) != UPos::kVerb) return false;
  if (tree.has_child(t, Deprel::kAuxPass) || tree.has_child(t, Deprel::kNsubjPass)) return true;
  // The tagger's Voice=Pass is trusted only when the tree does not contradict it: a perfect "has launched
  // drones" (a subject, or a "have" auxiliary) is active whatever the feature says.
  if (tree.doc().feat(t, "Voice") == "Pass") {
    if (tree.has_child(t, Deprel::kNsubj)) return false;
    // "killed 1,200 people and seized 240 hostages": a conjunct shares its first conjunct's voice.
    if (tree.rel(t) == Deprel::kConj && tree.head(t) >= 0) {
      auto h = static_cast<TokenIdx>(tree.head(t));
      if (tree.upos(h) == UPos::kVerb && tree.has_child(h, Deprel::kNsubj) && !tree.has_child(h, Deprel::kAuxPass))
        return false;
    }
    auto [b, e] = tree.kids(t);
    for (auto p = b; p != e; ++p)
      if (tree.rel(*p) == Deprel::kAux && iequal(tree.lemma(*p), "have")) return false;
    return true;
  }
  // Reduced relative: "the convoy attacked by militants" (acl, past participle, no auxiliary).
  Deprel r = tree.rel(t);
  return (r == Deprel::kAcl) && tree.doc().xpos(t) == "VBN";
}

bool is_relative_pronoun(const Tree& tree, TokenIdx t) {
  std::string_view l = tree.lemma(t);
  return tree.upos(t) == UPos::kPron && (iequal(l, "who") || iequal(l, "which") || iequal(l, "that"));
}

// Direct subject children of a verb (active nsubj or, with `pass`, nsubj:pass).
TokVec subjects(const Tree& tree, TokenIdx t, bool pass) {
  TokVec out;
  auto [b, e] = tree.kids(t);
  for (auto p = b; p != e; ++p)
    if (tree.rel(*p) == (pass ? Deprel::kNsubjPass : Deprel::kNsubj)) out.push_back(*p);
  return out;
}

// The logical subject of a verb without one of its own: "Iran vowed to retaliate" (xcomp: the controller),
// "Hamas fired rockets and attacked" (conj), "..., killing two" (advcl), "militants who attacked" (relative).
TokVec inherited_subject(const Tree& tree, TokenIdx t, int depth) {
  if (depth > 4) return {};
  int64_t hh = tree.head(t);
  if (hh < 0) return {};
  auto h = static_cast<TokenIdx>(hh);
  Deprel r = tree.rel(t);
  // "pushed Iran to join the talks" parsed with an adverbial "to join": an object-control verb still hands its
  // object the act.
  constexpr std::string_view kObjectControl[] = {"urge",   "push",  "press",   "pressure", "force",  "ask", "encourage",
                                                 "persuade", "order", "tell", "warn",   "invite", "allow", "compel"};
  const bool control_advcl =
      r == Deprel::kAdvcl && tree.has_case(t, kToCases) &&
      std::any_of(std::begin(kObjectControl), std::end(kObjectControl),
                  [&](std::string_view w) { return iequal(tree.lemma(h), w); });
  if (r == Deprel::kXcomp || control_advcl) {
    // Object control ("urged Iran to join", "called on Iran to join") before subject control ("vowed to join").
    auto [b, e] = tree.kids(h);
    for (auto p = b; p != e; ++p) {
      Deprel pr = tree.rel(*p);
      if (pr == Deprel::kObj || pr == Deprel::kIobj) return {*p};
      if (pr == Deprel::kObl && tree.has_case(*p, kOnCases)) return {*p};
    }
  }
  if (r == Deprel::kXcomp || r == Deprel::kConj || r == Deprel::kAdvcl) {
    if (tree.upos(h) != UPos::kVerb && tree.upos(h) != UPos::kAux && tree.upos(h) != UPos::kAdj) return {};
    // "the detainee is heard asking for a doctor", "soldiers were filmed beating …": a passive perception verb's
    // subject is what its complement's act is done by.
    constexpr std::string_view kPerception[] = {"hear",  "see",     "film",    "show",    "photograph", "record",
                                                "catch", "spot",    "observe", "witness", "videotape"};
    if ((r == Deprel::kXcomp || (r == Deprel::kAdvcl && tree.doc().xpos(t) == "VBG")) && is_passive(tree, h) &&
        std::any_of(std::begin(kPerception), std::end(kPerception),
                    [&](std::string_view w) { return iequal(tree.lemma(h), w); })) {
      TokVec s = subjects(tree, h, true);
      if (!s.empty()) return s;
    }
    if (is_passive(tree, h)) return {};  // the head's subject is its patient, not our agent
    TokVec s = subjects(tree, h, false);
    if (!s.empty()) return s;
    return inherited_subject(tree, h, depth + 1);
  }
  if (r == Deprel::kAcl) {
    // "made a commitment to ease restrictions", "Iran's decision to resume talks": a noun of intent passes on
    // the one who holds the intent — its possessor, else the subject of the verb that has it as object.
    constexpr std::string_view kIntent[] = {"commitment", "pledge", "promise", "decision", "plan", "offer", "bid",
                                            "move", "effort", "attempt", "readiness", "willingness", "vow",
                                            "intention", "determination", "resolve", "undertaking", "proposal",
                                            "threat"};
    if (tree.upos(h) == UPos::kNoun && std::any_of(std::begin(kIntent), std::end(kIntent), [&](std::string_view w) {
          return iequal(tree.lemma(h), w);
        })) {
      auto [b, e] = tree.kids(h);
      for (auto p = b; p != e; ++p)
        if (tree.rel(*p) == Deprel::kNmodPoss) return {*p};
      if (tree.rel(h) == Deprel::kObj && tree.head(h) >= 0) {
        const auto v = static_cast<TokenIdx>(tree.head(h));
        TokVec s = subjects(tree, v, false);
        if (!s.empty()) return s;
        return inherited_subject(tree, v, depth + 1);
      }
    }
    return {h};  // "fighters loyal to X attacking ..." (active participle)
  }
  return {};
}

void expand_conj(const Tree& tree, TokVec& toks) {
  for (size_t i = 0; i < toks.size(); ++i) {
    if (!is_nominal(tree.upos(toks[i]))) continue;
    auto [b, e] = tree.kids(toks[i]);
    for (auto p = b; p != e; ++p)
      if (tree.rel(*p) == Deprel::kConj && is_nominal(tree.upos(*p)) &&
          std::find(toks.begin(), toks.end(), *p) == toks.end())
        toks.push_back(*p);
  }
}

bool is_subject_rel(Deprel d) {
  return d == Deprel::kNsubj || d == Deprel::kNsubjPass || d == Deprel::kOblAgent || d == Deprel::kCsubj;
}

}  // namespace

std::vector<TriggerMatch> Lexicon::match(const doc::Document& doc, size_t sentence) const {
  std::vector<TriggerMatch> out;
  if (sentence >= doc.sentences.size() || !doc.has(doc::kLayerParse)) return out;
  Tree tree(doc, sentence);
  const Impl& im = *impl_;
  std::string buf;
  TokenIdx first = doc.sentences.first[sentence], last = doc.sentences.last[sentence];
  TokVec tmp;
  for (TokenIdx t = first; t < last; ++t) {
    auto it = im.by_lemma.find(ascii_lower(tree.lemma(t), buf));
    if (it == im.by_lemma.end()) it = im.by_lemma.find(ascii_lower(doc.form(t), buf));  // missed lemma
    if (it == im.by_lemma.end()) {
      std::string joined = tree.hyphenated(t);
      if (!joined.empty()) it = im.by_lemma.find(joined);
    }
    if (it == im.by_lemma.end()) continue;
    UPos up = tree.upos(t);
    bool passive = is_passive(tree, t);
    for (uint32_t ri : it->second) {
      const Rule& rule = im.rules[ri];
      switch (rule.pos) {
        case TriggerPos::kVerb: if (up != UPos::kVerb) continue; break;
        case TriggerPos::kNoun: if (up != UPos::kNoun) continue; break;
        case TriggerPos::kAdj: if (up != UPos::kAdj) continue; break;
        case TriggerPos::kPropn: if (up != UPos::kPropn) continue; break;
        case TriggerPos::kAny: break;
      }
      const Template& tp = rule.tmpl;
      TriggerMatch m;
      m.rule = &rule;
      m.category = rule.category;
      m.mode = rule.mode;
      m.trigger = t;
      m.trigger_tokens.push_back(t);
      m.passive = passive;
      bool inherited = false;
      // Evaluates one path from the trigger. A bare one-step "nsubj" or "obj" path names the logical subject
      // or object: in the passive they map to the agent (obl:agent, obl[by]) and the surface subject; a
      // missing subject is inherited from a governing verb; a relative pronoun resolves to its antecedent.
      auto slot = [&](const Path& p) -> TokVec {
        const Step& s0 = p.steps.front();
        bool bare_one = p.steps.size() == 1 && !s0.up && !s0.any_rel && s0.cases.empty() && up == UPos::kVerb;
        TokVec r;
        inherited = false;
        if (bare_one && s0.rel == Deprel::kNsubj) {
          if (passive) {
            auto [b, e] = tree.kids(t);
            for (auto q = b; q != e; ++q)
              if (tree.rel(*q) == Deprel::kOblAgent || (tree.rel(*q) == Deprel::kObl && tree.has_case(*q, kByCases)))
                r.push_back(*q);
          } else {
            r = subjects(tree, t, false);
            if (r.size() == 1 && is_relative_pronoun(tree, r[0]) && tree.rel(t) == Deprel::kAclRelcl &&
                tree.head(t) >= 0) {
              r[0] = static_cast<TokenIdx>(tree.head(t));
              inherited = true;
            }
            if (r.empty() && !(tp.flags & kFlagNoInherit)) {
              r = inherited_subject(tree, t, 0);
              inherited = !r.empty();
            }
          }
        } else if (bare_one && s0.rel == Deprel::kObj && passive) {
          r = subjects(tree, t, true);
          if (r.size() == 1 && is_relative_pronoun(tree, r[0]) && tree.head(t) >= 0)
            r[0] = static_cast<TokenIdx>(tree.head(t));
          if (r.empty() && tree.rel(t) == Deprel::kAcl && tree.head(t) >= 0)
            r.push_back(static_cast<TokenIdx>(tree.head(t)));
          if (r.empty() && tree.rel(t) == Deprel::kConj && tree.head(t) >= 0)
            r = subjects(tree, static_cast<TokenIdx>(tree.head(t)), true);
        } else {
          return eval_path(tree, p, t);
        }
        if (!s0.lemmas.empty())
          std::erase_if(r, [&](TokenIdx x) { return !tree.word_in(x, s0.lemmas); });
        return r;
      };
      bool ok = true;
      for (const auto& clause : tp.need) {
        bool found = false;
        for (const Path& p : clause) {
          TokVec got = slot(p);
          if (got.empty()) continue;
          found = true;
          const Step& lastep = p.steps.back();
          if (!lastep.lemmas.empty() && !lastep.any_rel && !is_subject_rel(lastep.rel) && !lastep.up &&
              !(tp.flags & kFlagBindNeed))
            for (TokenIdx g : got) m.trigger_tokens.push_back(g);
          break;
        }
        if (!found) { ok = false; break; }
      }
      if (!ok) continue;
      for (const Path& p : tp.forbid)
        if (!slot(p).empty()) { ok = false; break; }
      if (!ok) continue;
      std::vector<std::string_view> extra_modes;  // flag split: every further mode that fires
      for (const auto& mc : tp.modes) {
        bool hit = false;
        for (const Path& p : mc.alts)
          if (!slot(p).empty()) { hit = true; break; }
        if (!hit) continue;
        if (extra_modes.empty()) {
          m.mode = mc.mode;
          extra_modes.push_back(mc.mode);
          if (!(tp.flags & kFlagSplitModes)) break;
        } else if (std::find(extra_modes.begin(), extra_modes.end(), mc.mode) == extra_modes.end()) {
          extra_modes.push_back(mc.mode);
        }
      }
      for (const auto& rb : tp.roles) {
        TokVec* dst = nullptr;
        switch (rb.role) {
          case Role::kActor: dst = &m.actor; break;
          case Role::kRecipient: dst = &m.recipient; break;
          case Role::kAction: dst = &m.action; break;
          case Role::kObject: dst = &m.object; break;
        }
        for (const Path& p : rb.alts) {
          tmp = slot(p);
          // A bound argument is never one of the trigger's own words ("strikes" in "carried out strikes"), nor a
          // day or month after a preposition ("fired on Wednesday": a time, never a participant).
          const bool marked = !p.steps.back().cases.empty();
          std::erase_if(tmp, [&](TokenIdx x) {
            if (marked) {
              const std::string lower = text::lower(tree.doc().form(x));
              if (is_weekday(lower) || is_month(lower)) return true;
            }
            return std::find(m.trigger_tokens.begin(), m.trigger_tokens.end(), x) != m.trigger_tokens.end();
          });
          if (!tmp.empty()) {
            *dst = tmp;
            if (rb.role == Role::kActor) m.actor_inherited = inherited;
            break;
          }
        }
        if (!(tp.flags & kFlagNoCoordination) && (rb.role == Role::kActor || rb.role == Role::kRecipient))
          expand_conj(tree, *dst);
      }
      m.reciprocal = tp.flags & kFlagReciprocal;
      m.speech_act = tp.flags & kFlagSpeechAct;
      m.confidence = rule.confidence;
      std::sort(m.trigger_tokens.begin(), m.trigger_tokens.end());
      m.trigger_tokens.erase(std::unique(m.trigger_tokens.begin(), m.trigger_tokens.end()), m.trigger_tokens.end());

      // Modality and negation: cues on the trigger and on the verbs that govern it through xcomp/ccomp/conj,
      // and on the light verb of a nominal trigger ("will not launch an attack").
      TokenIdx node = t;
      bool via_conj = false;  // above a conjunct: "were not on standby … and had to be called in"
      int64_t denial_denied = -1;  // a negating governor that is itself negated: its "not" is no cue of ours
      for (int hop = 0; hop < 6; ++hop) {
        auto [b, e] = tree.kids(node);
        for (auto q = b; q != e; ++q) {
          Deprel qr = tree.rel(*q);
          if (qr == Deprel::kAux || qr == Deprel::kAdvmod || qr == Deprel::kMark || qr == Deprel::kDet ||
              qr == Deprel::kAuxPass) {
            // A first conjunct's auxiliaries ("will meet and sign") scope over the second; its negation does not.
            if (const ModalityCue* c = im.cues.modality_cue(tree.lemma(*q), "child");
                c && !((via_conj || static_cast<int64_t>(node) == denial_denied) && c->kind == CueKind::kNegation))
              m.cues.push_back({c->kind, *q, c->id});
          }
        }
        int64_t hh = tree.head(node);
        if (hh < 0) break;
        Deprel nr = tree.rel(node);
        auto h = static_cast<TokenIdx>(hh);
        // ("ruled out using", "avoided attacking": a gerund right after its verb, with no marker, is the verb's
        // complement, which the parser often hangs as an adverbial clause.)
        const bool gerund_complement = nr == Deprel::kAdvcl && tree.doc().xpos(node) == "VBG" &&
                                       !tree.has_marker(node) && node > h && node <= h + 2;
        bool governs = nr == Deprel::kXcomp || nr == Deprel::kCcomp ||
                       (nr == Deprel::kObj && tree.upos(node) != UPos::kVerb && node == t) ||
                       (nr == Deprel::kAdvcl && tree.has_case(node, kToCases)) || gerund_complement;
        if (governs) {
          // A phrasal verb's cue comes first ("rule out": "ruled out attacking" did not happen).
          const ModalityCue* c = nullptr;
          auto [hb, he] = tree.kids(h);
          for (auto q = hb; q != he; ++q)
            if (tree.rel(*q) == Deprel::kCompoundPrt)
              c = im.cues.modality_cue(std::string(tree.lemma(h)) + " " + std::string(tree.lemma(*q)), "governor");
          if (!c) c = im.cues.modality_cue(tree.lemma(h), "governor");
          // A negating verb itself negated ("did not deny attacking", "has not ruled out using") does not negate:
          // its `negated_governor` cue says what it leaves ("rule out": the act is possible, hypothetical); with
          // none the act stands (no cue).
          bool negated = false;
          if (c && c->kind == CueKind::kNegation)
            for (auto q = hb; q != he; ++q)
              if (const ModalityCue* n = im.cues.modality_cue(tree.lemma(*q), "child");
                  n && n->kind == CueKind::kNegation && (tree.rel(*q) == Deprel::kAdvmod || tree.rel(*q) == Deprel::kAux))
                negated = true;
          if (negated) {
            denial_denied = h;
            c = im.cues.modality_cue(c->lemma, "negated_governor");
          }
          if (c) m.cues.push_back({c->kind, h, c->id});
        }
        // A reported clause ("said it would not") keeps its own modality: stop at ccomp.
        if (nr == Deprel::kXcomp || (nr == Deprel::kObj && node == t && tree.upos(t) != UPos::kVerb) ||
            (nr == Deprel::kConj && tree.upos(node) == UPos::kVerb)) {
          if (nr == Deprel::kConj) via_conj = true;
          node = h;
          continue;
        }
        break;
      }
      for (const CueHit& c : m.cues) {
        doc::Aux a = c.kind == CueKind::kNegation       ? doc::Aux::kNegation
                     : c.kind == CueKind::kHypothetical ? doc::Aux::kHypothetical
                     : c.kind == CueKind::kFuture       ? doc::Aux::kFuture
                                                        : doc::Aux::kNone;
        auto rank = [](doc::Aux x) {
          return x == doc::Aux::kNegation ? 3 : x == doc::Aux::kHypothetical ? 2 : x == doc::Aux::kFuture ? 1 : 0;
        };
        if (rank(a) > rank(m.aux_hint)) m.aux_hint = a;
      }
      for (size_t k = 1; k < extra_modes.size(); ++k) {
        TriggerMatch copy = m;
        copy.mode = extra_modes[k];
        out.push_back(std::move(copy));
      }
      out.push_back(std::move(m));
    }
  }
  // Subsumption: a match whose trigger words are a strict subset of another match's is dropped, whatever its
  // category ("strikes" inside "carried out strikes"; AGREE "agreed" inside CONCEDE "agreed to withdraw").
  // Equal trigger words, category and mode: keep the rule with more need= clauses, then the earlier rule.
  auto subset = [](const TokVec& a, const TokVec& b) {  // a ⊆ b, both sorted
    return std::includes(b.begin(), b.end(), a.begin(), a.end());
  };
  std::vector<bool> drop(out.size(), false);
  for (size_t i = 0; i < out.size(); ++i) {
    for (size_t j = 0; j < out.size() && !drop[i]; ++j) {
      if (i == j || drop[j]) continue;
      const auto& a = out[i].trigger_tokens;
      const auto& b = out[j].trigger_tokens;
      if (!subset(a, b)) continue;
      if (a.size() < b.size()) { drop[i] = true; break; }
      if (out[i].category != out[j].category || out[i].mode != out[j].mode) continue;
      size_t ni = out[i].rule->tmpl.need.size(), nj = out[j].rule->tmpl.need.size();
      if (nj > ni || (nj == ni && j < i)) drop[i] = true;
    }
  }
  std::vector<TriggerMatch> kept;
  kept.reserve(out.size());
  for (size_t i = 0; i < out.size(); ++i)
    if (!drop[i]) kept.push_back(std::move(out[i]));
  return kept;
}

}  // namespace casus::lexicon
