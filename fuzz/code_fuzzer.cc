// The whole coder: any bytes → decode → clean → segment, tag, parse → clause repairs, mentions, events, quotes →
// JSON records. Loads models/en.casus, kb/ and lexicon/ once (run from the repository root). Checks that every
// event, quote and entity points inside the text and at a real sentence, that evidence sentences are sorted and
// unique, and that the records are valid UTF-8 lines.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "casus/clean/clean.h"
#include "casus/pipeline/resources.h"
#include "casus/read/decode.h"
#include "casus/text/utf8.h"
#include "casus/util/status.h"
#include "casus/write/jsonl.h"

namespace {

const casus::pipeline::Resources* g_resources = nullptr;

void check_entity(const casus::doc::Entity& e, size_t n_cp) {
  CASUS_ASSERT(e.start <= e.end && e.end <= n_cp, "entity offsets must lie inside the text");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  auto loaded = casus::pipeline::load_resources(casus::pipeline::ResourcePaths{});
  if (!loaded) {
    std::fprintf(stderr, "code_fuzzer: %s (run from the repository root)\n", loaded.status().message().c_str());
    std::abort();
  }
  g_resources = new casus::pipeline::Resources(std::move(loaded.value()));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  casus::read::ReadOptions options;
  options.max_document_bytes = 1 << 16;
  auto decoded = casus::read::decode(raw, options);
  if (!decoded) return 0;
  casus::doc::Document doc;
  doc.text = std::move(decoded.value());
  if (!casus::clean::clean(doc)) return 0;
  if (!g_resources->nlp->run(doc)) return 0;
  g_resources->coder->code(doc);

  const size_t n_cp = casus::text::count_code_points(doc.text);
  const size_t n_sent = doc.sentences.size();
  for (const auto& e : doc.events) {
    CASUS_ASSERT(e.sentence < n_sent, "event sentence must exist");
    CASUS_ASSERT(e.trigger_start <= e.trigger_end && e.trigger_end <= n_cp, "trigger offsets must lie inside the text");
    for (size_t i = 0; i < e.evidence_sentences.size(); ++i) {
      CASUS_ASSERT(e.evidence_sentences[i] < n_sent, "evidence sentence must exist");
      CASUS_ASSERT(i == 0 || e.evidence_sentences[i - 1] < e.evidence_sentences[i], "evidence sorted and unique");
    }
    for (const auto& a : e.actor) check_entity(a, n_cp);
    for (const auto& r : e.recipient) check_entity(r, n_cp);
  }
  for (const auto& q : doc.quotes) {
    CASUS_ASSERT(q.sentence < n_sent, "quote sentence must exist");
    CASUS_ASSERT(q.start <= q.end && q.end <= n_cp, "quote offsets must lie inside the text");
  }
  std::string out;
  casus::write::append_records(doc, casus::write::Emit::kAll, out);
  CASUS_ASSERT(casus::text::find_invalid_utf8(out) == std::string_view::npos, "records must be UTF-8");
  return 0;
}
