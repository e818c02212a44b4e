// The SQL status lists both stores query with agree with the domain's rules.

#include "store/booking_columns.hpp"

#include <gtest/gtest.h>

#include <string>

#include "domain/booking_status.hpp"

namespace maitred::store {
namespace {

bool listed(std::string_view sql_list, const std::string& status) {
  return sql_list.find("'" + status + "'") != std::string_view::npos;
}

TEST(BookingColumns, SqlStatusListsFollowTheDomain) {
  ASSERT_FALSE(domain::booking_statuses().empty());
  for (const auto& name : domain::booking_statuses()) {
    const std::string status(name);
    EXPECT_EQ(listed(MAITRED_SQL_HOLDING_STATUSES, status), domain::holds_tables(status)) << status;
    EXPECT_EQ(listed(MAITRED_SQL_UPCOMING_HOLDING_STATUSES, status), domain::holds_tables(status) && status != "left")
        << status;
    EXPECT_EQ(listed(MAITRED_SQL_CONFIRMED_STATUSES, status), domain::is_confirmed(status)) << status;
  }
}

TEST(BookingColumns, TableIdsGoIntoOneColumnAndBack) {
  domain::Booking written;
  written.tables = {{"T1", "Table 1", "A1", "Inside"}, {"T2", "Table 2", "A1", "Inside"}};
  EXPECT_EQ(joined_table_ids(written), "T1,T2");
  domain::Booking read;
  add_tables_from_ids(joined_table_ids(written), read);
  ASSERT_EQ(read.tables.size(), 2u);
  EXPECT_EQ(read.tables[0].id, "T1");
  EXPECT_EQ(read.tables[1].id, "T2");
  domain::Booking none;
  add_tables_from_ids("", none);
  EXPECT_TRUE(none.tables.empty());
}

}  // namespace
}  // namespace maitred::store
