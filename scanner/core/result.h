// Result<T>: a value or an error message, returned across module edges.
//
// std::expected is C++23; this is the small subset we need. Library code never
// throws across its public headers: it returns Result<T> (or reports an
// Issue/ScanError into a sink) and only the CLI turns errors into exit codes.
#pragma once

#include <string>
#include <utility>
#include <variant>

#include "core/text.h"

namespace modelprov {

struct Error {
  std::string message;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}        // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  // Precondition: ok().
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  // Precondition: !ok().
  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

// For operations that produce nothing but can fail.
struct Ok {};
using Status = Result<Ok>;

// Capped like ScanError messages (a little longer: usage errors may list
// the names the user could have meant).
inline constexpr size_t kMaxUsageErrorBytes = 1000;
inline Error MakeError(std::string message) {
  if (message.size() > kMaxUsageErrorBytes) message = Abbreviate(message, kMaxUsageErrorBytes);
  return Error{std::move(message)};
}

}  // namespace modelprov
