// `casus lexicon check|show|match`: curator tools for the event lexicon (docs/LEXICON.md).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "casus/cli/verbs.h"
#include "casus/code/clause_repair.h"
#include "casus/doc/conllu.h"
#include "casus/lexicon/lexicon.h"
#include "casus/util/file.h"

namespace casus::cli {

namespace {

struct LexiconOptions {
  std::string dir = "lexicon";
  bool quiet = false;
  bool werror = false;
  std::string what;
  std::string input = "-";
};

int run_check(const LexiconOptions& o) {
  auto diags = lexicon::Lexicon::check(o.dir);
  int errors = 0, warnings = 0;
  for (const auto& d : diags) {
    (d.error ? errors : warnings)++;
    if (d.error || !o.quiet) std::fprintf(stderr, "%s/%s\n", o.dir.c_str(), d.to_string().c_str());
  }
  if (errors > 0) {
    print_error("lexicon check: " + std::to_string(errors) + " error(s), " + std::to_string(warnings) + " warning(s)");
    return kExitSkipped;
  }
  auto lex = lexicon::Lexicon::load(o.dir);
  if (!lex) {
    print_error(lex.status().to_string());
    return kExitSkipped;
  }
  const auto& st = lex->stats();
  size_t reviewed = 0;
  for (const auto& r : lex->rules())
    if (r.reviewed != "no") ++reviewed;
  std::printf("lexicon %s: ok: %zu files, %zu rules (%zu reviewed), %zu trigger lemmas, %zu cue phrases, "
              "%zu modality cues, %d warning(s), loaded in %.1f ms\n",
              o.dir.c_str(), st.files, st.rules, reviewed, st.trigger_lemmas, lex->cues().phrases().size(),
              lex->cues().modality().size(), warnings, st.load_ms);
  if (o.werror && warnings > 0) return kExitSkipped;
  return kExitOk;
}

void print_rule(const lexicon::Rule& r) {
  std::string lemmas;
  for (size_t i = 0; i < r.lemmas.size(); ++i) lemmas += (i ? "|" : "") + r.lemmas[i];
  std::string ctx;
  for (size_t i = 0; i < r.context.size(); ++i) ctx += (i ? "," : "") + r.context[i];
  std::printf("%s\t%s\t%s\t%s\t%s\tcontext=%s\tconfidence=%.2f\treviewed=%s\t%s:%d\n", r.id.c_str(),
              std::string(doc::plover_name(r.category)).c_str(), r.mode.empty() ? "-" : r.mode.c_str(),
              lemmas.c_str(), lexicon::template_to_string(r.tmpl).c_str(), ctx.empty() ? "-" : ctx.c_str(),
              r.confidence, r.reviewed.c_str(), r.file.c_str(), r.line);
  if (!r.notes.empty()) std::printf("\t# %s\n", r.notes.c_str());
}

int run_show(const LexiconOptions& o) {
  auto lex = lexicon::Lexicon::load(o.dir);
  if (!lex) {
    print_error(lex.status().to_string());
    return kExitSkipped;
  }
  if (const lexicon::Rule* r = lex->find_rule(o.what)) {
    print_rule(*r);
    return kExitOk;
  }
  auto cat = doc::plover_from_name(o.what);
  if (!cat) {
    print_error("lexicon show: \"" + o.what + "\" is neither a PLOVER category nor a rule id");
    return kExitUsage;
  }
  const auto& ci = lex->category(*cat);
  std::printf("%s  score %+.1f (%s)  %s  requires recipient: %s  future → %s\n  %s\n",
              std::string(doc::plover_name(*cat)).c_str(), ci.score, ci.score_source.c_str(), ci.quad.c_str(),
              ci.requires_recipient ? "yes" : "no",
              ci.future_category == doc::Plover::kNone ? "(aux future)"
                                                       : std::string(doc::plover_name(ci.future_category)).c_str(),
              ci.description.c_str());
  for (const auto& m : ci.modes)
    std::printf("  mode %-15s %+5.1f (%s)  %s\n", m.name.c_str(), m.score, m.source.c_str(), m.description.c_str());
  size_t n = 0;
  for (const auto& r : lex->rules())
    if (r.category == *cat) {
      print_rule(r);
      ++n;
    }
  std::printf("%zu rules\n", n);
  return kExitOk;
}

std::string tokens_text(const doc::Document& d, const std::vector<doc::TokenIdx>& toks) {
  std::string out;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (i) out += ",";
    out += std::string(d.token_text(toks[i])) + "#" + std::to_string(toks[i] - d.sentences.first[d.sentence_of(toks[i])] + 1);
  }
  return out.empty() ? "-" : out;
}

int run_match(const LexiconOptions& o) {
  auto lex = lexicon::Lexicon::load(o.dir);
  if (!lex) {
    print_error(lex.status().to_string());
    return kExitSkipped;
  }
  std::string data;
  if (o.input == "-") {
    data.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    auto bytes = read_file(o.input);
    if (!bytes) {
      print_error(bytes.status().to_string());
      return kExitSkipped;
    }
    data = std::move(*bytes);
  }
  auto docs = doc::read_conllu(data);
  if (!docs) {
    print_error(docs.status().to_string());
    return kExitSkipped;
  }
  for (auto& d : *docs) {
    code::repair_participle_clauses(d);  // the trees the coder matches, not the parser's raw output
    for (size_t s = 0; s < d.sentences.size(); ++s) {
      std::printf("# %zu: %s\n", s, std::string(d.sentence_text(s)).c_str());
      for (const auto& m : lex->match(d, s)) {
        std::string cues;
        for (const auto& c : m.cues)
          cues += (cues.empty() ? "" : ",") + std::string(lexicon::cue_kind_name(c.kind)) + ":" +
                  std::string(d.token_text(c.token));
        std::printf("  %-28s %s/%s  trigger=%s actor=%s recipient=%s action=%s object=%s%s%s%s aux=%s cues=%s conf=%.2f\n",
                    m.rule->id.c_str(), std::string(doc::plover_name(m.category)).c_str(),
                    m.mode.empty() ? "-" : std::string(m.mode).c_str(), tokens_text(d, m.trigger_tokens).c_str(),
                    tokens_text(d, m.actor).c_str(), tokens_text(d, m.recipient).c_str(),
                    tokens_text(d, m.action).c_str(), tokens_text(d, m.object).c_str(),
                    m.passive ? " passive" : "", m.reciprocal ? " reciprocal" : "",
                    m.actor_inherited ? " actor-inherited" : "",
                    m.aux_hint == doc::Aux::kNone ? "-" : std::string(doc::aux_name(m.aux_hint)).c_str(),
                    cues.empty() ? "-" : cues.c_str(), m.confidence);
      }
      for (const auto& p : lex->cues().find_phrases(d, s))
        std::printf("  cue %-10s %-24s %s\n", std::string(p.kind).c_str(), std::string(p.id).c_str(),
                    std::string(d.text.substr(d.tokens.begin[p.first], d.tokens.end[p.last - 1] - d.tokens.begin[p.first])).c_str());
    }
  }
  return kExitOk;
}

}  // namespace

Verb add_lexicon_verb(CLI::App& app) {
  auto opts = std::make_shared<LexiconOptions>();
  auto* cmd = app.add_subcommand("lexicon", "Check, inspect and try out the event lexicon (docs/LEXICON.md)");
  cmd->require_subcommand(1);
  auto* check = cmd->add_subcommand("check", "Validate every lexicon file; exit 1 on errors");
  check->add_option("--lexicon", opts->dir, "Lexicon directory")->capture_default_str();
  check->add_flag("--quiet,-q", opts->quiet, "Print errors only");
  check->add_flag("--werror", opts->werror, "Treat warnings as errors");
  auto* show = cmd->add_subcommand("show", "Show a category (modes, scores, rules) or one rule");
  show->add_option("what", opts->what, "CATEGORY or RULE_ID")->required();
  show->add_option("--lexicon", opts->dir, "Lexicon directory")->capture_default_str();
  auto* match = cmd->add_subcommand("match", "Print the rules that fire on each sentence of a CoNLL-U file");
  match->add_option("input", opts->input, "CoNLL-U file, or - for standard input")->capture_default_str();
  match->add_option("--lexicon", opts->dir, "Lexicon directory")->capture_default_str();
  return {cmd, [opts, check, show, match] {
            if (check->parsed()) return run_check(*opts);
            if (show->parsed()) return run_show(*opts);
            if (match->parsed()) return run_match(*opts);
            return kExitUsage;
          }};
}

}  // namespace casus::cli
