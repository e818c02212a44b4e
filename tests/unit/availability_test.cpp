// Placeholder: filled in by the availability unit tests.
