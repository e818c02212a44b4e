#pragma once
// What the SQLite and PostgreSQL guest-message repositories share: the
// column list, in the order both read rows.

namespace maitred::store {

#define MAITRED_GUEST_MESSAGE_COLUMNS                                                                  \
  "restaurant_id, id, booking_id, kind, language, to_address, status, attempts, sequence, created_at," \
  " next_attempt_at, last_error, sent_at, message_id, dedupe_key"

}  // namespace maitred::store
