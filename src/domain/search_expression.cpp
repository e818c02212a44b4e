#include "domain/search_expression.hpp"

#include <date/date.h>

#include <charconv>
#include <chrono>
#include <cmath>

#include "core/utf8.hpp"
#include "domain/calendar.hpp"
#include "domain/errors.hpp"

namespace maitred::domain {

namespace {

[[noreturn]] void fail(const std::string& reason, std::size_t position) {
  throw InvalidInput("invalid_search", "customQuery",
                     "customQuery: " + reason + " at position " + std::to_string(position));
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_segment_char(char c) {
  return is_letter(c) || is_digit(c) || c == '_';
}

// Quotes a character for a message only when that is safe and readable.
std::string describe(char c) {
  auto u = static_cast<unsigned char>(c);
  if (u > 0x20 && u < 0x7f) return std::string("'") + c + "'";
  return "character";
}

std::string invalid_escape_reason(char e) {
  auto u = static_cast<unsigned char>(e);
  if (u > 0x20 && u < 0x7f) return std::string("invalid escape \\") + e + " in string";
  return "invalid escape in string";
}

char op_char(SearchOp op) {
  switch (op) {
    case SearchOp::less: return '<';
    case SearchOp::greater: return '>';
    case SearchOp::equals: return ':';
    case SearchOp::contains: return ';';
  }
  return '?';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Two ASCII digits at text[at]; -1 when they are not.
int two_digits(std::string_view text, std::size_t at) {
  if (at + 2 > text.size() || !is_digit(text[at]) || !is_digit(text[at + 1])) return -1;
  return (text[at] - '0') * 10 + (text[at + 1] - '0');
}

// The scanner: it reads one token of the kind the parser asks for next,
// because the same characters mean different things by position (`2` is a
// path segment before the operator and a number after it).
class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  std::size_t position() const { return pos_; }
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  void advance() { ++pos_; }
  void skip_space() {
    while (!at_end() && is_space(peek())) ++pos_;
  }

  std::string_view path() {
    const std::size_t start = pos_;
    pos_ = scan_field_path(text_, pos_);
    return text_.substr(start, pos_ - start);
  }

  std::optional<SearchOp> op() {
    if (at_end()) return std::nullopt;
    std::optional<SearchOp> found;
    switch (peek()) {
      case '<': found = SearchOp::less; break;
      case '>': found = SearchOp::greater; break;
      case ':': found = SearchOp::equals; break;
      case ';': found = SearchOp::contains; break;
      default: break;
    }
    if (found) ++pos_;
    return found;
  }

  SearchValue value() {
    if (at_end()) fail("expected a value (a quoted string, a number, true or false)", pos_);
    const char c = peek();
    if (c == '"') return quoted_string();
    if (c == '-' || is_digit(c)) return number();
    if (is_letter(c) || c == '_') return word();
    fail("expected a value (a quoted string, a number, true or false)", pos_);
  }

 private:
  SearchValue word() {
    const std::size_t start = pos_;
    while (!at_end() && is_segment_char(peek())) ++pos_;
    const auto lexeme = text_.substr(start, pos_ - start);
    SearchValue value;
    if (lexeme == "true" || lexeme == "false") {
      value.kind = SearchValue::Kind::boolean;
      value.boolean = lexeme == "true";
      value.text = lexeme;
      return value;
    }
    fail("string values must be in double quotes", start);
  }

  void digits(const char* what) {
    if (at_end() || !is_digit(peek())) fail(what, pos_);
    while (!at_end() && is_digit(peek())) ++pos_;
  }

  SearchValue number() {
    const std::size_t start = pos_;
    if (peek() == '-') ++pos_;
    digits("expected a digit");
    if (!at_end() && peek() == '.') {
      ++pos_;
      digits("expected a digit after the decimal point");
    }
    if (!at_end() && (peek() == 'e' || peek() == 'E')) {
      ++pos_;
      if (!at_end() && (peek() == '+' || peek() == '-')) ++pos_;
      digits("expected a digit in the exponent");
    }
    SearchValue value;
    value.kind = SearchValue::Kind::number;
    value.text = text_.substr(start, pos_ - start);
    const char* first = text_.data() + start;
    const char* last = text_.data() + pos_;
    auto [end, ec] = std::from_chars(first, last, value.number);
    if (ec != std::errc{} || end != last || !std::isfinite(value.number)) fail("number out of range", start);
    return value;
  }

  char32_t hex4(std::size_t escape_at) {
    if (text_.size() - pos_ < 4) fail("invalid \\u escape (needs four hex digits)", escape_at);
    char32_t cp = 0;
    for (int i = 0; i < 4; ++i) {
      int h = hex_value(text_[pos_ + i]);
      if (h < 0) fail("invalid \\u escape (needs four hex digits)", escape_at);
      cp = cp * 16 + static_cast<char32_t>(h);
    }
    pos_ += 4;
    return cp;
  }

  void unicode_escape(std::size_t escape_at, std::string& out) {
    char32_t cp = hex4(escape_at);
    if (cp >= 0xDC00 && cp <= 0xDFFF) fail("unpaired surrogate in \\u escape", escape_at);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      // JSON spells characters beyond the BMP as a UTF-16 pair of escapes.
      if (text_.substr(pos_, 2) != "\\u") fail("unpaired surrogate in \\u escape", escape_at);
      pos_ += 2;
      char32_t low = hex4(pos_ - 2);
      if (low < 0xDC00 || low > 0xDFFF) fail("unpaired surrogate in \\u escape", escape_at);
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    // A NUL would be cut short by C string APIs on the way to SQLite.
    if (cp == 0) fail("\\u0000 is not allowed in a string", escape_at);
    append_utf8(out, cp);
  }

  SearchValue quoted_string() {
    const std::size_t start = pos_;
    ++pos_;
    std::string out;
    for (;;) {
      if (at_end()) fail("unterminated string starting", start);
      const char c = peek();
      const auto u = static_cast<unsigned char>(c);
      if (c == '"') {
        ++pos_;
        break;
      }
      if (c == '\\') {
        const std::size_t escape_at = pos_;
        ++pos_;
        if (at_end()) fail("unterminated string starting", start);
        const char e = peek();
        ++pos_;
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'n': out += '\n'; break;
          case 't': out += '\t'; break;
          case 'r': out += '\r'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'u': unicode_escape(escape_at, out); break;
          default: fail(invalid_escape_reason(e), escape_at);
        }
        continue;
      }
      if (u < 0x20) fail("control character in string (escape it)", pos_);
      if (u >= 0x80) {
        const std::size_t length = core::utf8_sequence_length(text_, pos_);
        if (length == 0) fail("invalid UTF-8 in string", pos_);
        out.append(text_.substr(pos_, length));
        pos_ += length;
        continue;
      }
      out += c;
      ++pos_;
    }
    SearchValue value;
    value.kind = SearchValue::Kind::string;
    value.instant = normalise_instant(out);
    value.text = std::move(out);
    return value;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

// Characters that, written right after a field name, were meant as part of
// it (`guest-name`, `guest[0]`, `prénom`), as opposed to a wrong operator.
bool looks_like_field_name_character(char c) {
  constexpr std::string_view punctuation = "-$[]@#/'*()&%^{}?`|\\+";
  return static_cast<unsigned char>(c) >= 0x80 || punctuation.find(c) != std::string_view::npos;
}

void check_meaning(SearchOp op, const SearchValue& value, std::size_t value_at) {
  const std::string op_text = std::string("'") + op_char(op) + "'";
  switch (op) {
    case SearchOp::equals: return;
    case SearchOp::contains:
      if (value.kind != SearchValue::Kind::string) fail("the contains operator ';' needs a quoted string", value_at);
      return;
    case SearchOp::less:
    case SearchOp::greater:
      if (value.kind == SearchValue::Kind::boolean) fail("true and false can only be compared with ':'", value_at);
      if (value.kind == SearchValue::Kind::string && !value.instant) {
        fail(op_text + " needs a number, a date (\"2026-11-24\") or a date-time with Z or an offset", value_at);
      }
      return;
  }
}

SearchTerm parse_term(Lexer& lex) {
  SearchTerm term;
  term.position = lex.position();
  const auto path = lex.path();
  if (path.empty()) {
    if (!lex.at_end() && looks_like_field_name_character(lex.peek())) {
      fail("invalid " + describe(lex.peek()) + " in field name (letters, digits and _ joined by dots)", lex.position());
    }
    fail("expected a field name", lex.position());
  }
  if (auto problem = check_field_path(path)) fail(problem->reason, term.position + problem->offset);
  term.path = path;
  if (!lex.at_end() && looks_like_field_name_character(lex.peek())) {
    fail("invalid " + describe(lex.peek()) + " in field name (letters, digits and _ joined by dots)", lex.position());
  }
  lex.skip_space();
  const std::size_t op_at = lex.position();
  auto op = lex.op();
  if (!op) fail("expected an operator (<, >, : or ;)", op_at);
  term.op = *op;
  lex.skip_space();
  const std::size_t value_at = lex.position();
  term.value = lex.value();
  check_meaning(term.op, term.value, value_at);
  return term;
}

}  // namespace

std::size_t scan_field_path(std::string_view text, std::size_t from) {
  while (from < text.size() && (is_segment_char(text[from]) || text[from] == '.')) ++from;
  return from;
}

std::optional<FieldPathProblem> check_field_path(std::string_view path) {
  if (path.empty()) return FieldPathProblem{0, "expected a field name"};
  if (path.size() > max_field_path_length) {
    return FieldPathProblem{max_field_path_length,
                            "field name is longer than " + std::to_string(max_field_path_length) + " characters"};
  }
  std::size_t segments = 0, segment_start = 0;
  for (std::size_t i = 0; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '.') {
      if (i == segment_start) return FieldPathProblem{i, "empty segment in field name"};
      if (++segments > max_field_path_segments) {
        return FieldPathProblem{segment_start,
                                "field name has more than " + std::to_string(max_field_path_segments) + " segments"};
      }
      segment_start = i + 1;
    } else if (!is_segment_char(path[i])) {
      return FieldPathProblem{i,
                              "invalid " + describe(path[i]) + " in field name (letters, digits and _ joined by dots)"};
    }
  }
  return std::nullopt;
}

std::optional<std::string> normalise_instant(std::string_view text) {
  if (text.size() < 10) return std::nullopt;
  auto day = parse_iso_date(text.substr(0, 10));
  if (!day) return std::nullopt;
  if (text.size() == 10) return std::string(text);

  // YYYY-MM-DDTHH:MM[:SS[.fff]] then Z, +HH:MM, -HH:MM, +HHMM or -HHMM.
  std::size_t at = 10;
  if (text[at++] != 'T') return std::nullopt;
  const int hh = two_digits(text, at);
  if (hh < 0 || hh > 23 || at + 2 >= text.size() || text[at + 2] != ':') return std::nullopt;
  at += 3;
  const int mm = two_digits(text, at);
  if (mm < 0 || mm > 59) return std::nullopt;
  at += 2;
  int ss = 0;
  if (at < text.size() && text[at] == ':') {
    ss = two_digits(text, at + 1);
    if (ss < 0 || ss > 59) return std::nullopt;
    at += 3;
    if (at < text.size() && text[at] == '.') {
      // Stored instants have whole seconds, so the fraction is dropped.
      ++at;
      const std::size_t fraction_start = at;
      while (at < text.size() && is_digit(text[at])) ++at;
      if (at == fraction_start) return std::nullopt;
    }
  }
  if (at >= text.size()) return std::nullopt;  // no zone: local time of where?
  int offset_minutes = 0;
  if (text[at] == 'Z') {
    ++at;
  } else if (text[at] == '+' || text[at] == '-') {
    const int sign = text[at] == '-' ? -1 : 1;
    ++at;
    const int offset_hours = two_digits(text, at);
    if (offset_hours < 0 || offset_hours > 23) return std::nullopt;
    at += 2;
    if (at < text.size() && text[at] == ':') ++at;
    const int offset_mins = two_digits(text, at);
    if (offset_mins < 0 || offset_mins > 59) return std::nullopt;
    at += 2;
    offset_minutes = sign * (offset_hours * 60 + offset_mins);
  } else {
    return std::nullopt;
  }
  if (at != text.size()) return std::nullopt;

  using namespace std::chrono;
  const auto utc = date::sys_days{*day} + hh * 1h + mm * 1min + ss * 1s - offset_minutes * 1min;
  const auto utc_day = date::floor<date::days>(utc);
  const date::year_month_day ymd{utc_day};
  // An offset can push year 0000 or 9999 out of the four-digit range.
  if (ymd.year() < date::year{0} || ymd.year() > date::year{9999}) return std::nullopt;
  const auto time = date::hh_mm_ss<std::chrono::seconds>{utc - utc_day};
  std::string out = format_iso_date(ymd);
  char clock[11];
  const auto h = static_cast<int>(time.hours().count());
  const auto m = static_cast<int>(time.minutes().count());
  const auto s = static_cast<int>(time.seconds().count());
  clock[0] = 'T';
  clock[1] = static_cast<char>('0' + h / 10);
  clock[2] = static_cast<char>('0' + h % 10);
  clock[3] = ':';
  clock[4] = static_cast<char>('0' + m / 10);
  clock[5] = static_cast<char>('0' + m % 10);
  clock[6] = ':';
  clock[7] = static_cast<char>('0' + s / 10);
  clock[8] = static_cast<char>('0' + s % 10);
  clock[9] = 'Z';
  clock[10] = '\0';
  out += clock;
  return out;
}

SearchExpression parse_search_expression(std::string_view text) {
  if (text.size() > max_search_text_bytes) {
    fail("the expression is longer than " + std::to_string(max_search_text_bytes) + " bytes", max_search_text_bytes);
  }
  SearchExpression expression;
  Lexer lex(text);
  lex.skip_space();
  if (lex.at_end()) return expression;
  for (;;) {
    lex.skip_space();
    if (lex.peek() == ',') fail("empty term", lex.position());
    if (expression.terms.size() == max_search_terms) {
      fail("too many terms (at most " + std::to_string(max_search_terms) + ")", lex.position());
    }
    expression.terms.push_back(parse_term(lex));
    lex.skip_space();
    if (lex.at_end()) break;
    if (lex.peek() != ',') fail("expected ',' or the end of the expression", lex.position());
    const std::size_t comma_at = lex.position();
    lex.advance();
    lex.skip_space();
    if (lex.at_end()) fail("trailing comma", comma_at);
  }
  return expression;
}

}  // namespace maitred::domain
