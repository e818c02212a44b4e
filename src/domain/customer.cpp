#include "domain/customer.hpp"

namespace maitred::domain {

long long order_total_cents(const Order& order) {
  long long total = 0;
  for (const auto& item : order.items) total += item.price_cents * item.quantity;
  return total;
}

bool is_order_status(std::string_view status) {
  return status == "open" || status == "confirmed" || status == "served" || status == "canceled";
}

}  // namespace maitred::domain
