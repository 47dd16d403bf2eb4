// Argument templates: the small language a lexicon rule uses to say which dependents of its trigger fill which
// role, which dependents must (or must not) be present, and which dependents decide the PLOVER mode.
// The grammar is specified in docs/LEXICON.md; this header is its parsed form.
//
//   template := '-' | clause (';' clause)*
//   clause   := ROLE '=' alts | 'need' '=' alts | 'not' '=' alts | 'mode:' MODE '=' alts | 'flag' '=' names
//             | 'actortype' '=' TYPE ('|' TYPE)*
//   alts     := path ('|' path)*             alternatives, tried in order
//   path     := '@' MACRO | step ('>' step)*
//   step     := ['^'] REL ['[' words ']'] ['{' words '}']     words := word ('|' word)*
//
// A step "obl[on|at]{missile}" walks from the current token to a dependent whose deprel is obl, which has a
// case/mark child with lemma on or at, and whose own lemma is missile. "^obj" walks up to the head, provided the
// current token is attached to it as obj. REL "*" matches any relation.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "casus/doc/enums.h"
#include "casus/util/status.h"

namespace casus::lexicon {

enum class Role : uint8_t { kActor = 0, kRecipient, kAction, kObject };
inline constexpr int kNumRoles = 4;
std::string_view role_name(Role r);
std::optional<Role> role_from_name(std::string_view s);

// Rule flags (bit set).
enum RuleFlag : uint32_t {
  kFlagReciprocal = 1u << 0,   // meetings, clashes, talks: actor and recipient are pooled by the coder
  kFlagSpeechAct = 1u << 1,    // the event is itself a speech act (condemn, accuse): no separate said_by
  kFlagNoInherit = 1u << 2,    // do not inherit a missing subject from a governing verb
  kFlagNoCoordination = 1u << 3,  // do not expand conj of bound arguments
  kFlagSplitModes = 1u << 4,   // one match per mode: clause that fires ("missiles and drones": two modes)
  kFlagBindNeed = 1u << 5,     // words a need= clause reaches stay arguments ("stormed the parliament": the target)
};
std::optional<uint32_t> flag_from_name(std::string_view s);
std::vector<std::string> flag_names(uint32_t flags);

struct Step {
  bool up = false;                 // '^': move to the head; `rel` constrains the current token's own deprel
  bool any_rel = false;            // REL '*'
  doc::Deprel rel = doc::Deprel::kNone;
  std::vector<std::string> cases;  // case/mark child lemmas (empty: no constraint)
  std::vector<std::string> lemmas; // lemma of the token reached (empty: no constraint)
};

struct Path {
  std::vector<Step> steps;
};

struct RoleBinding {
  Role role;
  std::vector<Path> alts;
};

struct ModeChoice {
  std::string mode;
  std::vector<Path> alts;
};

struct Template {
  std::vector<RoleBinding> roles;   // in the order written
  std::vector<std::vector<Path>> need;  // each clause: at least one alternative must reach a token
  std::vector<Path> forbid;          // no alternative may reach a token
  std::vector<ModeChoice> modes;     // first choice whose path reaches a token decides the mode
  uint32_t flags = 0;
  // actortype=MIL|REB|…: the event stands only when an actor has one of these KB actor types (the coder
  // drops the others); empty: any actor.
  std::vector<std::string> actor_types;
};

// Macros: name → the text of an alternatives list (macros may use other macros; cycles are an error).
using MacroTable = std::map<std::string, std::string, std::less<>>;

// Parses a template. Errors (kKbSchema) say which clause and what was expected.
Result<Template> parse_template(std::string_view text, const MacroTable& macros = {});
// Parses one alternatives list ("nsubj|obl:agent").
Result<std::vector<Path>> parse_alternatives(std::string_view text, const MacroTable& macros = {});
// The canonical text of a path (for `lexicon show` and tests).
std::string path_to_string(const Path& path);
std::string template_to_string(const Template& t);

}  // namespace casus::lexicon
