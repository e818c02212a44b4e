#include "web/assets.hpp"

namespace maitred::web {

const Asset* find_asset(std::string_view path) {
  // A handful of entries: a scan beats building an index.
  for (const Asset& asset : all_assets()) {
    if (asset.path == path) return &asset;
  }
  return nullptr;
}

}  // namespace maitred::web
