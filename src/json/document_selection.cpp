#include "json/document_selection.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <stdexcept>

#include "domain/search_rules.hpp"

namespace maitred::json {

namespace {

using Kind = domain::SearchValue::Kind;

// A field's value as the SQL compilers see what json_extract returns: absent
// (or null), a number (booleans as 0 and 1), or text (objects and arrays as
// their JSON text).
struct Field {
  enum class Type { none, number, text } type = Type::none;
  double number = 0;
  std::string text;
};

bool all_digits(std::string_view s) {
  return !s.empty() && std::ranges::all_of(s, [](char c) { return c >= '0' && c <= '9'; });
}

// The value at a dotted path; an all-digit segment indexes an array.
const rapidjson::Value* find(const rapidjson::Value& root, std::string_view path) {
  const rapidjson::Value* at = &root;
  while (at != nullptr) {
    const auto dot = path.find('.');
    const auto segment = path.substr(0, dot);
    if (at->IsArray() && all_digits(segment)) {
      const auto first = segment.find_first_not_of('0');
      const auto digits = first == std::string_view::npos ? std::string_view("0") : segment.substr(first);
      const auto index = digits.size() <= 9 ? std::stoul(std::string(digits)) : at->Size();
      at = index < at->Size() ? &(*at)[static_cast<rapidjson::SizeType>(index)] : nullptr;
    } else if (at->IsObject()) {
      // A Value key: a bare StringRef would be read as a C string, to the
      // end of the whole path.
      const rapidjson::Value key(
          rapidjson::StringRef(segment.data(), static_cast<rapidjson::SizeType>(segment.size())));
      auto member = at->FindMember(key);
      at = member == at->MemberEnd() ? nullptr : &member->value;
    } else {
      at = nullptr;
    }
    if (dot == std::string_view::npos) break;
    path = path.substr(dot + 1);
  }
  return at;
}

Field field_at(const rapidjson::Value& root, std::string_view path) {
  const auto* v = find(root, path);
  Field f;
  if (v == nullptr || v->IsNull()) return f;
  if (v->IsBool() || v->IsNumber()) {
    f.type = Field::Type::number;
    f.number = v->IsBool() ? (v->GetBool() ? 1 : 0) : v->GetDouble();
    return f;
  }
  f.type = Field::Type::text;
  if (v->IsString()) {
    f.text.assign(v->GetString(), v->GetStringLength());
  } else {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    v->Accept(writer);
    f.text.assign(buffer.GetString(), buffer.GetSize());
  }
  return f;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Quoted text that reads wholly as a number equals that number (the SQL
// stores compare a numeric column so).
std::optional<double> as_number(const std::string& text) {
  // Decimal only: strtod would also read " 2", "0x10" and "inf".
  if (text.empty() || text.find_first_not_of("0123456789+-.eE") != std::string::npos) return std::nullopt;
  char* end = nullptr;
  const double n = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(n)) return std::nullopt;
  return n;
}

bool equals(const Field& f, const domain::SearchTerm& term) {
  const auto& value = term.value;
  if (domain::is_phone_path(term.path) && value.kind != Kind::boolean) {
    return f.type == Field::Type::text && domain::normalise_phone(f.text) == domain::normalise_phone(value.text);
  }
  switch (value.kind) {
    case Kind::string:
      if (f.type == Field::Type::number) return as_number(value.text) == f.number;
      return f.type == Field::Type::text && f.text == value.instant.value_or(value.text);
    case Kind::number: return f.type == Field::Type::number && f.number == value.number;
    case Kind::boolean: return f.type == Field::Type::number && f.number == (value.boolean ? 1 : 0);
  }
  return false;
}

bool holds(const rapidjson::Value& doc, const domain::SearchTerm& term) {
  domain::require_field_path(term.path);
  const Field f = field_at(doc, term.path);
  const auto& value = term.value;
  switch (term.op) {
    case domain::SearchOp::equals: return equals(f, term);
    case domain::SearchOp::less:
    case domain::SearchOp::greater: {
      const bool less = term.op == domain::SearchOp::less;
      if (value.kind == Kind::number) {
        return f.type == Field::Type::number && (less ? f.number < value.number : f.number > value.number);
      }
      if (value.kind == Kind::string && value.instant) {
        return f.type == Field::Type::text && (less ? f.text < *value.instant : f.text > *value.instant);
      }
      throw std::invalid_argument("document selection: '<' and '>' need a number or an instant");
    }
    case domain::SearchOp::contains:
      if (value.kind != Kind::string) throw std::invalid_argument("document selection: ';' needs a string");
      return f.type == Field::Type::text && ascii_lower(f.text).find(ascii_lower(value.text)) != std::string::npos;
  }
  return false;
}

// -1, 0, 1 in the SQL stores' ORDER BY: none, then numbers, then text.
int compare(const Field& a, const Field& b) {
  if (a.type != b.type) return a.type < b.type ? -1 : 1;
  if (a.type == Field::Type::number) return a.number < b.number ? -1 : (a.number > b.number ? 1 : 0);
  return a.text.compare(b.text) < 0 ? -1 : (a.text == b.text ? 0 : 1);
}

struct Row {
  std::string json;
  std::vector<Field> keys;
};

}  // namespace

std::vector<std::string> select_documents(std::vector<std::string> documents, const DocumentSelection& selection) {
  static const std::vector<domain::SortKey> kNoSort;
  const auto& sort = selection.sort == nullptr ? kNoSort : *selection.sort;
  for (const auto& key : sort) domain::require_field_path(key.path);
  std::vector<Row> rows;
  for (auto& json : documents) {
    rapidjson::Document doc;
    doc.Parse(json.data(), json.size());
    if (doc.HasParseError()) throw std::invalid_argument("document selection: a document is not JSON");
    if (selection.filter != nullptr &&
        !std::ranges::all_of(selection.filter->terms, [&](const auto& term) { return holds(doc, term); })) {
      continue;
    }
    Row row{std::move(json), {}};
    for (const auto& key : sort) row.keys.push_back(field_at(doc, key.path));
    rows.push_back(std::move(row));
  }
  std::ranges::stable_sort(rows, [&](const Row& a, const Row& b) {
    for (std::size_t i = 0; i < sort.size(); ++i) {
      const int order = compare(a.keys[i], b.keys[i]);
      if (order != 0) return sort[i].ascending ? order < 0 : order > 0;
    }
    return false;
  });
  std::vector<std::string> page;
  const auto size = static_cast<long long>(rows.size());
  for (long long i = std::max(0LL, selection.skip); i < size && i - selection.skip < selection.limit; ++i) {
    page.push_back(std::move(rows[static_cast<std::size_t>(i)].json));
  }
  return page;
}

}  // namespace maitred::json
