#include "casus/pipeline/pipeline.h"

#include <algorithm>
#include <chrono>

#include "casus/util/container.h"

namespace casus::pipeline {

Pipeline::Pipeline() : segmenter_(std::make_shared<segment::Segmenter>()) {}

Result<Pipeline> Pipeline::load(const std::string& model_path) {
  const auto t0 = std::chrono::steady_clock::now();
  auto reader = ContainerReader::open(model_path, kModelKind);
  if (!reader) return reader.status();
  auto tagger = tag::Tagger::load(*reader);
  if (!tagger) return tagger.status().with_context(model_path);
  auto parser = parse::Parser::load(*reader);
  if (!parser) return parser.status().with_context(model_path);
  Pipeline p;
  p.tagger_ = std::make_shared<const tag::Tagger>(std::move(tagger.value()));
  p.parser_ = std::make_shared<const parse::Parser>(std::move(parser.value()));
  p.model_path_ = model_path;
  p.description_ = reader->description();
  p.load_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return p;
}

void Pipeline::annotate(doc::Document& doc) const {
  if (tagger_) tagger_->annotate(doc);
  if (!parser_ || !doc.has(doc::kLayerSentences)) return;
  if (beam_) parser_->annotate(doc, *beam_);
  else parser_->annotate(doc);
}

void Pipeline::set_parse_beam_width(int width) {
  parse::BeamOptions b;
  b.width = std::max(1, width);
  beam_ = b;
}

Status Pipeline::run(doc::Document& doc) const {
  CASUS_RETURN_IF_ERROR(segmenter_->segment(doc));
  annotate(doc);
  return Status::ok();
}

}  // namespace casus::pipeline
