// casus train: trains the model components (tagger + lemmatizer, parser) from CoNLL-U and writes one model
// container (kind "model.en"). `--components` retrains only some components and copies the other sections
// from `--base`. Progress goes to stderr, one line per epoch.
#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>

#include "casus/cli/verbs.h"
#include "casus/doc/conllu.h"
#include "casus/parse/parser.h"
#include "casus/tag/tagger.h"
#include "casus/util/container.h"
#include "casus/util/file.h"
#include "casus/util/version.h"

namespace casus::cli {

namespace {

struct TrainArgs {
  std::string train_path, dev_path, out, base, components = "tagger,parser";
  uint64_t seed = 1;
  int epochs = 0;          // 0 = each component's default
  int tagger_epochs = 0;
  int tagger_runs = 0;     // 0 = tag::TrainOptions default
  int parser_epochs = 0;
  float parser_prune = 0.0f;
  std::string parser_tags = "jackknife";  // tags the parser learns from
  int folds = 4;
  int jackknife_passes = 1;
  // Parser training data as tagged CoNLL-U: written after tagging (to reuse across parser-only runs, since the
  // jackknife costs `folds` tagger trainings) or read instead of tagging.
  std::string save_parser_train, parser_train_tagged;
  // Unannotated text (CoNLL-U, forms only) clustered with the training forms into the parser's word classes.
  std::string cluster_text;
  // Models whose parsers are averaged into the output's parser instead of training one.
  std::string parser_average;
  int cluster_coarse = 0, cluster_fine = 0, cluster_min_count = 0;  // 0 = text::ClusterOptions defaults
  bool no_wordnet = false;
  bool no_compress = false;  // quick experiments: zstd-19 of ~30 MB takes minutes
  std::string command_line;
};

Result<std::vector<doc::Document>> read_treebank(const std::string& path) {
  auto bytes = read_file(path);
  if (!bytes) return bytes.status();
  auto docs = doc::read_conllu(*bytes);
  if (!docs) return docs.status().with_context(path);
  return docs;
}

std::string base_name(const std::string& path) {
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Tags copies of `docs` with a tagger held in serialized container bytes; the trees stay gold.
Result<std::vector<doc::Document>> tag_copies(const std::string& tagger_bytes, const std::vector<doc::Document>& docs) {
  auto reader = ContainerReader::from_bytes(tagger_bytes, "", "(tagger in training)");
  if (!reader) return reader.status();
  auto tagger = tag::Tagger::load(*reader);
  if (!tagger) return tagger.status();
  std::vector<doc::Document> out;
  out.reserve(docs.size());
  for (const auto& d : docs) {
    doc::Document copy = d;
    tagger->annotate(copy);
    out.push_back(std::move(copy));
  }
  return out;
}

// Splits documents into sentence-level folds for jackknifing: sentence s goes to fold s % k. Each fold becomes
// one Document per source document so that tags come from a tagger that never saw the sentence.
std::vector<doc::Document> sentences_of(const std::vector<doc::Document>& docs, int fold, int k, bool in_fold) {
  std::vector<doc::Document> out;
  size_t global = 0;
  for (const auto& d : docs) {
    doc::Document part = d;
    part.sentences.clear();
    for (size_t s = 0; s < d.sentences.size(); ++s, ++global) {
      bool member = static_cast<int>(global % k) == fold;
      if (member == in_fold) part.sentences.add(d.sentences.first[s], d.sentences.last[s], d.sentences.paragraph[s]);
    }
    if (part.sentences.size()) out.push_back(std::move(part));
  }
  return out;
}

// Word classes shared by the tagger and the parser being trained (each stores its own copy): clustered from the
// training forms plus --cluster-text, or, when neither --cluster-text is given nor the base lacks them, the base
// model's "parser.clusters" (a retrain then keeps the classes the other component was trained with).
Result<text::WordClusters> resolve_clusters(const TrainArgs& args, const std::vector<doc::Document>& train_docs,
                                            const std::optional<ContainerReader>& base) {
  if (args.cluster_text.empty() && base && base->has("parser.clusters")) {
    auto section = base->section("parser.clusters");
    if (!section) return section.status();
    auto clusters = text::WordClusters::deserialize(*section, "parser.clusters");
    if (!clusters) return clusters.status().with_context("--base " + args.base);
    std::cerr << "word clusters: " << clusters->size() << " words, from " << args.base << "\n";
    return clusters;
  }
  std::vector<std::vector<uint64_t>> words;
  for (const auto& d : train_docs) parse::append_sentence_words(d, words);
  std::stringstream files(args.cluster_text);
  std::string file;
  while (std::getline(files, file, ',')) {
    if (file.empty()) continue;
    auto extra = read_treebank(file);
    if (!extra) return extra.status().with_context("--cluster-text");
    for (const auto& d : *extra) parse::append_sentence_words(d, words);
  }
  text::ClusterOptions options;
  if (args.cluster_coarse > 0) options.coarse = args.cluster_coarse;
  if (args.cluster_fine > 0) options.fine = args.cluster_fine;
  if (args.cluster_min_count > 0) options.min_count = args.cluster_min_count;
  return text::WordClusters::train(words, options, &std::cerr);
}

int run_train(const TrainArgs& args) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  std::set<std::string> components;
  {
    std::stringstream ss(args.components);
    std::string c;
    while (std::getline(ss, c, ','))
      if (!c.empty()) components.insert(c);
  }
  for (const auto& c : components)
    if (c != "tagger" && c != "parser") {
      print_error("train: unknown component '" + c + "' (expected tagger, parser)");
      return kExitUsage;
    }
  const bool train_tagger = components.count("tagger") != 0;
  const bool train_parser = components.count("parser") != 0;
  std::optional<ContainerReader> base;
  if (!args.base.empty()) {
    auto b = ContainerReader::open(args.base, "model.en");
    if (!b) {
      print_error("train: --base: " + b.status().to_string());
      return kExitUsage;
    }
    base = std::move(b.value());
  }
  if ((!train_tagger || !train_parser) && !base) {
    print_error("train: --components without every component needs --base MODEL to copy the others from");
    return kExitUsage;
  }

  auto train_docs = read_treebank(args.train_path);
  if (!train_docs) {
    print_error("train: " + train_docs.status().to_string());
    return kExitUsage;
  }
  std::vector<doc::Document> dev_docs;
  if (!args.dev_path.empty()) {
    auto d = read_treebank(args.dev_path);
    if (!d) {
      print_error("train: " + d.status().to_string());
      return kExitUsage;
    }
    dev_docs = std::move(d.value());
  }
  const std::string data = base_name(args.train_path);
  std::string out_path = args.out;
  if (out_path.size() < 6 || out_path.substr(out_path.size() - 6) != ".casus") out_path += ".casus";

  ContainerWriter out("model.en", "");
  std::ostringstream scores;
  std::optional<text::WordClusters> clusters;
  if (train_tagger || (train_parser && args.parser_average.empty())) {
    auto c = resolve_clusters(args, *train_docs, base);
    if (!c) {
      print_error("train: word clusters: " + c.status().to_string());
      return kExitUsage;
    }
    clusters = std::move(c.value());
  }

  // Tagger: trained here, or copied from the base model.
  ContainerWriter tagger_only("model.en", "tagger in training");
  if (train_tagger) {
    tag::TrainOptions topt;
    topt.seed = args.seed;
    if (args.tagger_epochs > 0) topt.epochs = args.tagger_epochs;
    else if (args.epochs > 0) topt.epochs = args.epochs;
    topt.use_wordnet = !args.no_wordnet;
    if (args.tagger_runs > 0) topt.runs = args.tagger_runs;
    topt.data_description = data;
    topt.clusters = *clusters;
    ContainerWriter tw("model.en", "");
    Status st = tag::train(*train_docs, dev_docs, topt, tw, std::cerr);
    if (!st.is_ok()) {
      print_error("train: tagger: " + st.to_string());
      return kExitUsage;
    }
    auto tr = ContainerReader::from_bytes(tw.serialize(), "model.en", "(tagger in training)");
    if (!tr) {
      print_error("train: tagger: " + tr.status().to_string());
      return kExitUsage;
    }
    for (const auto& [name, payload] : tr->sections()) {
      out.add(name, payload, !args.no_compress);
      tagger_only.add(name, payload, false);
    }
  } else {
    for (const auto& [name, payload] : base->sections())
      if (name.rfind("tagger.", 0) == 0 || name.rfind("lemma.", 0) == 0) {
        out.add(name, payload, !args.no_compress);
        tagger_only.add(name, payload, false);
      }
  }
  const std::string tagger_bytes = tagger_only.serialize();

  if (train_parser && !args.parser_average.empty()) {
    std::vector<ContainerReader> readers;
    std::stringstream list(args.parser_average);
    std::string path;
    std::string description = "parser: average of";
    while (std::getline(list, path, ',')) {
      if (path.empty()) continue;
      auto r = ContainerReader::open(path, "model.en");
      if (!r) {
        print_error("train: --parser-average: " + r.status().to_string());
        return kExitUsage;
      }
      description += " " + base_name(path);
      readers.push_back(std::move(r.value()));
    }
    std::vector<const ContainerReader*> models;
    for (const auto& r : readers) models.push_back(&r);
    ContainerWriter pw("model.en", "");
    if (args.parser_prune > 0) description += ", pruned below " + std::to_string(args.parser_prune);
    Status st = parse::average_parsers(models, args.parser_prune, description, pw);
    if (!st.is_ok()) {
      print_error("train: --parser-average: " + st.to_string());
      return kExitUsage;
    }
    auto pr = ContainerReader::from_bytes(pw.serialize(), "model.en", "(averaged parser)");
    if (!pr) {
      print_error("train: --parser-average: " + pr.status().to_string());
      return kExitUsage;
    }
    for (const auto& [name, payload] : pr->sections()) out.add(name, payload, !args.no_compress && name != "parser.config");
  } else if (train_parser) {
    // Dev is always parsed with predicted tags, as at run time.
    auto dev_tagged = tag_copies(tagger_bytes, dev_docs);
    if (!dev_tagged) {
      print_error("train: tagging dev: " + dev_tagged.status().to_string());
      return kExitUsage;
    }
    std::vector<doc::Document> parser_train;
    if (!args.parser_train_tagged.empty()) {
      auto pre = read_treebank(args.parser_train_tagged);
      if (!pre) {
        print_error("train: --parser-train-tagged: " + pre.status().to_string());
        return kExitUsage;
      }
      parser_train = std::move(pre.value());
    } else if (args.parser_tags == "gold") {
      parser_train = *train_docs;
    } else if (args.parser_tags == "jackknife" && args.folds >= 2) {
      // Each fold is tagged by a tagger trained on the other folds, so the parser sees tagging errors of the
      // kind it meets at run time.
      for (int fold = 0; fold < args.folds; ++fold) {
        tag::TrainOptions topt;
        topt.seed = args.seed + fold + 1;
        if (args.tagger_epochs > 0) topt.epochs = args.tagger_epochs;
        else if (args.epochs > 0) topt.epochs = args.epochs;
        topt.use_wordnet = !args.no_wordnet;
        topt.verbose = false;
        // One tagging pass by default (2x faster per fold); --jackknife-passes 2 tags like the shipped tagger.
        topt.passes = args.jackknife_passes;
        topt.compress_sections = false;
        topt.clusters = *clusters;
        ContainerWriter fw("model.en", "");
        auto rest = sentences_of(*train_docs, fold, args.folds, false);
        Status st = tag::train(rest, {}, topt, fw, std::cerr);
        if (!st.is_ok()) {
          print_error("train: jackknife tagger: " + st.to_string());
          return kExitUsage;
        }
        auto tagged = tag_copies(fw.serialize(), sentences_of(*train_docs, fold, args.folds, true));
        if (!tagged) {
          print_error("train: jackknife tagging: " + tagged.status().to_string());
          return kExitUsage;
        }
        std::cerr << "jackknife fold " << fold + 1 << "/" << args.folds << " tagged\n";
        for (auto& d : *tagged) parser_train.push_back(std::move(d));
      }
    } else {
      // Without retraining the tagger, tag the training data with the final tagger (near-gold tags).
      auto tagged = tag_copies(tagger_bytes, *train_docs);
      if (!tagged) {
        print_error("train: tagging train: " + tagged.status().to_string());
        return kExitUsage;
      }
      parser_train = std::move(tagged.value());
    }
    if (!args.save_parser_train.empty()) {
      std::string text;
      for (const auto& d : parser_train) doc::write_conllu(d, text);
      Status st = write_file_atomic(args.save_parser_train, text);
      if (!st.is_ok()) {
        print_error("train: --save-parser-train: " + st.to_string());
        return kExitUsage;
      }
    }
    parse::TrainOptions popt;
    popt.clusters = *clusters;
    popt.seed = args.seed;
    if (args.parser_epochs > 0) popt.epochs = args.parser_epochs;
    else if (args.epochs > 0) popt.epochs = args.epochs;
    popt.prune_threshold = args.parser_prune;
    popt.data_description = args.parser_train_tagged.empty()
                                ? data + " (" + args.parser_tags + " tags)"
                                : base_name(args.parser_train_tagged) + " (pre-tagged)";
    ContainerWriter pw("model.en", "");
    Status st = parse::train(parser_train, *dev_tagged, popt, pw, std::cerr);
    if (!st.is_ok()) {
      print_error("train: parser: " + st.to_string());
      return kExitUsage;
    }
    auto pr = ContainerReader::from_bytes(pw.serialize(), "model.en", "(parser in training)");
    if (!pr) {
      print_error("train: parser: " + pr.status().to_string());
      return kExitUsage;
    }
    for (const auto& [name, payload] : pr->sections()) out.add(name, payload, !args.no_compress && name != "parser.config");
  } else {
    for (const auto& [name, payload] : base->sections())
      if (name.rfind("parser.", 0) == 0) out.add(name, payload, !args.no_compress && name != "parser.config");
  }

  // Provenance: data, command, build and the dev scores of the finished model.
  std::ostringstream desc;
  desc << "casus English model: tagger, lemmatizer, parser. Trained on " << data;
  if (!args.dev_path.empty()) desc << " (dev " << base_name(args.dev_path) << ")";
  desc << " by casus " << kVersion << " (" << kGitHash << "); command: " << args.command_line << "; components "
       << args.components << (base ? " (others from " + args.base + ")" : std::string()) << ".";
  out.set_description(desc.str());
  std::string bytes = out.serialize();
  auto check = ContainerReader::from_bytes(bytes, "model.en", out_path);
  if (check && !dev_docs.empty()) {
    auto tagger = tag::Tagger::load(*check);
    auto parser = parse::Parser::load(*check);
    if (tagger && parser) {
      tag::Accuracy acc = tagger->evaluate(dev_docs);
      std::vector<doc::Document> tagged;
      for (const auto& d : dev_docs) {
        doc::Document c = d;
        tagger->annotate(c);
        tagged.push_back(std::move(c));
      }
      parse::Scores ps;
      for (size_t i = 0; i < tagged.size(); ++i) {
        doc::Document c = tagged[i];
        parser->annotate(c);
        parse::score_trees(dev_docs[i], c, ps);
      }
      char line[256];
      std::snprintf(line, sizeof line, " Dev (gold tokenization, predicted tags): UPOS %.2f XPOS %.2f UFeats %.2f "
                    "Lemma %.2f UAS %.2f LAS %.2f.", acc.pct(acc.upos), acc.pct(acc.xpos), acc.pct(acc.feats),
                    acc.pct(acc.lemma), ps.uas(), ps.las());
      desc << line;
      std::cerr << "model dev:" << line << "\n";
      out.set_description(desc.str());
      bytes = out.serialize();
    }
  }
  Status st = write_file_atomic(out_path, bytes);
  if (!st.is_ok()) {
    print_error("train: " + st.to_string());
    return kExitUsage;
  }
  std::cerr << "wrote " << out_path << " (" << bytes.size() << " bytes) in "
            << std::chrono::duration<double>(Clock::now() - t0).count() << " s\n";
  return kExitOk;
}

}  // namespace

Verb add_train_verb(CLI::App& app) {
  auto args = std::make_shared<TrainArgs>();
  auto* cmd = app.add_subcommand("train", "Train the tagger, lemmatizer and parser from CoNLL-U into one model file.");
  cmd->add_option("--train", args->train_path, "Training treebank (CoNLL-U)")->required();
  cmd->add_option("--dev", args->dev_path, "Development treebank (CoNLL-U): scored after every epoch");
  cmd->add_option("--out", args->out, "Output model path (\".casus\" is appended), e.g. models/en")->required();
  cmd->add_option("--components", args->components, "Comma list of components to train: tagger,parser");
  cmd->add_option("--base", args->base, "Model to copy the components not trained from");
  cmd->add_option("--seed", args->seed, "Random seed (shuffling, exploration); same seed, same model");
  cmd->add_option("--epochs", args->epochs, "Epochs for every component (default: each component's own)");
  cmd->add_option("--tagger-epochs", args->tagger_epochs, "Tagger epochs");
  cmd->add_option("--tagger-runs", args->tagger_runs,
                  "Perceptrons averaged into each tagger pass (trained in other sentence orders)");
  cmd->add_option("--parser-epochs", args->parser_epochs, "Parser epochs");
  cmd->add_option("--parser-prune", args->parser_prune, "Drop averaged parser weights below this magnitude");
  cmd->add_option("--parser-tags", args->parser_tags,
                  "Tags the parser trains on: jackknife (predicted by taggers trained on other folds), "
                  "predicted (final tagger), gold")
      ->check(CLI::IsMember({"jackknife", "predicted", "gold"}));
  cmd->add_option("--folds", args->folds, "Jackknife folds");
  cmd->add_option("--jackknife-passes", args->jackknife_passes, "Tagging passes of the jackknife taggers (1 or 2)")
      ->check(CLI::Range(1, 2));
  cmd->add_option("--cluster-text", args->cluster_text,
                  "Comma list of CoNLL-U files (forms only) clustered with --train into the word classes of the "
                  "tagger and the parser (default: reuse --base's parser.clusters, else --train alone)");
  cmd->add_option("--cluster-coarse", args->cluster_coarse, "Coarse word classes (default 64)");
  cmd->add_option("--cluster-fine", args->cluster_fine, "Fine word classes (default 512)");
  cmd->add_option("--cluster-min-count", args->cluster_min_count, "Words rarer than this get no class (default 3)");
  cmd->add_option("--parser-average", args->parser_average,
                  "Comma list of models whose parsers (same feature set and word classes) are averaged into the "
                  "output instead of training a parser");
  cmd->add_option("--save-parser-train", args->save_parser_train,
                  "Write the parser's (tagged) training data as CoNLL-U, for reuse with --parser-train-tagged");
  cmd->add_option("--parser-train-tagged", args->parser_train_tagged,
                  "Train the parser on this already tagged CoNLL-U (e.g. from --save-parser-train) instead of "
                  "tagging --train");
  cmd->add_flag("--no-wordnet", args->no_wordnet, "Lemma rules from the treebank only");
  cmd->add_flag("--no-compress", args->no_compress, "Write the sections uncompressed (quick experiments)");
  return {cmd, [args, cmd] {
            std::string line = "casus train";
            for (const auto& [flag, value] :
                 std::vector<std::pair<std::string, std::string>>{{"--train", args->train_path},
                                                                  {"--dev", args->dev_path},
                                                                  {"--out", args->out},
                                                                  {"--components", args->components},
                                                                  {"--base", args->base},
                                                                  {"--parser-tags", args->parser_tags},
                                                                  {"--parser-train-tagged", args->parser_train_tagged},
                                                                  {"--cluster-text", args->cluster_text},
                                                                  {"--parser-average", args->parser_average}})
              if (!value.empty()) line += " " + flag + " " + value;
            line += " --seed " + std::to_string(args->seed);
            if (args->epochs) line += " --epochs " + std::to_string(args->epochs);
            if (args->tagger_epochs) line += " --tagger-epochs " + std::to_string(args->tagger_epochs);
            if (args->tagger_runs) line += " --tagger-runs " + std::to_string(args->tagger_runs);
            if (args->parser_epochs) line += " --parser-epochs " + std::to_string(args->parser_epochs);
            if (args->jackknife_passes != 1) line += " --jackknife-passes " + std::to_string(args->jackknife_passes);
            if (args->cluster_coarse) line += " --cluster-coarse " + std::to_string(args->cluster_coarse);
            if (args->cluster_fine) line += " --cluster-fine " + std::to_string(args->cluster_fine);
            if (args->cluster_min_count) line += " --cluster-min-count " + std::to_string(args->cluster_min_count);
            args->command_line = line;
            (void)cmd;
            return run_train(*args);
          }};
}

}  // namespace casus::cli
