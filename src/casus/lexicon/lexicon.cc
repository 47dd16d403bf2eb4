#include "casus/lexicon/lexicon.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>

#include "casus/lexicon/lexicon_impl.h"
#include "casus/lexicon/tsv.h"
#include "casus/util/file.h"

namespace casus::lexicon {

namespace fs = std::filesystem;

std::string_view ascii_lower(std::string_view s, std::string& buf) {
  bool has_upper = false;
  for (char c : s)
    if (c >= 'A' && c <= 'Z') has_upper = true;
  if (!has_upper) return s;
  buf.assign(s);
  for (char& c : buf)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return buf;
}

std::string_view cue_kind_name(CueKind k) {
  switch (k) {
    case CueKind::kNegation: return "negation";
    case CueKind::kFuture: return "future";
    case CueKind::kHypothetical: return "hypothetical";
    case CueKind::kIrrealis: return "irrealis";
  }
  return "";
}

static std::optional<CueKind> cue_kind_from_name(std::string_view s) {
  for (CueKind k : {CueKind::kNegation, CueKind::kFuture, CueKind::kHypothetical, CueKind::kIrrealis})
    if (cue_kind_name(k) == s) return k;
  return std::nullopt;
}

std::string Diagnostic::to_string() const {
  std::string out = error ? "error: " : "warning: ";
  if (!file.empty()) out += file + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": ";
  return out + message;
}

const ModeInfo* CategoryInfo::find_mode(std::string_view name) const {
  for (const auto& m : modes)
    if (m.name == name) return &m;
  return nullptr;
}

const std::vector<doc::TokenIdx>& TriggerMatch::role(Role r) const {
  switch (r) {
    case Role::kActor: return actor;
    case Role::kRecipient: return recipient;
    case Role::kAction: return action;
    case Role::kObject: return object;
  }
  return actor;
}

// ---------------------------------------------------------------------------------------------------------------
// CueLists

bool CueLists::is_reporting_verb(std::string_view lemma) const {
  std::string buf;
  return reporting_verbs_.count(std::string(ascii_lower(lemma, buf))) > 0;
}

bool CueLists::is_condemnation_word(std::string_view lemma) const {
  std::string buf;
  return condemn_words_.count(std::string(ascii_lower(lemma, buf))) > 0;
}

bool CueLists::is_anonymity_word(std::string_view lemma) const {
  std::string buf;
  return anon_words_.count(std::string(ascii_lower(lemma, buf))) > 0;
}

const ModalityCue* CueLists::modality_cue(std::string_view lemma, std::string_view scope) const {
  std::string buf;
  std::string_view low = ascii_lower(lemma, buf);
  for (const auto& c : modality_)
    if (c.lemma == low && c.scope == scope) return &c;
  return nullptr;
}

void CueLists::index_phrases() {
  by_first_word_.clear();
  wildcard_first_.clear();
  for (uint32_t i = 0; i < phrases_.size(); ++i) {
    if (phrases_[i].words.empty()) continue;
    const std::string& w = phrases_[i].words[0];
    if (w == "*") wildcard_first_.push_back(i);
    else by_first_word_[w].push_back(i);
  }
}

std::vector<PhraseHit> CueLists::find_phrases(const doc::Document& doc, size_t sentence) const {
  std::vector<PhraseHit> out;
  if (sentence >= doc.sentences.size()) return out;
  doc::TokenIdx first = doc.sentences.first[sentence], last = doc.sentences.last[sentence];
  std::string b1, b2;
  std::vector<uint32_t> candidates;
  for (doc::TokenIdx t = first; t < last; ++t) {
    // The phrases this token can open (by lemma or by form), in lexicon order as before.
    candidates.assign(wildcard_first_.begin(), wildcard_first_.end());
    for (std::string_view key : {ascii_lower(doc.lemma(t), b1), ascii_lower(doc.form(t), b2)})
      if (auto it = by_first_word_.find(std::string(key)); it != by_first_word_.end())
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    if (candidates.empty()) continue;
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (uint32_t pi : candidates) {
      const Phrase& p = phrases_[pi];
      if (t + p.words.size() > last) continue;
      bool ok = true;
      for (size_t i = 0; i < p.words.size() && ok; ++i) {
        const std::string& w = p.words[i];
        if (w == "*") continue;
        auto tok = static_cast<doc::TokenIdx>(t + i);
        ok = ascii_lower(doc.lemma(tok), b1) == w || ascii_lower(doc.form(tok), b2) == w;
      }
      if (!ok) continue;
      auto end = static_cast<doc::TokenIdx>(t + p.words.size());
      // Lemma and form variants of one phrase ("in a/an interview with") may both hit the same span.
      bool dup = false;
      for (const auto& h : out) dup |= h.first == t && h.last == end && h.kind == p.kind;
      if (!dup) out.push_back({p.kind, p.id, t, end});
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Loading

class LexiconBuilder {
 public:
  explicit LexiconBuilder(std::string dir) : dir_(std::move(dir)), impl_(std::make_unique<Lexicon::Impl>()) {}

  void run() {
    load_categories();
    load_contexts();
    load_macros();
    load_rules();
    load_cues();
    impl_->cues.index_phrases();
    load_nouns();
    check_conflicts();
  }

  std::vector<Diagnostic> diags;
  std::unique_ptr<Lexicon::Impl> take() { return std::move(impl_); }

 private:
  void error(const std::string& file, int line, std::string msg) { diags.push_back({true, file, line, std::move(msg)}); }
  void warn(const std::string& file, int line, std::string msg) { diags.push_back({false, file, line, std::move(msg)}); }

  std::optional<TsvTable> read_table(const std::string& rel, const std::vector<std::string_view>& cols) {
    std::string path = (fs::path(dir_) / rel).string();
    auto bytes = read_file(path, size_t(16) << 20);
    if (!bytes) {
      error(rel, 0, bytes.status().message());
      return std::nullopt;
    }
    auto t = parse_tsv(rel, std::move(*bytes), cols, kSchemaVersion, kSchemaVersion);
    if (!t) {
      error("", 0, t.status().message());
      return std::nullopt;
    }
    ++impl_->stats.files;
    return std::move(*t);
  }

  std::vector<std::string> list_dir(const std::string& rel) {
    std::vector<std::string> out;
    std::error_code ec;
    fs::path p = fs::path(dir_) / rel;
    for (auto it = fs::directory_iterator(p, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
      if (it->is_regular_file() && it->path().extension() == ".tsv") out.push_back(rel + "/" + it->path().filename().string());
    if (ec) error(rel, 0, "cannot list directory: " + ec.message());
    std::sort(out.begin(), out.end());  // deterministic rule order
    return out;
  }

  static std::optional<double> parse_number(const std::string& s) {
    if (s.empty()) return std::nullopt;
    try {
      size_t used = 0;
      double v = std::stod(s, &used);
      if (used != s.size()) return std::nullopt;
      return v;
    } catch (...) {
      return std::nullopt;
    }
  }

  void load_categories() {
    auto t = read_table("categories.tsv", {"category", "mode", "score", "source", "quad", "requires_recipient",
                                           "future_category", "description"});
    if (!t) return;
    std::set<std::string> seen;
    std::array<bool, doc::kNumPlover> have_base{};
    for (const auto& r : t->rows) {
      auto cat = doc::plover_from_name(r.cells[0]);
      if (!cat || r.cells[0] != doc::plover_name(*cat)) {
        error(t->path, r.line, "unknown category \"" + r.cells[0] + "\" (expected one of the 16 PLOVER categories, upper case)");
        continue;
      }
      if (!seen.insert(r.cells[0] + "/" + r.cells[1]).second) {
        error(t->path, r.line, "duplicate category/mode " + r.cells[0] + "/" + r.cells[1]);
        continue;
      }
      auto score = parse_number(r.cells[2]);
      if (!score || *score < -10 || *score > 10) {
        error(t->path, r.line, "score \"" + r.cells[2] + "\" is not a number in -10..+10");
        continue;
      }
      if (r.cells[3] != "codebook" && r.cells[3] != "casus")
        error(t->path, r.line, "source \"" + r.cells[3] + "\" must be codebook or casus");
      CategoryInfo& ci = impl_->categories[static_cast<size_t>(*cat)];
      ci.category = *cat;
      if (r.cells[1].empty()) {
        have_base[static_cast<size_t>(*cat)] = true;
        ci.score = *score;
        ci.score_source = r.cells[3];
        ci.quad = r.cells[4];
        if (r.cells[5] != "yes" && r.cells[5] != "no")
          error(t->path, r.line, "requires_recipient must be yes or no");
        ci.requires_recipient = r.cells[5] == "yes";
        if (!r.cells[6].empty()) {
          auto fc = doc::plover_from_name(r.cells[6]);
          if (!fc) error(t->path, r.line, "unknown future_category \"" + r.cells[6] + "\"");
          else ci.future_category = *fc;
        }
        ci.description = r.cells[7];
      } else {
        for (char c : r.cells[1])
          if (!((c >= 'a' && c <= 'z') || c == '-')) {
            error(t->path, r.line, "mode \"" + r.cells[1] + "\" must be lower case letters and '-'");
            break;
          }
        ci.modes.push_back({r.cells[1], *score, r.cells[3], r.cells[7]});
      }
    }
    for (int c = 1; c < doc::kNumPlover; ++c)
      if (!have_base[c])
        error(t->path, 0, "category " + std::string(doc::plover_name(static_cast<doc::Plover>(c))) + " has no base row (mode '-')");
  }

  void load_contexts() {
    auto t = read_table("contexts.tsv", {"context", "description"});
    if (!t) return;
    for (const auto& r : t->rows) {
      if (!context_names_.insert(r.cells[0]).second) error(t->path, r.line, "duplicate context " + r.cells[0]);
      impl_->contexts.push_back({r.cells[0], r.cells[1]});
    }
  }

  void load_macros() {
    auto t = read_table("macros.tsv", {"name", "expansion", "notes"});
    if (!t) return;
    for (const auto& r : t->rows) {
      if (macros_.count(r.cells[0])) error(t->path, r.line, "duplicate macro " + r.cells[0]);
      macros_[r.cells[0]] = r.cells[1];
      macro_lines_[r.cells[0]] = r.line;
    }
    for (const auto& [name, text] : macros_) {
      auto alts = parse_alternatives(text, macros_);
      if (!alts) error(t->path, macro_lines_[name], "macro " + name + ": " + alts.status().message());
    }
  }

  bool valid_mode(doc::Plover cat, const std::string& mode) const {
    return impl_->categories[static_cast<size_t>(cat)].find_mode(mode) != nullptr;
  }

  void load_rules() {
    for (const std::string& rel : list_dir("rules")) {
      auto t = read_table(rel, {"id", "category", "mode", "trigger", "template", "context", "confidence", "reviewed", "notes"});
      if (!t) continue;
      for (const auto& r : t->rows) load_rule(*t, r);
    }
    if (impl_->rules.empty()) error("rules", 0, "no rules found");
  }

  void load_rule(const TsvTable& t, const TsvRow& r) {
    Rule rule;
    rule.id = r.cells[0];
    rule.file = t.path;
    rule.line = r.line;
    auto cat = doc::plover_from_name(r.cells[1]);
    if (!cat || r.cells[1] != doc::plover_name(*cat)) {
      error(t.path, r.line, rule.id + ": unknown category \"" + r.cells[1] + "\"");
      return;
    }
    rule.category = *cat;
    // Ids are CATEGORY.word[.word...]: stable, readable in event output, and grep-able.
    std::string prefix = r.cells[1] + ".";
    bool id_ok = rule.id.size() > prefix.size() && rule.id.compare(0, prefix.size(), prefix) == 0;
    for (size_t i = prefix.size(); id_ok && i < rule.id.size(); ++i) {
      char c = rule.id[i];
      id_ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    }
    if (!id_ok) error(t.path, r.line, "id \"" + rule.id + "\" must be " + prefix + "<lower-case words joined by . _ ->");
    if (impl_->rule_by_id.count(rule.id)) {
      const Rule& other = impl_->rules[impl_->rule_by_id[rule.id]];
      diags.push_back({true, t.path, r.line, "duplicate id " + rule.id + " (first at " + other.file + ":" + std::to_string(other.line) + ")"});
      return;
    }
    rule.mode = r.cells[2];
    if (!rule.mode.empty() && !valid_mode(rule.category, rule.mode))
      error(t.path, r.line, rule.id + ": \"" + rule.mode + "\" is not a mode of " + r.cells[1]);
    // Trigger: lemma(|lemma)*/POS
    const std::string& trig = r.cells[3];
    size_t slash = trig.rfind('/');
    if (trig.empty() || slash == std::string::npos) {
      error(t.path, r.line, rule.id + ": trigger \"" + trig + "\" must be LEMMA(|LEMMA)*/POS");
      return;
    }
    std::string pos = trig.substr(slash + 1);
    if (pos == "VERB") rule.pos = TriggerPos::kVerb;
    else if (pos == "NOUN") rule.pos = TriggerPos::kNoun;
    else if (pos == "ADJ") rule.pos = TriggerPos::kAdj;
    else if (pos == "PROPN") rule.pos = TriggerPos::kPropn;
    else if (pos == "*") rule.pos = TriggerPos::kAny;
    else {
      error(t.path, r.line, rule.id + ": trigger POS \"" + pos + "\" must be VERB, NOUN, ADJ, PROPN or *");
      return;
    }
    std::string lemmas = trig.substr(0, slash);
    size_t start = 0;
    for (size_t i = 0; i <= lemmas.size(); ++i) {
      if (i == lemmas.size() || lemmas[i] == '|') {
        std::string l = lemmas.substr(start, i - start);
        bool ok = !l.empty();
        for (char c : l)
          if (c == ' ' || c == '\t' || (c >= 'A' && c <= 'Z')) ok = false;
        if (!ok) error(t.path, r.line, rule.id + ": trigger lemma \"" + l + "\" must be one lower-case word");
        else if (std::find(rule.lemmas.begin(), rule.lemmas.end(), l) != rule.lemmas.end())
          warn(t.path, r.line, rule.id + ": trigger lemma \"" + l + "\" listed twice");
        else rule.lemmas.push_back(l);
        start = i + 1;
      }
    }
    rule.template_text = r.cells[4];
    auto tmpl = parse_template(r.cells[4], macros_);
    if (!tmpl) {
      error(t.path, r.line, rule.id + ": template: " + tmpl.status().message());
      return;
    }
    rule.tmpl = std::move(*tmpl);
    for (const auto& m : rule.tmpl.modes)
      if (!valid_mode(rule.category, m.mode))
        error(t.path, r.line, rule.id + ": template mode \"" + m.mode + "\" is not a mode of " + r.cells[1]);
    if (!r.cells[5].empty()) {
      size_t s = 0;
      const std::string& ctx = r.cells[5];
      for (size_t i = 0; i <= ctx.size(); ++i) {
        if (i == ctx.size() || ctx[i] == ',') {
          std::string c = ctx.substr(s, i - s);
          if (!context_names_.count(c)) error(t.path, r.line, rule.id + ": unknown context \"" + c + "\"");
          rule.context.push_back(c);
          s = i + 1;
        }
      }
    }
    auto conf = parse_number(r.cells[6]);
    if (!conf || *conf < 0 || *conf > 1) error(t.path, r.line, rule.id + ": confidence \"" + r.cells[6] + "\" must be in 0..1");
    else rule.confidence = *conf;
    rule.reviewed = r.cells[7];
    if (rule.reviewed != "yes" && rule.reviewed != "no" && rule.reviewed != "wordnet")
      error(t.path, r.line, rule.id + ": reviewed must be yes, no or wordnet");
    rule.notes = r.cells[8];
    auto idx = static_cast<uint32_t>(impl_->rules.size());
    impl_->rule_by_id[rule.id] = idx;
    for (const auto& l : rule.lemmas) impl_->by_lemma[l].push_back(idx);
    impl_->rules.push_back(std::move(rule));
  }

  void load_cues() {
    auto a = read_table("cues/attribution.tsv", {"id", "kind", "phrase", "notes"});
    std::set<std::string> ids;
    if (a) {
      for (const auto& r : a->rows) {
        if (!ids.insert(r.cells[0]).second) error(a->path, r.line, "duplicate id " + r.cells[0]);
        const std::string& kind = r.cells[1];
        const std::string& phrase = r.cells[2];
        if (phrase.empty()) {
          error(a->path, r.line, r.cells[0] + ": empty phrase");
          continue;
        }
        if (kind == "reporting_verb" || kind == "anon_word" || kind == "condemn_word") {
          if (phrase.find(' ') != std::string::npos) {
            error(a->path, r.line, r.cells[0] + ": a " + kind + " must be one lemma");
            continue;
          }
          auto& map = kind == "reporting_verb" ? impl_->cues.reporting_verbs_
                      : kind == "anon_word"    ? impl_->cues.anon_words_
                                               : impl_->cues.condemn_words_;
          if (!map.emplace(phrase, r.cells[0]).second) warn(a->path, r.line, kind + " \"" + phrase + "\" listed twice");
          continue;
        }
        static const std::set<std::string> kPhraseKinds = {"source", "relay", "anonymity", "statement", "hearsay", "claim"};
        if (!kPhraseKinds.count(kind)) {
          error(a->path, r.line, r.cells[0] + ": unknown kind \"" + kind +
                                     "\" (expected reporting_verb, anon_word, condemn_word, source, relay, anonymity, statement, hearsay, claim)");
          continue;
        }
        Phrase p{r.cells[0], kind, {}, r.cells[3]};
        size_t s = 0;
        for (size_t i = 0; i <= phrase.size(); ++i)
          if (i == phrase.size() || phrase[i] == ' ') {
            if (i > s) p.words.push_back(phrase.substr(s, i - s));
            s = i + 1;
          }
        impl_->cues.phrases_.push_back(std::move(p));
      }
    }
    auto m = read_table("cues/modality.tsv", {"id", "kind", "lemma", "scope", "notes"});
    if (m) {
      for (const auto& r : m->rows) {
        if (!ids.insert(r.cells[0]).second) error(m->path, r.line, "duplicate id " + r.cells[0]);
        auto kind = cue_kind_from_name(r.cells[1]);
        if (!kind) {
          error(m->path, r.line, r.cells[0] + ": unknown kind \"" + r.cells[1] + "\" (expected negation, future, hypothetical, irrealis)");
          continue;
        }
        if (r.cells[3] != "child" && r.cells[3] != "governor" && r.cells[3] != "negated_governor") {
          error(m->path, r.line, r.cells[0] + ": scope must be child, governor or negated_governor");
          continue;
        }
        impl_->cues.modality_.push_back({r.cells[0], *kind, r.cells[2], r.cells[3]});
      }
    }
  }

  void load_nouns() {
    auto t = read_table("nouns.tsv", {"lemma", "class", "source", "notes"});
    if (!t) return;
    for (const auto& r : t->rows) {
      const std::string& cls = r.cells[1];
      NounClass c = cls == "agent" ? NounClass::kAgent : cls == "instrument" ? NounClass::kInstrument
                  : cls == "nonagent" ? NounClass::kNonAgent : NounClass::kUnknown;
      if (c == NounClass::kUnknown) {
        error(t->path, r.line, r.cells[0] + ": unknown class \"" + cls + "\" (expected agent, instrument, nonagent)");
        continue;
      }
      if (r.cells[2] != "wordnet" && r.cells[2] != "casus") error(t->path, r.line, r.cells[0] + ": source must be wordnet or casus");
      if (!impl_->noun_classes.emplace(r.cells[0], c).second) error(t->path, r.line, "duplicate lemma " + r.cells[0]);
    }
  }

  // Two unconditional rules (no need=/not= clause) on the same lemma and POS with different categories can
  // never be told apart by the matcher: the curator should add a constraint to one of them.
  void check_conflicts() {
    std::map<std::pair<std::string, int>, const Rule*> seen;
    for (const Rule& r : impl_->rules) {
      if (!r.tmpl.need.empty() || !r.tmpl.forbid.empty()) continue;
      for (const auto& l : r.lemmas) {
        auto key = std::make_pair(l, static_cast<int>(r.pos));
        auto [it, inserted] = seen.emplace(key, &r);
        if (!inserted && it->second->category != r.category)
          warn(r.file, r.line, r.id + ": trigger \"" + l + "\" is also an unconditional trigger of " + it->second->id +
                                   " (" + std::string(doc::plover_name(it->second->category)) + ")");
      }
    }
  }

  std::string dir_;
  std::unique_ptr<Lexicon::Impl> impl_;
  std::set<std::string> context_names_;
  MacroTable macros_;
  std::map<std::string, int> macro_lines_;
};

Lexicon::Lexicon(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;
Lexicon::~Lexicon() = default;

Result<Lexicon> Lexicon::load(const std::string& dir) {
  auto t0 = std::chrono::steady_clock::now();
  LexiconBuilder b(dir);
  b.run();
  for (const auto& d : b.diags) {
    if (!d.error) continue;
    Code code = Code::kKbSchema;
    if (d.message.rfind("duplicate", 0) == 0) code = Code::kKbDuplicate;
    else if (d.message.find("unknown") != std::string::npos) code = Code::kKbReference;
    else if (d.message.find("cannot open") != std::string::npos) code = Code::kIo;
    return Status(code, dir + "/" + d.to_string().substr(7));
  }
  auto impl = b.take();
  impl->stats.rules = impl->rules.size();
  impl->stats.trigger_lemmas = impl->by_lemma.size();
  impl->stats.load_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return Lexicon(std::move(impl));
}

std::vector<Diagnostic> Lexicon::check(const std::string& dir) {
  LexiconBuilder b(dir);
  b.run();
  return std::move(b.diags);
}

NounClass Lexicon::noun_class(std::string_view lemma) const {
  auto it = impl_->noun_classes.find(lemma);
  return it == impl_->noun_classes.end() ? NounClass::kUnknown : it->second;
}

doc::Plover Lexicon::event_noun_category(std::string_view lemma) const {
  auto it = impl_->by_lemma.find(lemma);
  if (it == impl_->by_lemma.end()) return doc::Plover::kNone;
  doc::Plover conditional = doc::Plover::kNone;
  for (uint32_t r : it->second) {
    const Rule& rule = impl_->rules[r];
    if (rule.pos != TriggerPos::kNoun) continue;
    if (rule.tmpl.need.empty()) return rule.category;
    if (conditional == doc::Plover::kNone) conditional = rule.category;
  }
  return conditional;
}

const CategoryInfo& Lexicon::category(doc::Plover p) const { return impl_->categories[static_cast<size_t>(p)]; }
const std::vector<ContextInfo>& Lexicon::contexts() const { return impl_->contexts; }

double Lexicon::score(doc::Plover category, std::string_view mode) const {
  const CategoryInfo& ci = impl_->categories[static_cast<size_t>(category)];
  if (!mode.empty())
    if (const ModeInfo* m = ci.find_mode(mode)) return m->score;
  return ci.score;
}

bool Lexicon::is_mode(doc::Plover category, std::string_view mode) const {
  return impl_->categories[static_cast<size_t>(category)].find_mode(mode) != nullptr;
}

const std::vector<Rule>& Lexicon::rules() const { return impl_->rules; }

const Rule* Lexicon::find_rule(std::string_view id) const {
  auto it = impl_->rule_by_id.find(id);
  return it == impl_->rule_by_id.end() ? nullptr : &impl_->rules[it->second];
}

const CueLists& Lexicon::cues() const { return impl_->cues; }
const LoadStats& Lexicon::stats() const { return impl_->stats; }

}  // namespace casus::lexicon
