#pragma once
// Holds as the store keeps them: plain documents of the holds collection
// (DocumentRepository), encoded and decoded here through json/hold_codec, so
// the use cases handle domain::Hold only. Erasing one is
// DocumentRepository::erase_document.

#include <optional>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "domain/hold.hpp"
#include "store/document_repository.hpp"

namespace maitred::store {

// A new hold of its restaurant, stored as of `at`.
void insert_hold(DocumentRepository& documents, const domain::Hold& hold, core::SystemTime at);

// The hold, if the restaurant has it. Throws CorruptDocument when it cannot
// be decoded.
std::optional<domain::Hold> find_hold(DocumentRepository& documents, std::string_view restaurant_id,
                                      std::string_view id);

// The restaurant's holds, expired ones included (domain::is_active tells),
// in stored order. Throws CorruptDocument for one that cannot be decoded.
std::vector<domain::Hold> list_holds(DocumentRepository& documents, std::string_view restaurant_id);

}  // namespace maitred::store
