#pragma once
// What both stores keep beside a booking's document: which document paths
// have a column of their own, and the tables' ids in one text column.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/booking.hpp"

// The status rules of domain/booking_status.hpp as SQL lists, for both
// stores' queries (macros, so they join prepared statements' literals).
// tests/unit/booking_columns_test.cpp checks them against the domain.
#define MAITRED_SQL_HOLDING_STATUSES "('request', 'approved', 'arrived', 'seated', 'left')"  // holds_tables
// Holding and not yet left: the bookings still to come on a table.
#define MAITRED_SQL_UPCOMING_HOLDING_STATUSES "('request', 'approved', 'arrived', 'seated')"
#define MAITRED_SQL_CONFIRMED_STATUSES "('approved', 'arrived', 'seated', 'left')"  // is_confirmed

namespace maitred::store {

// Document path -> column, for filters and sorts on bookings. The same in
// both schemas (SQLite 0003/0006, PostgreSQL 0001).
const std::vector<std::pair<std::string, std::string>>& booking_column_paths();

// The booking's tables' ids joined by commas (ids are alphanumeric), and back
// into tables that carry only their ids.
std::string joined_table_ids(const domain::Booking& booking);
void add_tables_from_ids(std::string_view joined, domain::Booking& booking);

}  // namespace maitred::store
