#include "casus/write/jsonl.h"

namespace casus::write {

namespace {
Json str_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

std::string_view mention_kind_name(doc::MentionKind k) {
  switch (k) {
    case doc::MentionKind::kActor: return "actor";
    case doc::MentionKind::kPlace: return "place";
    case doc::MentionKind::kDate: return "date";
    case doc::MentionKind::kNumber: return "number";
    case doc::MentionKind::kOutlet: return "outlet";
  }
  return "actor";
}
}  // namespace

Json entity_json(const doc::Entity& e) {
  Json j;
  j["text"] = e.text;
  j["start"] = e.start;
  j["end"] = e.end;
  j["name"] = str_or_null(e.name);
  j["kb_id"] = str_or_null(e.kb_id);
  j["country"] = str_or_null(e.country);
  j["type"] = str_or_null(e.type);
  if (!e.sponsor.empty()) j["sponsor"] = e.sponsor;
  if (e.inferred) j["inferred"] = true;
  return j;
}

Json place_json(const doc::Place& p) {
  Json j;
  j["text"] = p.text;
  j["name"] = str_or_null(p.name);
  j["country"] = str_or_null(p.country);
  j["admin1"] = str_or_null(p.admin1);
  j["lat"] = p.lat ? Json(*p.lat) : Json(nullptr);
  j["lon"] = p.lon ? Json(*p.lon) : Json(nullptr);
  if (p.inferred) j["inferred"] = true;
  return j;
}

Json event_json(const doc::Document& d, const doc::Event& e) {
  Json j;
  j["type"] = "event";
  j["schema_version"] = kEventSchemaVersion;
  j["id"] = e.id;
  j["doc"] = d.meta.id;
  j["published"] = d.meta.published ? Json(d.meta.published->iso()) : Json(nullptr);
  j["sentence"] = e.sentence;
  j["text"] = e.sentence < d.sentences.size() ? std::string(d.sentence_text(e.sentence)) : std::string();
  j["event"] = std::string(doc::plover_name(e.category));
  j["mode"] = str_or_null(e.mode);
  j["context"] = e.context;
  j["aux"] = e.aux == doc::Aux::kNone ? Json(nullptr) : Json(std::string(doc::aux_name(e.aux)));
  Json actors = Json::array(), recipients = Json::array();
  for (const auto& a : e.actor) actors.push_back(entity_json(a));
  for (const auto& r : e.recipient) recipients.push_back(entity_json(r));
  j["actor"] = std::move(actors);
  j["recipient"] = std::move(recipients);
  j["trigger"] = Json{{"text", e.trigger_text}, {"start", e.trigger_start}, {"end", e.trigger_end}};
  j["date"] = str_or_null(e.date);
  j["date_text"] = str_or_null(e.date_text);
  j["location"] = e.location ? place_json(*e.location) : Json(nullptr);
  if (e.attribution) {
    Json a;
    a["said_by"] = e.attribution->said_by ? entity_json(*e.attribution->said_by) : Json(nullptr);
    a["via"] = e.attribution->via;
    a["anonymous"] = e.attribution->anonymous;
    j["attribution"] = std::move(a);
  } else {
    j["attribution"] = nullptr;
  }
  j["fatalities"] = e.fatalities ? Json(*e.fatalities) : Json(nullptr);
  if (e.injuries) j["injuries"] = *e.injuries;
  j["score"] = e.score;
  j["confidence"] = e.confidence;
  j["rule"] = e.rule;
  if (!e.evidence_sentences.empty()) j["evidence"] = e.evidence_sentences;
  return j;
}

Json document_json(const doc::Document& d) {
  Json j;
  j["type"] = "document";
  j["schema_version"] = kEventSchemaVersion;
  j["id"] = d.meta.id;
  j["url"] = str_or_null(d.meta.url);
  j["title"] = str_or_null(d.meta.title);
  j["published"] = d.meta.published ? Json(d.meta.published->iso()) : Json(nullptr);
  j["dateline"] = str_or_null(d.meta.dateline);
  j["source"] = str_or_null(d.meta.source);
  j["language"] = d.meta.language;
  j["text"] = d.text;
  return j;
}

Json quote_json(const doc::Document& d, const doc::Quote& q) {
  Json j;
  j["type"] = "quote";
  j["schema_version"] = kEventSchemaVersion;
  j["doc"] = d.meta.id;
  j["sentence"] = q.sentence;
  j["speaker"] = entity_json(q.speaker);
  j["text"] = q.text;
  j["via"] = q.via;
  j["anonymous"] = q.anonymous;
  j["start"] = q.start;
  j["end"] = q.end;
  return j;
}

Json mention_json(const doc::Document& d, const doc::Mention& m) {
  Json j;
  j["type"] = "mention";
  j["schema_version"] = kEventSchemaVersion;
  j["doc"] = d.meta.id;
  j["sentence"] = m.sentence;
  j["text"] = m.entity.text;
  j["start"] = m.entity.start;
  j["end"] = m.entity.end;
  j["name"] = str_or_null(m.entity.name);
  j["kb_id"] = str_or_null(m.entity.kb_id);
  j["country"] = str_or_null(m.entity.country);
  j["entity_type"] = str_or_null(m.entity.type);
  j["kind"] = std::string(mention_kind_name(m.kind));
  return j;
}

void append_records(const doc::Document& d, Emit emit, std::string& out) {
  auto line = [&out](const Json& j) {
    out += j.dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace);
    out += '\n';
  };
  if (emit == Emit::kAll) line(document_json(d));
  for (const auto& e : d.events) line(event_json(d, e));
  if (emit != Emit::kAll) return;
  for (const auto& q : d.quotes) line(quote_json(d, q));
  for (const auto& m : d.mentions) line(mention_json(d, m));
}

}  // namespace casus::write
