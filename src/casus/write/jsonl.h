// The output contract (docs/event-format.md): Document layers → JSON Lines records.
// Field order follows the format document; every record carries "schema_version".
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "casus/doc/document.h"

namespace casus::write {

inline constexpr int kEventSchemaVersion = 1;

using Json = nlohmann::ordered_json;

enum class Emit : uint8_t { kEvents = 0, kAll = 1 };

Json entity_json(const doc::Entity& e);
Json place_json(const doc::Place& p);
Json event_json(const doc::Document& doc, const doc::Event& e);
Json document_json(const doc::Document& doc);
Json quote_json(const doc::Document& doc, const doc::Quote& q);
Json mention_json(const doc::Document& doc, const doc::Mention& m);

// Appends one line per record: document (kAll), events, quotes (kAll), mentions (kAll).
void append_records(const doc::Document& doc, Emit emit, std::string& out);

}  // namespace casus::write
