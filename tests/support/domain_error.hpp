#pragma once
// What a domain check threw, whole: a test of a rule compares the kind, code,
// field and message a client would see in one EXPECT_EQ, so a message that
// changes by a byte fails it.

#include <functional>
#include <ostream>
#include <string>

#include "domain/errors.hpp"

namespace maitred::test {

struct Thrown {
  std::string kind;  // InvalidInput, NotFound, IllegalOperation, other, or none
  std::string code;
  std::string field;
  std::string message;
  bool operator==(const Thrown&) const = default;
};

inline std::ostream& operator<<(std::ostream& out, const Thrown& t) {
  return out << t.kind << " {" << t.code << ", " << t.field << ", \"" << t.message << "\"}";
}

inline Thrown thrown(const std::function<void()>& f) {
  try {
    f();
  } catch (const domain::InvalidInput& e) {
    return {"InvalidInput", e.code, e.field, e.what()};
  } catch (const domain::NotFound& e) {
    return {"NotFound", e.code, e.field, e.what()};
  } catch (const domain::IllegalOperation& e) {
    return {"IllegalOperation", e.code, e.field, e.what()};
  } catch (const domain::DomainError& e) {
    return {"other", e.code, e.field, e.what()};
  }
  return {"none", "", "", ""};
}

// Nothing thrown.
inline const Thrown kAccepted{"none", "", "", ""};

}  // namespace maitred::test
