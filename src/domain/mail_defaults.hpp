#pragma once
// The built-in guest e-mail templates, per kind and language (en, da, de),
// used for every part a restaurant has not overridden in its settings.

#include <string>
#include <string_view>

#include "domain/guest_mail.hpp"

namespace maitred::domain {

enum class MailPart { subject, text, html };

std::string_view mail_part_name(MailPart part);  // "subject", "text", "html"

// The default template of `part`; `language` must be one of mail_languages().
std::string default_mail_template(MailKind kind, std::string_view language, MailPart part);

// An HTML template made from a plain-text one: the literal text escaped,
// paragraphs at blank lines, line breaks kept. Placeholders pass through and
// are escaped when rendered. This is how the default HTML is made, and the
// HTML part of a restaurant that overrides only the text.
std::string html_from_text_template(std::string_view text);

}  // namespace maitred::domain
