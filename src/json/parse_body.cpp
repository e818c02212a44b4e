// parse_body: the one door through which JSON enters maitred (request bodies,
// and the stored documents read back). What passes it is safe for everything
// downstream: nesting is bounded, so recursive code (serialize, diffs,
// writers) never sees untrusted depth, and every string and key is
// well-formed UTF-8, so nothing stored can become unreadable.

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/check.hpp"
#include "core/utf8.hpp"
#include "json/json_reader.hpp"

namespace maitred::json {

namespace {

// Numbers arrive as their text (kParseNumbersAsStringsFlag) and are read by
// std::from_chars, which rounds correctly: RapidJSON 1.1's own fast path
// can be one unit off in the last place (-1e-162 became
// -1.0000000000000001e-162, and read back from the store, -1e-162 again), so
// what was stored did not read back as it was written. Its full-precision
// flag is wrong in other ways (0e-32 read as 1.5e-241).
constexpr unsigned kParseFlags =
    rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag;

struct Refusal {
  std::string code;
  std::string field;
  std::string message;
};

std::string quoted_or_body(const std::string& field) {
  return field.empty() ? "the body" : "'" + field + "'";
}

Refusal invalid_text(const std::string& field, bool in_key) {
  if (in_key) {
    return {"invalid_utf8", field,
            "A key in " + quoted_or_body(field) +
                " is not valid UTF-8 (an ill-formed byte sequence or a lone UTF-16 surrogate)."};
  }
  return {"invalid_utf8", field,
          (field.empty() ? std::string("The body") : "'" + field + "'") +
              " is not valid UTF-8 (an ill-formed byte sequence or a lone UTF-16 surrogate)."};
}

// Sits between RapidJSON's (iterative) reader and the Document it builds:
// refuses nesting past kMaxNesting and ill-formed strings as they arrive, and
// knows the path of the value being read, so a refusal can name the field.
// RapidJSON validates raw UTF-8 itself, but a \u escape can still spell a
// lone surrogate (\udc00), which it writes out as ill-formed bytes.
class CheckingHandler {
 public:
  explicit CheckingHandler(rapidjson::Document& doc) : doc_(doc) { frames_.reserve(kMaxNesting); }

  bool Null() { return leaf(doc_.Null()); }
  bool Bool(bool b) { return leaf(doc_.Bool(b)); }
  bool Int(int i) { return leaf(doc_.Int(i)); }
  bool Uint(unsigned i) { return leaf(doc_.Uint(i)); }
  bool Int64(std::int64_t i) { return leaf(doc_.Int64(i)); }
  bool Uint64(std::uint64_t i) { return leaf(doc_.Uint64(i)); }
  bool Double(double d) { return leaf(doc_.Double(d)); }
  bool RawNumber(const char* str, rapidjson::SizeType length, bool /*copy*/) {
    return number(std::string_view(str, length));
  }

  bool String(const char* str, rapidjson::SizeType length, bool copy) {
    begin_value();
    if (!core::is_valid_utf8({str, length})) return refuse(invalid_text(path(), false));
    return leaf(doc_.String(str, length, copy));
  }

  bool Key(const char* str, rapidjson::SizeType length, bool copy) {
    if (!core::is_valid_utf8({str, length})) return refuse(invalid_text(path(), true));
    Frame& frame = frames_.back();
    frame.key.assign(str, length);
    frame.in_child = true;
    return doc_.Key(str, length, copy);
  }

  bool StartObject() { return open(false) && doc_.StartObject(); }
  bool StartArray() { return open(true) && doc_.StartArray(); }
  bool EndObject(rapidjson::SizeType members) { return close(doc_.EndObject(members)); }
  bool EndArray(rapidjson::SizeType elements) { return close(doc_.EndArray(elements)); }

  // The field being read (or about to be): "guest.name", "tables[2]", "" for
  // the body itself. In an object between members, the object's own path.
  std::string path() const {
    std::string out;
    for (const Frame& frame : frames_) {
      if (frame.is_array) {
        out += "[" + std::to_string(frame.elements) + "]";
      } else if (frame.in_child) {
        if (!out.empty()) out += '.';
        out += frame.key;
      }
    }
    return out;
  }

  const std::optional<Refusal>& refusal() const { return refusal_; }

 private:
  struct Frame {
    bool is_array = false;
    bool in_child = false;             // an object's member value is being read
    rapidjson::SizeType elements = 0;  // an array's elements read so far
    std::string key;                   // an object's current key
  };

  void begin_value() {
    if (!frames_.empty() && frames_.back().is_array) frames_.back().in_child = true;
  }

  void end_value() {
    if (frames_.empty()) return;
    Frame& frame = frames_.back();
    frame.in_child = false;
    if (frame.is_array) ++frame.elements;
  }

  bool leaf(bool ok) {
    end_value();
    return ok;
  }

  bool open(bool is_array) {
    begin_value();
    if (frames_.size() == kMaxNesting) {
      const std::string field = path();
      return refuse({"nested_too_deep", field,
                     (field.empty() ? std::string("The body") : "'" + field + "'") +
                         " nests arrays and objects more than " + std::to_string(kMaxNesting) + " levels deep."});
    }
    Frame frame;
    frame.is_array = is_array;
    frames_.push_back(std::move(frame));
    return true;
  }

  // The text is a JSON number (the reader checked its grammar). Integers
  // become the narrowest integer type as RapidJSON's own reader makes them;
  // integers beyond 64 bits, fractions and exponents a correctly rounded
  // double.
  bool number(std::string_view text) {
    begin_value();
    const char* first = text.data();
    const char* last = text.data() + text.size();
    if (text.find_first_of(".eE") == std::string_view::npos) {
      if (text.front() == '-') {
        std::int64_t value = 0;
        if (std::from_chars(first, last, value).ec == std::errc{}) {
          return leaf(value >= std::numeric_limits<int>::min() ? doc_.Int(static_cast<int>(value)) : doc_.Int64(value));
        }
      } else {
        std::uint64_t value = 0;
        if (std::from_chars(first, last, value).ec == std::errc{}) {
          return leaf(value <= std::numeric_limits<unsigned>::max() ? doc_.Uint(static_cast<unsigned>(value))
                                                                    : doc_.Uint64(value));
        }
      }
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(first, last, value);
    if (ec == std::errc::result_out_of_range) {
      // Too small to tell from zero is zero (as RapidJSON reads it); too
      // large has no double at all.
      const auto exponent = text.find_first_of("eE");
      if (exponent == std::string_view::npos || text[exponent + 1] != '-') {
        const std::string field = path();
        return refuse(
            {"invalid_field", field,
             (field.empty() ? std::string("The body") : "'" + field + "'") + " is a number too large to store."});
      }
      value = text.front() == '-' ? -0.0 : 0.0;
    } else {
      // The reader accepted the text as a number; from_chars must too.
      MAITRED_CHECK(ec == std::errc{} && end == last, "from_chars refused the JSON number '" + std::string(text) + "'");
    }
    return leaf(doc_.Double(value));
  }

  bool close(bool ok) {
    frames_.pop_back();
    end_value();
    return ok;
  }

  bool refuse(Refusal refusal) {
    refusal_ = std::move(refusal);
    return false;
  }

  rapidjson::Document& doc_;
  std::vector<Frame> frames_;
  std::optional<Refusal> refusal_;
};

}  // namespace

rapidjson::Document parse_body(std::string_view body) {
  // RapidJSON stops at a NUL byte and would accept "{}\0<anything>"; a raw
  // NUL is never valid JSON (inside strings it must be escaped).
  if (auto nul = body.find('\0'); nul != std::string_view::npos) {
    invalid({}, "The body is not valid JSON: it contains a NUL byte (at byte " + std::to_string(nul) + ").",
            "malformed_json");
  }
  rapidjson::Document doc;
  rapidjson::Reader reader;
  rapidjson::MemoryStream stream(body.data(), body.size());
  std::optional<Refusal> refusal;
  rapidjson::ParseResult result;
  auto read = [&](rapidjson::Document& into) {
    CheckingHandler checker(into);
    result = reader.Parse<kParseFlags>(stream, checker);
    if (checker.refusal()) {
      refusal = checker.refusal();
    } else if (result.Code() == rapidjson::kParseErrorStringInvalidEncoding ||
               result.Code() == rapidjson::kParseErrorStringUnicodeSurrogateInvalid) {
      // Caught by the reader before the string reached the checker: still
      // the checker knows whose value it was.
      refusal = invalid_text(checker.path(), false);
    }
    return !result.IsError();
  };
  doc.Populate(read);
  if (refusal) invalid(refusal->field, refusal->message, refusal->code);
  if (result.IsError()) {
    invalid({},
            std::string("The body is not valid JSON: ") + rapidjson::GetParseError_En(result.Code()) + " (at byte " +
                std::to_string(result.Offset()) + ").",
            "malformed_json");
  }
  return doc;
}

}  // namespace maitred::json
