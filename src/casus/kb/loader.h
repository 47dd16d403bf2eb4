// Internal: the KnowledgeBase's storage and the TSV loader/checker that fills it. Not part of the public API.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "casus/kb/knowledge_base.h"
#include "casus/kb/matcher.h"

namespace casus::kb {

struct KnowledgeBase::Impl {
  std::vector<Entry> entries;
  std::vector<Role> roles;
  std::vector<Membership> memberships;
  std::unordered_map<std::string, uint32_t> by_id;
  std::vector<std::vector<uint32_t>> roles_by_person;             // entry index → role indices
  std::unordered_map<std::string, std::vector<uint32_t>> roles_by_org;
  std::vector<std::string> role_title_keys;  // per role: folded title words joined by spaces
  std::unordered_map<std::string, uint32_t> national_forces;  // ISO alpha-3 → entry of its armed forces
  Matcher matcher;
  LoadStats stats;
};

// Reads every schema file under kb_dir into impl, appending problems to report. With full_checks, also runs the
// slower whole-KB checks (alias collisions, `checked` values) that load() skips.
void build(const std::string& kb_dir, KnowledgeBase::Impl& impl, CheckReport& report, bool full_checks);

// Orders candidates best first (person > organisation > alliance > country > agent > place; then name/alias >
// demonym > noun > metonym) and keeps one per entry.
void sort_candidates(const std::vector<Entry>& entries, std::vector<Candidate>& c);

// The schema's controlled vocabularies.
bool is_type_code(std::string_view s);
bool is_role_code(std::string_view s);

}  // namespace casus::kb
