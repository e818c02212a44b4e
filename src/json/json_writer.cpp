#include "json/json_writer.hpp"

namespace maitred::json {

std::string quoted(std::string_view text) {
  std::string out;
  JsonWriter writer(out);
  writer.string(text);
  return out;
}

}  // namespace maitred::json
