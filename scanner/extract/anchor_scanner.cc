#include "extract/anchor_scanner.h"

#include <hs/hs.h>

#include <algorithm>

namespace modelprov {

Result<std::unique_ptr<AnchorScanner>> AnchorScanner::Compile(std::vector<Anchor> anchors) {
  std::unique_ptr<AnchorScanner> s(new AnchorScanner());
  // Empty anchors would match everywhere; duplicates waste states.
  std::erase_if(anchors, [](const Anchor& a) { return a.text.empty(); });
  s->anchors_ = std::move(anchors);
  if (s->anchors_.empty()) return s;
  std::vector<const char*> exprs;
  std::vector<size_t> lens;
  std::vector<unsigned> flags, ids;
  for (size_t i = 0; i < s->anchors_.size(); ++i) {
    exprs.push_back(s->anchors_[i].text.c_str());
    lens.push_back(s->anchors_[i].text.size());
    flags.push_back(HS_FLAG_CASELESS);
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_compile_error_t* err = nullptr;
  if (hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(), lens.data(),
                           static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK, nullptr, &s->db_,
                           &err) != HS_SUCCESS) {
    std::string msg = err != nullptr && err->message != nullptr ? err->message : "unknown error";
    hs_free_compile_error(err);
    return Error{"cannot compile the detection anchors: " + msg};
  }
  if (hs_alloc_scratch(s->db_, &s->prototype_) != HS_SUCCESS) {
    return Error{"cannot allocate scratch space for the detection anchors"};
  }
  return s;
}

AnchorScanner::~AnchorScanner() {
  for (hs_scratch* p : pool_) hs_free_scratch(p);
  if (prototype_ != nullptr) hs_free_scratch(prototype_);
  if (db_ != nullptr) hs_free_database(db_);
}

hs_scratch* AnchorScanner::TakeScratch() const {
  {
    std::lock_guard<std::mutex> lock(pool_mutex_);
    if (!pool_.empty()) {
      hs_scratch* s = pool_.back();
      pool_.pop_back();
      return s;
    }
  }
  hs_scratch* s = nullptr;
  if (hs_clone_scratch(prototype_, &s) != HS_SUCCESS) return nullptr;
  return s;
}

void AnchorScanner::ReturnScratch(hs_scratch* s) const {
  std::lock_guard<std::mutex> lock(pool_mutex_);
  pool_.push_back(s);
}

std::vector<AnchorHit> AnchorScanner::Scan(std::string_view text) const {
  struct Context {
    const AnchorScanner* self;
    std::vector<AnchorHit> hits;
  } ctx{this, {}};
  if (db_ == nullptr || text.empty()) return ctx.hits;
  hs_scratch* scratch = TakeScratch();
  if (scratch == nullptr) return ctx.hits;
  auto on_match = [](unsigned id, unsigned long long /*from*/, unsigned long long to, unsigned /*flags*/,
                     void* p) -> int {
    auto* c = static_cast<Context*>(p);
    const Anchor& a = c->self->anchors_[id];
    size_t end = static_cast<size_t>(to);
    c->hits.push_back({end - a.text.size(), end, a.kind});
    return 0;
  };
  // hs_scan takes an unsigned length: scan files over 4 GiB in pieces (the
  // pipeline's size limit keeps them far smaller in practice).
  constexpr size_t kPiece = size_t{1} << 30;
  for (size_t off = 0; off < text.size(); off += kPiece) {
    size_t n = std::min(kPiece, text.size() - off);
    size_t before = ctx.hits.size();
    hs_scan(db_, text.data() + off, static_cast<unsigned>(n), 0, scratch, on_match, &ctx);
    for (size_t i = before; i < ctx.hits.size(); ++i) {
      ctx.hits[i].begin += off;
      ctx.hits[i].end += off;
    }
  }
  ReturnScratch(scratch);
  return ctx.hits;
}

bool AnchorScanner::AnyHit(std::string_view text, const std::function<bool(const AnchorHit&)>& keep) const {
  if (db_ == nullptr || text.empty()) return false;
  hs_scratch* scratch = TakeScratch();
  if (scratch == nullptr) return true;  // cannot tell: let the file be read
  struct Context {
    const AnchorScanner* self;
    const std::function<bool(const AnchorHit&)>* keep;
    size_t offset;
    bool hit;
  } ctx{this, &keep, 0, false};
  auto on_match = [](unsigned id, unsigned long long, unsigned long long to, unsigned, void* p) -> int {
    auto* c = static_cast<Context*>(p);
    const Anchor& a = c->self->anchors_[id];
    size_t end = c->offset + static_cast<size_t>(to);
    if (!(*c->keep)({end - a.text.size(), end, a.kind})) return 0;
    c->hit = true;
    return 1;  // stop scanning
  };
  constexpr size_t kPiece = size_t{1} << 30;
  for (size_t off = 0; off < text.size() && !ctx.hit; off += kPiece) {
    size_t n = std::min(kPiece, text.size() - off);
    ctx.offset = off;
    hs_scan(db_, text.data() + off, static_cast<unsigned>(n), 0, scratch, on_match, &ctx);
  }
  ReturnScratch(scratch);
  return ctx.hit;
}

}  // namespace modelprov
