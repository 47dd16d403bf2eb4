// casus eval: scores system output against gold.
//
//   casus eval conllu GOLD.conllu SYSTEM.conllu [--json]   CoNLL 2018 metrics (Tokens … LAS)
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <string>

#include "casus/cli/verbs.h"
#include "casus/eval/conllu_eval.h"
#include "casus/util/file.h"

namespace casus::cli {

namespace {

struct EvalConlluOptions {
  std::string gold, system;
  bool json = false;
};

int run_eval_conllu(const EvalConlluOptions& opt) {
  auto gold = read_file(opt.gold);
  if (!gold) {
    print_error("eval conllu: " + gold.status().to_string());
    return kExitUsage;
  }
  auto sys = read_file(opt.system);
  if (!sys) {
    print_error("eval conllu: " + sys.status().to_string());
    return kExitUsage;
  }
  auto scores = eval::evaluate_conllu(*gold, *sys);
  if (!scores) {
    print_error("eval conllu: " + scores.status().to_string());
    return kExitSkipped;
  }
  std::string out = opt.json ? eval::format_json(*scores) : eval::format_table(*scores);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

}  // namespace

Verb add_eval_verb(CLI::App& app) {
  auto* cmd = app.add_subcommand("eval", "Score system output against gold data.");
  cmd->require_subcommand(1);
  auto conllu = std::make_shared<EvalConlluOptions>();
  auto* c = cmd->add_subcommand("conllu",
                                "CoNLL 2018 shared task metrics (Tokens, Sentences, Words, UPOS, XPOS, UFeats, "
                                "AllTags, Lemmas, UAS, LAS) by character-span alignment.");
  c->add_option("gold", conllu->gold, "Gold CoNLL-U file")->required();
  c->add_option("system", conllu->system, "System CoNLL-U file (same text, any tokenization)")->required();
  c->add_flag("--json", conllu->json, "Print JSON instead of a table");
  // Event evaluation (`casus eval events`) is added beside this subcommand.
  return {cmd, [cmd, c, conllu] {
            if (c->parsed()) return run_eval_conllu(*conllu);
            print_error("eval: unknown subcommand");
            (void)cmd;
            return kExitUsage;
          }};
}

}  // namespace casus::cli
