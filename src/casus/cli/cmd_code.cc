// casus code — the main job: read → clean → segment → tag/parse → mentions → events → JSON Lines and/or the store.
//
// Documents are processed in chunks: the reader fills a chunk (bounded memory), worker threads code it in
// parallel, and the chunk is written in input order (stable output whatever --threads is) and committed to the
// store as one transaction. A document that fails is reported as "casus: <doc>: <reason>" and skipped; the batch
// goes on and the exit code is 1.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>

#include "casus/cli/verbs.h"
#include "casus/clean/clean.h"
#include "casus/pipeline/resources.h"
#include "casus/read/input_source.h"
#include "casus/store/event_store.h"
#include "casus/util/parallel.h"
#include "casus/write/jsonl.h"

namespace casus::cli {

namespace {

struct CodeOptions {
  std::vector<std::string> inputs;
  std::string db, out, emit = "events", published, model = pipeline::kDefaultModelPath, kb = "kb",
              lexicon = "lexicon";
  unsigned threads = 0;
  size_t chunk = 256;
  size_t max_doc_bytes = size_t(8) << 20;
  int parse_beam = pipeline::kCoderParseBeam;
  bool summary = false, quiet = false;
};

struct Outcome {
  bool ok = false;
  std::string error;  // "casus: <doc>: <reason>" without the prefix
  std::string lines;  // JSON Lines of this document
};

class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}
  void update(size_t docs, size_t tokens, bool force = false) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    std::fprintf(stderr, "\rcasus code: %zu documents, %.0f docs/s, %.0f tokens/s   ", docs,
                 secs > 0 ? docs / secs : 0.0, secs > 0 ? tokens / secs : 0.0);
    std::fflush(stderr);
  }
  void finish() {
    if (enabled_) std::fputs("\n", stderr);
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_{};
};

int run_code(const CodeOptions& opt) {
  std::optional<Date> default_published;
  if (!opt.published.empty()) {
    default_published = Date::parse(opt.published);
    if (!default_published || default_published->precision != DatePrecision::kDay) {
      print_error("code: --published expects YYYY-MM-DD, got '" + opt.published + "'");
      return kExitUsage;
    }
  }
  write::Emit emit;
  if (opt.emit == "events") emit = write::Emit::kEvents;
  else if (opt.emit == "all") emit = write::Emit::kAll;
  else {
    print_error("code: --emit must be 'events' or 'all'");
    return kExitUsage;
  }
  read::ReadOptions read_options;
  read_options.max_document_bytes = opt.max_doc_bytes;
  auto source = read::InputSource::open(opt.inputs, read_options);
  if (!source) {
    print_error("code: " + source.status().message());
    return kExitUsage;
  }
  auto resources = pipeline::load_resources({opt.model, opt.kb, opt.lexicon, opt.parse_beam});
  if (!resources) {
    print_error("code: " + resources.status().to_string());
    return kExitUsage;
  }
  std::optional<store::EventStore> db;
  if (!opt.db.empty()) {
    auto s = store::EventStore::open(opt.db);
    if (!s) {
      print_error("code: " + s.status().to_string());
      return kExitUsage;
    }
    db.emplace(std::move(s.value()));
  }
  // JSON Lines go to --out, else to standard output unless the run only fills a store.
  std::ofstream out_file;
  std::ostream* out = nullptr;
  if (!opt.out.empty() && opt.out != "-") {
    out_file.open(opt.out, std::ios::binary);
    if (!out_file) {
      print_error("code: cannot write " + opt.out);
      return kExitUsage;
    }
    out = &out_file;
  } else if (opt.db.empty() || opt.out == "-") {
    out = &std::cout;
  }

  const unsigned threads = opt.threads ? opt.threads : std::max(1u, std::thread::hardware_concurrency());
  const auto& res = *resources;
  Progress progress(!opt.quiet && isatty(STDERR_FILENO));
  auto t0 = std::chrono::steady_clock::now();
  size_t n_docs = 0, n_errors = 0, n_tokens = 0, n_events = 0, n_quotes = 0;
  std::map<std::string, size_t> by_category;

  std::vector<read::Item> chunk;
  std::vector<Outcome> outcomes;
  auto code_one = [&](read::Item& item, Outcome& o) {
    try {
      doc::Document& d = item.document;
      Status s = clean::clean(d);
      if (!s.is_ok()) {
        o.error = s.message();
        return;
      }
      if (!d.meta.published && default_published) {
        d.meta.published = default_published;
        d.meta.published_source = "option";
      }
      s = res.nlp->run(d);
      if (!s.is_ok()) {
        o.error = s.message();
        return;
      }
      res.coder->code(d);
      write::append_records(d, emit, o.lines);
      o.ok = true;
    } catch (const std::exception& e) {
      o.error = std::string("internal error: ") + e.what();
    }
  };
  auto flush_chunk = [&]() -> bool {
    outcomes.assign(chunk.size(), Outcome{});
    parallel_for(chunk.size(), threads, [&](size_t i) { code_one(chunk[i], outcomes[i]); });
    std::vector<const doc::Document*> to_store;
    for (size_t i = 0; i < chunk.size(); ++i) {
      if (!outcomes[i].ok) {
        print_error(chunk[i].name + ": " + outcomes[i].error);
        ++n_errors;
        continue;
      }
      const doc::Document& d = chunk[i].document;
      ++n_docs;
      n_tokens += d.tokens.size();
      n_events += d.events.size();
      n_quotes += d.quotes.size();
      for (const auto& e : d.events) ++by_category[std::string(doc::plover_name(e.category))];
      if (out) out->write(outcomes[i].lines.data(), static_cast<std::streamsize>(outcomes[i].lines.size()));
      to_store.push_back(&d);
    }
    if (db && !to_store.empty()) {
      Status s = db->write(to_store);
      if (!s.is_ok()) {
        print_error("code: store: " + s.to_string());
        return false;
      }
    }
    chunk.clear();
    progress.update(n_docs, n_tokens);
    return true;
  };

  read::Item item;
  while (source->next(item)) {
    if (item.kind == read::Item::Kind::kError) {
      print_error(item.name + ": " + item.status.message());
      ++n_errors;
      continue;
    }
    if (item.kind == read::Item::Kind::kSkipped) {
      if (!opt.quiet) print_error(item.name + ": skipped: " + item.status.message());
      continue;
    }
    chunk.push_back(std::move(item));
    item = read::Item{};
    if (chunk.size() >= opt.chunk && !flush_chunk()) return kExitUsage;
  }
  if (!chunk.empty() && !flush_chunk()) return kExitUsage;
  if (out) out->flush();
  progress.update(n_docs, n_tokens, true);
  progress.finish();

  if (opt.summary) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::ostream& s = out == &std::cout ? std::cerr : std::cout;
    s << "casus code: " << n_docs << " documents coded, " << n_errors << " skipped, " << n_tokens << " tokens, "
      << n_events << " events, " << n_quotes << " quotes in " << secs << " s (resources loaded in "
      << res.load_ms << " ms)\n";
    s << "events by category:\n";
    for (const auto& [cat, n] : by_category) s << "  " << cat << std::string(12 - std::min<size_t>(cat.size(), 11), ' ') << n << "\n";
    if (db) {
      auto st = db->stats();
      if (st)
        s << "store " << opt.db << ": " << st->documents << " documents, " << st->events << " events in "
          << st->incidents << " incidents, " << st->quotes << " quotes, " << st->mentions << " mentions\n";
    }
  }
  return n_errors ? kExitSkipped : kExitOk;
}

}  // namespace

Verb add_code_verb(CLI::App& app) {
  auto opt = std::make_shared<CodeOptions>();
  auto* cmd = app.add_subcommand("code", "Code news documents into PLOVER events (JSON Lines and/or a store)");
  cmd->add_option("inputs", opt->inputs, "Files, directories (recursive) or - for JSON Lines on standard input")
      ->required();
  cmd->add_option("--db", opt->db, "Write documents, events, quotes and mentions to this SQLite store");
  cmd->add_option("--out", opt->out, "Write JSON Lines here (default: standard output unless --db is given)");
  cmd->add_option("--emit", opt->emit, "events (default) or all: also document, quote and mention records");
  cmd->add_option("--published", opt->published,
                  "Publication date (YYYY-MM-DD) for documents that have none and show none in their text");
  cmd->add_option("--threads", opt->threads, "Worker threads (default: all cores)");
  cmd->add_option("--chunk", opt->chunk, "Documents per parallel chunk and store transaction")->check(CLI::Range(1, 100000));
  cmd->add_option("--max-doc-bytes", opt->max_doc_bytes, "Skip documents larger than this (bytes)");
  cmd->add_option("--model", opt->model, "NLP model file")->capture_default_str();
  cmd->add_option("--parse-beam", opt->parse_beam, "Parser beam width (1 = greedy, what the coder is tuned on)")
      ->check(CLI::Range(1, 16))
      ->capture_default_str();
  cmd->add_option("--kb", opt->kb, "Knowledge base directory")->capture_default_str();
  cmd->add_option("--lexicon", opt->lexicon, "Event lexicon directory")->capture_default_str();
  cmd->add_flag("--summary", opt->summary, "Print a readable summary at the end");
  cmd->add_flag("-q,--quiet", opt->quiet, "No progress bar or skip notes");
  return {cmd, [opt] { return run_code(*opt); }};
}

}  // namespace casus::cli
