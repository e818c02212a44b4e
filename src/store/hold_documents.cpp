#include "store/hold_documents.hpp"

#include "json/hold_codec.hpp"
#include "store/corrupt_document.hpp"

namespace maitred::store {

namespace {

domain::Hold decoded(const Document& stored) {
  return decode_document("hold", stored.id, [&] { return json::hold_from_stored(stored.json); });
}

}  // namespace

void insert_hold(DocumentRepository& documents, const domain::Hold& hold, core::SystemTime at) {
  documents.insert_document(
      {Collection::holds, hold.restaurant_id, hold.id, json::hold_to_json(hold), std::nullopt, false, at});
}

std::optional<domain::Hold> find_hold(DocumentRepository& documents, std::string_view restaurant_id,
                                      std::string_view id) {
  auto stored = documents.find_document(Collection::holds, restaurant_id, id);
  if (!stored) return std::nullopt;
  return decoded(*stored);
}

std::vector<domain::Hold> list_holds(DocumentRepository& documents, std::string_view restaurant_id) {
  std::vector<domain::Hold> out;
  for (const auto& stored : documents.list_documents(Collection::holds, restaurant_id, false)) {
    out.push_back(decoded(stored));
  }
  return out;
}

}  // namespace maitred::store
