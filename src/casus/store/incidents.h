// Incidents: cross-document de-duplication. Events from different documents that report the same real-world
// incident (compatible category, overlapping actors/recipients after KB resolution, compatible dates and places)
// are linked into one incident with merged fields. docs/INCIDENTS.md describes the algorithm and its knobs.
//
// Linking is incremental: a new report is compared only with incidents found by blocking (same category family,
// overlapping date window, a shared actor/recipient/place key) and joins the best-scoring one, or opens a new one.
// It runs inside the store's write transaction, so incidents are always consistent with the events.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "casus/doc/document.h"
#include "casus/store/sql.h"

namespace casus::store {

struct LinkOptions {
  // An event without a date is assumed to have happened within this many days before publication.
  int publication_lag_days = 3;
  // Date windows are widened by this many days on each side before the overlap test (0: dates must overlap).
  int date_slack_days = 0;
  // A window longer than this ("2016", "last month") is vague: such a report joins only an incident of the same
  // category whose actor and recipient both match.
  int vague_window_days = 31;
  // Score of a category of the same family that is not the same category (same category scores 1).
  double family_score = 0.6;
  // Minimum total score to join an incident (weights: category .3, date .2, actor .2, recipient .2, place .1).
  double min_score = 0.6;
  // Two reports placing the incident in different countries never merge.
  bool place_must_agree = true;
  // Events under negation or hypothesis did not happen: they report no incident.
  bool link_unreal = false;
  // Events announced for the future ("will impose sanctions") report the announcement, which outlets also report
  // as done: they are linked like any other report.
  bool link_future = true;
  // A fatality figure more than this many times the median of the other reports' figures (with ≥ 3 figures) is
  // not credible and is not the incident's figure.
  double fatality_outlier_ratio = 3.0;
};

// Blocking family of a PLOVER category: reports of one incident may be coded with different categories of one
// family (a deal as AGREE, CONCEDE or SUPPORT; a raid as ASSAULT or COERCE; a warning as THREATEN or ACCUSE).
std::string_view category_family(doc::Plover p);

// One event as the linker sees it.
struct Report {
  struct Ent {
    std::string text, name, kb_id, country, type;
    // Not named in the event's sentence: the coder took it from the document's context (docs/CODER.md). Such a
    // guess may confirm a match but never proves that two reports name different parties.
    bool inferred = false;
  };
  std::string event_id;
  int64_t document = 0;  // documents.id
  std::string doc_id, outlet, published;
  doc::Plover category = doc::Plover::kNone;
  std::string mode;
  doc::Aux aux = doc::Aux::kNone;
  std::vector<Ent> actor, recipient;
  std::string date, date_start, date_end;
  // The date is the document's publication day because no phrase dated the event (event-format: `date_text`
  // null): the event happened by then, not necessarily on that day.
  bool dated_by_publication = false;
  std::string location_name, location_country;
  std::optional<double> lat, lon;
  std::optional<int64_t> fatalities;

  // Days since 1970 of the window the event happened in: its date, else (undated or dated by publication) the
  // publication_lag_days before publication; false when there is no time anchor at all.
  bool window(const LinkOptions& opt, int64_t& lo, int64_t& hi) const;
  // Role-prefixed keys: "a|kb:…", "a|c:USA", "a|n:gunmen", "a|n:agent:police", "r|…", inferred entities' keys
  // marked "~" ("r|~c:SRB"), and "p|<place>" (blocking and scoring; docs/INCIDENTS.md).
  std::set<std::string> keys() const;
};

Report report_from_event(const doc::Document& d, const doc::Event& e, int64_t document_row);
// The outlet of a document: its source, else the host of its URL, else "".
std::string outlet_of(const std::string& source, const std::string& url);

// Links reports inside an open write transaction and keeps the incidents' merged fields up to date.
class IncidentLinker {
 public:
  IncidentLinker(Connection& c, LinkOptions opt) : c_(c), opt_(std::move(opt)) {}
  // Joins the report to the best matching incident or opens a new one. Marks the incident for refresh.
  Status link(const Report& r);
  // Marks incidents that lost reports (their document is being replaced).
  Status touch_incidents_of_documents(const std::string& content_hash, const std::string& doc_id);
  // Recomputes the merged fields, keys and window of every marked incident; deletes those left without reports.
  Status refresh_touched();
  // Drops every incident and links every stored event again, in publication order (after changing knobs).
  Status relink_all();

 private:
  Status refresh(int64_t id);
  Result<int64_t> next_id();
  Connection& c_;
  LinkOptions opt_;
  std::set<int64_t> touched_;
  int64_t next_id_ = 0;
};

}  // namespace casus::store
