#include "api/list_request.hpp"

#include "json/document_selection.hpp"

namespace maitred::api {

namespace {
constexpr long long kMaxLimit = 100;
constexpr long long kMaxSkip = 1'000'000'000;
}  // namespace

ListRequest read_list_request(const http::RequestContext& context, const http::QueryParams& query,
                              long long default_limit) {
  ListRequest list;
  list.limit = query.get("limit") ? query.get_integer("limit", kMaxLimit, 0, kMaxLimit) : default_limit;
  // `offset` is Reception Star's name for resOS's `skip`.
  list.skip = query.get_integer("skip", query.get_integer("offset", 0, 0, kMaxSkip), 0, kMaxSkip);
  std::string custom_query(context.request.header("customQuery"));
  if (custom_query.empty()) custom_query = query.get("customQuery").value_or("");
  if (!custom_query.empty()) list.filter = domain::parse_search_expression(custom_query);
  if (auto text = query.get("sort"); text && !text->empty()) list.sort = domain::parse_sort(*text);
  return list;
}

std::string json_page_of(const ListRequest& list, std::vector<std::string> documents) {
  return json_array_of(json::select_documents(std::move(documents), {&list.filter, &list.sort, list.skip, list.limit}));
}

std::string json_array_of(const std::vector<std::string>& documents) {
  std::size_t size = 2;
  for (const auto& d : documents) size += d.size() + 1;
  std::string body;
  body.reserve(size);
  body += '[';
  for (std::size_t i = 0; i < documents.size(); ++i) {
    if (i > 0) body += ',';
    body += documents[i];
  }
  body += ']';
  return body;
}

}  // namespace maitred::api
