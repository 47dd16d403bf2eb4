// The PLOVER event lexicon: category metadata and scores from the codebook, trigger rules with argument
// templates, and the cue lists the coder needs for attribution, modality and negation.
//
// Loaded once from the human-edited TSV files in lexicon/ (docs/LEXICON.md), compiled into a lemma index, and
// then immutable: one Lexicon is shared read-only by every thread. match() allocates only its result.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "casus/doc/document.h"
#include "casus/doc/enums.h"
#include "casus/lexicon/template.h"
#include "casus/util/status.h"

namespace casus::lexicon {

inline constexpr int kSchemaVersion = 1;

// One PLOVER mode of a category, with its conflict/cooperation score.
struct ModeInfo {
  std::string name;   // lower case, as in the codebook ("heavy-weapons")
  double score = 0;   // -10 .. +10
  std::string source; // "codebook" or "casus" (defined by us where the codebook gives no number)
  std::string description;
};

struct CategoryInfo {
  doc::Plover category = doc::Plover::kNone;
  double score = 0;                 // base score (mode unknown or null)
  std::string score_source;
  std::string quad;                 // "verbal cooperation", "material conflict", ...
  bool requires_recipient = false;
  // Category an event of this category becomes when reported in the future tense (codebook: future CONSULT,
  // SUPPORT, COOPERATE, AID → AGREE; future RETREAT → CONCEDE). kNone: keep the category with aux future.
  doc::Plover future_category = doc::Plover::kNone;
  std::string description;
  std::vector<ModeInfo> modes;
  const ModeInfo* find_mode(std::string_view name) const;
};

struct ContextInfo {
  std::string name;  // "military", "human_rights"
  std::string description;
};

// Which part of speech a trigger lemma must have.
enum class TriggerPos : uint8_t { kAny = 0, kVerb, kNoun, kAdj, kPropn };

struct Rule {
  std::string id;                 // stable, e.g. "ASSAULT.launch.missile"; appears in event output
  doc::Plover category = doc::Plover::kNone;
  std::string mode;               // default mode ("" = null); a template mode: clause may override it
  std::vector<std::string> lemmas;  // trigger lemmas (alternatives)
  TriggerPos pos = TriggerPos::kAny;
  Template tmpl;
  std::string template_text;      // as written (for show/diagnostics)
  std::vector<std::string> context;
  double confidence = 0.5;        // prior, 0..1
  std::string reviewed;           // "yes", "wordnet" (proposal reviewed and accepted), "no"
  std::string notes;
  std::string file;               // provenance: file and line
  int line = 0;
};

// Where a modality/negation cue was found relative to the trigger.
enum class CueKind : uint8_t {
  kNegation = 0,   // not, never, no; refuse to, fail to, deny
  kFuture,         // will, plan to, intend to, set to
  kHypothetical,   // if ... were to, would, could, may
  kIrrealis,       // threaten to, call for, demand that: the embedded action did not (yet) happen
};
std::string_view cue_kind_name(CueKind k);

struct CueHit {
  CueKind kind;
  doc::TokenIdx token;  // the cue word
  std::string_view id;  // cue id in lexicon/cues/modality.tsv
};

struct TriggerMatch {
  const Rule* rule = nullptr;          // points into the Lexicon (valid while it lives)
  doc::Plover category = doc::Plover::kNone;
  std::string_view mode;               // decided mode ("" = null)
  doc::TokenIdx trigger = 0;           // head token of the trigger
  std::vector<doc::TokenIdx> trigger_tokens;  // head plus the words a need= clause consumed ("carried out strikes")
  std::vector<doc::TokenIdx> actor, recipient, action, object;  // head tokens of the arguments
  bool passive = false;
  bool actor_inherited = false;        // actor came from a governing verb (xcomp/conj/relative clause)
  bool reciprocal = false;
  bool speech_act = false;
  doc::Aux aux_hint = doc::Aux::kNone; // strongest token-level modality found: negation > hypothetical > future
  std::vector<CueHit> cues;            // all modality/negation cues scoping over the trigger
  double confidence = 0;
  const std::vector<doc::TokenIdx>& role(Role r) const;
};

// A multiword cue phrase ("according to", "on condition of anonymity") found in a sentence.
struct PhraseHit {
  std::string_view kind;  // "source", "relay", "anonymity", "statement", ...
  std::string_view id;
  doc::TokenIdx first = 0, last = 0;  // token range, end-exclusive
};

struct Phrase {
  std::string id;
  std::string kind;
  std::vector<std::string> words;  // lower-case lemmas or forms; "*" matches any one token
  std::string notes;
};

struct ModalityCue {
  std::string id;
  CueKind kind;
  std::string lemma;   // governing verb or adverb/aux lemma
  std::string scope;   // "child" (aux/advmod of the trigger chain), "governor" (verb taking the trigger as
                       // xcomp/ccomp), or "negated_governor" (what a negating governor leaves when itself negated)
};

// Curated lists for attribution and modality (lexicon/cues/).
class CueLists {
 public:
  bool is_reporting_verb(std::string_view lemma) const;
  bool is_anonymity_word(std::string_view lemma) const;   // "unnamed", "anonymous", "senior" ... (kind anon_word)
  // Words of condemnation in reported speech ("a war of aggression", "reckless", "trumped up"; kind condemn_word):
  // a report that applies one to another party is an accusation.
  bool is_condemnation_word(std::string_view lemma) const;
  const std::vector<Phrase>& phrases() const { return phrases_; }
  const std::vector<ModalityCue>& modality() const { return modality_; }
  // Looks up a modality cue by lemma and scope; nullptr when none.
  const ModalityCue* modality_cue(std::string_view lemma, std::string_view scope) const;
  // Every cue phrase in a sentence (lemma or lower-cased form must equal each phrase word).
  std::vector<PhraseHit> find_phrases(const doc::Document& doc, size_t sentence) const;
  size_t reporting_verb_count() const { return reporting_verbs_.size(); }

 private:
  friend class LexiconBuilder;
  std::unordered_map<std::string, std::string> reporting_verbs_;  // lemma → id
  std::unordered_map<std::string, std::string> anon_words_;
  std::unordered_map<std::string, std::string> condemn_words_;
  std::vector<Phrase> phrases_;
  // Phrases by their first word (a phrase opened by "*" is in wildcard_first_): find_phrases only tries the
  // phrases a token can open. Built once by index_phrases() after loading.
  std::unordered_map<std::string, std::vector<uint32_t>> by_first_word_;
  std::vector<uint32_t> wildcard_first_;
  std::vector<ModalityCue> modality_;

  void index_phrases();
};

// A problem found while reading the lexicon; `casus lexicon check` prints all of them.
struct Diagnostic {
  bool error = true;  // false: warning
  std::string file;
  int line = 0;
  std::string message;
  std::string to_string() const;
};

// What a common noun can be in an argument slot (lexicon/nouns.tsv).
enum class NounClass : uint8_t {
  kUnknown = 0,   // not listed: abstract, artifact, event, place … (not an actor)
  kAgent,         // a person or group noun: can head an actor phrase ("the protesters", "a mob")
  kInstrument,    // weapons and vehicles: the instrument of an event, never its actor ("missiles")
  kNonAgent,      // curated override of a WordNet agent row
};

struct LoadStats {
  double load_ms = 0;
  size_t files = 0;
  size_t rules = 0;
  size_t trigger_lemmas = 0;
};

class Lexicon {
 public:
  // Loads and compiles every file under `dir` (categories.tsv, contexts.tsv, macros.tsv, rules/*.tsv,
  // cues/*.tsv). The first error found fails the load (kKbSchema, kKbDuplicate, kKbReference) naming file:line.
  static Result<Lexicon> load(const std::string& dir);
  // Reads everything and reports all errors and warnings (never stops at the first one).
  static std::vector<Diagnostic> check(const std::string& dir);

  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;
  ~Lexicon();

  // Category metadata, indexed by the Plover enum value (kNone gives an empty entry).
  const CategoryInfo& category(doc::Plover p) const;
  const std::vector<ContextInfo>& contexts() const;
  // PLOVER score of a category and mode; the category's base score when the mode is "" or unknown.
  double score(doc::Plover category, std::string_view mode) const;
  bool is_mode(doc::Plover category, std::string_view mode) const;

  const std::vector<Rule>& rules() const;
  const Rule* find_rule(std::string_view id) const;
  const CueLists& cues() const;
  const LoadStats& stats() const;
  // Class of a common-noun lemma (lower case); kUnknown when the lemma is not listed.
  NounClass noun_class(std::string_view lemma) const;
  // Category of a noun that names an event ("attack", "airstrike", "detention"): the category of the first
  // nominal rule with that trigger lemma, preferring rules without a need= clause; kNone when no rule has it.
  doc::Plover event_noun_category(std::string_view lemma) const;

  // Every rule that fires in sentence `sentence` of a parsed document (needs lemmas, tags and the parse),
  // after subsumption: a match whose trigger tokens are a strict subset of another match's of the same
  // category is dropped ("strikes" inside "carried out strikes"). Sorted by trigger token, then rule order.
  std::vector<TriggerMatch> match(const doc::Document& doc, size_t sentence) const;

 private:
  friend class LexiconBuilder;
  struct Impl;
  explicit Lexicon(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace casus::lexicon
