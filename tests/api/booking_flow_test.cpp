// Placeholder: filled in by the booking-flow black-box tests.
