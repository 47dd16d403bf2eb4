#include "casus/analysis/context.h"

#include <chrono>

#include "casus/analysis/options.h"

namespace casus::analysis {

Result<Context> prepare(const CommonParams& p, bool need_kb, bool history, LoadOptions load,
                        std::shared_ptr<const kb::KnowledgeBase> kb) {
  Context ctx;
  auto unit = unit_from_name(p.unit);
  if (!unit) return Status(Code::kUsage, "bad unit \"" + p.unit + "\" (incidents, reports or auto)");
  load.unit = *unit;
  if (!p.from.empty()) {
    auto d = parse_day_bound(p.from, false);
    if (!d) return d.status();
    ctx.from_day = *d;
  }
  if (!p.to.empty()) {
    auto d = parse_day_bound(p.to, true);
    if (!d) return d.status();
    ctx.to_day = *d;
  }
  if (!history) load.from_day = ctx.from_day;
  load.to_day = ctx.to_day;
  if (kb) {
    ctx.kb = std::move(kb);
  } else if (!p.kb_dir.empty()) {
    auto k = kb::KnowledgeBase::load(p.kb_dir);
    if (!k) {
      if (need_kb) return k.status();
    } else {
      ctx.kb = std::make_shared<const kb::KnowledgeBase>(std::move(k.value()));
    }
  }
  if (need_kb && !ctx.kb) return Status(Code::kUsage, "this analysis needs the KB (--kb DIR)");
  auto c = open_store(p.db);
  if (!c) return c.status();
  ctx.store = std::move(c.value());
  auto t0 = std::chrono::steady_clock::now();
  auto d = load_dataset(*ctx.store, load);
  if (!d) return d.status();
  ctx.data = std::move(d.value());
  ctx.load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ctx.load = load;
  return ctx;
}

}  // namespace casus::analysis
