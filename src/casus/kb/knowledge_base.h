// The actor knowledge base: states, places, agents, people with dated roles, organisations and alliances,
// loaded from the human-edited TSV files under kb/ (schema: docs/KB.md) and compiled into a token trie.
//
// A KnowledgeBase is immutable after load() and safe to share across threads. Lookups are time-aware: a role or an
// alliance membership is valid on a date when the date falls inside its (inclusive, possibly open) range.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "casus/doc/document.h"
#include "casus/kb/matcher.h"
#include "casus/util/date.h"
#include "casus/util/status.h"

namespace casus::kb {

enum class EntryKind : uint8_t { kCountry = 0, kPlace, kAgent, kPerson, kOrganization, kAlliance };
const char* entry_kind_name(EntryKind k);  // "country", "place", ...

// Inclusive range of days since 1970-01-01; open ends are the extreme values.
struct DayRange {
  int64_t first = INT64_MIN;
  int64_t last = INT64_MAX;
  bool contains(int64_t day) const { return first <= day && day <= last; }
};

struct Entry {
  std::string id;           // "country:IRN", "person:ali_khamenei"
  EntryKind kind = EntryKind::kCountry;
  std::string name;         // canonical name
  std::vector<std::string> aliases;
  std::string country;      // ISO alpha-3 ("" = none / IGO)
  std::string type;         // actor type code (GOV MIL ...), "" = none (places, people without a role); with a
                            // history, the latest period's
  // organisations whose kind changed ("REB:1994/2021-08-14|GOV:2021-08-15/", docs/KB.md): the type per period.
  struct TypePeriod {
    DayRange days;
    std::string type;
  };
  std::vector<TypePeriod> type_history;
  std::string subkind;      // the file's `kind` column (city, armed_group, ...) or a country's `status`
  std::string description;
  std::string checked;
  std::string source;       // "kb/people.tsv:12" of the row that defined it (the last one when merged)
  // countries
  std::string iso2, capital;
  std::vector<std::string> demonyms, metonyms;
  // places
  std::string admin1;
  std::optional<double> lat, lon;
  // organisations
  std::string parent;
  std::vector<std::string> sponsors;
  // organisations, alliances: founding/dissolution; people: born/died
  std::optional<Date> start, end;
};

struct Role {
  uint32_t person = 0;  // entry index
  std::string role;     // controlled vocabulary (head_of_state, foreign_minister, ...)
  std::string org;      // "country:IRN" or an org id
  std::string title;    // "Supreme Leader"
  DayRange days;
  std::optional<Date> start, end;
  std::string checked;
  std::string source;
};

struct Membership {
  uint32_t alliance = 0;  // entry index
  std::string member;     // country:/org: id
  DayRange days;
  std::string role;
  std::string source;
};

enum class Severity : uint8_t { kWarning = 0, kError };

struct Diagnostic {
  Severity severity = Severity::kError;
  Code code = Code::kKbSchema;
  std::string file;  // path as given (kb/people.tsv)
  int line = 0;      // 1-based, 0 = whole file
  int column = 0;    // 1-based column number (TSV field), 0 = whole line
  std::string message;
  std::string to_string() const;  // "kb/people.tsv:12:3: error E4001: ..."
};

struct CheckReport {
  std::vector<Diagnostic> diagnostics;
  size_t errors() const;
  size_t warnings() const;
};

// What a phrase resolves to at a date. All pointers refer into the KnowledgeBase.
struct Resolution {
  const Entry* entry = nullptr;   // the resolved entity (person, org, country, agent, place)
  const Role* role = nullptr;     // the person's role valid at the date (the one the phrase named, if any)
  std::string name;               // canonical name ("" when unresolved)
  std::string kb_id;
  std::string country;            // ISO alpha-3
  std::string type;               // actor type code at the date
  std::string role_title;         // "Supreme Leader of Iran" — the role valid at the date
  std::string sponsor;            // "Iran-backed militias" → "country:IRN"
  std::string via;                // how it resolved: name, alias, demonym, metonym, title, agent, sponsor_agent
  bool found() const { return entry != nullptr; }
};

struct LoadStats {
  double seconds = 0;
  size_t files = 0, rows = 0;
  size_t aliases = 0;       // alias strings compiled into the matcher
  size_t trie_nodes = 0;
};

class KnowledgeBase {
 public:
  // Loads every file of the schema under kb_dir (imported/*.tsv first, then the curated files; absent files are
  // fine). Fails with the first error (file:line:column) when the data has errors; warnings do not fail.
  static Result<KnowledgeBase> load(const std::string& kb_dir);
  // Runs every check on kb_dir and returns all diagnostics (errors and warnings); never fails.
  static CheckReport check(const std::string& kb_dir);

  KnowledgeBase();
  ~KnowledgeBase();
  KnowledgeBase(KnowledgeBase&&) noexcept;
  KnowledgeBase& operator=(KnowledgeBase&&) noexcept;

  const std::vector<Entry>& entries() const;
  const std::vector<Role>& roles() const;
  const std::vector<Membership>& memberships() const;
  const Entry* find_id(std::string_view id) const;
  const Entry* country(std::string_view iso3) const;
  // The state's national armed forces ("Myanmar Armed Forces" for MMR), nullptr when the KB has none or several.
  const Entry* national_forces(std::string_view iso3) const;
  const LoadStats& stats() const;
  const Matcher& matcher() const;

  // Resolves a name, alias, demonym, metonym, title phrase ("the Iranian foreign minister", "Hamas leader") or
  // agent phrase ("Israeli troops", "Iran-backed militias") at a date. Unresolved: Resolution{} (found() false).
  Resolution resolve(std::string_view phrase, const Date& date) const;
  // Roles of a person valid at the date (all of them when the person held several).
  std::vector<const Role*> roles_at(std::string_view person_id, const Date& date) const;
  // People holding `role` (vocabulary) of `org` ("country:IRN", "org:hamas") at the date.
  std::vector<const Role*> holders(std::string_view role, std::string_view org, const Date& date) const;
  // Is member (country:/org: id) a member of alliance (id) on the date?
  bool is_member(std::string_view alliance, std::string_view member, const Date& date) const;
  // Actor type of an entry at a date (a person's comes from the role valid then).
  std::string type_at(const Entry& e, const Date& date) const;
  // "Supreme Leader of Iran", "Foreign Minister of Iran", "political bureau chief of Hamas".
  std::string role_display(const Role& r) const;

  // All KB mentions of one sentence of a tokenized document: longest match, left to right, non-overlapping.
  std::vector<KbMatch> find_mentions(const doc::Document& doc, size_t sentence) const;
  // The same over plain text (whitespace/punctuation tokenization), for tools and tests.
  std::vector<KbMatch> find_mentions(std::string_view text) const;

  struct Impl;  // internal storage (loader.h); opaque to users

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace casus::kb
