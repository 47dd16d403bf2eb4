// Placeholder implementation so dependents link while the tagger lands.
#include "casus/tag/tagger.h"

namespace casus::tag {

Status train(const std::vector<doc::Document>&, const std::vector<doc::Document>&, const TrainOptions&,
             ContainerWriter&, std::ostream&) {
  return Status(Code::kInternal, "tagger training not built yet");
}
Result<Tagger> Tagger::load(const ContainerReader&) {
  return Status(Code::kModelMissing, "tagger not built yet");
}
void Tagger::annotate(doc::Document&) const {}
std::string Tagger::lemmatize(std::string_view form, doc::UPos, std::string_view) const { return std::string(form); }
Accuracy Tagger::evaluate(const std::vector<doc::Document>&) const { return {}; }
std::string Tagger::describe() const { return "tagger (placeholder)"; }

}  // namespace casus::tag
