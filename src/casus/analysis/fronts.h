// Coalition fronts: where the members of a KB coalition fight non-members, over time.
//
// A front is a (member, adversary) dyad with material conflict (by default ASSAULT, COERCE, MOBILIZE, THREATEN)
// in either direction. The member side is a coalition member on the record's day (KB dated memberships), a body
// under one (KB parent chain: the Qassam Brigades fight for Hamas), or — with `sponsored` — an armed group the
// coalition's leader sponsors (KB `sponsors`). The adversary is any identified non-member; state bodies are rolled
// up to their state (the IDF is Israel). Each front is named by its theatre, derived from where its records
// happened (docs/ANALYSIS.md): never from a list of expected fronts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "casus/analysis/actors.h"
#include "casus/analysis/dataset.h"
#include "casus/kb/knowledge_base.h"

namespace casus::analysis {

std::vector<doc::Plover> default_conflict_categories();

struct FrontsOptions {
  int window_days = 30;         // a front is active on day d when it has records in (d - window, d]
  int min_fronts = 2;           // "multi-front": at least this many theatres active at once
  int min_records = 1;          // records a front needs in the window to count as active
  std::vector<doc::Plover> conflict = default_conflict_categories();
  bool sponsored = true;        // armed groups the coalition leader sponsors count as members
  std::optional<int64_t> from_day, to_day;
  size_t max_evidence = 25;     // evidence ids listed per front (all are counted)
};

struct CoalitionMember {
  std::string id, name, role;
  std::optional<Date> start, end;
};

struct Front {
  std::string member, member_name, adversary, adversary_name;
  std::string label;       // theatre name, e.g. "Lebanon", "Iraq/Syria", "Red Sea/Yemen"
  std::string theatre;     // fronts whose labels share a place are one theatre, named by its largest front
  int64_t records = 0;
  int64_t by_member = 0;   // records where the member side acted
  int64_t fatalities = 0;
  int64_t first = 0, last = 0;  // days
  std::vector<std::string> evidence;  // record ids (first max_evidence, in date order)
  std::vector<int64_t> days;          // record days, sorted (activity)
};

struct MemberStance {
  std::string member, name;
  int64_t fights = 0;      // material conflict by the member against non-members
  int64_t attacked = 0;    // material conflict against the member
  int64_t support = 0;     // cooperation (SUPPORT AID COOPERATE AGREE CONSULT) by the member towards members
  std::vector<std::string> support_evidence;
  bool supports_without_fighting() const { return support > 0 && fights == 0; }
};

struct MultiFrontSpell {
  int64_t first = 0, last = 0;   // window end days during which ≥ min_fronts theatres were active
  int peak = 0;
};

struct FrontsReport {
  Unit unit = Unit::kReports;
  std::string coalition_id, coalition_name;
  int window_days = 30, min_fronts = 2;
  std::vector<CoalitionMember> members;
  std::vector<Front> fronts;               // by first day
  std::optional<int64_t> peak_day;         // first day the most theatres were active
  int peak_fronts = 0;
  std::vector<std::string> peak_theatres;
  std::optional<int64_t> first_multi_front;  // first window end with ≥ min_fronts theatres in the store's records
  std::vector<std::string> first_multi_front_theatres;
  std::vector<MultiFrontSpell> spells;
  std::vector<MemberStance> stances;
  std::optional<int64_t> data_first, data_last;  // range of the records examined
};

// Resolves a coalition by id, name or alias (KB alliances). kKbReference when unknown.
Result<const kb::Entry*> find_coalition(const kb::KnowledgeBase& kb, std::string_view text);

// The records should cover the store's whole history when first_multi_front must mean "for the first time".
Result<FrontsReport> compute_fronts(const Dataset& data, const kb::KnowledgeBase& kb, std::string_view coalition,
                                    const FrontsOptions& opt);

nlohmann::json fronts_json(const FrontsReport& r);
std::string fronts_table(const FrontsReport& r);

// Theatre name of a place ("Khan Younis" → "Gaza Strip", "Red Sea" → "Red Sea", "Baalbek" → "Lebanon").
std::string theatre_of(const kb::KnowledgeBase& kb, const std::string& place, const std::string& country, int64_t day);

}  // namespace casus::analysis
