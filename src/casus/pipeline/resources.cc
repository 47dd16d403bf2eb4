#include "casus/pipeline/resources.h"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "casus/util/hash.h"
#include "casus/util/version.h"

namespace casus::pipeline {

namespace fs = std::filesystem;

std::string find_resource(const std::string& path) {
  std::error_code ec;
  if (fs::exists(path, ec) || fs::path(path).is_absolute()) return path;
  std::vector<fs::path> roots;
  if (const char* home = std::getenv("CASUS_HOME")) roots.emplace_back(home);
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = '\0';
    fs::path dir = fs::path(exe).parent_path();
    roots.push_back(dir);
    roots.push_back(dir.parent_path());
  }
  for (const auto& root : roots)
    if (fs::exists(root / path, ec)) return (root / path).string();
  return path;
}

Result<Resources> load_resources(const ResourcePaths& paths, code::CoderOptions coder_options) {
  auto t0 = std::chrono::steady_clock::now();
  Resources r;
  auto nlp = Pipeline::load(find_resource(paths.model));
  if (!nlp) return nlp.status().with_context("model");
  r.nlp = std::make_unique<Pipeline>(std::move(nlp.value()));
  r.nlp->set_parse_beam_width(paths.parse_beam);
  auto kb = kb::KnowledgeBase::load(find_resource(paths.kb));
  if (!kb) return kb.status().with_context("knowledge base");
  r.kb = std::make_unique<kb::KnowledgeBase>(std::move(kb.value()));
  auto lex = lexicon::Lexicon::load(find_resource(paths.lexicon));
  if (!lex) return lex.status().with_context("lexicon");
  r.lexicon = std::make_unique<lexicon::Lexicon>(std::move(lex.value()));
  // Event ids change when the model or lexicon changes (the output contract).
  coder_options.version_tag = std::string("casus-") + kVersion + "-" +
                              hex64(fnv1a64(r.nlp->model_description())).substr(0, 8) + "-" +
                              std::to_string(r.lexicon->rules().size());
  r.coder = std::make_unique<code::Coder>(*r.lexicon, *r.kb, std::move(coder_options));
  r.load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace casus::pipeline
