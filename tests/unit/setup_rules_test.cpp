// Placeholder: filled in by the setup unit tests.
