#include "casus/lexicon/template.h"

#include <algorithm>

#include <array>
#include <set>

namespace casus::lexicon {

namespace {

constexpr std::array<std::string_view, kNumRoles> kRoleNames = {"actor", "recipient", "action", "object"};

struct FlagName {
  std::string_view name;
  uint32_t bit;
};
constexpr std::array<FlagName, 6> kFlagNames = {{{"reciprocal", kFlagReciprocal},
                                                 {"speech", kFlagSpeechAct},
                                                 {"noinherit", kFlagNoInherit},
                                                 {"nocoord", kFlagNoCoordination},
                                                 {"split", kFlagSplitModes},
                                                 {"bindneed", kFlagBindNeed}}};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Splits on `sep` at bracket depth 0 ([] and {}).
Result<std::vector<std::string_view>> split_top(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '[' || c == '{') ++depth;
    if (c == ']' || c == '}') {
      if (--depth < 0) return Status(Code::kKbSchema, "unbalanced '" + std::string(1, c) + "' in \"" + std::string(s) + "\"");
    }
    if (c == sep && depth == 0) {
      out.push_back(trim(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  if (depth != 0) return Status(Code::kKbSchema, "unclosed bracket in \"" + std::string(s) + "\"");
  out.push_back(trim(s.substr(start)));
  return out;
}

bool valid_word(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w)
    if (c == ' ' || c == '\t' || c == '[' || c == ']' || c == '{' || c == '}' || c == ';' || c == '=' || c == '>' ||
        c == '^' || c == '@')
      return false;
  return true;
}

Result<std::vector<std::string>> parse_words(std::string_view s, std::string_view what) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '|') {
      std::string_view w = trim(s.substr(start, i - start));
      if (!valid_word(w))
        return Status(Code::kKbSchema, "bad word \"" + std::string(w) + "\" in " + std::string(what) + " list");
      out.emplace_back(w);
      start = i + 1;
    }
  }
  return out;
}

Result<Step> parse_step(std::string_view s) {
  Step step;
  std::string_view orig = s;
  if (!s.empty() && s.front() == '^') {
    step.up = true;
    s.remove_prefix(1);
  }
  size_t rel_end = s.find_first_of("[{");
  std::string_view rel = s.substr(0, rel_end);
  if (rel == "*") {
    step.any_rel = true;
  } else {
    auto d = doc::deprel_from_name(rel);
    if (!d) return Status(Code::kKbSchema, "unknown dependency relation \"" + std::string(rel) + "\" in step \"" + std::string(orig) + "\"");
    step.rel = *d;
  }
  s = rel_end == std::string_view::npos ? std::string_view() : s.substr(rel_end);
  if (!s.empty() && s.front() == '[') {
    size_t close = s.find(']');
    if (close == std::string_view::npos) return Status(Code::kKbSchema, "missing ']' in step \"" + std::string(orig) + "\"");
    auto words = parse_words(s.substr(1, close - 1), "case");
    if (!words) return words.status();
    step.cases = std::move(*words);
    s.remove_prefix(close + 1);
  }
  if (!s.empty() && s.front() == '{') {
    size_t close = s.find('}');
    if (close == std::string_view::npos) return Status(Code::kKbSchema, "missing '}' in step \"" + std::string(orig) + "\"");
    auto words = parse_words(s.substr(1, close - 1), "lemma");
    if (!words) return words.status();
    step.lemmas = std::move(*words);
    s.remove_prefix(close + 1);
  }
  if (!s.empty())
    return Status(Code::kKbSchema, "unexpected \"" + std::string(s) + "\" after step \"" + std::string(orig) +
                                       "\" (expected REL[cases]{lemmas})");
  return step;
}

Result<Path> parse_path(std::string_view s) {
  Path path;
  size_t start = 0;
  int depth = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    char c = i < s.size() ? s[i] : '\0';
    if (c == '[' || c == '{') ++depth;
    if (c == ']' || c == '}') --depth;
    if (i == s.size() || (c == '>' && depth == 0)) {
      auto step = parse_step(trim(s.substr(start, i - start)));
      if (!step) return step.status();
      path.steps.push_back(std::move(*step));
      start = i + 1;
    }
  }
  return path;
}

Status expand_alternatives(std::string_view text, const MacroTable& macros, std::vector<Path>& out,
                           std::set<std::string, std::less<>>& active) {
  auto parts = split_top(text, '|');
  if (!parts) return parts.status();
  for (std::string_view part : *parts) {
    if (part.empty()) return Status(Code::kKbSchema, "empty alternative in \"" + std::string(text) + "\"");
    if (part.front() == '@') {
      std::string_view name = part.substr(1);
      auto it = macros.find(name);
      if (it == macros.end()) return Status(Code::kKbReference, "unknown macro @" + std::string(name));
      if (active.count(name)) return Status(Code::kKbSchema, "macro @" + std::string(name) + " refers to itself");
      active.insert(std::string(name));
      CASUS_RETURN_IF_ERROR(expand_alternatives(it->second, macros, out, active));
      active.erase(std::string(name));
      continue;
    }
    auto path = parse_path(part);
    if (!path) return path.status();
    out.push_back(std::move(*path));
  }
  return Status::ok();
}

void append_words(std::string& out, const std::vector<std::string>& words, char open, char close) {
  if (words.empty()) return;
  out += open;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i) out += '|';
    out += words[i];
  }
  out += close;
}

std::string alts_to_string(const std::vector<Path>& alts) {
  std::string out;
  for (size_t i = 0; i < alts.size(); ++i) {
    if (i) out += '|';
    out += path_to_string(alts[i]);
  }
  return out;
}

}  // namespace

std::string_view role_name(Role r) { return kRoleNames[static_cast<size_t>(r)]; }

std::optional<Role> role_from_name(std::string_view s) {
  for (size_t i = 0; i < kRoleNames.size(); ++i)
    if (kRoleNames[i] == s) return static_cast<Role>(i);
  return std::nullopt;
}

std::optional<uint32_t> flag_from_name(std::string_view s) {
  for (const auto& f : kFlagNames)
    if (f.name == s) return f.bit;
  return std::nullopt;
}

std::vector<std::string> flag_names(uint32_t flags) {
  std::vector<std::string> out;
  for (const auto& f : kFlagNames)
    if (flags & f.bit) out.emplace_back(f.name);
  return out;
}

Result<std::vector<Path>> parse_alternatives(std::string_view text, const MacroTable& macros) {
  std::vector<Path> out;
  std::set<std::string, std::less<>> active;
  CASUS_RETURN_IF_ERROR(expand_alternatives(trim(text), macros, out, active));
  return out;
}

Result<Template> parse_template(std::string_view text, const MacroTable& macros) {
  Template t;
  text = trim(text);
  if (text.empty() || text == "-") return t;
  auto clauses = split_top(text, ';');
  if (!clauses) return clauses.status();
  for (std::string_view clause : *clauses) {
    if (clause.empty()) continue;  // tolerate a trailing ';'
    size_t eq = clause.find('=');
    if (eq == std::string_view::npos)
      return Status(Code::kKbSchema, "clause \"" + std::string(clause) + "\" has no '=' (expected KEY=VALUE)");
    std::string_view key = trim(clause.substr(0, eq));
    std::string_view value = trim(clause.substr(eq + 1));
    if (value.empty()) return Status(Code::kKbSchema, "clause \"" + std::string(clause) + "\" has an empty value");
    if (key == "flag") {
      auto parts = split_top(value, '|');
      if (!parts) return parts.status();
      for (std::string_view name : *parts) {
        auto bit = flag_from_name(name);
        if (!bit) return Status(Code::kKbSchema, "unknown flag \"" + std::string(name) +
                                                     "\" (expected reciprocal, speech, noinherit, nocoord, split, bindneed)");
        t.flags |= *bit;
      }
      continue;
    }
    if (key == "actortype") {
      static const std::vector<std::string_view> kTypes = {"GOV", "MIL", "REB", "OPP", "PTY", "IGO", "NGO", "MED",
                                                           "CVL", "BUS", "JUD", "LEG", "COP", "REL", "ALLIANCE"};
      auto parts = split_top(value, '|');
      if (!parts) return parts.status();
      for (std::string_view type : *parts) {
        if (std::find(kTypes.begin(), kTypes.end(), type) == kTypes.end())
          return Status(Code::kKbSchema, "unknown actor type \"" + std::string(type) +
                                             "\" (expected GOV MIL REB OPP PTY IGO NGO MED CVL BUS JUD LEG COP REL ALLIANCE)");
        t.actor_types.emplace_back(type);
      }
      continue;
    }
    auto alts = parse_alternatives(value, macros);
    if (!alts) return Status(alts.status().code(), "clause \"" + std::string(clause) + "\": " + alts.status().message());
    if (key == "need") {
      t.need.push_back(std::move(*alts));
    } else if (key == "not") {
      for (auto& p : *alts) t.forbid.push_back(std::move(p));
    } else if (key.substr(0, 5) == "mode:") {
      std::string_view mode = key.substr(5);
      if (mode.empty()) return Status(Code::kKbSchema, "clause \"" + std::string(clause) + "\": empty mode name");
      t.modes.push_back({std::string(mode), std::move(*alts)});
    } else if (auto role = role_from_name(key)) {
      for (const auto& rb : t.roles)
        if (rb.role == *role) return Status(Code::kKbSchema, "role \"" + std::string(key) + "\" bound twice");
      t.roles.push_back({*role, std::move(*alts)});
    } else {
      return Status(Code::kKbSchema, "unknown key \"" + std::string(key) +
                                         "\" (expected actor, recipient, action, object, need, not, mode:NAME, flag, actortype)");
    }
  }
  return t;
}

std::string path_to_string(const Path& path) {
  std::string out;
  for (size_t i = 0; i < path.steps.size(); ++i) {
    const Step& s = path.steps[i];
    if (i) out += '>';
    if (s.up) out += '^';
    out += s.any_rel ? std::string("*") : std::string(doc::deprel_name(s.rel));
    append_words(out, s.cases, '[', ']');
    append_words(out, s.lemmas, '{', '}');
  }
  return out;
}

std::string template_to_string(const Template& t) {
  std::vector<std::string> clauses;
  for (const auto& rb : t.roles) clauses.push_back(std::string(role_name(rb.role)) + "=" + alts_to_string(rb.alts));
  for (const auto& n : t.need) clauses.push_back("need=" + alts_to_string(n));
  if (!t.forbid.empty()) clauses.push_back("not=" + alts_to_string(t.forbid));
  for (const auto& m : t.modes) clauses.push_back("mode:" + m.mode + "=" + alts_to_string(m.alts));
  auto flags = flag_names(t.flags);
  if (!flags.empty()) {
    std::string f = "flag=";
    for (size_t i = 0; i < flags.size(); ++i) f += (i ? "|" : "") + flags[i];
    clauses.push_back(f);
  }
  if (!t.actor_types.empty()) {
    std::string a = "actortype=";
    for (size_t i = 0; i < t.actor_types.size(); ++i) a += (i ? "|" : "") + t.actor_types[i];
    clauses.push_back(a);
  }
  if (clauses.empty()) return "-";
  std::string out;
  for (size_t i = 0; i < clauses.size(); ++i) out += (i ? ";" : "") + clauses[i];
  return out;
}

}  // namespace casus::lexicon
