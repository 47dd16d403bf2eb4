// casus parse: raw text or CoNLL-U in, CoNLL-U out.
//
//   casus parse [FILE...]                       segment raw text (stdin when no FILE or FILE is '-')
//   casus parse --input conllu GOLD.conllu       keep the given tokens and sentences
//   --threads N                                  documents in parallel (default: all cores), output in input order
//
// Flow per document: load (text → segment, or CoNLL-U → tokens/sentences) → annotate → write. Tagging,
// lemmatizing and parsing plug into annotate() below; loading and writing do not change when they land.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "casus/cli/verbs.h"
#include "casus/doc/conllu.h"
#include "casus/doc/document.h"
#include "casus/pipeline/pipeline.h"
#include "casus/segment/segmenter.h"
#include "casus/text/utf8.h"
#include "casus/util/file.h"
#include "casus/util/parallel.h"

namespace casus::cli {

namespace {

struct ParseOptions {
  std::vector<std::string> inputs;
  std::string input_format = "text";
  std::string output_format = "conllu";
  std::string model = pipeline::kDefaultModelPath;  // tagger + lemmatizer + parser
  bool model_given = false;
  unsigned threads = 0;  // 0: all cores
};

// Shared, immutable resources of the verb (loaded once): the segmenter and, when a model is found, the tagger,
// lemmatizer and parser (one pipeline object).
struct ParseResources {
  pipeline::Pipeline pipeline;
};

Result<std::string> read_input(const std::string& path) {
  if (path.empty() || path == "-") {
    std::string data((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    if (std::cin.bad()) return Status(Code::kIo, "<stdin>: read failed");
    return data;
  }
  return read_file(path);
}

// Invalid UTF-8 bytes become U+FFFD so that every FORM written is valid UTF-8 (one replacement per bad byte,
// the same rule as text::decode_at).
std::string repair_utf8(std::string data) {
  if (text::find_invalid_utf8(data) == std::string::npos) return data;
  std::string out;
  out.reserve(data.size() + 16);
  size_t pos = 0;
  while (pos < data.size()) {
    size_t at = pos;
    char32_t cp = text::decode_at(data, pos);
    if (cp == text::kReplacementChar && pos - at == 1)
      text::append_utf8(out, cp);
    else
      out.append(data, at, pos - at);
  }
  return out;
}

// Loads the documents of one input: raw text is one document (paragraphs by blank lines); CoNLL-U keeps its
// tokens and sentences and drops its annotation columns.
Result<std::vector<doc::Document>> load_documents(const std::string& path, const ParseOptions& opt,
                                                  const ParseResources& res) {
  auto data = read_input(path);
  if (!data) return data.status();
  std::string name = path.empty() || path == "-" ? "<stdin>" : path;
  std::vector<doc::Document> docs;
  if (opt.input_format == "conllu") {
    doc::ConlluReadOptions ro;
    ro.keep_annotations = false;
    // One document per "# newdoc" block (CoNLL-U's own document unit), so that documents can be parsed in
    // parallel; a file without such lines is one document.
    const std::string_view all = *data;
    size_t begin = 0, begin_line = 1;  // the block's first byte and its line number in the file
    auto read_block = [&](size_t end) -> Status {
      if (all.substr(begin, end - begin).find_first_not_of(" \t\r\n") == std::string_view::npos) return Status::ok();
      auto read = doc::read_conllu(std::string(all.substr(begin, end - begin)), ro);
      // The reader counts lines from the block's start: say where the block starts in the file.
      if (!read) return read.status().with_context("document at line " + std::to_string(begin_line)).with_context(name);
      for (auto& d : read.value()) docs.push_back(std::move(d));
      return Status::ok();
    };
    for (size_t pos = 0; pos < all.size();) {
      size_t eol = all.find('\n', pos);
      if (eol == std::string_view::npos) eol = all.size();
      if (pos > begin && all.substr(pos, 8) == "# newdoc") {
        CASUS_RETURN_IF_ERROR(read_block(pos));
        begin_line += static_cast<size_t>(std::count(all.begin() + static_cast<std::ptrdiff_t>(begin),
                                                     all.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
        begin = pos;
      }
      pos = eol + 1;
    }
    CASUS_RETURN_IF_ERROR(read_block(all.size()));
    return docs;
  }
  doc::Document d;
  d.text = repair_utf8(std::move(data).value());
  if (path != "-") d.meta.path = path;
  Status s = res.pipeline.segment(d);
  if (!s) return s.with_context(name);
  docs.push_back(std::move(d));
  return docs;
}

// The annotation stages after segmentation: tagging, lemmatizing and parsing (src/casus/pipeline/). Without a
// model documents keep only their tokens and sentences.
Status annotate(doc::Document& doc, const ParseResources& res) {
  res.pipeline.annotate(doc);
  return Status::ok();
}

int run_parse(const ParseOptions& opt) {
  if (opt.input_format != "text" && opt.input_format != "conllu") {
    print_error("parse: --input must be text or conllu, not '" + opt.input_format + "'");
    return kExitUsage;
  }
  if (opt.output_format != "conllu") {
    print_error("parse: --output must be conllu, not '" + opt.output_format + "'");
    return kExitUsage;
  }
  auto res = std::make_unique<ParseResources>();
  {
    auto loaded = pipeline::Pipeline::load(opt.model);
    if (loaded) {
      res->pipeline = std::move(loaded.value());
    } else if (opt.model_given || loaded.status().code() != Code::kModelMissing) {
      // A model named on the command line, or a default model that exists but cannot be used, is an error.
      print_error("parse: " + loaded.status().to_string());
      return kExitUsage;
    } else {
      print_error("parse: no model at " + opt.model + ": writing segmentation only");
    }
  }
  std::vector<std::string> inputs = opt.inputs;
  if (inputs.empty()) inputs.push_back("-");
  const unsigned threads = opt.threads ? opt.threads : std::max(1u, std::thread::hardware_concurrency());
  int exit_code = kExitOk;
  std::string out;
  for (const auto& path : inputs) {
    auto docs = load_documents(path, opt, *res);
    if (!docs) {
      print_error(docs.status().to_string());
      exit_code = kExitSkipped;
      continue;
    }
    // Documents are annotated in parallel (the pipeline is immutable and thread-safe) and written in input order.
    std::vector<Status> status(docs->size(), Status::ok());
    parallel_for(docs->size(), threads, [&](size_t i) { status[i] = annotate((*docs)[i], *res); });
    for (size_t i = 0; i < docs->size(); ++i) {
      if (!status[i]) {
        print_error(status[i].with_context(path).to_string());
        exit_code = kExitSkipped;
        continue;
      }
      out.clear();
      doc::write_conllu((*docs)[i], out);
      std::fwrite(out.data(), 1, out.size(), stdout);
    }
  }
  std::fflush(stdout);
  return exit_code;
}

}  // namespace

Verb add_parse_verb(CLI::App& app) {
  auto opt = std::make_shared<ParseOptions>();
  auto* cmd = app.add_subcommand("parse", "Segment, tag, lemmatize and parse text; write CoNLL-U.");
  cmd->add_option("inputs", opt->inputs, "Input files ('-' or none: standard input)");
  cmd->add_option("--input", opt->input_format, "Input format: text (raw text, segmented) or conllu (keep tokens)")
      ->capture_default_str();
  cmd->add_option("--output", opt->output_format, "Output format: conllu")->capture_default_str();
  cmd->add_option("--model", opt->model, "Model file (tagger, lemmatizer, parser)")->capture_default_str()
      ->each([opt](const std::string&) { opt->model_given = true; });
  cmd->add_option("--threads", opt->threads, "Worker threads over documents (0: all cores); output keeps input order")
      ->capture_default_str();
  return {cmd, [opt] { return run_parse(*opt); }};
}

}  // namespace casus::cli
