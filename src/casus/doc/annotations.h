// Row tables of the higher layers: mentions, events, quotes. These are few per document, so they are plain
// structs; they point at tokens by index and at the knowledge base by stable id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "casus/doc/enums.h"

namespace casus::doc {

// A resolved (or unresolved) actor reference: what event records call an "entity".
struct Entity {
  std::string text;      // surface form in the document
  uint32_t start = 0;    // code point offsets in Document::text
  uint32_t end = 0;
  std::string name;      // canonical KB name, "" when unresolved
  std::string kb_id;     // stable KB id, "" when unresolved
  std::string country;   // ISO 3166-1 alpha-3, "" when unknown
  std::string type;      // GOV MIL REB OPP PTY IGO NGO MED CVL BUS JUD LEG COP REL ALLIANCE, "" when unknown
  std::string sponsor;   // KB id of a backer named in the phrase ("Iran-backed militias" → country:IRN), "" none
  bool inferred = false;  // not in the event's sentence: taken from the document's context (docs/CODER.md)
};

// Does an entity of this type act as its state (government, forces, police, legislature, courts; unknown counts)?
// "Kenyan opposition party" or "Ukrainian citizens" share the state's KB id but are not the state.
inline bool is_state_organ_type(const std::string& type) {
  return type.empty() || type == "GOV" || type == "MIL" || type == "COP" || type == "LEG" || type == "JUD";
}

struct Place {
  std::string text;
  std::string name;
  std::string country;  // ISO alpha-3
  std::string admin1;
  std::optional<double> lat, lon;
  bool inferred = false;  // not stated: implied by the event's parties (docs/CODER.md, "Place"); text is empty
};

enum class MentionKind : uint8_t { kActor = 0, kPlace, kDate, kNumber, kOutlet };

struct Mention {
  MentionKind kind = MentionKind::kActor;
  uint32_t sentence = 0;
  uint32_t first_token = 0, last_token = 0;  // token range, end-exclusive
  Entity entity;                             // for places: text/name/country set
  int32_t antecedent = -1;                   // index of the mention this one corefers with, -1 none
};

struct Attribution {
  std::optional<Entity> said_by;
  std::vector<std::string> via;  // outlets the report was relayed through
  bool anonymous = false;
};

struct Event {
  std::string id;
  uint32_t sentence = 0;
  std::vector<uint32_t> evidence_sentences;  // other sentences that restate the same event
  Plover category = Plover::kNone;
  std::string mode;                  // PLOVER mode, lower case, "" = null
  std::vector<std::string> context;  // PLOVER contexts
  Aux aux = Aux::kNone;
  std::vector<Entity> actor, recipient;
  std::string trigger_text;
  uint32_t trigger_start = 0, trigger_end = 0;  // code points
  std::string date;        // ISO date or interval, "" = null
  std::string date_text;
  std::optional<Place> location;
  std::optional<Attribution> attribution;
  std::optional<int64_t> fatalities;
  std::optional<int64_t> injuries;
  double score = 0;
  double confidence = 0;
  std::string rule;
};

struct Quote {
  uint32_t sentence = 0;
  Entity speaker;
  std::string text;
  std::vector<std::string> via;
  bool anonymous = false;
  uint32_t start = 0, end = 0;  // code points of the quoted text
};

}  // namespace casus::doc
