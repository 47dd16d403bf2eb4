// Locating and loading the resources `casus code` needs: the NLP model, the knowledge base and the lexicon.
//
// Paths given on the command line are used as they are. Default paths (models/en.casus, kb, lexicon) are looked up
// relative to the working directory, then $CASUS_HOME, then the executable's directory and its parent — so
// `build/casus` finds the repository's data without options.
#pragma once

#include <memory>
#include <string>

#include "casus/code/coder.h"
#include "casus/kb/knowledge_base.h"
#include "casus/lexicon/lexicon.h"
#include "casus/pipeline/pipeline.h"
#include "casus/util/status.h"

namespace casus::pipeline {

// Resolves a default resource path as described above; returns `path` unchanged when nothing exists.
std::string find_resource(const std::string& path);

struct Resources {
  std::unique_ptr<Pipeline> nlp;
  std::unique_ptr<kb::KnowledgeBase> kb;
  std::unique_ptr<lexicon::Lexicon> lexicon;
  std::unique_ptr<code::Coder> coder;
  double load_ms = 0;
};

// The parser beam the event coder runs with. Greedy: the coder's tree repairs (code/clause_repair.cc) were written
// against greedy parses, and on realnews-dev the beam of `casus parse` (EWT test LAS 83.49 -> 84.32) coded events
// at F1 0.533 against 0.553 greedy (2026-12-02; docs/benchmarks/coder.md). `casus code --parse-beam` overrides it.
inline constexpr int kCoderParseBeam = 1;

struct ResourcePaths {
  std::string model = kDefaultModelPath;
  std::string kb = "kb";
  std::string lexicon = "lexicon";
  int parse_beam = kCoderParseBeam;
};

// Loads everything; errors name the resource and the file.
Result<Resources> load_resources(const ResourcePaths& paths, code::CoderOptions coder_options = {});

}  // namespace casus::pipeline
