#include "json/json_reader.hpp"

#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "domain/errors.hpp"

namespace maitred::json {

namespace {

std::string describe_range(long long min, long long max) {
  return "from " + std::to_string(min) + " to " + std::to_string(max);
}

std::string_view view(const rapidjson::Value& v) {
  return {v.GetString(), v.GetStringLength()};
}

}  // namespace

void invalid(std::string field, const std::string& message, std::string code) {
  throw domain::InvalidInput(std::move(code), std::move(field), message);
}

ObjectReader::ObjectReader(const rapidjson::Value& value, std::string path) : object_(&value), path_(std::move(path)) {
  if (!value.IsObject()) {
    invalid(path_, path_.empty() ? "The body must be a JSON object." : "'" + path_ + "' must be an object.");
  }
  understood_.assign(value.MemberCount(), false);
}

std::string ObjectReader::field(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

const rapidjson::Value* ObjectReader::find(std::string_view key) {
  const rapidjson::SizeType count = object_->MemberCount();
  const auto members = object_->MemberBegin();
  for (rapidjson::SizeType n = 0; n < count; ++n) {
    const rapidjson::SizeType i = next_ + n < count ? next_ + n : next_ + n - count;
    if (view(members[i].name) != key) continue;
    understood_[i] = true;
    next_ = i + 1;
    return members[i].value.IsNull() ? nullptr : &members[i].value;
  }
  return nullptr;
}

bool ObjectReader::has(std::string_view key) const {
  auto it = object_->FindMember(rapidjson::Value(rapidjson::StringRef(key.data(), key.size())));
  return it != object_->MemberEnd() && !it->value.IsNull();
}

bool ObjectReader::is_null(std::string_view key) {
  (void)find(key);
  auto it = object_->FindMember(rapidjson::Value(rapidjson::StringRef(key.data(), key.size())));
  return it != object_->MemberEnd() && it->value.IsNull();
}

const rapidjson::Value* ObjectReader::raw(std::string_view key) {
  return find(key);
}

void ObjectReader::ignore(std::string_view key) {
  (void)find(key);
}

std::optional<std::string> ObjectReader::optional_string(std::string_view key, std::size_t max_length) {
  const auto* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (!v->IsString()) invalid(field(key), "'" + field(key) + "' must be a string.");
  if (v->GetStringLength() > max_length && core::utf8_length(view(*v)) > max_length) {
    invalid(field(key), "'" + field(key) + "' is longer than " + std::to_string(max_length) + " characters.");
  }
  return std::string(view(*v));
}

std::string ObjectReader::required_string(std::string_view key, std::size_t max_length) {
  auto value = optional_string(key, max_length);
  if (!value) invalid(field(key), "'" + field(key) + "' is required.", "missing_field");
  return *value;
}

std::string ObjectReader::required_name(std::string_view key, std::size_t max_length) {
  auto value = required_string(key, max_length);
  if (value.find_first_not_of(" \t\r\n") == std::string::npos) {
    invalid(field(key), "'" + field(key) + "' must not be empty.");
  }
  return value;
}

std::optional<long long> ObjectReader::optional_integer(std::string_view key, long long min, long long max) {
  const auto* v = find(key);
  if (v == nullptr) return std::nullopt;
  long long value = 0;
  if (v->IsInt64()) {
    value = v->GetInt64();
  } else if (v->IsDouble() && std::isfinite(v->GetDouble()) && std::trunc(v->GetDouble()) == v->GetDouble() &&
             std::fabs(v->GetDouble()) < 9.0e15) {
    value = static_cast<long long>(v->GetDouble());  // 4.0 is a whole number
  } else {
    invalid(field(key), "'" + field(key) + "' must be a whole number.");
  }
  if (value < min || value > max) {
    invalid(field(key), "'" + field(key) + "' must be " + describe_range(min, max) + ".");
  }
  return value;
}

long long ObjectReader::required_integer(std::string_view key, long long min, long long max) {
  auto value = optional_integer(key, min, max);
  if (!value) invalid(field(key), "'" + field(key) + "' is required.", "missing_field");
  return *value;
}

std::optional<double> ObjectReader::optional_number(std::string_view key, double min, double max) {
  const auto* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (!v->IsNumber()) invalid(field(key), "'" + field(key) + "' must be a number.");
  double value = v->GetDouble();
  if (!std::isfinite(value) || value < min || value > max) {
    invalid(field(key), "'" + field(key) + "' is out of range.");
  }
  return value;
}

std::optional<bool> ObjectReader::optional_bool(std::string_view key) {
  const auto* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (!v->IsBool()) invalid(field(key), "'" + field(key) + "' must be true or false.");
  return v->GetBool();
}

std::optional<ObjectReader> ObjectReader::optional_object(std::string_view key) {
  const auto* v = find(key);
  if (v == nullptr) return std::nullopt;
  return ObjectReader(*v, field(key));
}

std::optional<std::vector<ObjectReader>> ObjectReader::optional_object_array(std::string_view key,
                                                                             std::size_t max_items) {
  const auto* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (!v->IsArray()) invalid(field(key), "'" + field(key) + "' must be an array.");
  if (v->Size() > max_items) {
    invalid(field(key), "'" + field(key) + "' has more than " + std::to_string(max_items) + " items.");
  }
  std::vector<ObjectReader> out;
  out.reserve(v->Size());
  for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
    out.emplace_back((*v)[i], field(key) + "[" + std::to_string(i) + "]");
  }
  return out;
}

std::optional<std::vector<std::string>> ObjectReader::optional_string_array(std::string_view key, std::size_t max_items,
                                                                            std::size_t max_length) {
  const auto* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (!v->IsArray()) invalid(field(key), "'" + field(key) + "' must be an array of strings.");
  if (v->Size() > max_items) {
    invalid(field(key), "'" + field(key) + "' has more than " + std::to_string(max_items) + " items.");
  }
  std::vector<std::string> out;
  for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
    const auto& item = (*v)[i];
    std::string name = field(key) + "[" + std::to_string(i) + "]";
    if (!item.IsString()) invalid(name, "'" + name + "' must be a string.");
    if (item.GetStringLength() > max_length && core::utf8_length(view(item)) > max_length) {
      invalid(name, "'" + name + "' is longer than " + std::to_string(max_length) + " characters.");
    }
    out.emplace_back(view(item));
  }
  return out;
}

void ObjectReader::finish() const {
  const auto members = object_->MemberBegin();
  for (rapidjson::SizeType i = 0; i < object_->MemberCount(); ++i) {
    if (understood_[i]) continue;
    const std::string_view key = view(members[i].name);
    // A key given twice: which one counts would depend on the parser.
    for (rapidjson::SizeType j = 0; j < object_->MemberCount(); ++j) {
      if (understood_[j] && view(members[j].name) == key) {
        invalid(field(key), "'" + field(key) + "' is given twice.", "duplicate_field");
      }
    }
    invalid(field(key), "Unknown field '" + field(key) + "'.", "unknown_field");
  }
}

}  // namespace maitred::json
