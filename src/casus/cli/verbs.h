// One file per verb (cmd_<verb>.cc). Each adds its subcommand to the app and returns the function that runs it.
// A runner returns the process exit code: 0 ok, 1 some input skipped, 2 usage error.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace casus::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitSkipped = 1;
inline constexpr int kExitUsage = 2;

struct Verb {
  CLI::App* command = nullptr;
  std::function<int()> run;
};

Verb add_code_verb(CLI::App& app);     // cmd_code.cc    — read → events (the main job)
Verb add_parse_verb(CLI::App& app);    // cmd_parse.cc   — segmentation / tagging / parsing as CoNLL-U
Verb add_train_verb(CLI::App& app);    // cmd_train.cc   — train tagger, lemmatizer, parser
Verb add_eval_verb(CLI::App& app);     // cmd_eval.cc    — CoNLL 2018-style and event evaluation
Verb add_kb_verb(CLI::App& app);       // cmd_kb.cc      — kb check|lookup|unknown
Verb add_lexicon_verb(CLI::App& app);  // cmd_lexicon.cc — lexicon check|show
Verb add_model_verb(CLI::App& app);    // cmd_model.cc   — model dump (any casus binary file as text)
Verb add_query_verb(CLI::App& app);    // cmd_query.cc   — query a store (events or incidents)
Verb add_series_verb(CLI::App& app);   // cmd_series.cc  — counts/scores per time bucket (analysis)
Verb add_network_verb(CLI::App& app);  // cmd_network.cc — actor network, communities, balance (analysis)
Verb add_fronts_verb(CLI::App& app);   // cmd_fronts.cc  — coalition fronts over time (analysis)
Verb add_alerts_verb(CLI::App& app);   // cmd_alerts.cc  — escalation signals (analysis)

// Prints "casus: <message>" to stderr (the one format for user-facing errors).
void print_error(const std::string& message);

}  // namespace casus::cli
