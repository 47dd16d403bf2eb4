// The NLP pipeline object: loads models/en.casus once and runs segment → tag/lemma → parse on a Document.
// Immutable after load and shared across threads; every stage keeps its scratch on the caller's stack.
// Later stages (mentions, coder) are added beside this file by their owners.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "casus/doc/document.h"
#include "casus/parse/parser.h"
#include "casus/segment/segmenter.h"
#include "casus/tag/tagger.h"
#include "casus/util/status.h"

namespace casus::pipeline {

inline constexpr const char* kDefaultModelPath = "models/en.casus";
inline constexpr const char* kModelKind = "model.en";

class Pipeline {
 public:
  // Segmentation only (no model): what `casus parse` does when the default model is absent.
  Pipeline();

  // Loads the tagger, lemmatizer and parser from a model container. kModelMissing when the file does not
  // exist, kModelCorrupt / kModelVersion (naming the file and section) when it cannot be used.
  static Result<Pipeline> load(const std::string& model_path);

  // Raw text → tokens and sentences (replaces any existing segmentation).
  Status segment(doc::Document& doc) const { return segmenter_->segment(doc); }
  // Tags, lemmatizes and parses a segmented document (no-op for stages without a model).
  void annotate(doc::Document& doc) const;
  // segment + annotate.
  Status run(doc::Document& doc) const;
  // Parser beam width for annotate() (1 = greedy); unset, the model's default decoder (parse::BeamOptions).
  void set_parse_beam_width(int width);

  bool has_model() const { return tagger_ != nullptr; }
  const tag::Tagger* tagger() const { return tagger_.get(); }
  const parse::Parser* parser() const { return parser_.get(); }
  const std::string& model_path() const { return model_path_; }
  const std::string& model_description() const { return description_; }
  double load_ms() const { return load_ms_; }

 private:
  std::shared_ptr<const segment::Segmenter> segmenter_;
  std::shared_ptr<const tag::Tagger> tagger_;
  std::shared_ptr<const parse::Parser> parser_;
  std::string model_path_, description_;
  double load_ms_ = 0;
  std::optional<parse::BeamOptions> beam_;
};

}  // namespace casus::pipeline
